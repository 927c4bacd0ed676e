"""Where a text names register entities, however it spells them, and which names it gives that the register lacks.

A mention is found in this order, the longest name winning where names overlap:

- `name`: a label or alias of the register, exactly as written (kg.register.mention_spans);
- `folded`: the same once case, apostrophes and hyphens are set aside (kg.names.fold): al-Qa'im for al-Qaim, Iraqi
  Security forces, US forces for U.S. forces; or with another word for an armed body at its end (Units for Forces,
  groups or factions for militias);
- `skeleton`: the consonant key transliterations share (kg.names.skeleton), confirmed by the edit similarity of the
  folded forms (rapidfuzz): Kata’aib Hezbollah, Hizballah, Albukmal;
- `fuzzy`: for long capitalised names only, a folded form within a small edit distance of a register name;
- `short`: a short form news writes of a long name (kg.short_names): Harakat al-Nujaba, al-Tanf for al-Tanf crossing;
- `translated`: a group's Arabic name read as its English one (kg.arabic_names: Hashd al-Shaabi);
- a crossing named by the two places it joins, a dash between them (kg.paired_places: al-Qaim-Abu Kamal crossing),
  and a border by the two countries it divides (kg.paired_places: the Syria-Iraq frontier);
- `acronym` and `surname`: short forms of names the text gives in full (KH after Kataib Hezbollah, a bracketed
  "(iSi)", Soleimani after Qassem Soleimani), and capitals that are the initials of one register name only (US).

A register name followed by the word of another kind of thing (Albukamal Border Crossing, Imam Ali Battalions) is
not that entity but the one entry of that kind whose name holds it, or else a new name. Country adjectives (Iraqi,
Syrian, Iranian) are kept apart as `demonym` mentions: they name no entity, but tell a fact's country or perpetrator.
Runs of capitalised words that match nothing are `unknown`: candidates for new register entries (kg.entity_types
guesses their class), and so are the names kg.phrase_names finds written partly in lower case or with a number (Iraqi
army, eastern Syria, Unit 190).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from .arabic_names import english_name, gloss_word
from .names import fold, skeleton
from .paired_places import paired_borders, paired_crossings
from .phrase_names import phrase_spans
from .register import Entity, mention_spans
from .short_names import short_forms

MAX_WORDS = 6
SKELETON_SIMILARITY = 70  # folded forms of one name's transliterations (Hizballah / Hezbollah: 78)
FUZZY_SIMILARITY = 90
FUZZY_MIN_LENGTH = 8
SHORT_NAME = 4  # names this short (US, KH, iSi) match as written, or as the short forms of names (_acronyms)

_POSSESSIVE = re.compile(r"['’]s$")
_ARTICLE = re.compile(r"(?:The|the|A|An)\s")
# Lower-case words that may stand inside a name (Harakat Hezbollah al-Nujaba, Movement of the Noble Ones).
_JOINERS = {"al", "el", "ez", "as", "ad", "bin", "ibn", "abu", "of", "the", "de"}
# Title words before a person's name: kept out of the name, and evidence that it is a person's.
TITLES = {"president", "minister", "general", "gen", "lt", "col", "colonel", "maj", "major", "commander", "governor",
          "spokesman", "spokeswoman", "chief", "ambassador", "director", "sheikh", "dr", "mr", "mrs", "ms", "prime",
          "defense", "defence", "interior", "foreign", "expert", "leader", "head"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    words: str
    entity: str | None  # register id; None for a demonym's or an unknown name's
    how: str  # name, folded, skeleton, fuzzy, demonym, unknown
    country: str | None = None  # for a demonym: the country's register id




# Country adjectives and the country each names (as the register labels it).
DEMONYMS = {"Iraqi": "Iraq", "Iraqis": "Iraq", "Syrian": "Syria", "Syrians": "Syria", "Iranian": "Iran", "Iranians": "Iran",
            "Israeli": "Israel", "Israelis": "Israel", "American": "United States", "Americans": "United States",
            "Lebanese": "Lebanon", "Jordanian": "Jordan", "Russian": "Russia", "Turkish": "Turkey", "Saudi": "Saudi Arabia",
            "Kuwaiti": "Kuwait", "Egyptian": "Egypt"}
# Capitalised words that start sentences or headings without naming anything.
_COMMON = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "in", "on", "at",
           "as", "and", "but", "or", "so", "if", "when", "while", "after", "before", "since", "however", "according", "thus",
           "therefore", "meanwhile", "moreover", "also", "there", "then", "today", "yesterday", "monday", "tuesday",
           "wednesday", "thursday", "friday", "saturday", "sunday", "photo", "read", "more", "by", "for", "from", "to",
           "with", "without", "what", "which", "who", "why", "how", "not", "no", "yes", "one", "two", "some", "many",
           "other", "overview", "so far", "all", "his", "her", "their", "our", "mr", "ms", "said", "new", "old", "yet",
           "nevertheless", "still", "although", "despite", "though", "because", "instead", "indeed", "nonetheless", "last",
           "next", "earlier", "later"}
# a pronoun's contraction ("I’m Rania, a freelance reporter"): no name's first word
_COMMON |= {p + q + c for p, cs in (("i", ("m", "ve", "ll", "d")), ("we", ("re", "ve", "ll", "d")), ("you", ("re", "ve", "ll")),
                                     ("they", ("re", "ve", "ll")), ("he", ("s", "ll", "d")), ("she", ("s", "ll", "d")),
                                     ("it", ("s",)), ("that", ("s",)), ("there", ("s",)), ("let", ("s",)))
            for c in cs for q in ("'", "’")}
_NOT_GIVEN_NAMES = TITLES | _JOINERS | _COMMON  # words before a surname that are no one's given name
# Adjectives of sect and people, capitalised but not names of entities (a fact's concept at most).
_ADJECTIVES = {"shiite", "shi'ite", "shi’ite", "shia", "shi'a", "sunni", "kurdish", "arab", "arabic", "persian", "islamic",
               "muslim", "christian", "western", "eastern", "northern", "southern"}
_MEDIA_KINDS = {"tv", "television", "radio", "newspaper", "daily", "agency", "channel", "website"}
_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december"}
# Letters, with apostrophes inside (Kata’aib, Qa'im, Shi'ite); hyphens separate words (al-Qaim is two).
_TOKEN = re.compile(r"[^\W\d_](?:\w|['’‘](?=\w))*")
# Words of more than three letters that title case leaves lower case.
_TITLE_CASE_LOWER = {"about", "above", "across", "after", "against", "along", "among", "around", "before", "behind",
                     "below", "between", "beyond", "during", "from", "into", "near", "onto", "over", "since", "than",
                     "that", "through", "toward", "towards", "under", "until", "upon", "when", "with", "within", "without"}
# Where a sentence or line starts: the text's start, a line's, or after a sentence's end (closing quotes allowed).
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"'’”)]*\s+)[\"“‘']?\S$")
_ARABIC_ARTICLES = {"al", "el"}
_GAP = re.compile(r"^[ \-‐‑]?$")  # what may stand between the words of one name


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


class Matcher:
    """Finds the register's entities in a text, however the text spells them."""

    def __init__(self, entities: dict[str, Entity]):
        self.entities = entities
        self.folded: dict[str, str] = {}
        self.skeletons: dict[str, list[tuple[str, str]]] = {}
        for ent in entities.values():
            for name in {ent.label, *ent.aliases}:
                key = fold(name)
                if len(key) <= SHORT_NAME or name.islower():  # common nouns (people, weapons) only as written
                    continue
                self.folded.setdefault(key, ent.id)
                self.skeletons.setdefault(skeleton(name), []).append((key, ent.id))
        # a crossing is a "border port" or "port" to the authorities that run it (al-Qaim border port, Al-Qaim Border Port)
        for ent in entities.values():
            if ent.type.endswith("Crossing"):
                for name in {ent.label, *ent.aliases}:
                    base = re.fullmatch(r"(.+?) (?:border )?crossing", fold(name))
                    for form in ([f"{base.group(1)} port", f"{base.group(1)} border port"] if base else []):
                        self.folded.setdefault(form, ent.id)
        self.countries = {fold(ent.label): ent.id for ent in entities.values()}
        # the groups whose names hold a word (a glossed Arabic noun alone names the one group whose name holds its gloss)
        self.groups_by_word: dict[str, set[str]] = {}
        for key, ent_id in self.folded.items():
            if entities[ent_id].type.endswith(("#Militia", "#Organization", "#StateForce")) and " " in key:
                for word in key.split():
                    self.groups_by_word.setdefault(word, set()).add(ent_id)
        # The initials of the register's names of two words or more (US for United States), where only one entity has them.
        initials: dict[str, set[str]] = {}
        for ent in entities.values():
            for name in {ent.label, *ent.aliases}:
                words = [w for w in _TOKEN.findall(name) if w.lower() not in _JOINERS | {"and"}]
                if len(words) > 1 and all(_capitalised(w) for w in words):
                    initials.setdefault("".join(w[0] for w in words).upper(), set()).add(ent.id)
        self.initials = {k: next(iter(v)) for k, v in initials.items() if len(v) == 1}
        self.names = list(self.folded)
        self.short = short_forms({ent.id: {ent.label, *ent.aliases} for ent in entities.values()},
                                 frozenset(fold(d) for d in DEMONYMS))
        self.bare = _without_article(self.folded)
        # Names that mix capitalised and lower-case words (Shiite militias, American troops): no run of capitals holds
        # them, so they are looked up, spelled otherwise, over windows of as many words.
        self.mixed: dict[int, dict[str, str]] = {}
        for key, ent_id in self.folded.items():
            name_words = key.split()
            # title-case names too: a text may write their last words in lower case (Iraqi Security forces)
            if len(name_words) > 1 and any(fold(n) == key and n[:1].isupper()
                                           for ent in [entities[ent_id]] for n in {ent.label, *ent.aliases}):
                self._add_mixed(key, ent_id)
        # a short form in lower case too ("Iraqi border guards"), and a name without its article ("Qaim crossing")
        for key, ent_id in [*self.short.items(), *self.bare.items()]:
            if " " in key:
                self._add_mixed(key, ent_id)

    def _add_mixed(self, key: str, ent_id: str) -> None:
        """A folded name and its variants as windows of as many words as each is written in."""
        for form in _variants(key):
            for size in {len(_TOKEN.findall(form)), len(_TOKEN.findall(_backing(form)))}:
                self.mixed.setdefault(size, {}).setdefault(_backing(form), ent_id)

    def lookup(self, words: str) -> tuple[str, str] | None:
        """The entity a run of words names, and how it was matched: (id, how), or None."""
        key = fold(_POSSESSIVE.sub("", words))
        if key in self.bare and words[:1].isupper() and not words.isupper():  # Qaim for al-Qaim (a capitals line's
            # words are all capitalised: "MONITOR" there is no Al-Monitor)
            return self.bare[key], "short"
        if len(key) <= SHORT_NAME:
            return None
        if key in self.folded:
            return self.folded[key], "folded"
        for other in [*_force_words(key), *_of_forms(key)]:
            if other in self.folded:
                return self.folded[other], "folded"
        capitals = words.isupper() and " " not in key  # a capitals line's word: capitalised whatever it is
        for name, ent_id in self.skeletons.get(skeleton(key), ()):
            if fuzz.ratio(key, name) >= SKELETON_SIMILARITY and not (capitals and name.split()[0] in _ARABIC_ARTICLES):
                return ent_id, "skeleton"  # ("MONITOR" there is no Al-Monitor)
        if len(key) >= FUZZY_MIN_LENGTH and words[:1].isupper():
            best = process.extractOne(key, self.names, scorer=fuzz.ratio, score_cutoff=FUZZY_SIMILARITY)
            if best is not None:
                return self.folded[best[0]], "fuzzy"
        if key in self.short and words[:1].isupper() or key.split()[0] in _JOINERS and key in self.short:
            return self.short[key], "short"
        shorts = {self.short[other] for other in _force_words(key) if other in self.short}
        if len(shorts) == 1 and words[:1].isupper():  # Iraqi Border Guards: the Iraqi Border Forces (Command)
            return shorts.pop(), "short"
        english = english_name(words)
        if english is not None:  # Hashd al-Shaabi: the Popular Mobilization (Forces)
            found = {self.folded[f] for f in (english, *(f"{english} {w}" for w in _FORCE_WORDS)) if f in self.folded}
            if len(found) == 1:
                return found.pop(), "translated"
        national = self._national(key)
        if national is not None:  # Government of Iraq, the Syrian Arab Republic
            return national, "folded"
        noun = gloss_word(words) if words[:1].isupper() else None
        found = self.groups_by_word.get(noun, set()) if noun is not None else set()
        if len(found) == 1:  # the Hashd: the one group whose English name holds "mobilization"
            return next(iter(found)), "translated"
        return None

    def _national(self, key: str) -> str | None:
        """A state's body named after its country ("government of iraq": the Iraqi government), and a country by its
        formal name ("syrian arab republic", "republic of iraq", "islamic republic of iran"), where the register has it."""
        body = _BODY_OF.fullmatch(key)
        if body and body.group(2) in _ADJECTIVE_OF:
            return self.folded.get(f"{_ADJECTIVE_OF[body.group(2)]} {body.group(1)}")
        formal = _REPUBLIC_OF.fullmatch(key)
        if formal and formal.group(1) in _ADJECTIVE_OF:
            return self.countries.get(formal.group(1))
        formal = _ADJECTIVE_REPUBLIC.fullmatch(key)
        if formal and formal.group(1) in _COUNTRY_OF:
            return self.countries.get(_COUNTRY_OF[formal.group(1)])
        return None

    def find(self, text: str) -> list[Mention]:
        """Every mention of the text, in order: the longest linked names claim their words (a name as written winning a
        tie), then demonyms, then unknown names."""
        tokens = list(_TOKEN.finditer(text))
        runs = _runs(text, tokens)
        candidates = [Mention(s, e, text[s:e], ent_id, "name") for s, e, ent_id in mention_spans(self.entities, text)
                      if not self._inside_other_name(ent_id, runs, s, e)]
        for run in runs:
            for start, end in _ngrams(run):
                if text[start:end] in DEMONYMS or _ARTICLE.match(text[start:end]):  # "The" opening a sentence is no name's
                    continue
                found = self.lookup(text[start:end])
                if found is not None and found[1] == "translated" and " " not in fold(text[start:end]) \
                        and (any(t.end() <= start and t.group(0).lower() not in ("the", "a") for t in run) or run[-1].end() > end):
                    continue  # a group's noun alone, not the first word of another Arabic name (the Hashd al-Watani)
                if found is not None and not self._partial_person(found[0], run, start, end):
                    candidates.append(Mention(start, end, text[start:end], found[0], found[1]))
        candidates.extend(self._mixed(text, tokens))
        candidates.extend(self._capitalised_common(text))
        taken: list[Mention] = []
        for cand in sorted(candidates, key=lambda m: (m.start - m.end, m.how != "name", m.start)):
            if not _overlaps(taken, cand.start, cand.end):
                taken.append(cand)
        taken = [m if m.entity and self.entities[m.entity].type.endswith("#Country")
                 else self._named_after(_compound(text, m, runs), m.entity) for m in taken]
        taken.extend(_acronyms(text, tokens, taken, self.entities))
        taken.extend(_bracketed_names(text, taken, self.entities))
        for tok in tokens:
            word = tok.group(0)
            if word.isupper() and len(word) >= 2 and word in self.initials and not _overlaps(taken, tok.start(), tok.end()):
                taken.append(Mention(tok.start(), tok.end(), word, self.initials[word], "acronym"))
        linked = [(m.start, m.end, self.entities[m.entity].type.rsplit("#", 1)[-1], m.words) for m in taken if m.entity]
        spans, dropped = phrase_spans(text, linked, DEMONYMS)  # eastern Syria, Albukamal region, Iraqi army, Unit 190
        gone = {linked[i][:2] for i in dropped}
        taken = [m for m in taken if (m.start, m.end) not in gone] + [Mention(s, e, text[s:e], None, "unknown") for s, e in spans]
        lower_words = {w.lower() for w in _TOKEN.findall(text) if w.islower()}
        for run in runs:
            if _headline(text, run):
                continue
            for start, end in _unknown_spans(text, run, taken, lower_words):
                taken.append(Mention(start, end, text[start:end], None, "unknown"))
        for tok in tokens:
            country = DEMONYMS.get(tok.group(0))
            if country and not _overlaps(taken, tok.start(), tok.end()):
                taken.append(Mention(tok.start(), tok.end(), tok.group(0), None, "demonym", self.countries.get(fold(country))))
        return paired_borders(text, paired_crossings(text, sorted(taken, key=lambda m: m.start), self.entities), self.entities)

    def _mixed(self, text: str, tokens: list[re.Match]) -> list[Mention]:
        """Mentions of names that mix capitalised and lower-case words, however the text spells them (Shi'ite militias)."""
        out = []
        for i, tok in enumerate(tokens):
            if not _capitalised(tok.group(0)):
                continue
            for size, keys in self.mixed.items():
                window = tokens[i:i + size]
                if len(window) < size or any(not _GAP.match(text[a.end():b.start()]) for a, b in zip(window[:-1], window[1:], strict=True)):
                    continue
                start, end = tok.start(), window[-1].end()
                ent_id = keys.get(_backing(fold(text[start:end])))
                if ent_id is not None:
                    out.append(Mention(start, end, text[start:end], ent_id, "folded"))
        return out

    def _capitalised_common(self, text: str) -> list[Mention]:
        """Names the register writes in lower case (fuel, weapons) capitalised where a sentence or a line starts or in a
        heading's title case (Fuel is the largest trade; Crossings, Walls and Fuel)."""
        out = []
        for ent in self.entities.values():
            for name in {n for n in {ent.label, *ent.aliases} if n.islower() and len(n) >= 3}:
                for form in {name[:1].upper() + name[1:]}:
                    for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                        if _SENTENCE_START.search(text, 0, m.start() + 1) or _headline(text, [m]):
                            out.append(Mention(m.start(), m.end(), m.group(0), ent.id, "folded"))
        return out

    def _named_after(self, m: Mention, place: str | None) -> Mention:
        """A compound of a place's name and a head word (Albukamal Crossing) is the one register entry whose names hold
        one of the place's and end in that head word, its class named by it (al-Qaim–Albu Kamal border crossing, an
        OfficialCrossing); else it stays a new name."""
        if m.entity is not None or place is None:
            return m
        head = fold(m.words).split()[-1]
        places = {fold(n) for n in {self.entities[place].label, *self.entities[place].aliases}}
        fit = {ent.id for ent in self.entities.values() if ent.type.lower().endswith(head.rstrip("s"))
               for n in {ent.label, *ent.aliases} if fold(n).endswith(" " + head) and any(f" {p} " in f" {fold(n)} " for p in places)}
        return replace(m, entity=fit.pop(), how="folded") if len(fit) == 1 else m

    def _inside_other_name(self, ent_id: str, runs: list[list[re.Match]], start: int, end: int) -> bool:
        """A person's one-word name (a surname the register keeps as an alias) with a given name before it, not a title,
        and no other of the person's names: another person's name (Khalaf in Raad Khalaf al-Dulaimi is not Jalil Khalaf)."""
        ent = self.entities[ent_id]
        if not ent.type.endswith("#Person"):
            return False
        run = next((r for r in runs if r[0].start() <= start and end <= r[-1].end()), None)
        if run is None or sum(start <= t.start() and t.end() <= end for t in run) != 1:
            return False
        before = [t for t in run if t.end() <= start]
        if not before or before[-1].group(0).lower().rstrip(".") in _NOT_GIVEN_NAMES:
            return False
        own = " ".join(fold(n) for n in {ent.label, *ent.aliases})
        return fold(before[-1].group(0)) not in own.split()

    def _partial_person(self, ent_id: str, run: list[re.Match], start: int, end: int) -> bool:
        """A spelling-tolerant match of a person's name inside a longer run of names is someone else's name
        (Mudar al-Asaad is not Bashar al-Assad)."""
        ent = self.entities[ent_id]
        return ent.type.endswith("#Person") and (run[0].start() < start or run[-1].end() > end)


