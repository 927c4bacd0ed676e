"""N-Triples terms of a synthetic graph: the IRIs' synthetic prefix, literals, ontology terms, local names and their
labels, and the key a fact is known by once stated."""

from __future__ import annotations

import hashlib
import re

from .. import iris
from ..iris import ID
from ..namespaces import LB, RDF, XSD

SYNTHETIC = ID + iris.SYNTHETIC  # where the stand-ins live under the base IRI
A = f"<{RDF}type>"
TRUE = f'"true"^^<{XSD}boolean>'


def kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _esc(text: str) -> str:
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return text


def plain_literal(text: str) -> str:
    return f'"{_esc(text)}"'


def english(text: str) -> str:
    return f'"{_esc(text)}"@en'


def typed_literal(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^<{datatype}>'


def lb_term(name: str) -> str:
    return f"<{LB}{name}>"


def label_of(local: str) -> str:
    """The label of a synthetic entity from its local name: `official-crossing-3` -> `Synthetic official crossing 3`."""
    return "Synthetic " + local.replace("-", " ")


def local_order(local: str) -> tuple[str, int]:
    name, number = local.rsplit("-", 1)
    return name, int(number)


def fact_key(triple: str) -> int:
    return int.from_bytes(hashlib.blake2b(triple.encode(), digest_size=8).digest(), "big")
