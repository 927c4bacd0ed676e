"""The cue patterns of kg.propose: the words between two entities that give a relation, and the words that name an
event of a kind. Kept apart from the code that applies them so that a curator can read (and extend) them as a table."""

import re

# The word right before a name that says where it stands on a way or movement: "to Syria", "from Iran", "through the
# crossing" (searched in the text before the name).
TO = re.compile(r"\b(?:to|into|towards?|bound\s+for)\s+(?:the\s+)?$", re.I)
FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
THROUGH = re.compile(r"\b(?:through|via|across)\s+(?:the\s+)?$", re.I)

# A count or share before the object of a verb: "supports more than a dozen Shiite militias", "controls most of the".
QUANTIFIER = r"(?:(?:more than|fewer than|about|some|several|many|most of|all|a dozen|dozens of|a number of|\d+)\s+)*"

# Up to three words between a compound and the name it qualifies ("Iran-backed Shiite militia Kataib Hezbollah",
# "Hezbollah-affiliated Lebanese newspaper al-Akhbar"), none of them joining another name.
_NOUNS = r"(?:(?!and |or |the |of |in )[a-z’']+ ){0,3}"

# A plain verb of being before a participle or state, maybe after "which" and an adverb ("which is still held by").
_COPULA = (r"(?:(?:which|that|who) )?(?:is|are|was|were|remains?|remained|(?:has|have|had) (?:long |\w+ly )?been) "
           r"(?:(?:\w+ly|still|now|also) )*")

