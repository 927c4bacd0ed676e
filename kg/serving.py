"""What `kg serve` does before and while serving: rebuild when inputs changed, validate, run the server."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from .build import _digest_inputs, build, current_release
from .paths import Layout
from .validate import Report, recorded_verdict, validate


def needs_build(layout: Layout, base: str) -> bool:
    """True when there is no build, or it was made from other inputs or another base IRI."""
    release = current_release(layout.build)
    if release is None:
        return True
    manifest = json.loads((release / "manifest.json").read_text())
    return manifest.get("inputs_sha256") != _digest_inputs(layout) or manifest.get("base_iri") != base


def prepare(layout: Layout, base: str, progress, echo: Callable[[str], None]) -> Report | None:
    """Build if needed, then validate unless this release already passed the same checks.

    Returns the report of a new validation, or None when the recorded one stands.
    """
    if needs_build(layout, base):
        result = build(layout, base, progress)
        echo(f"built {result.release}")
    release = current_release(layout.build)
    if release is not None and recorded_verdict(layout, release):
        echo(f"{release} passed validation when it was built; not validating again")
        return None
    return validate(layout, progress=progress)


def run_server(layout: Layout, host: str | None, port: int | None, get_path: str | None, workers: int | None,
               echo: Callable[[str], None]) -> int:
    """Serve on host:port with gunicorn, or answer one request when get_path is given."""
    # The server package reads the store; kg only starts it. Imported here so `kg build`
    # and `kg validate` never load Flask.
    from server import create_app
    from server.config import load_config

    overrides: dict = {"BUILD_DIR": str(layout.build)}
    if host:
        overrides["HOST"] = host
    if port:
        overrides["PORT"] = port
    if workers:
        overrides["WORKERS"] = workers
    if get_path:
        response = create_app(overrides).test_client().get(get_path)
        sys.stdout.buffer.write(response.get_data())
        return 0 if response.status_code < 400 else 1
    settings = load_config(overrides)
    create_app(overrides)  # fail here, once, with a clear message, rather than in every worker
    overrides["RECYCLE_ON_TIMEOUT"] = True
    echo(f"serving {Path(layout.build).resolve()} at http://{settings['HOST']}:{settings['PORT']}/sparql "
         f"with {settings['WORKERS']} workers")
    _gunicorn_app(lambda: create_app(overrides), {
        "bind": f"{settings['HOST']}:{settings['PORT']}",
        "workers": settings["WORKERS"],
        # One request per process at a time, and a busy worker accepts no other connection, so a
        # worker ending itself after a timeout takes no other request with it. (gthread workers
        # would keep connections alive, but also queue connections on a busy worker.)
        "worker_class": "sync",
        "timeout": int(settings["QUERY_TIMEOUT"]) + 30,  # the app answers 503 first
        "graceful_timeout": 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "landbridge-kg",
        "post_worker_init": _log_to_stderr,  # gunicorn resets logging; the access log is set up after it
    }).run()
    return 0


def _log_to_stderr(worker=None) -> None:
    """Send the server's access log and warnings to standard error, once per process."""
    logger = logging.getLogger("server")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s [%(process)d] %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _gunicorn_app(factory, options):
    """A gunicorn application serving what factory() returns, with the given settings."""
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return factory()

    return Application()
