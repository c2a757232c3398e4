"""``python -m mediadiff``: the command line (see :mod:`mediadiff.cli`)."""

import sys

from .cli import main

sys.exit(main())
