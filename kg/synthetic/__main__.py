"""python -m kg.synthetic: the command line (kg.synthetic.cli)."""

from .cli import main

raise SystemExit(main())
