import sys

from gialint.cli import main

sys.exit(main())
