"""Numbers as news and briefs write them, normalised for statements (dates: kg.dates).

Numbers are quantities: a value or a range, a qualifier from the words before it ("more than", "roughly", "at least",
"between … and", "thousands of"), a unit from the words after it (a currency sign, km, tons, or the counted noun) and
what it is per ("annually", "a month", "per truck"), with the verbatim words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    verbatim: str
    qualifier: str
    unit: str
    value: int | None = None
    min: int | None = None
    max: int | None = None
    per: str | None = None

    def as_yaml(self) -> dict:
        out: dict = {"value": self.value} if self.value is not None else {"min": self.min, "max": self.max}
        out.update(qualifier=self.qualifier, unit=self.unit)
        if self.per:
            out["per"] = self.per
        out["verbatim"] = self.verbatim
        return out


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90, "a dozen": 12,
                "dozen": 12, "a hundred": 100, "a thousand": 1000}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_PLURAL_SCALE = {"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 1_000_000, "billions": 1_000_000_000}
QUALIFIERS = [("more than", "moreThan"), ("over", "moreThan"), ("exceeds", "moreThan"), ("exceeding", "moreThan"),
               ("at least", "atLeast"), ("less than", "lessThan"), ("fewer than", "lessThan"), ("under", "lessThan"),
               ("at most", "atMost"), ("up to", "atMost"), ("roughly", "about"), ("about", "about"),
               ("approximately", "about"), ("around", "about"), ("nearly", "about"), ("some", "about"),
               ("estimated at", "about"), ("maybe", "about"), ("perhaps", "about"),
               ("an estimated", "about"), ("estimated", "about"), ("an average of", "exactly"), ("on average", "exactly"),
               ("as many as", "atMost"), ("as much as", "atMost"), ("no more than", "atMost"), ("almost", "about"),
               ("close to", "about"), ("closer to", "about"), ("upwards of", "moreThan"), ("pass", "moreThan"), ("passed", "moreThan"),
               ("surpass", "moreThan"), ("surpassed", "moreThan"), ("exceed", "moreThan"), ("exceeded", "moreThan"),
               ("above", "moreThan"), ("below", "lessThan")]
_PERSONS = {"members", "member", "people", "fighters", "operatives", "soldiers", "leaders", "troops", "militants",
            "persons", "men", "officers", "commanders", "civilians", "residents", "officials", "guards", "workers",
            "drivers", "traders", "businessmen", "women", "children", "advisers", "advisors", "gunmen", "smugglers",
            "dead", "killed", "wounded", "injured", "casualties", "victims", "bodies", "others", "militiamen", "policemen",
            "servicemen", "tribesmen", "employees", "staff", "staffers", "recruits", "volunteers",
            "deaths", "fatalities", "individuals", "nationals", "patients", "changers", "bodyguards", "returnees",
            "refugees", "detainees", "prisoners", "passengers", "pilgrims", "migrants", "suspects", "journalists",
            "farmers", "shepherds", "merchants", "couriers", "lawmakers", "diplomats", "engineers", "contractors",
            "martyrs", "mujahideen", "hostages", "hauliers", "truckers", "analysts", "accomplices", "deminers", "agents",
            "brothers", "sons", "relatives", "reporters", "protesters", "demonstrators", "students", "technicians",
            "inspectors", "labourers", "laborers", "porters", "doctors", "nurses", "teachers", "villagers",
            "crew", "crewmen", "sailors", "pilots", "trainers", "instructors", "financiers", "mourners", "terrorists",
            "faithful"}
# One of the people an event killed or hurt ("one guard was killed"): "one" counts only then.
_ONE_NOUN = re.compile(r"^\s+(?:[a-z]+\s+)?(guard|soldier|fighter|civilian|militiaman|policeman|officer|driver|child|woman|man|"
                       r"commander|member|resident|smuggler|trader|worker|gunman|militant)\b")
_ONE_PERSON = re.compile(_ONE_NOUN.pattern + r"(?!\s+of\b)(?=[^.;]*\b(?:killed|wounded|injured|hurt|died|dead)\b)")
_TOLL = re.compile(r"\b(?:toll|the\s+dead)(?:\s+from\s+[^,.;]{1,40}?)?\s+"
                   r"(?:at|of|to|is|was|rises?\s+to|rose\s+to|climb(?:s|ed)\s+to|stands\s+at|stood\s+at|reach(?:es|ed))\s+$",
                   re.I)
# "killing …", "wounding …", "martyring …"
_HARMED = re.compile(r"\b(?:killing|killed|kills|wounding|wounded|injuring|injured|martyring|martyred)\s+$", re.I)
# Words after "over" that make it part of a verb ("took over two posts"), not a qualifier.
_OVER_VERB = re.compile(r"\b(?:took|take|takes|taking|taken|handed|hand|hands|handing|turned|turn|turns|fought|won|win|wins|"
                        r"clashed|presided|argued)\s+$", re.I)
# What one of the units of a price is ("a litre of diesel sold for 650 pounds", "a single tanker of diesel can fetch up
# to $12,000"): the last such unit before it in its clause.
_PRICE_UNITS = r"(litre|liter|tonne|ton|tanker|bag|barrel|kilogram|kilo|truckload|container|gallon|sack|cylinder|carton|box|pill|head|" \
               r"bundle|loaf|bottle)"
_PRICE_UNIT = re.compile(rf"\b(?:a|an|one|each|every|per|a\s+single)\s+{_PRICE_UNITS}s?\s+of\b"
                         rf"|\b(?:price|cost)\s+of\s+(?:a|an|one)\s+{_PRICE_UNITS}\b", re.I)
# A count whose noun the sentence gave before it, "the number of trucks … fell from about 200 a day".
_NUMBER_OF = re.compile(r"\b(?:number|numbers|total)\s+of\s+(?:[A-Z][\w’'-]*\s+(?:and\s+)?)*([a-z]+s|people|men|women|children)\b")
CURRENCIES = {"USD", "IQD", "SYP", "IRR", "EUR"}  # the units of money the reader gives
# Currencies other than the dollar, by the words that name them, as their ISO codes.
_CURRENCIES = [(re.compile(r"^\s+(?:Iraqi\s+)?dinars?\b", re.I), "IQD"), (re.compile(r"^\s+(?:Syrian\s+)?pounds?\b", re.I), "SYP"),
               (re.compile(r"^\s+(?:Iranian\s+)?(?:rials?|tomans?)\b", re.I), "IRR"), (re.compile(r"^\s+euros?\b", re.I), "EUR")]
# A time span counted by a rate ("16 hours a day"): a quantity only then.
_SPANS = re.compile(r"^\s+(hours?|days?|weeks?|months?|trips?)(?=\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b)")
_PER = [(re.compile(r"^\s*(?:annually|a year|per year|each year|every year|yearly)\b"), "year"),
        (re.compile(r"^\s*(?:a month|per month|monthly|each month|every month)\b"), "month"),
        (re.compile(r"^\s*(?:a week|per week|weekly|each week|every week)\b"), "week"),
        (re.compile(r"^\s*(?:a day|per day|daily|each day|every day)\b"), "day"),
        (re.compile(r"^\s*(?:a quarter|per quarter|quarterly|each quarter|every quarter)\b"), "quarter"),
        (re.compile(r"^\s*/\s*(litre|liter|ton|tonne|kg|truck|tanker|barrel|trip|day|month|week|year)\b"), None),
        (re.compile(r"^\s*(?:per|a|each) (?:loaded |empty |full |single )?(truck|vehicle|trip|person|pill|ton|tonne|tanker|shipment|"
                    r"load|barrel|container|crossing|checkpoint|litre|liter|pickup|car)\b"), None),
        (re.compile(r"^\s*per ([a-z]+?)(?:s\b|\b)(?! of)"), None)]
# What each payment is for, after the sum: "demanded 50,000 pounds from each aid truck", "$200 for every tanker".
_FROM_EACH = re.compile(r"^\s+(?:from|for|on|at)\s+(?:each|every)\s+(?:[a-z]+\s+)?(truck|vehicle|tanker|lorry|car|load|shipment|"
                        r"container|person|passenger|driver|trip|crossing|checkpoint|pickup)\b")
# ... or later in its clause, after the verb that takes it ("150,000 dinars shall be collected for each truck"); or the
# payer before the sum ("charge each truck between $150 and $400", "Each truck pays a fee of $300 to $500")
_EACH_LATER = re.compile(r"^[^,;.]{0,40}?\b(?:from|for|on)\s+(?:each|every)\s+(truck|vehicle|tanker|lorry|car|shipment|container|"
                         r"pickup)\b")
_EACH_BEFORE = re.compile(r"\b(?:each|every|per)\s+(truck|vehicle|tanker|lorry|car|shipment|load|container|pickup|passenger|"
                          r"traveller|pilgrim)\b(?!\s+of\b)(?=[^,;.]*$)", re.I)
# ... or a list's item that names the payer before its colon ("Passenger: 5,000 Iraqi dinars.", "Truck of up to 20 tons:
# 25 US dollars.", "Transit truck bound for Lebanon: 60 US dollars.")
_PAYER_LABEL = re.compile(r"^\s*(?:[A-Za-z-]+\s+)?(truck|vehicle|tanker|lorry|car|bus|pickup|passenger|traveller|pilgrim)s?\b"
                          r"[^:\n]{0,60}:\s*$", re.I)
# ... or the payers before it and "each" right after it ("tankers pay between $250 and $400 each"): the payers nearest the sum
_EACH_AFTER = re.compile(r"^\s+each\b")
_PAYERS = re.compile(r"\b(truck|vehicle|tanker|lorrie|car|shipment|container|pickup|driver|passenger)s\b(?=[^,;.]*$)", re.I)
# A count compared with one before it, whose unit it leaves out.
COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.|up\s+from|down\s+from)\s+(?:\w+\s+){0,2}$", re.I)
_LATER_RATE = re.compile(r"\b(?:every|each|per)\s+(day|week|month|year)\b|\bon\s+an?\s+(?:\w+\s+)?(day|week|month|year)\b"
                         r"|\b(day|week|month)ly\b|\b(dai)ly\b"
                         # "40 trucks cross on a busy night", "$40,000 on each such night", "30 trucks … in a single week"
                         r"|\bon\s+(?:an?|each|every|most)\s+(?:\w+\s+)?(night)s?\b|\bin\s+a\s+single\s+(day|week|month|night)\b")
# ... or before it: a sentence that opens with its rate ("Every day, three hundred trucks cross", "On most nights, …
# between 20 and 30 tankers"), a daily figure ("put the daily figure at about 120 trucks", "daily traffic … to rise from
# about 180 trucks")
_RATE_FIRST = re.compile(r"^\s*(?:(?:every|each)\s+(day|week|month|year|night)|on\s+(?:most|busy|normal|good)\s+(day|night)s)\s*,",
                         re.I)
_RATE_WORD = re.compile(r"\b(dai|week|month)ly\s+(?:[a-z]+\s+)?(?:figures?|traffic|crossings|average|number|flow|volume|count|"
                        r"total|capacity|throughput|movements?)\b", re.I)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_NUMBER = (rf"(?:{'|'.join(_TENS)})-(?:one|two|three|four|five|six|seven|eight|nine)|"  # "twenty-five"
                + "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True)))
# a currency code before a sum, as court rulings and filings write it ("EUR 870,000", "USD 2.5 million", "€250,000")
_CODE = r"(?:(?:EUR|USD|IQD|SYP|IRR)\s|€\s?)"
_NUMBER = (rf"(?:(?:US|U\.S\.)?\$\s?|{_CODE})?"
           rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_WORD_NUMBER})(?![a-z]))(?:\s+(?:hundred|thousand|million|billion))?"
           r"|(?:dozens|hundreds|thousands|millions|billions)\s+of|(?:several|a\s+few)\s+(?:hundred|thousand)\b")
_QUANTITY = re.compile(
    r"(?:\b(?P<between>between|from)\s+(?P<lo>" + _NUMBER + r")\s+(?:and|to)\s+(?P<hi>" + _NUMBER + r"))"
    r"|(?:(?P<lo2>(?<![\w.,$])(?!(?:" + "|".join(_TENS) + r")-[a-z])" + _NUMBER + r")(?:\s+to\s+|-)(?P<hi2>" + _NUMBER + r")(?![\w.,]*\d))"
    r"|(?:\b(?P<qual>" + "|".join(q for q, _ in QUALIFIERS) + r")\s+)?(?P<num>(?<![\w.,])" + _NUMBER + r")",
    re.I,
)
# Words after a number that are not what it counts (or are time spans, which are not quantities here).
_NOT_UNITS = {"and", "or", "the", "a", "of", "to", "in", "on", "at", "by", "for", "from", "with", "is", "are", "was", "were",
              "has", "have", "had", "also", "will", "would", "can", "could", "may", "main", "percent", "years", "year",
              "months", "month", "days", "day", "weeks", "week", "times", "minute", "hours", "hour", "that", "which", "who"}
# an area, in the curators' unit names: "1.4 million square metres", "(square metres)"
AREA = re.compile(r"\bsquare\s+(?:(met(?:re|er)s?)|(kilomet(?:re|er)s?|km))\b|\b(hectares?)\b", re.I)


def area_unit(match: re.Match[str]) -> str:
    """The unit an AREA match names: squareMetre, squareKilometre or hectare."""
    return "squareMetre" if match.group(1) else "squareKilometre" if match.group(2) else "hectare"


_UNIT = re.compile(r"^(?:-|\s+)?(km|kilometers|kilometres|kilometre|kilometer|miles|tons|tonnes|kg|kilograms|kilogrammes|kilos|%|percent|"
                   r"per\s+cent)\b",
                   re.I)
_WORD = re.compile(r"\s+([\w’'-]+)([,;:.)]?)")


def _plural_head(rest: str) -> tuple[str, int] | None:
    """What a number counts when a plural noun ends the words after it: "40 commercial trucks" (truck), "11 militia
    members" (person), "two Baghdad-based trading companies" (company), "12 tanker shipments" (shipment): the first
    plural within four words, none of them a word that ends a noun phrase ("of", "the", a time word) or punctuated;
    with where it ends."""
    at = 0
    for _ in range(4):
        m = _WORD.match(rest, at)
        if m is None:
            return None
        word, stop = m.group(1), m.group(2)
        if word.lower() in ("or", "and") and at and rest[:at].endswith("ed") and not stop:
            at = m.end()  # "600 damaged or destroyed houses": two words of the thing counted
            continue
        if word.lower() in _NOT_UNITS:
            return None
        if word.islower() and word.isalpha() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return singular(word), m.end(1)
        if stop:
            return None
        at = m.end()
    return None


_NOUN = re.compile(r"^(?:\s+(?:of\s+)?(?:(?:our|your|their|his|her|its|my)\s+)?"
                   r"(?:[A-Z][\w’'-]*\s+|(?:prominent|more|other|new|large|small|senior|young|armed|"
                   r"unidentified|masked|local|foreign|unarmed|elderly)\s+)*)[\"“‘]?([a-z]+)")  # three "smugglers"


def number_value(words: str) -> tuple[int | None, bool]:
    """The value of a number's words, and whether it is a plural scale ("thousands of": multiple)."""
    w = re.sub(r"^(?:(?:us|u\.s\.)?\$|(?:eur|usd|iqd|syp|irr)\s|€)", "", words.lower().strip()).strip()
    if w.endswith(" of"):
        return _PLURAL_SCALE.get(w[:-3].strip()), True
    if w in NUMBER_WORDS:  # "a hundred"
        return NUMBER_WORDS[w], False
    parts = w.split()
    if parts[0] == "several" or parts[:2] == ["a", "few"]:  # "several hundred", "a few thousand"
        return _SCALE.get(parts[-1]), True
    scale = _SCALE.get(parts[-1], 1) if len(parts) > 1 else 1
    head = " ".join(parts[:-1]) if len(parts) > 1 and parts[-1] in _SCALE else w
    if head in NUMBER_WORDS:
        base = NUMBER_WORDS[head]
    elif re.fullmatch(r"[a-z]+-[a-z]+", head) and all(p in NUMBER_WORDS for p in head.split("-")):
        base = sum(NUMBER_WORDS[p] for p in head.split("-"))  # "twenty-five"
    else:
        try:
            base = float(head.replace(",", ""))
        except ValueError:
            return None, False
    value = round(base * scale, 6)  # "4.1 billion": no float residue
    return (int(value) if value == int(value) else None), False


