"""Starting the server: the uWSGI master with its query workers and nginx in front (server.front), as `kg serve`
runs it, or one request answered on standard output; the unprivileged user the workers take."""

from __future__ import annotations

import logging
import os
import pwd
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg import allocator
from kg.errors import KGError
from kg.paths import Layout
from kg.release import BuildFolder


def run_server(layout: Layout, host: str | None, port: int | None, get_path: str | None, workers: int | None,
               echo: Callable[[str], None], store: str | None = None) -> int:
    """Serve on host:port with uWSGI (this process becomes its master), or answer one request."""
    from . import create_app

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
    create_app(overrides)  # fail here, once, with a clear message, rather than in every worker
    plan = server_plan(overrides)
    settings = plan.settings
    site = f"http://{settings['HOST']}:{settings['PORT']}"
    where = f"the store at {store}" if store else Path(layout.build).resolve()
    echo(f"serving {where} with {settings['WORKERS']} workers behind nginx: open {site}/ "
         f"(SPARQL endpoint {site}/sparql)")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(plan.command[0], plan.command, plan.env)
    return 0  # not reached


@dataclass
class ServerPlan:
    """How to start the server for some settings: its command, environment and run folder."""

    settings: dict
    command: list[str]
    env: dict[str, str]
    runtime: Path  # the workers' socket, the front's configuration and buffers, the workers' metrics


def server_plan(overrides: dict) -> ServerPlan:
    """The uWSGI master (which starts the workers and nginx in front of them) for these settings."""
    from .config import load_config
    from .front import POOLING_SINCE, check_conf, nginx, nginx_conf, orphan_guard, version

    settings = load_config(overrides)
    front = nginx()
    user = service_user(settings["USER"])  # the front's workers run as this user (they read no file of ours)
    env_user: dict[str, str] = {}
    if user is not None:
        unreadable = unreadable_by(user, _served_paths(settings))
        if unreadable is not None:  # the query workers could not serve as the user: they stay as started
            log.warning("the query workers run as root: the unprivileged user %s cannot read %s (make it and the "
                        "folders above it readable, or set KG_USER)", settings["USER"] or "nobody", unreadable)
            env_user = {"KG_USER": "root"}
    _remove_stale_runs()
    runtime = Path(tempfile.mkdtemp(prefix=f"{RUN_PREFIX}{os.getpid()}-"))  # the pid stays the uWSGI master's (execve)
    metrics = runtime / "metrics"
    metrics.mkdir()
    socket = runtime / "workers.sock"
    conf = runtime / "nginx.conf"
    found = version(front)
    pool = found is None or found >= POOLING_SINCE
    if not pool:
        log.warning("nginx %s is older than %s: it opens a connection to a worker for each request",
                    ".".join(map(str, found)), ".".join(map(str, POOLING_SINCE)))
    conf.write_text(nginx_conf(settings, socket, runtime, user, pool), encoding="utf-8")
    check_conf(front, conf, runtime)
    if user is not None:  # the workers and the front run as this user: they own what they write
        for path in (runtime, metrics):
            os.chown(path, user[0], user[1])
    command = uwsgi_command(settings, socket, [*orphan_guard(), front, "-c", str(runtime / "nginx.conf"), "-p", str(runtime)],
                            user)
    env = allocator.environ(dict(os.environ, **{f"KG_{key}": str(value) for key, value in overrides.items()}, **env_user))
    env["KG_RECYCLE_ON_TIMEOUT"] = "1"
    # Each worker keeps its metrics here; /metrics adds them up (a fresh folder per server run).
    env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics)
    return ServerPlan(settings, command, env, runtime)


log = logging.getLogger(__name__)
RUN_PREFIX = "landbridge-kg-run-"


def _served_paths(settings: dict) -> list[Path]:
    """What the workers read while they answer: the release served (its store included) and the web assets."""
    build = Layout.from_settings(settings).build
    release = BuildFolder(build).current()
    paths = [Path(__file__).parent / "static"]
    if release is not None and not settings.get("STORE"):
        paths += [release.path, release.store_path]
    elif release is not None:
        paths.append(release.path)
    return paths


def unreadable_by(user: tuple[int, int], paths: list[Path]) -> str | None:
    """The first of the paths (folders, with what they hold) that the user could not read, or None.

    Asked of a child process that takes the user, since permissions of every folder above count."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become the user and try
        os.close(read)
        answer = b""
        try:
            os.setgroups([])
            os.setgid(user[1])
            os.setuid(user[0])
            for path in paths:
                try:
                    entries = list(path.iterdir()) if path.is_dir() else [path]
                    for entry in entries:
                        if entry.is_file():
                            with open(entry, "rb") as f:
                                f.read(1)
                except OSError:
                    answer = str(path).encode()
                    break
        finally:
            os.write(write, answer)
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode()
    os.waitpid(pid, 0)
    return answer or None


def _remove_stale_runs() -> None:
    """Remove the run folders of servers that have ended (named for their master's process id)."""
    for folder in Path(tempfile.gettempdir()).glob(RUN_PREFIX + "*"):
        pid = folder.name[len(RUN_PREFIX):].split("-", 1)[0]
        try:
            os.kill(int(pid), 0)
        except (ValueError, ProcessLookupError):
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:
            pass


def service_user(name: str | None) -> tuple[int, int] | None:
    """(uid, gid) the processes that read requests run as: when started as root, an unprivileged user
    (KG_USER, default nobody); None to stay as the user who started it (not root, or KG_USER=root by the
    operator's choice). The uWSGI master, which only starts and watches them, stays as it started."""
    if os.geteuid() != 0:
        return None
    name = name or "nobody"
    if name == "root":
        return None
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        raise KGError(f"KG_USER={name}: no such user to serve as") from None
    return entry.pw_uid, entry.pw_gid


def uwsgi_command(settings: dict, socket: Path, front: list[str], user: tuple[int, int] | None = None) -> list[str]:
    """The uWSGI command line for these settings: workers on a Unix socket, nginx (`front`) as the
    master's attached daemon in front of them.

    One request per worker process at a time: a worker ending itself after a timeout (server.watchdog)
    takes no other request with it, and the master starts a fresh one at once. nginx reads requests
    whole and keeps client connections alive (server.front), so a worker only ever waits on the engine.
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
        "--http11-socket", str(socket),  # HTTP/1.1 with the front, whose connections stay open between requests
        "--http-auto-chunked",  # an answer streamed without a length is chunked, so its connection stays open too
        "--chmod-socket=600",  # only the front (same user) talks to the workers
        "--attach-daemon2", f"cmd=exec {' '.join(front)},stopsignal=3,reloadsignal=1",  # nginx (not a shell); QUIT ends it gracefully
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
        "--buffer-size", "65535",  # the request's variables (a long GET query among them)
        "--post-buffering", "65536",  # a body is read in full before the app (and its time limit) starts
        "--disable-logging",  # the app writes its own access log
        "--ignore-sigpipe", "--ignore-write-errors", "--disable-write-exception",  # clients that hang up
        "--worker-reload-mercy", "5",
        "--procname-prefix-spaced", "landbridge-kg",
    ]
    if user is not None:  # the workers take this user once they have loaded the app (server.wsgi); the front's workers too
        command += ["--chown-socket", f"{user[0]}:{user[1]}"]
    if timeout > 0:
        command += ["--harakiri", str(int(timeout) + 30)]  # a backstop: the watchdog answers first
    return command
