"""Screening: a few queries per top-level shape find the focus nodes where a constraint may fail, scanning the
store rather than looking up node by node; valid data returns no rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .component import Component, Shape
from .shape_based import PropertyC
from .terms import to_rdflib


@dataclass
class _Job:
    """A screening query: rows bind ?this, and per check a flag variable (None: every row flags it)."""

    query: str
    checks: list[tuple[str | None, Shape, Component]]
    top: Shape
    member: bool  # the rows are any subjects: only those among the targets of top count


class ScreeningPart:
    """Of the validator: the screening queries of a top-level shape, and the focus nodes their rows flag."""

    def _flag(self, jobs: list[_Job], answers: list[list]) -> dict:
        """{id(top shape): {(shape, constraint): (shape, constraint, focus nodes flagged)}} from the screening rows."""
        flagged: dict = defaultdict(dict)
        pending: dict = defaultdict(list)  # id(top shape) -> [(job, focus, flags)] whose focus must be among the targets
        for job, rows in zip(jobs, answers, strict=True):
            for row in rows:
                focus = to_rdflib(row["this"])
                hits = [(o, c) for name, o, c in job.checks
                        if name is None or (row[name[1:]] is not None and row[name[1:]].value == "true")]
                if job.member:
                    pending[id(job.top)].append((job.top, focus, hits))
                else:
                    for owner, comp in hits:
                        flagged[id(job.top)].setdefault((id(owner), id(comp)), (owner, comp, set()))[2].add(focus)
        for key, found in pending.items():
            top = found[0][0]
            members = self._members(top, {f for _, f, _ in found})
            for _, focus, hits in found:
                if focus in members:
                    for owner, comp in hits:
                        flagged[key].setdefault((id(owner), id(comp)), (owner, comp, set()))[2].add(focus)
        return flagged

    def _plan(self, shape: Shape) -> tuple[list[_Job], list]:
        """Screening queries for a top-level shape and its property shapes, and the constraints left to their own queries.

        A property shape's value checks, maximum counts and comparisons scan its values on their own, returning
        only the subjects where a check may fail (the few found are then matched against the targets); minimum
        counts and sh:hasValue anti-join the targets with a scan; what else needs the focus nodes themselves (the
        checks of a node shape on its focus nodes, counts from zero) runs over the targets in one query.
        """
        jobs, unscreened, groups, parts, flags = [], [], [], [], []
        plain = self.targets_plain(shape.node)("?this")
        if shape.is_property:
            (groups if shape.simple else unscreened).append(shape if shape.simple else (shape, None))
        else:
            self.joins = ("?this", parts)
            for comp in shape.components:
                if isinstance(comp, PropertyC):
                    inner = comp.inner
                    if not inner.deactivated:
                        (groups if inner.simple else unscreened).append(inner if inner.simple else (inner, None))
                elif comp.value_level:
                    if (sc := comp.sc(self, "?this")) != "true":
                        flags.append((f"!COALESCE({sc}, false)", shape, comp))
                else:
                    unscreened.append((shape, comp))
            self.joins = None
        for group in groups:
            values = []
            for comp in group.components:
                screens = comp.screens(self, group)
                if screens is None and comp.value_level:
                    if (sc := comp.sc(self, "?value")) != "true":
                        values.append((f"!COALESCE({sc}, false)", group, comp))
                elif screens is None:
                    unscreened.append((group, comp))
                for screen in screens or ():
                    check = [(None, group, comp)]
                    if screen.kind == "bad":
                        jobs.append(_Job(f"SELECT DISTINCT ?this WHERE {{ {screen.pattern} }}", check, shape, True))
                    elif screen.kind == "required":
                        jobs.append(_Job(f"SELECT DISTINCT ?this WHERE {{ {plain} MINUS {{ {screen.pattern} }} }}", check, shape, False))
                    else:
                        parts += screen.parts
                        flags.append((screen.test, group, comp))
            if values:
                # The store decodes a term each time an expression reads it: read the value's string once.
                values = [(test.replace("STR(?value)", "?text"), owner, comp) for test, owner, comp in values]
                text = "BIND(STR(?value) AS ?text)" if any("?text" in test for test, _, _ in values) else ""
                jobs.append(self._flagging(f"?this {group.sparql_path} ?value {text}", values, shape, True))
        if flags:
            jobs.append(self._flagging(f"{plain} {' '.join(parts)}", flags, shape, False))
        return jobs, unscreened

    def _flagging(self, where: str, tests: list[tuple[str, Shape, Component]], top: Shape, member: bool) -> _Job:
        """A screening query binding ?this and one flag per test (a test that errs flags)."""
        named = [(self.fresh(), test, owner, comp) for test, owner, comp in tests]
        binds = " ".join(f"BIND(COALESCE({test}, true) AS {name})" for name, test, _, _ in named)
        names = [name for name, _, _, _ in named]
        query = f"SELECT DISTINCT ?this {' '.join(names)} WHERE {{ {where} {binds} FILTER({' || '.join(names)}) }}"
        return _Job(query, [(name, owner, comp) for name, _, owner, comp in named], top, member)
