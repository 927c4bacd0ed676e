"""The HTTP front of `kg serve`: nginx, in front of the uWSGI workers.

Query workers answer one request at a time, so nothing that waits on a client may hold one. nginx
reads each request whole (headers within a time limit, then the body into its own buffer) before it
hands it to a worker over a private Unix socket, and writes answers out to slow readers from its own
buffers; it keeps client connections alive, refuses oversized requests where their bytes arrive (413,
414, 431) without buffering what it refuses, and answers 502 for a worker that died mid-request.

nginx speaks HTTP/1.1 to the workers and keeps a few of those connections open between requests (a pool):
a request then costs no connection set-up and no accept in a worker, and it goes to a worker that has just
answered, whose caches are warm. A pooled connection holds its worker while idle, so the pool is a third of
the workers at most (the others accept new connections), nginx closes an idle one before the worker
would, and it ends each after a second of use, so that a request waiting on a new connection while the
other workers are busy soon gets a worker; one nginx process keeps the one pool, so an idle pooled worker
is always nginx's to use. The client's address travels in a header nginx sets (`CLIENT_HEADER`), which only
the workers of `kg serve` believe.
"""

from __future__ import annotations

import grp
import pwd
import shutil
from pathlib import Path

from kg.errors import KGError

# Bytes of the longest request line (a GET query: longer ones get 414, send them by POST) and header field
# (431); two such buffers at most, so that a request's head fits the buffer (64 KiB) the workers read it into.
HEADER_BUFFER = 30 * 1024
HEADER_BUFFERS = 2
HEADER_TIMEOUT = 10  # seconds to send the request line and headers
BODY_TIMEOUT = 10  # seconds between two reads of the body
KEEPALIVE_TIMEOUT = 65  # seconds an idle client connection stays open
# Seconds an idle pooled connection to a worker stays open: under the workers' own limit (uWSGI's socket
# timeout, 4 s), so that nginx closes it first and never sends a request on a connection being closed.
POOL_IDLE = 2
# Seconds a pooled connection serves requests at most: then nginx closes it (after its request) and its worker
# goes back to taking new connections. While all the other workers are busy, a request that came on a new
# connection waits for a worker at most about this long, even if nginx keeps the pool busy meanwhile.
POOL_LIFETIME = 1
# The header that carries the client's address to the workers (nginx replaces any the client sent).
CLIENT_HEADER = "X-KG-Client-Address"


def pool_size(workers: int) -> int:
    """Idle connections to the workers nginx keeps: a third of the workers, at least one."""
    return max(1, int(workers) // 3)

# Answers nginx gives itself, in the one error shape of the server (plain text here). A request line
# too long (414) gets nginx's own page: nginx cannot redirect a request it could not read.
_ERRORS = {
    413: "the request body is larger than this endpoint accepts ({body} bytes)",
    431: "the request's header fields are too large",
    408: "the request was not sent in time",
    502: "the worker answering this request ended before it could answer (it ran out of memory or failed); "
         "the request was not completed, and the server goes on",
    504: "the worker did not answer in time",
}


def orphan_guard() -> list[str]:
    """The words before nginx's command that end nginx gracefully (QUIT) when the uWSGI master dies without stopping
    it (killed): uWSGI's own parent-death signal for its daemons is KILL, which ends the nginx master but not its
    worker, and that worker would keep the port. util-linux's setpriv sets the signal and runs nginx in its place;
    where it is missing, nginx runs as before."""
    found = shutil.which("setpriv")
    return [found, "--pdeathsig", "QUIT"] if found else []


def nginx() -> str:
    """The nginx program, or a KGError saying how to install it."""
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None)
    if found is None:
        raise KGError("kg serve needs nginx in front of its workers (Debian package nginx; scripts/install installs it)")
    return found


# The oldest nginx that can end a pooled connection after a time of use (keepalive_time): older ones get no pool.
POOLING_SINCE = (1, 19, 10)