_BACKING = re.compile(r"\b(?:backed|aligned|sponsored|supported|allied)\b")
# A state's body or its formal name, as official texts write them (folded): "government of iraq", "republic of iraq",
# "islamic republic of iran", "syrian arab republic".
_BODY_OF = re.compile(r"(government|authorities|army|armed forces|border forces|security forces|police) of (?:the )?(.+)")
_REPUBLIC_OF = re.compile(r"(?:the )?(?:islamic |arab |federal )?republic of (?:the )?(.+)")
_ADJECTIVE_REPUBLIC = re.compile(r"(?:the )?(\w+) (?:arab )?republic")
_ADJECTIVE_OF = {fold(country): fold(adjective) for adjective, country in DEMONYMS.items() if not adjective.endswith("s")}
_COUNTRY_OF = {adjective: country for country, adjective in _ADJECTIVE_OF.items()}


# Words for the body of an armed force that sources use one for another at the end of its name (Popular Mobilization
# Units / Forces, U.S. troops / forces, Iran-backed militias / groups / factions, Iraqi Border Guards / Forces).
_FORCE_WORDS = ("forces", "units", "troops", "militias", "groups", "factions", "guards")


def _force_words(key: str) -> list[str]:
    """A folded name of two words or more ending in a word for an armed body, with each other such word instead."""
    head, _, last = key.rpartition(" ")
    if " " not in head and len(head) <= SHORT_NAME or last not in _FORCE_WORDS:
        return []
    return [f"{head} {word}" for word in _FORCE_WORDS if word != last]


