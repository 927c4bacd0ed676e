"""The command line: python -m kg.synthetic --triples 1M --out g.nq.gz [--release DIR]."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..paths import DEFAULT_BASE_IRI
from . import __doc__ as overview
from .dump import write_release
from .plan import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.synthetic", description=overview.split("\n\n")[0])
    parser.add_argument("--triples", required=True, help="quads to write: 20000, 10k, 1M")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--base", default=DEFAULT_BASE_IRI, help="base IRI (default %(default)s)")
    parser.add_argument("--out", type=Path, help="gzip N-Quads file to write")
    parser.add_argument("--default-out", type=Path, help="also write the default graph alone (gzip N-Triples)")
    parser.add_argument("--release", type=Path, metavar="DIR", help="also write a servable release: DIR/releases/<name>, DIR/current")
    parser.add_argument("--no-violations", action="store_true", help="plant no SHACL violations")
    args = parser.parse_args(argv)
    if not args.out and not args.release:
        parser.error("give --out FILE, --release DIR or both")
    plan = generate(args.triples, args.seed, args.base, violations=not args.no_violations)
    if args.out:
        summary = plan.write(args.out, args.default_out)
    if args.release:
        release = write_release(plan, args.release, args.out, args.default_out)
        summary = plan.summary() | {"release": str(release.path)}
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