def version(program: str) -> tuple[int, ...] | None:
    """nginx's version, as `nginx -v` prints it (None when it prints none)."""
    import re
    import subprocess

    done = subprocess.run([program, "-v"], capture_output=True, text=True)
    found = re.search(r"nginx/(\d+(?:\.\d+)*)", done.stderr + done.stdout)
    return tuple(int(n) for n in found.group(1).split(".")) if found else None


def nginx_conf(settings: dict, socket: Path, runtime: Path, user: tuple[int, int] | None = None, pool: bool = True) -> str:
    """The configuration of the front for these settings: listen on HOST:PORT, pass to the workers' socket
    (keeping a pool of connections to them, unless `pool` is false); its worker processes run as `user` (uid,
    gid) where given."""
    body_limit = int(settings["MAX_BODY_BYTES"])
    read_timeout = int((float(settings["QUERY_TIMEOUT"] or 600) + 30) * 1000)  # ms; the worker answers (503) first
    errors = "\n".join(
        f"    error_page {status} ={status} @e{status};\n"
        f"    location @e{status} {{ default_type text/plain; return {status} \"{status}: {message.format(body=body_limit)}\\n\"; }}"
        for status, message in _ERRORS.items())
    temp = {name: runtime / name for name in ("body", "uwsgi", "proxy", "fastcgi", "scgi")}
    user_line = f"user {pwd.getpwuid(user[0]).pw_name} {grp.getgrgid(user[1]).gr_name};\n" if user else ""
    pooling = (f"\n    keepalive {pool_size(settings['WORKERS'])};\n    keepalive_timeout {POOL_IDLE}s;\n"
               f"    keepalive_time {POOL_LIFETIME}s;\n    keepalive_requests 100000;") if pool else ""
    return f"""# Written by kg serve for this run; see server/front.py.
{user_line}daemon off;
worker_processes 1;
pid {runtime / "nginx.pid"};
error_log stderr error;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  server_tokens off;
  client_body_temp_path {temp["body"]};
  uwsgi_temp_path {temp["uwsgi"]};
  proxy_temp_path {temp["proxy"]};
  fastcgi_temp_path {temp["fastcgi"]};
  scgi_temp_path {temp["scgi"]};
  client_header_timeout {HEADER_TIMEOUT}s;
  client_body_timeout {BODY_TIMEOUT}s;
  client_header_buffer_size 8k;
  large_client_header_buffers {HEADER_BUFFERS} {HEADER_BUFFER // 1024}k;
  client_max_body_size {body_limit};
  client_body_buffer_size {body_limit};
  keepalive_timeout {KEEPALIVE_TIMEOUT}s;
  keepalive_requests 100000;
  send_timeout 60s;
  upstream workers {{
    server unix:{socket};{pooling}
  }}
  server {{
    listen {settings["HOST"]}:{settings["PORT"]};
{errors}
    error_page 494 =431 @e431;
    location / {{
      proxy_pass http://workers;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header {CLIENT_HEADER} $remote_addr;
      # A pooled connection a worker closed as the request went out: sent again, once, on a new one
      # (a query changes nothing, so a POST may be sent again too). Nothing else is retried.
      proxy_next_upstream error non_idempotent;
      proxy_next_upstream_tries 2;
      proxy_read_timeout {read_timeout}ms;
      proxy_send_timeout {read_timeout}ms;
      proxy_request_buffering on;
      proxy_buffering on;
      proxy_intercept_errors off;
    }}
  }}
}}
"""


def check_conf(program: str, conf: Path, runtime: Path) -> None:
    """Have nginx test the configuration before the server starts with it; a KGError says what is wrong."""
    import subprocess

    done = subprocess.run([program, "-t", "-q", "-c", str(conf), "-p", str(runtime)], capture_output=True, text=True)
    if done.returncode != 0:
        raise KGError(f"nginx refuses the front's configuration ({conf}): {done.stderr.strip()}")