# (pattern over the words between A and B, property, direction): "ab" gives [A, p, B], "ba" gives [B, p, A].
RELATIONS = [
    # "backed" and "handled": sponsorship where a state backs an armed group (the ontology's sponsors), else support
    (rf"-(?:backed|sponsored) {_NOUNS}", "sponsors", "ab"),
    (rf"-(?:backed|supported) {_NOUNS}", "supports", "ab"),
    (rf"-(?:affiliated|linked) {_NOUNS}", "affiliatedWith", "ba"),
    (rf"-(?:controlled|held) {_NOUNS}", "controls", "ab"),
    (r",? (?:(?:which|that|who) (?:is|are) )?(?:backed|supported) by (?:the )?", "supports", "ba"),
    (r",? (?:(?:which|that|who) (?:is|are) )?(?:sponsored|backed|handled) by (?:the )?", "sponsors", "ba"),
    (r",? (?:(?:which|that|who) (?:is|are) )?funded by (?:the )?", "fundedBy", "ab"),
    (rf" (?:\w+ )?(?:supports?|backs?) (?:the )?{QUANTIFIER}(?:the )?", "supports", "ab"),
    (rf" (?:\w+ )?(?:sponsors?) (?:the )?{QUANTIFIER}(?:the )?", "sponsors", "ab"),
    # "X said it stood with the group", "Damascus sided with Tehran": solidarity declared is support
    (r" (?:\w+ )?(?:(?:said|says) (?:it|they) )?(?:stands?|stood|sided|sides) (?:by|with) (?:the )?", "supports", "ab"),
    (r" (?:\w+ )?(?:controls?|controlled|took control of|takes control of|has control over|holds?|held) (?:the )?",
     "controls", "ab"),
    # "supporting the Syrian army in holding the area", "succeeded in keeping control of the town"
    (r" (?:\w+ )?in (?:holding|controlling|retaining|keeping control of|keeping hold of) (?:the )?", "controls", "ab"),
    (r",? (?:which|that) (?:is|are|was|were) controlled by (?:the )?| (?:is|are|was|were) controlled by (?:the )?"
     r"|,? under the control of (?:the )?|,? (?:(?:which|that) (?:is|are|was|were) )?held by (?:the )?", "controls", "ba"),
    # "X, which is part of Y", "X is part of Iraq's Y" (the state's possessive before the body)
    (r",? (?:(?:which|that|who) )?(?:(?:is|are|was|were) )?(?:a |an )?part of (?:the )?(?:[\w-]+['’]s )?"
     r"|,? (?:a |an )?(?:unit|branch|wing) of (?:the )?", "partOf", "ab"),
    (r", (?:a|an) [\w ’'-]{0,40}? (?:which|that|who) (?:is|are|was|were) (?:a |an )?part of (?:the )?", "partOf", "ab"),
    # "Kataib Sayyid al-Shuhada, another faction of the Hashd": a faction, brigade or component group of a larger body
    (r", (?:a|an|another) (?:[\w-]+ ){0,2}?(?:faction|brigade|component|constituent group|member group) (?:of|in|within) (?:the )?",
     "partOf", "ab"),
    (r",? \[?(?:is |are |was |were )?one of (?:the )?(?:[\w-]+ ){0,4}", "partOf", "ab"),
    # the same states told with a plain verb: "Hama is under the control of Badr", "the town remains in the hands of",
    # "the crossing, which is run by the brigade,", "the group is backed by Iran", "the militia is funded by"
    (rf" {_COPULA}(?:under the control of|held by|controlled by|in the hands of) (?:the )?", "controls", "ba"),
    # "the crossing is now under Kurdish control", "the town came under the army": a place under an actor
    (r",? (?:(?:which|that) )?(?:is|are|was|were|remains?|remained|came|comes|fell|falls) (?:(?:\w+ly|now|still) )*under (?:the )?"
     r"(?:(?:full|firm|effective|sole) )?", "controls", "ba"),
    (rf",? (?:(?:which|that) )?{_COPULA}?(?:run|operated|manned|managed) by (?:the )?", "operates", "ba"),
    (rf" {_COPULA}(?:sponsored|backed) by (?:the )?", "sponsors", "ba"),
    (rf" {_COPULA}(?:backed|supported) by (?:the )?", "supports", "ba"),
    (rf" {_COPULA}(?:funded|financed|bankrolled) by (?:the )?", "fundedBy", "ab"),
    (r",? (?:(?:which|that|who) (?:is|are) )?(?:a )?members? of (?:the )?", "memberOf", "ab"),
    (r" and (?:its|their) (?:leader|head|chief|founder|secretary[- ]general),? ", "leads", "ba"),
    (r" and (?:its|their) commander,? ", "commands", "ba"),
    (r",? (?:the )?(?:\w+ )?(?:leader|head|chief|secretary[- ]general) of (?:the )?", "leads", "ab"),
    (r",? (?:the )?(?:\w+ )?(?:commander|chief of (?:the )?(?:general )?staff) of (?:the )?", "commands", "ab"),
    (r" (?:leads?|led|heads?|headed) (?:the )?", "leads", "ab"),
    (r",? (?:(?:which|that|who) (?:is|are|was|were) )?(?:led|headed) by (?:the )?", "leads", "ba"),
    (r" (?:commands?|commanded) (?:the )?", "commands", "ab"),
    (r",? (?:(?:which|that|who) (?:is|are|was|were) )?commanded by (?:the )?", "commands", "ba"),
    (r" (?:is |are |lies |located )?near (?:the )?(?:(?:town|city|village|area|border|crossing) (?:of )?)?", "near", "ab"),
    # "Al-Qaim sits just inside Iraqi territory opposite the Syrian border town of", "which lies on the west bank of"
    (r" (?:sits |lies |is |are )?(?:[\w-]+ ){0,4}?opposite (?:the )?(?:[\w-]+ ){0,3}?(?:(?:town|city|village) of )?"
     r"|,? (?:(?:which|that) )?(?:lies|lie|sits|sit|is|are) on the (?:\w+ )?(?:bank|banks|shore) of (?:the )?", "adjacentTo", "ab"),
    # "a depot south of the town", "the airstrip, 10 km west of the city": a bearing from a place says the two lie close
    (r",? (?:(?:which|that) (?:lies|lie|is|are|sits|sit) )?(?:(?:about|some|roughly|around|nearly|just|further|farther) )?"
     r"(?:[\d.,]+ ?(?:km|kilometres|kilometers|miles) )?(?:north|south|east|west)(?:-?(?:east|west))? of (?:the )?"
     r"(?:(?:[\w-]+ )?(?:town|city|village) of )?", "near", "ab"),
    # "the town faces the Syrian town of Nur across the river": two places on either side of a line
    (r",? (?:(?:which|that) )?(?:\w+ )?(?:faces|face|faced|facing) (?:the )?(?:[\w-]+ ){0,3}?(?:(?:town|city|village) of )?",
     "adjacentTo", "ab"),
    # "Abu Kamal, which lies on the west bank of the Euphrates near the border": where the place itself lies
    (r",? (?:which|that) (?:lies|lie|is|are|sits|sit)(?: located| situated)? [^,;()]{0,60}? near (?:the )?", "near", "ab"),
    (r" (?:is |lies |located |situated )?at (?:the )?(?:(?:[\w-]+ ){0,2}?(?:town|city|village) of )?", "near", "ab"),
    (r" (?:is |are |lies |was )?(?:located |situated )?(?:in|inside) (?:the )?(?:(?:town|city|province|region|area|"
     r"governorate|village) of )?", "locatedIn", "ab"),
    # "fuel crosses at the Qaim crossing", "weapons move along the highway": what a way carries
    (r" (?:(?:still|also|now|\w+ly) )?(?:cross(?:es|ed)?|pass(?:es|ed)?|move[sd]?|flows?|flowed|travel(?:s|led|ed)?) "
     r"(?:(?:\w+ly) )?(?:through|at|via|across|along|over) (?:the )?", "cargo", "ba"),
    # "al-Qaim, a border town in western Anbar", "Hit, a city in the west of Anbar": an appositive that sets the place in another
    (r", (?:a|an) (?:[\w-]+ ){0,2}?(?:town|city|village|district|port|area|region|province|governorate|crossing|suburb) in (?:the )?"
     r"(?:(?:(?:north|south|east|west)(?:ern)?|central|(?:north|south)-?(?:east|west)(?:ern)?) (?:part of |of )?(?:the )?)?",
     "locatedIn", "ab"),
    # "al-Sekak, in the Deir Ezzor border town of al-Hari": a place set in a town (or district) an appositive names
    (r", in the (?:[\w’'-]+ ){0,4}?(?:town|city|village|district|province|governorate) of ", "locatedIn", "ab"),
    (r",? (?:(?:who|which) (?:is|are|was|were) )?(?:fighting|operating|present|stationed|active|based) in (?:the )?"
     r"| in (?:the )?| on (?:the )?",
     "hasPresenceIn", "ab"),
    # "Badr fighters in Hama", "the group's troops inside Syria", "Badr has positions in Hama": where its men or posts are
    (r"(?:['’]s)? (?:fighters|troops|forces|militiamen|units) (?:(?:are|were|remain|stationed|deployed|based) )?(?:in|inside|at) (?:the )?",
     "deployedIn", "ab"),
    (r" (?:(?:also|still|now) )?(?:has|have|had|maintains?|maintained|holds?|held|keeps?|kept) (?:\w+ )?"
     r"(?:positions|bases|outposts|posts|headquarters|offices|checkpoints) (?:in|inside|at) (?:the )?", "hasPresenceIn", "ab"),
    (r" (?:\w+ )?(?:(?:has|have|had) )?(?:\w+ )?(?:established|maintains?|maintained|built|has|have|had) (?:a|an|its|their) "
     r"(?:\w+ )?presence (?:in|on|at|along) (?:the )?", "hasPresenceIn", "ab"),
    (r",? (?:(?:which|who) )?(?:(?:is|are|was|were|have been|has been) )?(?:(?:\w+ly|now|still|also) )?deployed "
     r"(?:\w+ly )?(?:in|to|at|on) (?:the )?",
     "deployedIn", "ab"),
    # forces that "remained in the Albukamal region", "stay at the crossing": still deployed there
    (r" (?:\w+ )?(?:remained|remains?|stayed|stays?) (?:deployed )?(?:in|at) (?:the )?", "deployedIn", "ab"),
    (r" (?:\w+ )?(?:moved|sent|deployed|redeployed) (?:some |its |their |more )?(?:units|forces|fighters|troops|operatives|members) "
     r"(?:to|into) (?:the )?", "deployedIn", "ab"),
    (r" (?:between|linking|connecting) (?:the )?", "connects", "ab"),
    # "the crossing, which reopened in 2020, is the main official link between Anbar and …": what a crossing joins
    (rf" {_COPULA}(?:the |a |an |one )(?:[\w-]+ ){{0,3}}?(?:link|gateway|connection|artery|conduit) between (?:the )?",
     "connects", "ab"),
    (r" with (?:the )?", "connects", "ab"),
    (r" (?:on|along) the (?:\w+ )?", "onBorder", "ab"),
    (r" (?:\w+ )?(?:opposes?|opposed|against) (?:the )?", "opposes", "ab"),
    (r",? (?:(?:which|that|who) (?:is|are) )?(?:affiliated|allied|aligned|linked) (?:with|to) (?:the )?",
     "affiliatedWith", "ab"),
    (r" (?:\w+ )?(?:operates?|operated|runs) (?:the )?", "operates", "ab"),
    (r" (?:\w+ )?(?:secures?|secured|guards?|guarded|protects?) (?:the )?", "secures", "ab"),
    (r" (?:has |have |had )?(?:\w+ ){0,3}to (?:secure|fortify|guard|protect) |"
     r" (?:\w+ ){0,2}(?:fortif(?:y|ies|ied)|securing|guarding) (?:the )?", "secures", "ab"),
    (r",? (?:(?:which|that) )?(?:is |are |was |were )?(?:heavily |well |closely )?(?:secured|guarded|protected) by (?:the )?",
     "secures", "ba"),
    (r" (?:\w+ )?(?:threatens?|threatened) (?:the )?", "threatens", "ab"),
    # "Kataib Hezbollah and other militias collaborate with the Syrian regime": each of the two
    (r"(?: and other [\w’' -]{1,40}?)? (?:\w+ )?(?:collaborates?|collaborated|cooperates?|cooperated) with (?:the )?",
     "collaboratesWith", "ab"),
    (r" (?:\w+ )?(?:bypass(?:es)?|bypassing|circumvents?|goes around) (?:the )?(?:(?:closed|official|old|new|main) )?", "bypasses", "ab"),
    (r" (?:\w+ )?(?:uses?|used) (?:the )?| (?:are|is|was|were|been|carry on|keep|kept) using (?:the )?", "usedBy", "ba"),
    (r" (?:is |are |was |were )?used by (?:the )?", "usedBy", "ab"),
    (r" (?:passes|passing|runs|running|goes|going) (?:through|via) (?:the )?| (?:through|via) (?:the )?",
     "passesThrough", "ab"),
    # a route "stretching across Iraq"; a crossing that "will be part of Iran's land bridge" is one it passes through
    (r"['’”\"]? (?:stretch(?:es|ing|ed)?|extend(?:s|ing|ed)?|runs?|running|reach(?:es|ing)?) across (?:the )?", "passesThrough", "ab"),
    (r",? (?:is |was |will be |would be |to be |becomes? |become )?(?:a |an )?(?:\w+ )?part of (?:the |an? )?(?:\w+['’]s )?[“\"]?",
     "passesThrough", "ba"),
]

