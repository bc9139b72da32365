"""`manage.py ensure_admin`: make sure a local admin account exists.

The password is taken from the ADMIN_PASSWORD environment variable, or
generated and printed once, when the account is created. It is never a fixed
password, and an existing account's password is never changed.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the local admin account if no superuser exists (password from ADMIN_PASSWORD or generated)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))
        parser.add_argument("--email", default=os.environ.get("ADMIN_EMAIL", "admin@example.com"))

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing is not None:
            self.stdout.write(f"Admin account “{existing.get_username()}” already exists; its password is unchanged.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created admin account “{username}”."))
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write("Its password is the value of ADMIN_PASSWORD.")
        else:
            self.stdout.write(self.style.WARNING(f"Its password, shown only this once: {password}"))
