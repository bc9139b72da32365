from django.apps import AppConfig
from django.conf import settings
from django.core.signals import request_started
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations: health checks, request logs, failures")

    def ready(self):
        from operations import (
            db,  # noqa: PLC0415 - psycopg2 is only needed with PostgreSQL
            link_chooser,  # noqa: PLC0415 - patches a Wagtail form once the apps are loaded
        )

        link_chooser.install()

        seconds = getattr(settings, "DATABASE_CLIENT_TIMEOUT", 0)
        uses_postgresql = any(
            database["ENGINE"] == "django.db.backends.postgresql" for database in settings.DATABASES.values()
        )
        if seconds and uses_postgresql:
            db.install_wait_callback(seconds)
            request_started.connect(db.new_request, dispatch_uid="operations.db.new_request")