# Words that name an event of a kind, and the class (Transfer last: kg.propose reads it as the last).
TRIGGERS = [
    (r"air ?strikes?|airstrikes?|drone strikes?|strikes?|struck|bombed|bombing|fire (?:a )?rockets?|fired (?:a )?rockets?"
     r"|air raids?|drone attacks?|missile attacks?|rocket attacks?|shelling|shelled|bombard(?:ed|ment)"
     # the weapon that is the subject of a verb of striking: "a drone hit a position", "warplanes had targeted a depot"
     r"|(?:drones?|warplanes?|war planes?|jets?|aircraft|helicopters?)(?= (?:(?:also|reportedly|allegedly|then|had|has|have) )*"
     r"(?:hit|targeted|destroyed))", "Strike"),
    (r"re-?open(?:ed|s|ing)?|opening|open", "CrossingOpening"),
    (r"sanctions?|sanctioned|designat(?:ed|ion)|blacklist(?:ed|ing)?|froze (?:the )?assets|asset freezes?"
     # "added a firm and its owner to its sanctions list"
     r"|add(?:ed|s)(?=[^.;:]{1,80}?\bto (?:its|the|a|their) (?:\w+ )?(?:sanctions?|terror(?:ist)?|black) ?list)", "Sanction"),
    (r"meetings?|conference|summit|visit(?:ed|s|ing)?|met with", "Meeting"),
    (r"(?:re)?deploy(?:ed|s|ing|ment)|moved (?:[\w-]+ ){0,3}?(?:units|forces|troops|fighters|operatives)|made (?:their|its) way"
     r"|withdr(?:ew|awn|awal)|pulled out|sent (?:[\w-]+ ){0,3}?(?:reinforcements|troops|fighters)", "Deployment"),
    (r"seized|seizure|confiscated|intercepted|stopped the passage|impounded|interdicted", "Seizure"),
    # "completed" only of a thing that is built: "completed the cement barrier", not "completed the deal"
    (r"construction|constructed|built|erected|completed(?= (?:the |a |an |its |their )?(?:[\w-]+ ){0,4}"
     r"(?:barriers?|walls?|fences?|trench(?:es)?|berms?|bridges?|bases?|towers?|crossings?|terminals?)\b)", "Construction"),
    # (the patterns are matched ignoring case: a capital a name must have is asked for with (?-i:…))
    (r"captured|capture|took(?= (?:the (?:\w+ )?(?:town|city|village) of )?(?-i:[A-Z]|al-))|"
     # "occupation", not the name of those who hold a land in "the forces of occupation"
     r"occupied|(?<!\bof )(?<!\bof the )occupation|expell(?:ed|ing)|drove|liberat(?:ed|ion)|took control|taking control"
     r"|fall of(?= (?-i:[A-Z]))|takeover"
     # "the group was driven out of the town", "fighters overran the city", "the army retook the crossing"
     r"|driven (?:out|from)|pushed out|ousted|overr[au]n|seized control|wrested control|retook|recaptured",
     "TerritorialCapture"),
    (r"announced|declar(?:ed|ing)|statement|reported|a report|agreement|agreed"
     # a verb of saying that is a public act of its own: "the association claimed", "the chamber recommended", "the
     # spokesman told a newspaper", "the ministry condemned"
     r"|claimed(?! responsibility)|recommended|urged|warned|condemned|told(?= (?:(?:a|an|the|reporters|journalists)\b|(?-i:[A-Z])))",
     "Announcement"),
    (r"attack(?:ed|s)?|fired|ambush(?:ed|es)?|assassinat(?:ed|ion)"
     r"|(?:roadside|car|truck) bombs?|improvised explosive devices?|IEDs?|explosions?", "Attack"),
    (r"smuggling operations?|illicit trade|trafficking", "SmugglingOperation"),
    # vehicles that pass or cross ("40 trucks passing on Tuesday", "tankers crossed into Syria in May"): a transfer
    (r"shipments?|transport(?:ed)?|transferr?(?:ed|ing)|smuggl(?:ed|ing)|(?:trucks?|lorr(?:y|ies)|tankers?|vehicles)\s+"
     r"(?:(?:had|have|were|was)\s+)?(?:pass(?:ed|ing)?|cross(?:ed|ing)|went through|moved through)", "Transfer"),
]
