"""Layers point one way: the library (kg) never imports the web server (server), and no module reaches into
another's private names."""

from __future__ import annotations

import ast
import subprocess
import sys

from kg.paths import PROJECT_ROOT

PACKAGES = ("kg", "server", "bench", "support")


def _imports(path):
    """(module imported, names taken from it) of every import in a file, relative imports resolved."""
    package = ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield module, [alias.name for alias in node.names]


def _sources(*folders):
    return sorted(p for folder in folders for p in (PROJECT_ROOT / folder).rglob("*.py") if "node_modules" not in p.parts)


def test_the_library_never_imports_the_server():
    found = [f"{p.relative_to(PROJECT_ROOT)}: {module}" for p in _sources("kg")
             for module, _ in _imports(p) if module == "server" or module.startswith("server.")]
    assert not found


def test_building_loads_no_web_framework():
    # `kg build` and `kg validate` do not import Flask or the server: the library stands alone.
    code = "import sys, kg.cli, kg.build, kg.validate; print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'server')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_module_imports_another_modules_private_names():
    found = []
    for path in _sources(*PACKAGES):
        for module, names in _imports(path):
            if module.split(".")[0] not in PACKAGES:
                continue
            found += [f"{path.relative_to(PROJECT_ROOT)}: {module}.{n}" for n in names
                      if n.startswith("_") and not n.startswith("__")]
    assert not found


def test_one_implementation_of_what_every_response_gets():
    # Compression, ETags, conditional requests, CORS and security headers, the access log and metrics: server.http
    # alone implements them; the query path and the Flask app call it.
    names = ("import zlib", "import hashlib", "log_access(", "observe(", "make_conditional", "CORS_HEADERS",
             "HTML_HEADERS", "parsedate_to_datetime", "flask_compress")
    found = [f"{p.relative_to(PROJECT_ROOT)}: {name}" for p in _sources("server")
             if p.name not in ("http.py", "access.py", "metrics.py")
             for name in names if name in p.read_text(encoding="utf-8")]
    assert not found


def test_both_stores_answer_the_declared_interface(store):
    import inspect

    from kg.remote import RemoteStore
    from kg.store_interface import GraphStore

    assert isinstance(store, GraphStore)  # the embedded pyoxigraph store, as it is
    assert issubclass(RemoteStore, GraphStore)  # declared, not a look-alike
    remote = RemoteStore("http://127.0.0.1:9/sparql", base_iri="https://example.org/")
    assert isinstance(remote, GraphStore)
    for name in ("query", "quads_for_pattern"):  # every argument the interface names, the remote store takes
        wanted = inspect.signature(getattr(GraphStore, name)).parameters
        taken = inspect.signature(getattr(RemoteStore, name)).parameters
        assert set(wanted) <= set(taken), name
        assert all(taken[p].kind == wanted[p].kind for p in wanted), name


def test_modules_stay_small_enough_to_read():
    # A module over about 600 lines says at its top why it is one module (the words "one module because").
    long = [f"{p.relative_to(PROJECT_ROOT)}: {n} lines" for p in _sources(*PACKAGES)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 650
            and "one module because" not in (ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or "")]
    assert not long