def _rate_later(rest: str) -> str | None:
    """The rate a clause gives the count before its verb ("300 tankers … cross into Syria each week", "250 trucks pass
    through on a normal day"): a rate word later in the clause, with no other number between."""
    clause = re.split(r"[,;:.()]|\d|\b(?:but|while|whereas|compared)\b", rest, maxsplit=1)[0]
    m = _LATER_RATE.search(clause)
    if m is None:
        return None
    word = next(g for g in m.groups() if g)
    return "day" if word == "dai" else word


# Words after a number that cannot be what it counts: "sometimes 50,000 if they …", "at 0225 hit a truck"
_NOT_NOUNS = {"if", "we", "you", "he", "she", "it", "they", "i", "our", "your", "his", "her", "their", "its", "my", "when",
              "as", "but", "so", "than", "because", "while", "hit", "said", "says", "o", "after", "before", "since", "until",
              "during", "not", "nor", "yet"}
_PAST = re.compile(r"[a-z]{3,}ed")  # a verb in the past after a count: the noun of the count before it is left out
_HARMED_WORD = re.compile(r"killed|wounded|injured|died")
# a time of day: "at 0225", "one o’clock"
_CLOCK = re.compile(r"0\d{3}\b|(?:\w+)\s+o[’']clock\b", re.I)
# a bare sum the words before it set beside the sum before it (its currency left out): "to about 5,000", "sometimes 50,000"
_BARE = re.compile(r"^(?:\s+(?:if|when|or|and|but|in|on|at|for|from|a|an|per|each|every|last|this|before|after)\b|\s*[,;.)]|\s*$)")
_ALTERNATIVE = re.compile(r"\b(?:to|or|and|sometimes|against|from|than|versus)\s+$")
_OF_THOSE = re.compile(r"^\s*Of\s+[^;]+,\s*$")
# "two of our convoys", "five of your leaders", "41 of our Syrian and Iraqi subcontractors", "five of his men", "90 of them"
_PART_OF = re.compile(r"^\s+of\s+(?:(?:our|their|its|his|her|your|my|the|these|those)\s+"
                      r"(?:(?:[a-z]+(?:['’]s)?|[A-Z][a-z]+|and)\s+){0,3}([a-z]+s|men|women|people|children)\b|them|those|these)")
