"""On a machine without Pango (a fresh `make run`), the site runs and a PDF build says why it failed."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

SCRIPT = """
import django
django.setup()
from django.core.management import call_command
call_command("check")
from publications.rendering import html_to_pdf
try:
    html_to_pdf("<p>x</p>", "http://testserver/")
except RuntimeError as error:
    print("REFUSED", error)
"""


def test_without_pango_the_site_starts_and_the_build_names_the_missing_library(tmp_path):
    fake = tmp_path / "weasyprint"
    fake.mkdir()
    # What WeasyPrint raises when cffi cannot open libpango-1.0-0.
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    env = dict(os.environ, PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}", DJANGO_SETTINGS_MODULE="config.settings.test")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "REFUSED WeasyPrint cannot load Pango (apt-get install libpango-1.0-0" in result.stdout
