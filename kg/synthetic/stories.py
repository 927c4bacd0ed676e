"""Stories: the facts a claim states, and the stories each entity needs, by class (the stand-ins' facts, the planted
violations' breaks), with the extra relations that fill a dataset to its size."""

from __future__ import annotations

from ..build import month_day_not_before
from ..namespaces import RDFS, XSD
from .anchors import ANCHORS
from .sizes import STATUS_HISTORY
from .tables import CHARACTERISTICS, EXTRAS, STATUSES
from .terms import A, english, fact_key, label_of, lb_term, plain_literal, typed_literal


class Story:
    """Facts one claim states (and another document may repeat); each fact is a list of triples, the first the fact itself.

    `state`: a fact is a state (a time-indexed property of what is not an event), so its claims carry a time.
    `modality`: the modality its claim must take (asserted where a shape requires the fact), else None.
    `document`: the document that must state it (a day without a year: one without a date), else None.
    `holds`: the time the text gives, ((lb:holdsAt | lb:holdsFrom | lb:holdsUntil, lexical, datatype), ...).
    `steps`: a history of statuses, (fact, holds) each, stated by claims of their own, the earlier superseded.
    `single`: no second document repeats it.
    `current`: its state holds now (a question of the graph asks for it): no claim of it says it ended.
    """

    __slots__ = ("facts", "year_inferred", "two_certainties", "year_bounded", "state", "modality", "document", "holds",
                 "steps", "single", "current")

    def __init__(self) -> None:
        self.facts: list[list[str]] = []
        self.year_inferred = self.two_certainties = self.year_bounded = self.state = self.single = self.current = False
        self.modality: str | None = None
        self.document: int | None = None
        self.holds: tuple[tuple[str, str, str], ...] | None = None
        self.steps: list[tuple[list[str], tuple[tuple[str, str, str], ...]]] | None = None

    def add(self, s: str, p: str, o: str) -> None:
        self.facts.append([f"{s} {p} {o}"])


