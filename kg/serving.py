"""What `kg serve` does before it serves (server.cli): rebuild when the inputs changed, validate unless the release
already passed the same checks."""

from __future__ import annotations

from collections.abc import Callable

from .build import build, inputs_digest
from .paths import Layout
from .release import BuildFolder
from .settings import DEFAULT_BASE_IRI
from .validate import Report, recorded_verdict, validate


def needs_build(layout: Layout, base: str | None) -> bool:
    """True when there is no build, or it was made from other inputs or, where one is given, another base IRI."""
    release = BuildFolder(layout.build).current()
    if release is None:
        return True
    return release.inputs_digest != inputs_digest(layout) or (base is not None and release.base_iri != base)


def prepare(layout: Layout, base: str | None, progress, echo: Callable[[str], None]) -> Report | None:
    """Build if needed (with the base IRI given, else the current release's, else the default), then
    validate unless this release already passed the same checks.

    Returns the report of a new validation, or None when the recorded one stands.
    """
    if needs_build(layout, base):
        release = BuildFolder(layout.build).current()
        if base is None:
            base = release.base_iri if release else DEFAULT_BASE_IRI
        result = build(layout, base, progress)
        echo(f"built {result.release.path}")
    release = BuildFolder(layout.build).current()
    if release is not None and recorded_verdict(layout, release):
        echo(f"{release.path} passed validation when it was built; not validating again")
        return None
    return validate(layout, progress=progress)
