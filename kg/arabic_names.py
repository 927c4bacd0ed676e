"""A group's Arabic name read as its English one: "Hashd al-Shaabi" is the Popular Mobilization (Forces).

News on Iraq and Syria gives armed groups by their Arabic names as often as by their English ones. The words these
names are made of are few (brigades, movement, mobilization, popular, party, army, front); English puts the modifier
before the noun that Arabic puts after it, so the glossed words are read in reverse order ("Hashd al-Shaabi":
mobilization + popular = popular mobilization). Only a name every word of which (the article aside) is in the glossary
is read. A group's head noun alone ("the Hashd") is the one group whose English name holds its gloss, if one does.
"""

from __future__ import annotations

from .names import fold, is_article

# Arabic words of group names and their English, as the names' English forms render them.
GLOSS = {"hashd": "mobilization", "shaabi": "popular", "shabi": "popular", "shaebi": "popular",
         "kataib": "brigades", "katib": "brigades", "liwa": "brigade", "saraya": "companies", "harakat": "movement",
         "jaish": "army", "jabhat": "front", "hizb": "party", "quwat": "forces", "watani": "national", "wataniya": "national",
         "islami": "islamic", "islamiya": "islamic", "muqawama": "resistance"}


def gloss_word(name: str) -> str | None:
    """The English of a one-word Arabic name of a group's noun ("Hashd": mobilization), or None."""
    words = fold(name).split()
    return GLOSS.get(words[0]) if len(words) == 1 else None


def english_name(name: str) -> str | None:
    """The folded English reading of an Arabic name of glossary words (hashd al shaabi: popular mobilization), or None."""
    words = [w for w in fold(name).split() if not is_article(w)]
    if len(words) < 2 or any(w not in GLOSS for w in words):
        return None
    return " ".join(GLOSS[w] for w in reversed(words))
