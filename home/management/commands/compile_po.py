"""`manage.py compile_po`: compile every .po catalogue of the project with polib.

Django's `compilemessages` needs GNU gettext's `msgfmt`, which a fresh machine
may not have; `make` uses this command only then. CI runs `compilemessages`.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SKIP = {".venv", "static", "media", "node_modules"}


class Command(BaseCommand):
    help = "Compile every LC_MESSAGES/*.po file under the project into a .mo file (pure Python)."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        count = 0
        for po_path in base.rglob("LC_MESSAGES/*.po"):
            if SKIP.intersection(po_path.relative_to(base).parts):
                continue
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            count += 1
        self.stdout.write(f"{count} catalogues compiled")
