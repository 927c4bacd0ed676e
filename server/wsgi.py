"""The WSGI application a server imports: settings from KG_* variables (and KG_CONFIG), logs on stderr.

`kg serve` runs uWSGI with `--module server.wsgi:application`; any WSGI server can do the same.

A worker builds its app (opens the store, reads the release) at a low CPU priority and takes its
normal one back before it accepts a request: after a burst of timeouts, several replacement
workers start at once, and they should not slow the workers that are answering meanwhile. Only
where the priority can be raised again (as root, or within RLIMIT_NICE); elsewhere at the normal one.
Under `kg serve`, a request's client address is the one nginx gives (server.front): a request reaches the
workers through nginx alone. Then the worker confines itself (server.sandbox): a ceiling on the memory it may map,
an unprivileged user (nobody, or KG_USER) when started as root — once the app is loaded, so the code may
live where only root can read it — and no outbound connections when the SERVICE allow-list is empty and
the store embedded. A worker interrupted while it loads exits quietly.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import create_app
from .access import log_to_stderr
from .front import CLIENT_HEADER
from .metrics import WORKER_STARTS
from .sandbox import cap_data, deny_outbound, drop_root
from .watchdog import can_raise_to

STARTING_NICE = 10


def _threads() -> list[int]:
    try:
        return [int(t) for t in os.listdir("/proc/self/task")]
    except OSError:
        return [0]


def _build():
    normal = os.getpriority(os.PRIO_PROCESS, 0)
    lowered = normal < STARTING_NICE and Path("/proc/self/task").is_dir() and can_raise_to(normal)
    if lowered:
        os.setpriority(os.PRIO_PROCESS, 0, STARTING_NICE)
    try:
        return create_app()
    finally:
        if lowered:
            for thread in _threads():  # threads started meanwhile inherited the low priority
                try:
                    os.setpriority(os.PRIO_PROCESS, thread, normal)
                except OSError:
                    pass


def _confine(app) -> None:
    """Under kg serve (one request per worker process): a ceiling on the worker's memory, an unprivileged
    user when it was started as root, and no outbound connections where none is needed (server.sandbox)."""
    config = app.config
    if not config["RECYCLE_ON_TIMEOUT"]:
        return
    if config["QUERY_MEMORY_MB"] > 0:
        cap_data(2 * (int(config["QUERY_MEMORY_MB"]) << 20))
    if not config["SERVICE_ALLOWLIST"] and not config["STORE"]:
        deny_outbound()
    drop_root(config["USER"], lambda: _load_everything(app))


def _load_everything(app) -> None:
    """Compile every template and load the codecs a request may need while files are readable."""
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
    for codec in ("idna", "punycode", "latin-1", "ascii", "utf-8", "utf-16", "utf-32", "unicode_escape"):
        "x".encode(codec)


def _from_front(app):
    """The app, with each request's client address taken from the front's header (the quotas charge it)."""
    key = "HTTP_" + CLIENT_HEADER.upper().replace("-", "_")

    def application(environ, start_response):
        environ["REMOTE_ADDR"] = environ.pop(key, "-")
        return app(environ, start_response)

    return application


def _load():
    """The app, built and confined. A worker told to stop while it loads (the server stopped as it starts: uWSGI
    interrupts its workers) exits at once with the interrupt's status, not with a traceback of where it was."""
    try:
        app = _build()
        _confine(app)
        return app
    except KeyboardInterrupt:
        os._exit(130)


log_to_stderr()
application = _load()
if application.config["RECYCLE_ON_TIMEOUT"]:
    application = _from_front(application)
WORKER_STARTS.inc()