_HURT = re.compile(r"^[^.;,]*\b(?:died|killed|dead|wounded|injured|hurt)\b")


def _antecedent(text: str, start: int, before: list[QuantityMention]) -> str | None:
    """What "N of them" counts: the unit of the sentence's count before it, else people where the clause says they died
    or were hurt ("more than 20 of them died", "killed 50 of them")."""
    if before:
        return before[-1].unit
    return "person" if _HURT.match(text[start:]) or _HARMED.search(text[:start]) else None


def _sentence_before(text: str, start: int) -> str:
    """The words of a count's sentence before it ("Oct. 17" ends none)."""
    return re.split(r"[.!?;]\s+(?=[A-Z])", text[:start])[-1]


def _rate_before(text: str, start: int) -> str | None:
    """The rate the words of a count's sentence before it give (_RATE_FIRST, _RATE_WORD)."""
    sentence = _sentence_before(text, start)
    m = _RATE_FIRST.match(sentence) or _RATE_WORD.search(sentence)
    if m is None:
        return None
    word = next(g for g in m.groups() if g).lower()
    return "day" if word == "dai" else word


def _rate_after_goods(rest: str) -> str | None:
    """The rate after what a count carries: "60 tankers of diesel a week"."""
    m = re.match(r"^\s+of\s+[a-z]+\s+(?:a|per|each|every)\s+(day|week|month|year)\b", rest)
    return m.group(1) if m else None


