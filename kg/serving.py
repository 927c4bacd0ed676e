"""What `kg serve` does before and while serving: rebuild when inputs changed, validate, run the server."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from .build import _digest_inputs, build, current_release
from .paths import Layout
from .validate import Report, validate


def needs_build(layout: Layout, base: str) -> bool:
    """True when there is no build, or it was made from other inputs or another base IRI."""
    release = current_release(layout.build)
    if release is None:
        return True
    manifest = json.loads((release / "manifest.json").read_text())
    return manifest.get("inputs_sha256") != _digest_inputs(layout) or manifest.get("base_iri") != base


def prepare(layout: Layout, base: str, progress, echo: Callable[[str], None]) -> Report:
    """Build if needed, then validate; the report says whether the graph may be served."""
    if needs_build(layout, base):
        result = build(layout, base, progress)
        echo(f"built {result.release}")
    return validate(layout, progress=progress)


def run_server(layout: Layout, host: str | None, port: int | None, get_path: str | None, threads: int,
               echo: Callable[[str], None]) -> int:
    """Serve on host:port with waitress, or answer one request when get_path is given."""
    # The server package reads the store; kg only starts it. Imported here so `kg build`
    # and `kg validate` never load Flask.
    from server import create_app

    overrides = {"BUILD_DIR": str(layout.build)}
    if host:
        overrides["HOST"] = host
    if port:
        overrides["PORT"] = port
    app = create_app(overrides)
    if get_path:
        response = app.test_client().get(get_path)
        sys.stdout.buffer.write(response.get_data())
        return 0 if response.status_code < 400 else 1
    import waitress

    host, port = app.config["HOST"], app.config["PORT"]
    echo(f"serving {Path(layout.build).resolve()} at http://{host}:{port}/sparql")
    waitress.serve(app, host=host, port=port, threads=threads, ident="landbridge-kg")
    return 0
