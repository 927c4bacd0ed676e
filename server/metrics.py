"""Prometheus metrics for every worker process, and what /metrics and /healthz answer.

Under `kg serve` the workers are separate processes: `kg serve` gives them a fresh shared
folder (PROMETHEUS_MULTIPROC_DIR) where prometheus_client keeps each process's figures, and
/metrics adds them up, so counts survive a worker that was ended after a timeout.
"""

from __future__ import annotations

import glob
import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.exposition import CONTENT_TYPE_LATEST

REQUESTS = Counter("kg_http_requests_total", "HTTP requests answered, by route and status", ["route", "status"])
LATENCY = Histogram("kg_http_request_duration_seconds", "Time to answer a request, by route", ["route"],
                    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))
TIMEOUTS = Counter("kg_query_timeouts_total", "Queries stopped at the time limit")
REJECTED = Counter("kg_queries_rejected_total", "Queries refused before evaluation, by reason", ["reason"])
WORKER_STARTS = Counter("kg_worker_starts_total", "Worker processes started (more than the configured workers: restarts)")
LOWERED = Counter("kg_queries_lowered_total", "Queries that used the slow-query processor time and were given the lowest CPU priority")
WORKERS_ENDED = Counter("kg_workers_ended_total", "Worker processes ended to stop a timed-out query")


_series: dict[tuple[str, int], tuple] = {}  # (route, status) -> its request counter and latency histogram


def observe(route: str, status: int, seconds: float) -> None:
    series = _series.get((route, status))
    if series is None:  # routes and statuses are few: each pair's series is looked up once
        series = _series[route, status] = (REQUESTS.labels(route, str(status)), LATENCY.labels(route))
    series[0].inc()
    series[1].observe(seconds)


def rejection_reason(status: int, message: str) -> str | None:
    """Why a query was refused, for the rejected-queries counter (None: not a refusal)."""
    if status == 403:
        return "update"
    if status == 429:
        return "quota"
    if status == 413:
        return "too_large"
    if status == 400 and "SERVICE" in message:
        return "service"
    if status == 400 and message.startswith("malformed query"):
        return "malformed"
    if status in (400, 406, 415):
        return "bad_request"
    return None


class WorkerFiles(multiprocess.MultiProcessCollector):
    """Adds up the workers' files, leaving out any file that is still empty.

    A worker creates its file and sizes it a moment later; prometheus_client cannot read a file
    of 0 bytes, and one such file would turn the whole scrape into an error (client_python
    issue 1199). An empty file holds no figures, so leaving it out loses nothing, and a worker
    ended in that moment cannot break /metrics for good.
    """

    def __init__(self, registry: CollectorRegistry, folder: str):
        super().__init__(registry, folder)
        self.folder = folder

    def collect(self):
        return self.merge([f for f in glob.glob(os.path.join(self.folder, "*.db")) if _has_content(f)], accumulate=True)


def _has_content(path: str) -> bool:
    try:
        return os.path.getsize(path) > 0
    except FileNotFoundError:
        return False


def exposition() -> tuple[bytes, str]:
    """The metrics of all worker processes (or of this one, outside `kg serve`)."""
    if folder := os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        WorkerFiles(registry, folder)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    from prometheus_client import REGISTRY

    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