def _price_unit(text: str, start: int, unit: str) -> str | None:
    """What a price is of: the unit "a litre of diesel" gives before the sum in its clause."""
    if unit not in CURRENCIES:
        return None
    clause = re.split(r"[.;,]", text[:start])[-1]
    found = list(_PRICE_UNIT.finditer(clause))
    if not found:
        return None
    return measure_name((found[-1].group(1) or found[-1].group(2)).lower())


def measure_name(word: str) -> str:
    """A measure by the one name the curators give it ("liter" is litre, "kilo" kg)."""
    return {"liter": "litre", "tonne": "ton", "kilo": "kg", "kilogram": "kg"}.get(word, word)


def _scaled(lo: str, hi: str) -> str:
    """The low end of a range with the scale of the high end it leaves out: "two to three million" (two million)."""
    scale = hi.split()[-1].lower()
    return f"{lo} {scale}" if scale in _SCALE and len(lo.split()) == 1 else lo


# one unit for one thing, whatever British news calls it or a drug's maker ("Captagon tablets" are pills)
_SAME_UNIT = {"lorry": "truck", "lorries": "truck", "tablet": "pill", "tablets": "pill", "tonne": "ton", "liter": "litre"}


def _one_person(text: str, m: re.Match) -> re.Match | None:
    """The person after "one" an event harmed: "one fighter was killed", "killing one fighter" (the verb before it)."""
    after = text[m.end():]
    return _ONE_PERSON.match(after) or (_ONE_NOUN.match(after) if _HARMED.search(text[:m.start()]) else None)


