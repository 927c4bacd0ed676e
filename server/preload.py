"""Imported by the uWSGI master before it forks workers (`--shared-import`): the libraries and the
app's modules, but not the store, which each worker opens after the fork. A worker replaced after
a timeout then starts in milliseconds instead of importing everything again."""

from __future__ import annotations

import flask  # noqa: F401
import jinja2  # noqa: F401
import pyoxigraph  # noqa: F401
import rdflib  # noqa: F401
import rdflib.plugins.serializers.jsonld  # noqa: F401

from . import dataset, health, metrics, pages, query, sparql, views  # noqa: F401
