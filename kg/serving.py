"""What `kg serve` does before and while serving: rebuild when inputs changed, validate, run the server."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import allocator
from .build import _digest_inputs, build, current_release
from .errors import KGError
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
               echo: Callable[[str], None], store: str | None = None) -> int:
    """Serve on host:port with uWSGI (this process becomes its master), or answer one request."""
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
    if store:
        overrides["STORE"] = store
    if get_path:
        response = create_app(overrides).test_client().get(get_path)
        sys.stdout.buffer.write(response.get_data())
        return 0 if response.status_code < 400 else 1
    settings = load_config(overrides)
    create_app(overrides)  # fail here, once, with a clear message, rather than in every worker
    command = uwsgi_command(settings)
    site = f"http://{settings['HOST']}:{settings['PORT']}"
    where = f"the store at {store}" if store else Path(layout.build).resolve()
    echo(f"serving {where} with {settings['WORKERS']} workers: open {site}/ "
         f"(SPARQL endpoint {site}/sparql)")
    env = allocator.environ(dict(os.environ, **{f"KG_{key}": str(value) for key, value in overrides.items()}))
    env["KG_RECYCLE_ON_TIMEOUT"] = "1"
    # Each worker keeps its metrics here; /metrics adds them up (a fresh folder per server run).
    env["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="landbridge-kg-metrics-")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(command[0], command, env)
    return 0  # not reached


def uwsgi_command(settings: dict) -> list[str]:
    """The uWSGI command line for these settings.

    One request per worker process at a time, and a busy worker accepts no other connection:
    a worker ending itself after a timeout (server.watchdog) takes no other request with it,
    and the master starts a fresh one at once. The HTTP parser is uWSGI's own (C).
    """
    exe = Path(sys.executable).with_name("uwsgi")
    if not exe.exists():
        found = shutil.which("uwsgi")
        if found is None:
            raise KGError("the uWSGI server is not installed; run scripts/install")
        exe = Path(found)
    timeout = float(settings["QUERY_TIMEOUT"])
    command = [
        str(exe),
        "--http-socket", f"{settings['HOST']}:{settings['PORT']}",
        "--module", "server.wsgi:application",
        "--master",
        "--processes", str(settings["WORKERS"]),
        "--lazy-apps",  # each worker opens the store itself, after the fork
        "--shared-import", "server.preload",  # ... having inherited the imported code from the master
        "--enable-threads",  # the per-worker timeout watchdog is a thread
        "--thunder-lock",  # one idle worker wakes per connection
        "--cache2", "name=kgquota,items=20000,blocksize=8,purge_lru=1",  # per-client query time, shared by workers
        "--need-app",
        "--die-on-term",
        "--add-header", "Connection: close",  # each connection carries one request
        "--buffer-size", "65535",  # request line and headers: long GET queries fit
        "--post-buffering", "65536",  # a body is read in full before the app (and its time limit) starts
        "--disable-logging",  # the app writes its own access log
        "--ignore-sigpipe", "--ignore-write-errors", "--disable-write-exception",  # clients that hang up
        "--worker-reload-mercy", "5",
        "--procname-prefix-spaced", "landbridge-kg",
    ]
    if timeout > 0:
        command += ["--harakiri", str(int(timeout) + 30)]  # a backstop: the watchdog answers first
    return command
