"""SHACL Core validation compiled to SPARQL and run on a pyoxigraph store, giving pySHACL's verdict and results:
one module per constraint family of the SHACL specification, as pySHACL lays them out, around the validator."""

from .cardinality import CountC
from .component import Component, Screen, ShaclError, Shape
from .logical import ListC, NotC
from .other import ClosedC, HasValueC, InC
from .property_pair import PairC
from .report import Result, flat_results, results_from_report
from .shape_based import NodeC, PropertyC, QualifiedC
from .string_based import LanguageInC, LengthC, PatternC, UniqueLangC, portable_regex
from .terms import SH, Term, to_ox, to_rdflib
from .validator import Progress, export_default_graph, log, shapes_left_to_pyshacl, validate_store
from .value_range import RangeC
from .value_type import ClassC, DatatypeC, NodeKindC, datatype_matches

__all__ = [
    "SH", "ClassC", "ClosedC", "Component", "CountC", "DatatypeC", "HasValueC", "InC", "LanguageInC", "LengthC", "ListC",
    "NodeC", "NodeKindC", "NotC", "PairC", "PatternC", "Progress", "PropertyC", "QualifiedC", "RangeC", "Result", "Screen",
    "ShaclError", "Shape", "Term", "UniqueLangC", "datatype_matches", "export_default_graph", "flat_results", "log",
    "portable_regex", "results_from_report", "shapes_left_to_pyshacl", "to_ox", "to_rdflib", "validate_store",
]
