"""The HTTP front of `kg serve`: nginx, in front of the uWSGI workers.

Query workers answer one request at a time, so nothing that waits on a client may hold one. nginx
reads each request whole (headers within a time limit, then the body into its own buffer) before it
hands it to a worker over a private Unix socket, and writes answers out to slow readers from its own
buffers; it keeps client connections alive, refuses oversized requests where their bytes arrive (413,
414, 431) without buffering what it refuses, and answers 502 for a worker that died mid-request.
"""

from __future__ import annotations

import grp
import pwd
import shutil
from pathlib import Path

from kg.errors import KGError

# Bytes of the longest request line (a GET query: longer ones get 414, send them by POST) and header field
# (431); two such buffers at most, so that a request's variables fit the uwsgi packet (64 KiB) the workers read.
HEADER_BUFFER = 30 * 1024
HEADER_BUFFERS = 2
HEADER_TIMEOUT = 10  # seconds to send the request line and headers
BODY_TIMEOUT = 10  # seconds between two reads of the body
KEEPALIVE_TIMEOUT = 65  # seconds an idle client connection stays open

# What the WSGI layer needs of each request (the uwsgi protocol carries them as variables).
_PARAMS = ("QUERY_STRING $query_string", "REQUEST_METHOD $request_method", "CONTENT_TYPE $content_type",
           "CONTENT_LENGTH $content_length", "PATH_INFO $document_uri",
           "DOCUMENT_ROOT $document_root", "SERVER_PROTOCOL $server_protocol", "REQUEST_SCHEME $scheme",
           "HTTPS $https if_not_empty", "REMOTE_ADDR $remote_addr", "REMOTE_PORT $remote_port",
           "SERVER_PORT $server_port", "SERVER_NAME $server_name")

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


def nginx() -> str:
    """The nginx program, or a KGError saying how to install it."""
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None)
    if found is None:
        raise KGError("kg serve needs nginx in front of its workers (Debian package nginx; scripts/install installs it)")
    return found


def nginx_conf(settings: dict, socket: Path, runtime: Path, user: tuple[int, int] | None = None) -> str:
    """The configuration of the front for these settings: listen on HOST:PORT, pass to the workers' socket;
    its worker processes run as `user` (uid, gid) where given."""
    body_limit = int(settings["MAX_BODY_BYTES"])
    read_timeout = int((float(settings["QUERY_TIMEOUT"] or 600) + 30) * 1000)  # ms; the worker answers (503) first
    errors = "\n".join(
        f"    error_page {status} ={status} @e{status};\n"
        f"    location @e{status} {{ default_type text/plain; return {status} \"{status}: {message.format(body=body_limit)}\\n\"; }}"
        for status, message in _ERRORS.items())
    params = "\n".join(f"      uwsgi_param {p};" for p in _PARAMS)
    temp = {name: runtime / name for name in ("body", "uwsgi", "proxy", "fastcgi", "scgi")}
    user_line = f"user {pwd.getpwuid(user[0]).pw_name} {grp.getgrgid(user[1]).gr_name};\n" if user else ""
    return f"""# Written by kg serve for this run; see server/front.py.
{user_line}daemon off;
worker_processes auto;
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
  server {{
    listen {settings["HOST"]}:{settings["PORT"]};
{errors}
    error_page 494 =431 @e431;
    location / {{
      uwsgi_pass unix:{socket};
      uwsgi_read_timeout {read_timeout}ms;
      uwsgi_send_timeout {read_timeout}ms;
      uwsgi_request_buffering on;
      uwsgi_buffering on;
      uwsgi_intercept_errors off;
{params}
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