# A department or ministry named either way round: "Department of State" and "State Department", "Ministry of the
# Interior" and "Interior Ministry", with the country's word before either ("U.S. Department of State").
_OF_FORM = re.compile(r"^(?:the )?((?:u s |us |iraqi |syrian |iranian )?)(department|ministry) of (?:the )?([a-z]+)$")
_NOUN_FORM = re.compile(r"^(?:the )?((?:u s |us |iraqi |syrian |iranian )?)([a-z]+) (department|ministry)$")


def _of_forms(key: str) -> list[str]:
    """A folded name of a department or ministry written the other way round, with "U.S." as the register folds it
    (u s) too."""
    if m := _OF_FORM.match(key):
        country, body, field = m.groups()
        forms = [f"{country}{field} {body}"]
    elif m := _NOUN_FORM.match(key):
        country, field, body = m.groups()
        forms = [f"{country}{body} of {field}", f"{country}{body} of the {field}"]
    else:
        return []
    return forms + [f.replace("us ", "u s ", 1) for f in forms if f.startswith("us ")]


_INITIALS = re.compile(r"\b([a-z]) (?=[a-z]\b)")


def _backing(key: str) -> str:
    """A folded name with its word of backing made one (Iran-aligned / Iran-backed militias): the sources write these
    interchangeably for one group, as the register's own aliases show; its initials written together (U.S. forces /
    US forces); and British spellings written as American ones (Iranian advisers / advisors)."""
    return _american(_INITIALS.sub(r"\1", _BACKING.sub("backed", key)))


