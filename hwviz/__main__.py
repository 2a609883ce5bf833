"""``python -m hwviz`` runs the command-line front door."""

import sys

from hwviz.cli import main

sys.exit(main())
