"""Imported by the uWSGI master before it forks workers (`--shared-import`): the libraries and the
app's modules, but not the store, which each worker opens after the fork. A worker replaced after
a timeout then starts in milliseconds instead of importing everything again.

The master also learns at once when a worker ends. Left alone, it looks for ended workers once a
second (its check interval), so a burst of timed-out queries could leave clients waiting up to a
second for replacements. A SIGCHLD handler, installed here, interrupts the master's wait for events;
the master then reaps the worker and starts its replacement straight away. The handler does nothing
itself; SA_RESTART keeps every other call the master makes from being interrupted (an event wait
returns early whatever the flag says). Each worker puts the default disposition back right after
its fork (uWSGI's post-fork hook).
"""

from __future__ import annotations

import signal
import sys

import flask  # noqa: F401
import jinja2  # noqa: F401
import pyoxigraph  # noqa: F401
import rdflib  # noqa: F401
import rdflib.plugins.serializers.jsonld  # noqa: F401

from . import dataset, health, metrics, pages, query, sparql, views  # noqa: F401


def _child_ended(signum, frame) -> None:
    """Nothing to do: the signal's arrival is what wakes the master."""


def _default_after_fork() -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)


def wake_master_on_worker_exit() -> bool:
    """In the uWSGI master only: install the SIGCHLD handler, and have every forked process restore the
    default. Whether it was installed."""
    uwsgi = sys.modules.get("uwsgi")
    if uwsgi is None or uwsgi.worker_id() != 0:
        return False
    signal.signal(signal.SIGCHLD, _child_ended)
    signal.siginterrupt(signal.SIGCHLD, False)
    uwsgi.post_fork_hook = _default_after_fork
    return True


wake_master_on_worker_exit()