def _person_noun(noun: str) -> bool:
    """Whether a noun, plural or singular, counts people ("fighters", "passenger")."""
    return noun in _PERSONS or noun + "s" in _PERSONS


def singular(noun: str) -> str:
    if _person_noun(noun) or noun in ("man", "woman", "child", "person"):  # "at least one fighter"
        return "person"
    if noun in _SAME_UNIT:
        return _SAME_UNIT[noun]
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("xes", "ches", "shes", "sses")) or noun == "buses":
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us")):  # not "bus"
        return noun[:-1]
    return noun


_NONE_DEAD = re.compile(r"\bno\s+(?:casualties|deaths|fatalities|injuries|one\s+was\s+(?:killed|hurt|injured))\b"
                        # "no civilians were harmed", "No British personnel were hurt": the words that name them
                        r"|\b(?P<none>no\s+(?:[A-Z][a-z]+\s+)?(?:civilians|personnel|soldiers|troops|people|residents|drivers|staff))"
                        r"\s+(?:were|was|had\s+been)\s+(?:killed|hurt|harmed|injured|wounded)\b", re.I)
# One person a verb of harm names ("killed an American contractor", "wounding a U.S. soldier")
_A_PERSON = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|martyred|martyring)\s+"
                       r"(?P<words>an?\s+(?:(?:[A-Z][\w.]*|[a-z]+)\s+){0,2}(?:" +
                       "|".join(sorted({w[:-1] for w in _PERSONS if w.endswith("s") and not w.endswith("ies")}
                                       | {"man", "woman", "child", "person", "casualty"}, key=len, reverse=True)) + r"))\b")
