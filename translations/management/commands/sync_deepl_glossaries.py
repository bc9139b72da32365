"""`manage.py sync_deepl_glossaries`: send the project glossary to DeepL, one glossary per target language.

Run it after changing the glossary (Snippets → Glossary terms); the DeepL
translator then sends each language's glossary with its requests. Needs
DEEPL_API_KEY (translations.glossary explains the rest).
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail_localize.machine_translators import get_machine_translator

from translations.glossary import GlossarySyncError, sync_deepl_glossaries
from translations.machine_translation import DeepLTranslator


class Command(BaseCommand):
    help = "Create or replace the DeepL glossaries (one per target language) from the project glossary."

    def handle(self, *args, **options):
        translator = get_machine_translator()
        if not isinstance(translator, DeepLTranslator):
            raise CommandError("DeepL is not configured (set DEEPL_API_KEY): there is no glossary to send.")
        try:
            report = sync_deepl_glossaries(translator)
        except GlossarySyncError as error:
            raise CommandError(f"DeepL glossary not updated: {error}") from error
        for line in report:
            self.stdout.write(line)
