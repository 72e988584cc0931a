"""``python -m privacy_pages``: the same as the ``privacy-pages`` command."""

import sys

from .cli import main

sys.exit(main())
