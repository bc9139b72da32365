"""`manage.py restore FOLDER` (`make restore FROM=...`): a backup into an empty database and media store."""

from django.core.management.base import BaseCommand, CommandError

from backups.dump import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup folder (made by `manage.py backup`) into an empty database and an empty media store."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, **options):
        try:
            restored = restore(options["folder"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {options['folder']}: {restored}")
