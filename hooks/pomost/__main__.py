"""`python -m pomost …`: the same as the `pomost` command (pomost/cli.py)."""

import sys

from pomost.cli import main

if __name__ == "__main__":
    sys.exit(main())
