"""``python -m privacy_pages.cli``: the same as the ``privacy-pages`` command."""

import sys

from . import main

sys.exit(main())