# British and American spellings of one word in these sources' names: advisers / advisors, mobilisation / mobilization,
# defence / defense.
_BRITISH = ((re.compile(r"\badvisers?\b"), lambda m: m.group(0).replace("advisers", "advisors").replace("adviser", "advisor")),
            (re.compile(r"(?<=[a-z])isations?\b"), lambda m: m.group(0).replace("isation", "ization")),
            (re.compile(r"\bdefence\b"), "defense"))


def _american(key: str) -> str:
    """A folded name with British spellings written as American ones."""
    for pattern, repl in _BRITISH:
        key = pattern.sub(repl, key)
    return key


def _variants(key: str) -> list[str]:
    """A folded name and the forms news writes of it: another word for the armed body at its end (Iran-backed groups
    for Iran-backed militias)."""
    return [key, *_force_words(key)]


def _without_article(folded: dict[str, str]) -> dict[str, str]:
    """The register's names that open with an Arabic article, without it, as news also writes them ("Qaim" for
    al-Qaim, "Qaim crossing"): only a form one entity gives, that is no entity's name, of four letters or more."""
    givers: dict[str, set[str]] = {}
    for key, ent_id in folded.items():
        head, _, rest = key.partition(" ")
        if head in _ARABIC_ARTICLES and len(rest) >= 4:
            givers.setdefault(rest, set()).add(ent_id)
    return {rest: ids.pop() for rest, ids in givers.items() if len(ids) == 1 and rest not in folded}


