"""`manage.py backup [--dir DIR]` (`make backup`): the database and the media into a dated folder."""

from django.core.management.base import BaseCommand, CommandError

from backups.dump import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the media (local disk or bucket) into a dated folder of BACKUP_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Folder to create the dated backup folder in (default: BACKUP_DIR)")

    def handle(self, *args, **options):
        try:
            folder = backup(options["dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
