"""The publications app's content step: every language's guide, chapter and summary-report PDF.

Runs after the apps whose pages it prints (INSTALLED_APPS order). Builds only the PDFs that
are missing, so a second `load_content` costs nothing; publishing later rebuilds them.
"""

from casestudies.models import CaseStudyIndexPage
from guide.models import GuideChapterPage, GuideIndexPage
from home.loading import ContentLoader
from publications.builders import build
from publications.models import GeneratedPDF


def pages_with_pdfs():
    for model in (GuideIndexPage, GuideChapterPage, CaseStudyIndexPage):
        yield from model.objects.live().order_by("path")


def load(loader: ContentLoader) -> None:
    if loader.mode != "load":
        return
    built = set(GeneratedPDF.objects.filter(document__isnull=False).values_list("page_id", flat=True))
    failed = []
    for page in pages_with_pdfs():
        if page.pk in built:
            continue
        record = build(page)
        if record.error:
            failed.append(f"{page.title} ({page.locale.language_code}): {record.error}")
    for line in failed:
        print(f"PDF not built: {line}")