def _overlaps(mentions: list[Mention], start: int, end: int) -> bool:
    return any(start < m.end and m.start < end for m in mentions)


def _runs(text: str, tokens: list[re.Match]) -> list[list[re.Match]]:
    """Maximal runs of words that may form one name: capitalised words, with articles and joiners between them."""
    runs: list[list[re.Match]] = []
    current: list[re.Match] = []
    for tok in tokens:
        word = tok.group(0)
        fits = _capitalised(word) or word.lower() in _JOINERS
        if fits and current and _GAP.match(text[current[-1].end():tok.start()]) and not _POSSESSIVE.search(current[-1].group(0)):
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = [tok] if fits else []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        while run and not _capitalised(run[-1].group(0)):
            run = run[:-1]
        while run and not _capitalised(run[0].group(0)) and len(run) > 1 and text[run[0].end()] == " ":
            run = run[1:]  # "of the", "the" before a name; al- joined by a hyphen stays
        if run and any(_capitalised(t.group(0)) for t in run):
            out.append(run)
    return out


def _ngrams(run: list[re.Match]):
    """The spans of a run's sub-runs, longest first, each starting and ending on a word that can bound a name."""
    n = len(run)
    for size in range(min(n, MAX_WORDS), 0, -1):
        for i in range(n - size + 1):
            first, last = run[i].group(0), run[i + size - 1].group(0)
            if not _capitalised(last) or (size > 1 and last.lower() in _JOINERS) or (first.lower() in _JOINERS and size == 1):
                continue
            yield run[i].start(), run[i + size - 1].end()


