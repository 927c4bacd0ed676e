"""`python -m kg`: the `kg` command."""

import sys

from kg.launch import main

sys.exit(main())