# A count of times, of what the verb before it in its sentence does ("attacked … at least 170 times", "viewed more than
# 500,000 times", "made the trip at least a dozen times"); after it, a count of times without a verb is of the same
_TIMES = re.compile(r"^\s+times\b")
_TIMES_VERB = re.compile(r"\b(?:(attacked)|(struck|hit|targeted|bombed|shelled)|(raided)|(posted)|(viewed|watched)|(shared)|"
                         r"(crossed)|made\s+the\s+(trip|journey|crossing|run))\b")
_TIMES_UNITS = ("attack", "strike", "raid", "post", "view", "share", "crossing")


def _times_of(text: str, start: int, before: list[QuantityMention]) -> str | None:
    """What a count of times counts: the deed of the last verb of the sentence before it, else the unit of a count of
    times just before it ("… at least 170 times since Oct. 17: 67 times in Iraq, 102 times in Syria")."""
    verbs = list(_TIMES_VERB.finditer(_sentence_before(text, start)))
    if verbs:
        m = verbs[-1]
        return next(_TIMES_UNITS[i] if i < len(_TIMES_UNITS) else g for i, g in enumerate(m.groups()) if g)
    if before and before[-1].verbatim.endswith("times") and start - before[-1].end <= 40:
        return before[-1].unit
    return None


def in_capitals(text: str) -> bool:
    """Whether a text is written in capitals (a ticker's, a headline's, a caption's line), which the readers of numbers
    and dates read as if it were not."""
    return bool(re.search(r"[A-Z]{2}", text)) and not re.search(r"[a-z]", text)


def quantities(text: str, skip: list[tuple[int, int]] = ()) -> list[QuantityMention]:
    """The numbers of a text as quantities; spans in skip (dates) are left out, and so are numbers with no unit. "No
    casualties" counts none of the people an event could have hit. A line in capitals (a ticker's, a headline's, a
    caption's: "AT LEAST 4 KILLED IN STRIKE") is read in small letters, its words as written."""
    if in_capitals(text):
        return [replace(q, verbatim=text[q.start:q.end]) for q in _quantities(text.lower(), skip)]
    return _quantities(text, skip)


