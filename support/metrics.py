"""A /metrics page (Prometheus text) read as samples, and sums of them."""

from __future__ import annotations

import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """A /metrics page's samples: (name, sorted label pairs) -> value."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def total(metrics: dict, name: str, **labels: str) -> float:
    """The sum of a metric's samples that carry the given labels (all of them: none given)."""
    return sum(v for (n, ls), v in metrics.items() if n == name and all(pair in ls for pair in labels.items()))


def counter(site: str, name: str, **labels: str) -> float:
    """A counter's value on a running server's /metrics (site: its base URL), summed over other labels."""
    with urllib.request.urlopen(site + "/metrics", timeout=10) as r:
        return total(samples(r.read().decode()), name, **labels)
