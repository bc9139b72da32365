"""`manage.py load_content`: load the project's real content, idempotently."""

import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations

from home.index_updates import deferred_indexing, recording_saves, update_indexes
from home.loading import LOADING_CONTENT, ContentError, ContentLoader


def content_modules(only=None):
    """Each project app's `content` module, in INSTALLED_APPS order (home first); `only`: those apps' labels."""
    for app_config in apps.get_app_configs():
        if not str(app_config.path).startswith(str(settings.BASE_DIR)):
            continue
        if only and app_config.label not in only:
            continue
        module_name = f"{app_config.name}.content"
        if importlib.util.find_spec(module_name) is not None:
            yield importlib.import_module(module_name)


class Command(BaseCommand):
    help = (
        "Load the Keep in Pact project's real content and its shipped translations. "
        "Creates only what is missing; never overwrites an editor's changes, and reports what it skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--app",
            action="append",
            dest="apps",
            metavar="LABEL",
            help="Load only this app's content (repeat for several; `home` is needed by every other app). "
            "A partial site, for quick checks and tests; the default is every app.",
        )

    @no_translations
    def handle(self, *args, **options):
        unknown = set(options["apps"] or []) - {module.__name__.split(".")[0] for module in content_modules()}
        if unknown:
            raise CommandError(f"No content to load for: {', '.join(sorted(unknown))}")
        loader = ContentLoader(mode="load")
        # No transaction around the whole run: wagtail-localize publishes each
        # translated page when its own transaction commits, before its
        # children are added. A run that stops half-way is finished by the next.
        loading = LOADING_CONTENT.set(True)
        with recording_saves() as touched, deferred_indexing():
            try:
                loader.ensure_locales()
                for module in content_modules(options["apps"]):
                    module.load(loader)
            except ContentError as error:
                raise CommandError(str(error)) from error
            finally:
                # Also after a run that stopped half-way: what it saved is indexed as a whole run's would be.
                indexed = update_indexes(touched)
                LOADING_CONTENT.reset(loading)
        for line in loader.report.lines():
            style = self.style.WARNING if line.startswith("skipped") else self.style.SUCCESS
            self.stdout.write(style(line) if not line[0].isdigit() else line)
        self.stdout.write(
            f"search index: {indexed.searched} objects updated; reference index: {indexed.referenced} objects "
            f"updated ({indexed.seconds:.1f} s)"
        )