def _headline(text: str, run: list[re.Match]) -> bool:
    """A run inside a line written in title case (a headline: A Key Border Crossing between Iraq and Syria Is about to
    Fall), where capitals mark no names."""
    start = text.rfind("\n", 0, run[0].start()) + 1
    end = text.find("\n", run[-1].end())
    words = [w for w in _TOKEN.findall(text[start:end if end >= 0 else len(text)]) if len(w) > 3]
    if any(not _capitalised(w) and w.lower() not in _TITLE_CASE_LOWER for w in words):
        return False  # a word title case would capitalise is written lower case: a sentence (a caption), not a headline
    return len(words) >= 4 and sum(_capitalised(w) for w in words) >= 0.7 * len(words)


def _unknown_spans(text: str, run: list[re.Match], taken: list[Mention], lower_words: set[str]):
    """Parts of a run no mention covers that look like a name: not only common words, months, titles or words the text
    also writes in lower case (Crossing in a heading), and not a single word opening a sentence."""
    piece: list[re.Match] = []
    tokens = [*run, None]
    for i, tok in enumerate(tokens):
        word = tok.group(0) if tok is not None else ""
        free = tok is not None and not _overlaps(taken, tok.start(), tok.end())
        # only as the first word of a name (Syrian Tribal Council), not as a name itself nor before a title (Syrian
        # Defense Minister Ali Abdallah Ayoub: the name is the person's)
        if word in DEMONYMS:
            nxt = tokens[i + 1]
            free = free and not piece and nxt is not None and nxt.group(0) not in DEMONYMS and _capitalised(nxt.group(0)) \
                and nxt.group(0).lower() not in _COMMON | _ADJECTIVES | TITLES and not _overlaps(taken, nxt.start(), nxt.end()) \
                and text[tok.end():nxt.start()] == " "
        joined = tok is not None and text[tok.end():tok.end() + 1] == "-"  # al-Akhbar: the article starts the name
        # Abu Sajad, Bin Laden: a kunya or patronymic written with a capital starts the name
        joined = joined or tok is not None and word in ("Abu", "Umm", "Bin", "Ibn") and i + 1 < len(run)
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        # "state TV SANA": the kind of outlet before its short name is no part of it
        free = free and not (not piece and word.lower() in _MEDIA_KINDS and following is not None and following.group(0).isupper())
        if free and (piece or joined or word.lower() not in _COMMON | TITLES | _JOINERS | _ADJECTIVES):
            piece.append(tok)
            continue
        while piece and piece[-1].group(0).lower() in _JOINERS | _COMMON:
            piece.pop()
        words = [re.sub(r"['’]s$", "", t.group(0).lower()) for t in piece]  # "Last Tuesday's strike": no name
        if piece and not all(w in _COMMON | _MONTH_NAMES | TITLES | _JOINERS | _ADJECTIVES | lower_words for w in words):
            start, end = piece[0].start(), piece[-1].end()
            before = text[:start].rstrip()
            opens = not before or before[-1] in ".!?:•►*#\"“(["
            if text[end - 2:end] in ("'s", "’s"):
                end -= 2  # "the Treasury's Office": the possessive ending is no part of the name
            if not (len(piece) == 1 and opens):
                yield start, end
        piece = []


