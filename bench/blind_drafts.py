"""Record what the drafter proposed for held-out dev documents when they were still unseen.

The dev documents were measured first, then read to improve the drafting rules; after that, their figures say how
well the rules fit them, not how well a rule does on text it was not written from. This script goes back to the
commit at which they were measured blind, drafts them with every rule there, and writes each distinct fact the draft
proposed, with the rule and kind of fact (kg.rule_trust) that proposed it and whether a curator wrote it, to
tests/data/held-out/blind.yaml. bench/suggest_eval.py --rules reads that file as each rule's record on new text.

    python bench/blind_drafts.py COMMIT NAME [NAME ...]

The commit must have the held-out evaluation (kg.suggest_heldout) and drafting rules that name themselves
(Proposed.rule). Where its evaluation does not keep each fact's rules and kinds (before kg.suggest_eval.rule_candidates),
the draft is instrumented from outside, through that commit's kg.suggest_eval internals (_drafted, by_rule,
fact_key) as they were then. The documents are drafted from the folders as they are in the working tree, so a
document written after the commit can be measured with the rules as they stood.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = ROOT / "tests" / "data" / "held-out"
OUT = HELD_OUT / "blind.yaml"

# Run in the old checkout: draft each named held-out document with every rule, print its facts as JSON.
PROBE = r'''
import json, sys
sys.path.insert(0, ".")
from pathlib import Path
import kg.suggest_eval as se
from kg.paths import Layout
from kg.statements import EntityRef
from kg.suggest_heldout import evaluate_held_out

state = {}
drafted = getattr(se, "_drafted", None)  # the old commits' name; only those are instrumented from outside

def every_rule(inputs, doc_id, copy, withhold):
    out = drafted(inputs, doc_id, copy, withhold)
    if withhold == frozenset():
        state["new"] = {k for k, e in out[2].items() if e.proposal is not None}
    return out

def facts_by_rule(draft, rules, rename, gold):
    from collections import Counter
    for stmt in draft:
        for fact, rule in zip(stmt.facts, rules.get(stmt.id, []), strict=False):
            obj = fact.object.id if isinstance(fact.object, EntityRef) else None
            kind = "new entry" if fact.subject in state["new"] or obj in state["new"] else "registered"
            key = se.fact_key(fact, rename)
            state["facts"].add((rule, kind, key in gold, *key))
    state["curated"] = len(gold)
    return Counter(), Counter()

current = hasattr(se, "rule_candidates")  # a commit whose evaluation keeps each fact's rules and kinds itself
if not current:
    se._drafted, se.by_rule = every_rule, facts_by_rule
out = {}
for name in sys.argv[2:]:
    state["facts"] = set()
    score = evaluate_held_out(Layout.from_settings(), Path(sys.argv[1]) / name)
    if current:
        state["curated"] = score.curated_facts
        for fact, names in score.candidates.items():
            for named in names:
                rule, kind = named.rstrip("]").split(" [")
                state["facts"].add((rule, kind, fact in score.gold, *fact))
    out[name] = {"curated": state["curated"], "facts": sorted(state["facts"])}
json.dump(out, sys.stdout)
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit")
    parser.add_argument("names", nargs="+", metavar="NAME", help="a held-out dev document's folder name")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--verify", f"{args.commit}^{{commit}}"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="blind-drafts-") as tmp:
        checkout = Path(tmp) / "checkout"
        subprocess.run(["git", "worktree", "add", "--detach", str(checkout), commit], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            probe = subprocess.run([sys.executable, "-c", PROBE, str(HELD_OUT), *args.names], cwd=checkout, capture_output=True,
                                   text=True, env={"KG_PROJECT_ROOT": str(checkout), "PATH": "/usr/bin:/bin"})
            if probe.returncode:
                sys.exit(f"bench/blind_drafts.py: drafting at {commit[:12]} failed:\n{probe.stderr[-2000:]}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT, check=False)
    found = json.loads(probe.stdout)
    kept = (yaml.safe_load(OUT.read_text(encoding="utf-8")) or {}).get("documents", {}) if OUT.is_file() else {}
    for name in args.names:  # a document measured again replaces its entry; the others keep theirs
        kept[name] = {"commit": commit, "curated": found[name]["curated"], "facts": [list(f) for f in found[name]["facts"]]}
    header = ("# The facts the drafter proposed, with every rule, for dev documents measured blind: at each one's commit,\n"
              "# before any drafting rule was written reading it. Each fact: [rule, kind, curated?, subject, property,\n"
              "# object]. Written by `python bench/blind_drafts.py COMMIT NAME ...`; read by bench/suggest_eval.py.\n")
    OUT.write_text(header + yaml.safe_dump({"documents": kept}, sort_keys=False, allow_unicode=True, default_flow_style=None,
                                           width=200), encoding="utf-8")
    print(f"wrote {OUT}: " + ", ".join(f"{n} {len(kept[n]['facts'])} facts" for n in args.names))


if __name__ == "__main__":
    main()