class StoriesPart:
    """Part of Generator (kg.synthetic.generator): the stories of the entities, by class."""

    # -- making stories --------------------------------------------------------------------------

    def is_state(self, subject: str, prop: str) -> bool:
        """A fact of a time-indexed property about what is not an event holds at a time (Statement.time_indexed)."""
        return prop in self.time_indexed and subject.rsplit("-", 1)[0] not in self.event_prefixes

    def story(self, *facts: tuple[str, str, str | None], required: bool = False) -> Story:
        """A story of (subject local, property, object) facts; objects already formatted as terms or None (skipped).

        `required`: a shape requires one of its facts of an entity the default graph holds, so its claim is asserted.
        """
        s = Story()
        for subject, prop, obj in facts:
            if obj is not None:
                s.add(self.iri(subject), lb_term(prop), obj)
                s.state = s.state or self.is_state(subject, prop)
        if required:
            s.modality = "asserted"
        return s

    def qstory(self, subject: str, prop: str, unit: str, per: str | None = None, inverted: bool = False) -> Story:
        """A story of one qualified number."""
        s = Story()
        s.facts.append(self.quantity(subject, prop, unit, per, inverted))
        s.state = self.is_state(subject, prop)
        return s

    def ref(self, local: str | None) -> str | None:
        return None if local is None else self.iri(local)

    def dated(self, local: str, required: bool = False) -> Story:
        """A claim giving an event's date (sometimes with a year the text leaves implicit, or a day without a year,
        or, where the event is still to come, only the latest date it is expected or planned by)."""
        s = Story()
        e = self.iri(local)
        if required:
            s.modality = "asserted"
        if self.plants.get(local) == "date-datatype":
            s.add(e, lb_term("date"), plain_literal("sometime in the spring"))
            self.planted("date-datatype")
            return s
        if not required and self.mode is None and self.chance(0.08):
            s.add(e, lb_term("dateNotAfter"), typed_literal(f"{self.rng.randint(2015, 2025)}-{self.rng.randint(1, 12):02d}",
                                                 XSD + "gYearMonth"))
            s.modality = self.rng.choice(("expected", "intended"))
            return s
        value, full = self.date()
        if value.startswith("--"):
            # A day without a year: only in a document without a date, bounded by its earliest. Not for a strike:
            # DatedStrikeShape asks for an lb:date (or lb:dateText), which a month and day alone do not give.
            if self.undated_docs and not required:
                s.document = self.undated_docs[self.rng.randrange(len(self.undated_docs))]
                bound = month_day_not_before(value, self.doc_earliest[s.document])
                s.facts.append([f"{e} {lb_term('monthDay')} {typed_literal(value, XSD + 'gMonthDay')}",
                                f"{e} {lb_term('dateNotBefore')} {typed_literal(bound.isoformat(), XSD + 'date')}"])
                s.year_bounded = s.single = True
                return s
            value, full = typed_literal(f"2020{value[1:]}", XSD + "date"), True
        s.add(e, lb_term("date"), value)
        s.year_inferred = full and (self.chance(0.15) or local == "strike-0")
        return s

    def status_history(self, e: str, weights: tuple[float, ...]) -> list[Story]:
        """A place's statuses over time (none, one, two or three), each at a later time than the one before; none
        for the crossing the as-of question asks about, whose statuses are the anchors' (anchor_crossing_statuses)."""
        r, steps = self.rng.random(), 0
        for k, w in enumerate(weights, 1):
            if r < w:
                steps = k
                break
            r -= w
        if not steps or self.mode not in (None, "asserted") or e == ANCHORS["al-qaim-albu-kamal-crossing"]:
            return []
        s = Story()
        s.steps = []
        year = self.rng.randint(2013, 2019)
        for status in self.rng.sample(STATUSES, steps):
            lexical, datatype = self.time_value(year)
            s.steps.append(([f"{self.iri(e)} {lb_term('status')} {lb_term(status)}"], (("holdsAt", lexical, datatype),)))
            year += self.rng.randint(1, 2)
        return [s]

    def extra(self, cls: str, local: str) -> Story:
        s = Story()
        for _ in range(1 + self.rng.randrange(3)):
            prop, pool = EXTRAS[cls][self.rng.randrange(len(EXTRAS[cls]))]
            obj = self.value(pool, local)
            if obj is not None:
                s.add(self.iri(local), lb_term(prop), obj)
                s.state = s.state or self.is_state(local, prop)
        return s

    def value(self, pool: str, subject: str) -> str | None:
        if pool == "sect":
            return lb_term(self.rng.choice(("shia", "sunni")))
        if pool == "characteristic":
            return lb_term(self.rng.choice(CHARACTERISTICS))
        if pool in ("topic", "grounds", "facility"):
            return plain_literal(f"synthetic {pool} {self.rng.randrange(1000)}")
        return self.ref(self.pick(pool, avoid=subject))

    # -- the stories each entity needs, by class: actors, places, routes, events -----------------

    def core_country(self, e: str, i: int) -> list[Story]:
        stories = [self.story((e, "opposes", self.ref(self.pick("country", avoid=e))))]
        if self.chance(0.5) or i == 0:
            stories.append(self.story((e, "supports", self.ref(self.pick("armed")))))
        return stories

    def core_militia(self, e: str, i: int) -> list[Story]:
        r = self.rng.random()
        if i == 0 or r < 0.15:
            place = self.locals["Settlement"][self.rng.randrange(2)] if r < 0.08 else self.locals["Region"][self.rng.randrange(2)]
        else:
            place = self.pick("local")
        stories = [self.story((e, "hasPresenceIn", self.ref(place)), (e, "sect", lb_term(self.rng.choice(("shia", "sunni")))))]
        relation = self.rng.choice(("controls", "operates", "secures", "influences"))
        crossing = self.pick("crossing")
        if i == 0:
            stories.append(self.story((e, "controls", self.iri("official-crossing-0"))))
        else:
            stories.append(self.story((e, relation, self.ref(crossing))))
        if i == 0 or self.chance(0.4):
            stories.append(self.story((e, self.rng.choice(("partOf", "memberOf")), self.iri("state-force-1"))))
        if i == 0 or self.chance(0.35):
            stories.append(self.story(("country-0", self.rng.choice(("sponsors", "supports")), self.iri(e))))
        if self.chance(0.25):
            stories.append(self.qstory(e, "size", "fighters"))
        return stories

    def core_armed_group(self, e: str, i: int) -> list[Story]:
        return [self.story((e, "opposes", self.ref(self.pick("country"))), (e, "hasPresenceIn", self.ref(self.pick("local"))))]

    def core_state_force(self, e: str, i: int) -> list[Story]:
        stories = [self.story((e, "country", self.ref(self.pick("country"))))]
        place = self.locals["Settlement"][1] if self.chance(0.2) else self.pick("local")
        stories.append(self.story((e, "deployedIn", self.ref(place))))
        if i > 1 and self.chance(0.5):
            stories.append(self.story((e, "partOf", self.iri("state-force-0"))))
        return stories

    def core_military_unit(self, e: str, i: int) -> list[Story]:
        parent = "state-force-0" if i == 0 or self.chance(0.5) else "military-unit-0"
        country = self.iri("country-0") if i == 0 else self.ref(self.pick("country"))
        return [self.story((e, "partOf", self.iri(parent)), (e, "country", country))]

    def core_government_body(self, e: str, i: int) -> list[Story]:
        return [self.story((e, "country", self.ref(self.pick("country")))),
                self.story((e, "secures", self.ref(self.pick("crossing"))))]

    def core_media_outlet(self, e: str, i: int) -> list[Story]:
        return [self.story((e, "country", self.ref(self.pick("country"))))]

    def core_person(self, e: str, i: int) -> list[Story]:
        title = plain_literal(f"synthetic title {self.rng.randrange(200)}")
        stories = [self.story((e, "title", title), (e, self.rng.choice(("commands", "leads")), self.ref(self.pick("organization"))))]
        if self.chance(0.3):
            stories.append(self.story((e, "memberOf", self.ref(self.pick("organization")))))
        return stories

    def core_person_group(self, e: str, i: int) -> list[Story]:
        stories = [self.story((e, "memberOf", self.ref(self.pick("armed"))), (e, "title", plain_literal("members")))]
        if self.chance(0.3):
            stories.append(self.qstory(e, "size", "members"))
        return stories

    def core_region(self, e: str, i: int) -> list[Story]:
        country = self.locals["Country"][1 + i] if i < 2 else self.pick("country")
        s = self.story((e, "locatedIn", self.ref(country)))
        s.two_certainties = self.plants.get(e) == "two-certainties"
        return [s]

    def core_settlement(self, e: str, i: int) -> list[Story]:
        region = self.locals["Region"][1 - i] if i < 2 else self.pick("region")
        s = self.story((e, "locatedIn", self.ref(region)))
        s.two_certainties = self.plants.get(e) == "two-certainties"
        stories = [s]
        if i > 1 and self.chance(0.3):
            stories.append(self.story((e, "near", self.iri(self.locals["Settlement"][self.rng.randrange(2)]))))
        elif self.chance(0.4):
            stories.append(self.story((e, "near", self.ref(self.pick("settlement", avoid=e)))))
        if self.chance(0.3):
            stories.append(self.story((e, "onBorder", self.ref(self.pick("border")))))
        return stories

    def core_border(self, e: str, i: int) -> list[Story]:
        a = self.pick("country")
        return [self.story((e, "borderOf", self.ref(a)), (e, "borderOf", self.ref(self.pick("country", avoid=a))))]

    def _crossing(self, e: str, i: int) -> list[Story]:
        near = self.iri(self.locals["Settlement"][i % 2]) if i < 2 else self.ref(self.pick("settlement"))
        stories = [self.story((e, "near", near), (e, "onBorder", self.ref(self.pick("border"))))]
        stories.append(self.story((e, "connects", self.ref(self.pick("settlement"))), (e, "connects", self.ref(self.pick("region")))))
        if self.chance(0.6):
            stories.append(self.story((e, "cargo", self.ref(self.pick("commodity")))))
        return stories

    def core_official_crossing(self, e: str, i: int) -> list[Story]:
        return self._crossing(e, i) + self.status_history(e, STATUS_HISTORY["OfficialCrossing"])

    def core_unofficial_crossing(self, e: str, i: int) -> list[Story]:
        stories = self._crossing(e, i) + self.status_history(e, STATUS_HISTORY["UnofficialCrossing"])
        stories.append(self.story((e, "usedBy", self.ref(self.pick("armed")))))
        return stories

    def core_military_base(self, e: str, i: int) -> list[Story]:
        return [self.story((e, "near", self.ref(self.pick("settlement"))), (e, "builtBy", self.ref(self.pick("actor")))),
                *self.status_history(e, STATUS_HISTORY["MilitaryBase"])]

    def core_barrier(self, e: str, i: int) -> list[Story]:
        s = self.qstory(e, "length", "km", inverted=self.plants.get(e) == "range-order")
        if self.plants.get(e) == "range-order":
            self.planted("range-order")
        return [self.story((e, "near", self.ref(self.pick("settlement"))), (e, "facility", plain_literal("synthetic guard posts"))), s]

    def core_water_body(self, e: str, i: int) -> list[Story]:
        return [self.story((e, "locatedIn", self.ref(self.pick("region"))))]

    def _route(self, e: str, i: int, cls: str) -> list[Story]:
        mode = {"AirBridge": "air", "SeaRoute": "sea"}.get(cls, "land")
        stops: list[str] = []
        if cls == "Road" and i == 0:
            stops.append("official-crossing-0")
        for _ in range(self.rng.randint(3, 6) - len(stops)):
            place = self.pick("crossing") if self.chance(0.35) else self.pick("place")
            if place and place not in stops:
                stops.append(place)
        waypoints = Story()
        route = self.iri(e)
        for seq, place in enumerate(stops, 1):
            w = self.iri(f"waypoint/{e}-{seq}-{place}")
            wrong = seq == 1 and self.plants.get(e) == "sequence-datatype"
            if wrong:
                self.planted("sequence-datatype")
            sequence = typed_literal(f"{seq}.0", XSD + "decimal") if wrong else typed_literal(str(seq), XSD + "integer")
            waypoints.facts.append([
                f"{route} {lb_term('hasWaypoint')} {w}",
                f"{w} {A} {lb_term('Waypoint')}",
                f"{w} <{RDFS}label> {english(f'{label_of(e)}, stop {seq}: {label_of(place)}')}",
                f"{w} {lb_term('sequence')} {sequence}",
                f"{w} {lb_term('waypointPlace')} {self.iri(place)}",
                f"{route} {lb_term('passesThrough')} {self.iri(place)}",
            ])
        bridge = e == ANCHORS["iran-land-bridge"]
        user = "country-0" if self.chance(0.5) or bridge else self.pick("actor")
        uses = [(e, "mode", lb_term(mode)), (e, "usedBy", self.ref(user)), (e, "cargo", self.ref(self.pick("commodity")))]
        if bridge:
            # The land bridge Iran uses (28), and what the question on routes asks of it (32): what it is for, what
            # it is an alternative to, an advantage and a limitation, and who threatens it.
            uses += [(e, "purpose", self.iri(self.locals["Transfer"][0])), (e, "alternativeTo", self.iri(self.locals["Road"][0])),
                     (e, "advantage", lb_term("cost")), (e, "limitation", lb_term("interdiction")),
                     (self.locals["ArmedGroup"][0], "threatens", self.iri(e))]
        ends = [(e, "origin", self.ref(self.pick("country"))), (e, "destination", self.ref(self.pick("feature", avoid=e)))]
        # The land bridge's in one claim, which leaves the smallest graphs room for the anchors' claims.
        stories = [waypoints, self.story(*uses, *ends)] if bridge else [waypoints, self.story(*uses), self.story(*ends)]
        if (cls == "Road" and i == 0) or (self.chance(0.15) and not bridge):
            barred = self.story((e, "cannotBeUsedBy", self.iri("country-0")))
            barred.current = cls == "Road" and i == 0  # the route a question asks for (05)
            stories.append(barred)
        return stories

    def core_strike(self, e: str, i: int) -> list[Story]:
        if i == 0 or self.chance(0.12):
            site = self.iri(self.rng.choice(("settlement-0", "official-crossing-0")))
        else:
            site = self.ref(self.pick("place"))
        # Where, how and whom in one claim, as a text tells a strike ("an air strike near Albu Kamal killed members of ...").
        stories = [self.dated(e, required=True),
                   self.story((e, self.rng.choice(("location", "nearLocation", "hit")), site),
                              (e, "strikeType", lb_term(self.rng.choice(("airStrike", "droneStrike", "rocketFire")))),
                              (e, "target", self.ref(self.pick("armed"))))]
        plant = self.plants.get(e)
        if plant == "perpetrator-class":
            stories.append(self.story((e, "perpetrator", self.ref(self.pick("commodity")))))
            self.planted(plant)
        elif plant == "strike-unattributed":
            self.planted(plant)
        elif self.chance(0.25):
            stories.append(self.story((e, "attributionStatus", lb_term("unattributed")), required=True))
        else:
            stories.append(self.story((e, "perpetrator", self.ref(self.pick("actor"))), required=True))
        if self.chance(0.4):
            stories.append(self.qstory(e, "casualties", "people killed"))
        return stories

    def core_sanction(self, e: str, i: int, programme: bool = False) -> list[Story]:
        issuer = self.ref(self.pick("country") if self.chance(0.6) else self.pick("organization"))
        first = self.story((e, "issuedBy", issuer) if self.chance(0.9) else (e, "attributionStatus", lb_term("unattributed")),
                           required=True)
        if self.chance(0.85):
            second = self.story((e, "sanctionTarget", self.ref(self.pick("armed" if programme else "actor"))), required=True)
        else:
            second = self.story((e, "cargo", self.ref(self.pick("commodity"))), required=True)
        if programme:
            second.add(self.iri(e), lb_term("programme"), lb_term("foreignTerroristOrganization"))
        second.add(self.iri(e), lb_term("grounds"), plain_literal(f"synthetic grounds {self.rng.randrange(1000)}"))
        return [first, second, self.dated(e)]

    def core_terrorist_designation(self, e: str, i: int) -> list[Story]:
        return self.core_sanction(e, i, programme=True)

    def core_seizure(self, e: str, i: int) -> list[Story]:
        place = self.iri(self.rng.choice(("official-crossing-0", "settlement-1"))) if i == 0 or self.chance(0.3) else \
            self.ref(self.pick("crossing"))
        s = self.story((e, "location", place), (e, "cargo", self.ref(self.pick("commodity"))),
                       (e, "agent", self.ref(self.pick("organization"))))
        # The first one's amount is "more than" a number: the question on qualified numbers always has one (24).
        s.facts.append(self.quantity(e, "quantity", "pills", qualifier="moreThan" if i == 0 else None))
        return [s, self.dated(e)]

    def core_meeting(self, e: str, i: int) -> list[Story]:
        a = self.pick("person")
        return [self.dated(e),
                self.story((e, "location", self.ref(self.pick("settlement"))), (e, "attendedBy", self.ref(a)),
                           (e, "attendedBy", self.ref(self.pick("person", avoid=a))), (e, "topic", plain_literal("synthetic topic"))),
                self.story((e, "participant", self.ref(self.pick("country"))))]

    def core_crossing_opening(self, e: str, i: int) -> list[Story]:
        crossing = self.iri("official-crossing-0") if i == 0 else self.ref(self.pick("crossing"))
        stories = [self.story((e, "openedCrossing", crossing), (e, "status", lb_term("planned")), required=True)]
        if e != ANCHORS["al-qaim-albu-kamal-crossing-opening"]:  # whose dates are the anchors' (anchor_opening_plans)
            stories.append(self.dated(e))
        if i == 0 or self.chance(0.5):
            stories.append(self.story((e, "status", lb_term(self.rng.choice(("delayed", "completed", "ongoing"))))))
            stories.append(self.story((e, "agent", self.ref(self.pick("country")))))
        return stories

    def core_construction(self, e: str, i: int) -> list[Story]:
        return [self.story((e, "constructed", self.ref(self.pick("installation"))), (e, "status", lb_term("completed")), required=True),
                self.story((e, "agent", self.ref(self.pick("actor")))), self.dated(e)]

    def core_territorial_capture(self, e: str, i: int) -> list[Story]:
        place = self.iri("settlement-0") if i == 0 else self.ref(self.pick("local"))
        return [self.story((e, "capturedPlace", place), (e, "agent", self.iri("militia-0") if i == 0 else self.ref(self.pick("armed"))),
                           required=True),
                self.story((e, "expelled", self.ref(self.pick("armed")))),
                # The capture the queries ask about has the dates of the anchors (anchor_capture_dates).
                *([] if e == ANCHORS["capture-of-albu-kamal-2017"] else [self.dated(e)])]

    def core_smuggling_operation(self, e: str, i: int) -> list[Story]:
        s = self.story((e, "agent", self.ref(self.pick("armed"))), (e, "beneficiary", self.ref(self.pick("armed"))))
        money = self.qstory(e, "revenue", "US dollars", per="month")
        if self.chance(0.5):
            money.facts.append(self.quantity(e, self.rng.choice(("fee", "tradeValue", "cost")), "US dollars", per="truck"))
        return [s, money, self.story((e, "cargo", self.ref(self.pick("commodity"))), (e, "passesThrough", self.ref(self.pick("crossing"))))]

    def core_transfer(self, e: str, i: int) -> list[Story]:
        return [self.story((e, "agent", self.ref(self.pick("actor"))), (e, "origin", self.ref(self.pick("country"))),
                           (e, "destination", self.ref(self.pick("country")))),
                self.story((e, "cargo", self.ref(self.pick("commodity"))), (e, "passesThrough", self.ref(self.pick("crossing"))),
                           (e, "status", lb_term("ongoing")))]

    def core_announcement(self, e: str, i: int) -> list[Story]:
        return [self.dated(e), self.story((e, "agent", self.ref(self.pick("person"))),
                                          (e, "concerns", self.ref(self.pick("event", avoid=e))),
                                          (e, "topic", plain_literal(f"synthetic topic {self.rng.randrange(1000)}")))]

    def core_deployment(self, e: str, i: int) -> list[Story]:
        return [self.dated(e), self.story((e, "agent", self.ref(self.pick("force"))), (e, "location", self.ref(self.pick("local"))))]

    def core_commodity(self, e: str, i: int) -> list[Story]:
        """Goods no asserted claim has named yet: a crossing or route carries them (a cargo not stated before)."""
        if self.iri(e) in self.referenced:
            return []
        for _ in range(20):
            holder = self.pick("crossing" if self.chance(0.5) else "route")
            if holder and fact_key(f"{self.iri(holder)} {lb_term('cargo')} {self.iri(e)}") not in self.seen:
                return [self.story((holder, "cargo", self.iri(e)))]
        return []
