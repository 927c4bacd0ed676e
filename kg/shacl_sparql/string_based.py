"""String-based constraints (SHACL 4.4): sh:minLength, sh:maxLength, sh:pattern with sh:flags, sh:languageIn,
sh:uniqueLang; and the regular expressions Python's re and the store read alike."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from .component import Component, Shape, Unsupported
from .terms import INTEGER_TYPES, SH, Term, n_triples_term, negation, rdf_list, to_rdflib

if TYPE_CHECKING:
    from .validator import Validator


def load(v: Validator, shape: Shape, params: set, stack: tuple) -> list[Component]:
    """The shape's sh:minLength, sh:maxLength, sh:pattern, sh:languageIn and sh:uniqueLang constraints, in that order."""
    g, node, out = v.g, shape.node, []
    for p, iri in ((SH.minLength, SH.MinLengthConstraintComponent), (SH.maxLength, SH.MaxLengthConstraintComponent)):
        if p in params:
            n = v.one(node, p)
            if not (isinstance(n, Literal) and not n.ill_typed and n.datatype in INTEGER_TYPES
                    and n.datatype not in (XSD.negativeInteger, XSD.nonPositiveInteger) and n.value >= 0):
                raise Unsupported(f"malformed {p}")
            out.append(LengthC(iri, n))
    if SH.pattern in params:
        patterns = list(g.objects(node, SH.pattern))
        if not all(isinstance(p, Literal) for p in patterns):
            raise Unsupported("malformed sh:pattern")
        flags = next(iter(set(g.objects(node, SH.flags))), None)
        out += [PatternC(p, patterns, flags) for p in patterns]
    if SH.languageIn in params:
        lst = v.one(node, SH.languageIn)
        langs = rdf_list(g, lst)
        if not all(isinstance(x, Literal) and isinstance(x.value, str) for x in langs):
            raise Unsupported("malformed sh:languageIn")
        out.append(LanguageInC(lst, [str(x.value) for x in langs]))
    if SH.uniqueLang in params:
        flag = v.one(node, SH.uniqueLang)
        if not shape.is_property or not (isinstance(flag, Literal) and flag.value is True):
            raise Unsupported("sh:uniqueLang other than true")
        out.append(UniqueLangC())
    return out


# --- regular expressions shared by Python's re and the store --------------------------------------------------

_PLAIN_ESCAPES = set(".^$*+?()[]{}|\\/-")
_CLASS_ESCAPES = _PLAIN_ESCAPES | {"d", "D", "n", "t", "r"}


