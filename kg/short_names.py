"""The short forms news writes of long names, for kg.mentions to look up when nothing else matches.

News style drops the middle of an Arabic name of three words or more that ends in an article and a noun, keeping its
first and last words (Harakat al-Nujaba for Harakat Hezbollah al-Nujaba, Kataib al-Shuhada for Kataib Sayyid
al-Shuhada). (A facility named by its place alone, al-Tanf for al-Tanf crossing, is not taken for it: a bare place
name more often means the place.)

A short form is kept only when one entry gives it and it neither is nor holds another entry's name: a short form two
entries share, one that names something else (or is spelled as another name is transliterated), or one that holds
another's name, is left to the curator.
"""

from __future__ import annotations

from .names import fold, is_article, skeleton

MIN_LENGTH = 5  # a folded short form shorter than this is too common a word to stand for a name


def _shortened(name: str, demonyms: frozenset[str] = frozenset()) -> set[str]:
    """The folded short forms of one capitalised register name: its Arabic name's first and last words; a body's
    name without its last word "Command" (Iraqi Border Forces for Iraqi Border Forces Command), a corps's without its
    first and last words (Revolutionary Guards for Iranian Revolutionary Guards Corps), or without the country
    adjective it opens with where three words or more remain (Border Forces Command; not Security Forces, which
    another country's forces are called too)."""
    words = fold(name).split()
    if not any(c.isupper() for c in name) or len(words) < 2:
        return set()
    out = set()
    content = [i for i, w in enumerate(words) if not is_article(w)]
    if len(content) >= 3 and is_article(words[content[-1] - 1]):  # al-Nujaba keeps its article
        out.add(" ".join(words[: content[0] + 1] + words[content[-1] - 1:]))
    if words[-1] == "command" and len(words) >= 3:
        out.add(" ".join(words[:-1]))
    if words[-1] == "corps" and len(words) >= 4:  # the Revolutionary Guards for the Iranian Revolutionary Guards Corps
        out.add(" ".join(words[1:-1]))
    if words[0] in demonyms and len(words) >= 4:  # the adjective's rest must still name one body: three words or more
        out.add(" ".join(words[1:]))
        if words[-1] == "command" and len(words) >= 5:
            out.add(" ".join(words[1:-1]))
    return {s for s in out if len(s) >= MIN_LENGTH and s != fold(name)}


def short_forms(names: dict[str, set[str]], demonyms: frozenset[str] = frozenset()) -> dict[str, str]:
    """Folded short form -> entity id, from each entity's names (id -> label and aliases): only forms one entity gives
    and no entity has as a name. demonyms: the folded country adjectives a name may open with."""
    full = {fold(n): ent_id for ent_id, ns in names.items() for n in ns}
    sounds = {skeleton(n): ent_id for ent_id, ns in names.items() for n in ns}
    givers: dict[str, set[str]] = {}
    for ent_id, ns in names.items():
        for name in ns:
            for short in _shortened(name, demonyms):
                givers.setdefault(short, set()).add(ent_id)
    out = {}
    for short, ids in givers.items():
        ent_id = next(iter(ids))
        others = {n for n, other in full.items() if other != ent_id}
        if len(ids) == 1 and short not in others and sounds.get(skeleton(short), ent_id) == ent_id \
                and not any(f" {n} " in f" {short} " for n in others):
            out[short] = ent_id
    return out
