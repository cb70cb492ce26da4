#!/usr/bin/env python
"""Django's command-line utility for the portal."""

import os
import sys
from pathlib import Path

# The project shell's Python package lives in site/portal (see site/portal/__init__.py).
sys.path.insert(1, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