def portable_regex(pattern: str, multiline: bool) -> str | None:
    """The pattern in the store's regex syntax with Python's meaning, or None when it uses anything beyond a shared core."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n or pattern[i + 1] not in _CLASS_ESCAPES:
                return None
            out.append(pattern[i:i + 2])
            i += 2
        elif c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                return None
            while j < n and pattern[j] != "]":
                if pattern[j] == "[" or pattern[j:j + 2] in ("&&", "--", "~~"):
                    return None
                if pattern[j] == "\\":
                    if j + 1 >= n or pattern[j + 1] not in _CLASS_ESCAPES:
                        return None
                    j += 2
                    continue
                j += 1
            if j >= n:
                return None
            out.append(pattern[i:j + 1])
            i = j + 1
        elif c == "{":
            m = re.match(r"\{[0-9]+(,[0-9]*)?\}", pattern[i:])
            if not m:
                return None
            out.append(m.group(0))
            i += len(m.group(0))
        elif c == "(":
            if pattern.startswith("(?:", i):
                out.append("(?:")
                i += 3
            elif i + 1 < n and pattern[i + 1] == "?":
                return None
            else:
                out.append("(")
                i += 1
        elif c == "$":
            # Without re.M, Python's $ also matches before a final newline.
            out.append("$" if multiline else "(?:\\n?$)")
            i += 1
        elif c in "}])":
            if c == ")":
                out.append(c)
                i += 1
            else:
                return None
        else:
            out.append(c)
            i += 1
    return "".join(out)


class LengthC(Component):
    """sh:minLength or sh:maxLength."""

    def __init__(self, iri: URIRef, rule: Literal):
        self.iri, self.rule, self.n = iri, rule, int(rule.value)
        self.is_min = iri == SH.MinLengthConstraintComponent

    def sc(self, v, var):
        if self.is_min and self.n == 0:
            return "true"
        return f"STRLEN(STR({var})) {'>=' if self.is_min else '<='} {self.n}"

    def sf(self, v, var):
        if self.is_min and self.n == 0:
            return "false"
        return f"(isBlank({var}) || STRLEN(STR({var})) {'<' if self.is_min else '>'} {self.n})"

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            if self.is_min and self.n == 0:
                ok = True
            elif isinstance(x, BNode):
                ok = False
            else:
                n = len(_string_of(x))
                ok = n >= self.n if self.is_min else n <= self.n
            if not ok:
                out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        return [f"String length not {'>=' if self.is_min else '<='} {v.s_data(self.rule)}"]


def _string_of(x: Term) -> str:
    if isinstance(x, Literal) and x.value is not None and x.datatype in (None, RDF.langString, XSD.string):
        return str(x.value)
    return str(x)


class PatternC(Component):
    iri = SH.PatternConstraintComponent

    def __init__(self, pattern: Literal, all_patterns: list[Literal], flags: Term | None):
        self.pattern, self.all = pattern, all_patterns
        text = str(pattern.value) if pattern.value is not None and len(pattern.value) > 1 else str(pattern)
        flag_text = str(flags.value).lower() if isinstance(flags, Literal) and flags.value else ""
        re_flags = (re.I if "i" in flag_text else 0) | (re.M if "m" in flag_text else 0)
        self.regex = re.compile(text, re_flags)
        self.store_flags = "".join(f for f in "im" if f in flag_text)
        self.portable = portable_regex(text, "m" in flag_text)

    def sc(self, v, var):
        if self.portable is None:
            return "false"
        return f"REGEX(STR({var}), {n_triples_term(Literal(self.portable))}, \"{self.store_flags}\")"

    def sf(self, v, var):
        if self.portable is None:
            return f"isBlank({var})"
        return f"(isBlank({var}) || !REGEX(STR({var}), {n_triples_term(Literal(self.portable))}, \"{self.store_flags}\"))"

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            ok = not isinstance(x, BNode) and bool(self.regex.match(_string_of(x)) or self.regex.search(_string_of(x)))
            if not ok:
                out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        if len(self.all) < 2:
            return [f"Value does not match pattern '{self.all[0].value}'"]
        return ["Value does not match every pattern in ('{}')".format("', '".join(str(p.value) for p in self.all))]


class LanguageInC(Component):
    iri = SH.LanguageInConstraintComponent

    def __init__(self, lst: Term, langs: list[str]):
        self.lst, self.langs = lst, {lang.lower() for lang in langs}

    def sc(self, v, var):
        if "*" in self.langs:
            return f'(isLiteral({var}) && lang({var}) != "")'
        if not self.langs:
            return "false"
        wanted = ", ".join(n_triples_term(Literal(lang)) for lang in sorted(self.langs))
        return (f'(isLiteral({var}) && lang({var}) != "" && (LCASE(lang({var})) IN ({wanted}) '
                f'|| LCASE(STRBEFORE(CONCAT(lang({var}), "-"), "-")) IN ({wanted})))')

    def sf(self, v, var):
        return negation(self.sc(v, var))

    def judge(self, v, shape, focus, values):
        out = []
        for x in values:
            lang = x.language if isinstance(x, Literal) else None
            ok = bool(lang) and ("*" in self.langs or lang.lower() in self.langs or lang.split("-")[0].lower() in self.langs)
            if not ok:
                out.append(v.result(self, shape, focus, x))
        return out

    def messages(self, v, shape, focus, value):
        return [f"String language is not in {v.s_sg(self.lst)}"]


class UniqueLangC(Component):
    iri = SH.UniqueLangConstraintComponent
    value_level = False

    def top(self, v, shape, frag):
        if not shape.simple:
            yield from v.focus_candidates(self, shape, frag)
            return
        p = shape.sparql_path
        query = (f"SELECT DISTINCT ?this WHERE {{ {frag('?this')} ?this {p} ?a . ?this {p} ?b . "
                 f'FILTER(lang(?a) != "" && !sameTerm(?a, ?b) && LCASE(lang(?a)) = LCASE(lang(?b))) }}')
        for row in v.select(query):
            focus = to_rdflib(row["this"])
            yield focus, self.judge(v, shape, focus, v.value_nodes(shape, focus))

    def judge(self, v, shape, focus, values):
        seen, twice = set(), set()
        for x in values:
            if isinstance(x, Literal) and x.language:
                lang = x.language.lower()
                (twice if lang in seen else seen).add(lang)
        return [v.result(self, shape, focus, None) for _ in twice]

    def messages(self, v, shape, focus, value):
        return ["More than one String shares the same Language"]
