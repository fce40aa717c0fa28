"""`python -m replica --port N`: serve the replica until Ctrl-C."""

import sys

from replica.server import main

if __name__ == "__main__":
    sys.exit(main())