def _quantities(text: str, skip: list[tuple[int, int]] = ()) -> list[QuantityMention]:
    out = [QuantityMention(m.start(), m.end("none") if m.group("none") else m.end(), m.group("none") or m.group(0), "exactly",
                           "person", value=0) for m in _NONE_DEAD.finditer(text)]
    out += [QuantityMention(m.start("words"), m.end(), m.group("words"), "exactly", "person", value=1)
            for m in _A_PERSON.finditer(text)]
    for m in _QUANTITY.finditer(text):
        start = m.start()
        if any(start < e and s < m.end() for s, e in skip):
            continue
        if m.group("between") or m.group("lo2"):
            lo_words, hi_words = (m.group("lo"), m.group("hi")) if m.group("between") else (m.group("lo2"), m.group("hi2"))
            lo, _ = number_value(_scaled(lo_words, hi_words))
            hi, _ = number_value(hi_words)
            if lo is None or hi is None or not lo < hi or (m.group("lo2") and re.fullmatch(r"(?:19|20)\d\d", lo_words)):
                continue  # not a range of years ("2019-2020", a span of time)
            value, qualifier, bounds = None, "between", (lo, hi)
            money = "$" in lo_words or "$" in hi_words
        else:
            value, plural = number_value(m.group("num"))
            if value is None:
                continue
            qualifier = "multiple" if plural else dict(QUALIFIERS).get((m.group("qual") or "").lower(), "exactly")
            bounds = None
            money = "$" in m.group("num")
            if (m.group("qual") or "").lower() == "over" and _OVER_VERB.search(text, 0, m.start()):
                qualifier, start = "exactly", m.start("num")  # "took over two posts"
            if m.group("num").lower() == "one" and not m.group("qual") and (one := _one_person(text, m)):
                out.append(QuantityMention(start, m.end() + one.end(), text[start:m.end() + one.end()], "exactly", "person", value=1))
                continue
            if m.group("num").lower() in ("one", "a dozen") and not m.group("qual"):
                continue  # "one of", "a dozen" without a qualifier: rarely a count
        end = m.end()
        rest = text[end:]
        compared = out[-1] if out and COMPARED.search(text, out[-1].end, start) else None
        unit, before = None, compared  # before: the count this one is part of or compared with
        code = re.match(r"(?:(EUR|USD|IQD|SYP|IRR)\s|(€))", (m.group("lo") or m.group("lo2") or m.group("num")) or "")
        if code:
            unit = "EUR" if code.group(2) else code.group(1)
        elif money or re.match(r"^\s+(?:(?:US|U\.S\.)\s+)?(?:dollars|USD)\b", rest) or re.match(r"^\s+of\s+dollars\b", rest):
            unit = "USD"
            dollars = re.match(r"^\s+(?:of\s+)?(?:(?:US|U\.S\.)\s+)?dollars\b", rest)
            if dollars:
                end += dollars.end()
        elif any(c.match(rest) for c, _ in _CURRENCIES):
            currency, code = next((c.match(rest), code) for c, code in _CURRENCIES if c.match(rest))
            unit = code
            end += currency.end()
        elif _SPANS.match(rest):
            unit = singular(_SPANS.match(rest).group(1))
            end += _SPANS.match(rest).end()
        elif (area := AREA.match(rest.lstrip())) is not None:
            unit = area_unit(area)
            end += len(rest) - len(rest.lstrip()) + area.end()
        elif (times := _TIMES.match(rest)) and (done := _times_of(text, start, out)):
            unit = done
            end += times.end()
        elif crew := re.match(r"-(?:person|man|member)\b", rest):
            unit = "person"  # "a two-person crew"
            end += crew.end()
        else:
            u = _UNIT.match(rest)
            if u:
                unit = {"kilometers": "km", "kilometres": "km", "kilometre": "km", "kilometer": "km", "tonnes": "ton", "tons": "ton",
                        "%": "percent", "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg"}.get(
                    u.group(1).lower(), re.sub(r"\s+", "", u.group(1).lower()))
                end += u.end()
                tail = re.match(r"^(?:-long|-wide|\s+in\s+length|\s+long)\b", text[end:])
                if tail:
                    end += tail.end()
            elif out and _OF_THOSE.search(text, 0, start) and not _plural_head(rest) and not _PART_OF.match(rest):
                unit, before = out[-1].unit, out[-1]  # "Of more than 1,400 posts in that period, 318 dealt with …"
            elif not _CLOCK.match(text, start):
                the = re.match(r"\s+the(?=\s)", rest) if (m.group("num") or "").lower().endswith(" of") else None
                past_the = the.end() if the else 0  # "thousands of the faithful"
                n = _NOUN.match(rest[past_the:])
                head = _plural_head(rest)
                part = _PART_OF.match(rest)
                if part:  # "90 of them": the count before it in the sentence; "two of our convoys": the noun
                    unit = singular(part.group(1)) if part.group(1) else _antecedent(text, start, out)
                    end += part.end()
                    before = out[-1] if out and not part.group(1) else compared
                elif head:
                    unit, length = head
                    end += length
                    vehicle = re.search(r"\b(truck|tanker|lorry)\s+loads$", rest[:length])  # "900 tanker loads": tankers
                    unit = singular(vehicle.group(1)) if vehicle else unit
                elif n and n.group(1) not in _NOT_UNITS | _NOT_NOUNS and not _PAST.fullmatch(n.group(1)):
                    unit = singular(n.group(1))
                    end += past_the + n.end()
                elif n and _HARMED_WORD.fullmatch(n.group(1)):
                    unit = "person"  # "five killed"
                elif n and _PAST.fullmatch(n.group(1)) and out:
                    unit, before = out[-1].unit, out[-1]  # "220 trucks crossed, and 40 returned": trucks too
        if unit is None and (_TOLL.search(text[:start]) or _HARMED.search(text[:start]) and not _NOUN.match(rest)):
            unit = "person"  # "put the toll at six", "the toll from the strike rose to 11", "… and wounding two": people
        named = list(_NUMBER_OF.finditer(text, 0, start))
        if unit is None and named and not any(named[-1].end() <= q.start for q in out):
            unit = singular(named[-1].group(1))  # "the number of trucks … fell from about 200 a day"
        if unit is None and compared:
            unit = compared.unit  # "40 trucks on Tuesday compared with around 150 on a normal day": trucks too
        if unit is None and out and out[-1].unit in CURRENCIES and _BARE.match(rest) and start - out[-1].end <= 40 \
                and _ALTERNATIVE.search(text, out[-1].end, start) and not re.search(r"[.;:]\s", text[out[-1].end:start]):
            unit, before = out[-1].unit, out[-1]  # "25,000 dinars, sometimes 50,000 if …", "from 9,000 dinars to about 5,000"
        if unit is None:
            continue
        per = None
        for pattern, name in _PER:
            p = pattern.match(text[end:])
            if p:
                per = name or ("person" if _person_noun(p.group(1))  # "per passenger"
                               else _SAME_UNIT.get(p.group(1), p.group(1)))
                end += p.end()
                break
        if per is None and unit in CURRENCIES and (each := _FROM_EACH.match(text[end:]) or _EACH_LATER.match(text[end:])
                                                   or _EACH_BEFORE.search(text, 0, start)):
            per = singular(each.group(1).lower())  # "50,000 pounds from each aid truck"
        elif per is None and unit in CURRENCIES and (label := _PAYER_LABEL.match(text[:start])):
            per = singular(label.group(1).lower())
        elif per is None and unit in CURRENCIES and _EACH_AFTER.match(text[end:]) and (
                payers := list(_PAYERS.finditer(text, 0, start))):
            per = singular(payers[-1].group(0).lower())
        per = per or _rate_later(text[end:]) or _rate_after_goods(text[end:]) or _price_unit(text, start, unit) \
            or (_rate_before(text, start) if unit not in ("person", "km", "mile", "percent", "squareMetre", "squareKilometre", "hectare")
                else None)
        if per is None and before is not None and before.unit == unit:
            per = before.per  # what "90 of them" or "against 190 in July" counts is counted at the same rate
        verbatim = text[start:end]
        if bounds:
            out.append(QuantityMention(start, end, verbatim, qualifier, unit, min=bounds[0], max=bounds[1], per=per))
        else:
            out.append(QuantityMention(start, end, verbatim, qualifier, unit, value=value, per=per))
    return sorted(out, key=lambda q: q.start)
