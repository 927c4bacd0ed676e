"""The WSGI application a server imports: settings from KG_* variables (and KG_CONFIG), logs on stderr.

`kg serve` runs uWSGI with `--module server.wsgi:application`; any WSGI server can do the same.
"""

from __future__ import annotations

from . import create_app
from .access import log_to_stderr
from .metrics import WORKER_STARTS

log_to_stderr()
application = create_app()
WORKER_STARTS.inc()
