"""landbridge-kg: a knowledge graph of Iran's land bridge through the Iraq–Syria border."""

__version__ = "0.1.0"
