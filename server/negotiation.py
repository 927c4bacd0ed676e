"""Chooses a response format from Accept (q-values, wildcards) or an explicit `format` parameter."""

from __future__ import annotations

from werkzeug.datastructures import MIMEAccept

from kg.formats import BY_MEDIA_TYPE, BY_NAME, BY_OTHER_NAME, FORMATS, GRAPH_NAMES, Format

from .errors import HTTPProblem


def offers(*kinds: str) -> list[Format]:
    return [f for f in FORMATS if f.kind in kinds]


def named(value: str, kinds: tuple[str, ...]) -> Format | None:
    """The format a `format` parameter's value names (a name or a media type, in any case) for a result of these kinds."""
    key = value.strip().lower()
    if "results" not in kinds and key in GRAPH_NAMES:
        return GRAPH_NAMES[key]
    return BY_NAME.get(key) or BY_OTHER_NAME.get(key) or BY_MEDIA_TYPE.get(key.split(";")[0].strip())


def choose(accept: MIMEAccept, format_param: str | None, kinds: tuple[str, ...]) -> Format:
    """The format to answer in; 406 when none that the client accepts fits the result."""
    candidates = offers(*kinds)
    if format_param:
        chosen = named(format_param, kinds)
        if chosen is None or chosen not in candidates:
            names = ", ".join(f.name for f in candidates)
            raise HTTPProblem(406, f"format={format_param!r} does not fit this result; use one of: {names}")
        return chosen
    if not accept:
        return candidates[0]
    media = [f.media_type for f in candidates] + [m for f in candidates for m in f.aliases]
    best = accept.best_match(media)
    if best is None:
        listed = ", ".join(f.media_type for f in candidates)
        raise HTTPProblem(406, f"none of the accepted media types is available for this result; available: {listed}")
    return BY_MEDIA_TYPE[best]