# The first words of groups' Arabic names that news uses alone for the group once it has named it ("brigades"; Harakat,
# movement, and Asaib, Saraya, Liwa, which open many groups' names, are not among them).
_LEAD_WORDS = {"kataib", "kataeb", "kataaib"}  # folded (kg.names.fold): Kata’ib, Kata'aib


def _acronyms(text: str, tokens: list[re.Match], taken: list[Mention], entities: dict[str, Entity]) -> list[Mention]:
    """Short forms of names the text links, taken as that entity wherever no other mention covers them: capitals that
    spell a name's initials (KH for Kataib Hezbollah), a short form in brackets right after a name (ImageSat
    International (iSi)), a person's surname once the text has given the full name (Soleimani), and the noun after the
    article that ends an Arabic name of a group once the text has given the name (Nujaba after Harakat al-Nujaba), the
    head noun that opens an Arabic name read in English (the Hashd after the Hashd al-Shaabi), or the word that opens a
    group's name that is no word of English, in any transliteration (the Kata’ib after Kataeb Hizballah)."""
    short: dict[str, tuple[str, str]] = {}
    leads: dict[str, tuple[str, str]] = {}  # the skeleton of a group's name's first word -> (its folded form, the group)
    for m in taken:
        if m.entity is None:
            continue
        words = [w for w in _TOKEN.findall(m.words) if w.lower() not in _JOINERS]
        if len(words) > 1:
            short.setdefault("".join(w[0].upper() for w in words), (m.entity, "acronym"))
            if entities[m.entity].type.endswith("#Person"):
                short.setdefault(_POSSESSIVE.sub("", words[-1]), (m.entity, "surname"))
            every = _TOKEN.findall(m.words)
            if entities[m.entity].type.endswith(("#Militia", "#Organization")) and every[-2].lower() in _ARABIC_ARTICLES:
                short.setdefault(_POSSESSIVE.sub("", every[-1]), (m.entity, "short"))  # Nujaba after Harakat al-Nujaba
            if m.how == "translated":
                short.setdefault(every[0], (m.entity, "short"))  # the Hashd after the Hashd al-Shaabi: its head noun
            if entities[m.entity].type.endswith("#Militia") and len(every) >= 2 and fold(every[0]) in _LEAD_WORDS:
                leads.setdefault(skeleton(every[0]), (fold(every[0]), m.entity))  # the Kata’ib after Kataeb Hizballah
        bracket = re.match(r"\s*\((\w{2,6})\)", text[m.end:])
        if bracket:
            short.setdefault(bracket.group(1), (m.entity, "bracket"))
    out: list[Mention] = []
    for tok in tokens:
        word = _POSSESSIVE.sub("", tok.group(0))
        if word in short and len(word) >= 2 and not _overlaps(taken, tok.start(), tok.end()):
            ent_id, how = short[word]
            if how == "acronym" and not word.isupper():
                continue
            if how in ("surname", "short") and not any(m.entity == ent_id and m.end <= tok.start() for m in taken):
                continue  # a surname stands for the person, a group's last name for the group, once the text has named it in full
            out.append(Mention(tok.start(), tok.end(), tok.group(0), ent_id, "acronym" if how == "bracket" else how))
        elif word[:1].isupper() and skeleton(word) in leads and not _overlaps(taken + out, tok.start(), tok.end()):
            lead, ent_id = leads[skeleton(word)]
            if fuzz.ratio(fold(word), lead) >= SKELETON_SIMILARITY and any(m.entity == ent_id and m.end <= tok.start() for m in taken) \
                    and not re.match(r"[ \-]+[A-Z]", text[tok.end():]):  # not the first word of another name (Kataib Sayyid …)
                out.append(Mention(tok.start(), tok.end(), tok.group(0), ent_id, "short"))
    return out


