"""The server's settings: those of kg.settings (one declaration each), in their layers."""

from __future__ import annotations

from typing import Any

from kg.settings import SETTINGS, load

DEFAULTS: dict[str, Any] = {name: s.default_value() for name, s in SETTINGS.items()}


def load_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then the KG_CONFIG file, then KG_* variables, then these overrides."""
    return load(overrides)
