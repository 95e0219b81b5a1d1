"""``python -m claimcheck``: the same command as the ``claimcheck`` script, for when it is not on PATH."""

import sys

from claimcheck.cli import main

sys.exit(main())