# A name of two to five words in brackets (an Arabic article may join them): "the Popular Mobilization Forces (Hashd
# al-Shaabi)".
_BRACKETED = re.compile(r"\s*\(((?:al-|el-)?[A-Z][\w'’]+(?:(?:\s+|-)(?:(?:al|el)-)?[A-Z][\w'’]+){1,4})\)")


_DATELINE = re.compile(r"\s*[-–—:]")
_PLACES = ("#Country", "#Settlement", "#Province", "#Region", "#District")


def _bracketed_names(text: str, taken: list[Mention], entities: dict[str, Entity]) -> list[Mention]:
    """Another name a text gives in brackets right after a linked name (the Popular Mobilization Forces (Hashd
    al-Shaabi)): that entity, there and wherever else the text writes it and no other mention covers it."""
    names: dict[str, str] = {}
    for m in taken:
        bracket = _BRACKETED.match(text[m.end:]) if m.entity else None
        # a dateline's place and agency ("MOSUL, Iraq (Agency) -") is no second name
        if bracket and not _overlaps(taken, m.end + bracket.start(1), m.end + bracket.end(1)) \
                and not _DATELINE.match(text, m.end + bracket.end()) and not entities[m.entity].type.endswith(_PLACES):
            names.setdefault(bracket.group(1), m.entity)
    out: list[Mention] = []
    for name, ent_id in names.items():
        for found in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not _overlaps(taken + out, found.start(), found.end()):
                out.append(Mention(found.start(), found.end(), name, ent_id, "bracket"))
    return out


# Capitalised words that, after a place's name, make the name of another thing (Albukamal Border Crossing, Deir
# Ezzor Province): a name the register may lack, not a mention of the place.
_HEADS = re.compile(r"^(?:[ -]+(?:Border|International|Official|New|Old))*[ -]+(?:Crossing|Highway|Road|Base|Airport|"
                    r"Airbase|Province|Governorate|District|Bridge|Dam|Camp|Checkpoint|Wall|Battalions?|Brigades?|Forces?|Units?|"
                    r"Division|Corps|Movement|Council|Party|Front)\b")


def _compound(text: str, m: Mention, runs: list[list[re.Match]]) -> Mention:
    """A register name followed, in one run of capitalised words, by a head word of another kind of thing: the whole is
    an unknown name (the crossing named after a town is not the town)."""
    if m.entity is None or m.words in DEMONYMS or m.how == "acronym":
        return m
    head = _HEADS.match(text[m.end:])
    if head is None or not any(r[0].start() <= m.start and m.end + head.end() <= r[-1].end() for r in runs):
        return m
    end = m.end + head.end()
    return Mention(m.start, end, text[m.start:end], None, "unknown")
