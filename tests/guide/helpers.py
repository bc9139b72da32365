"""Builders for the guide tests: chapters, stream data, the loaded pages by language."""

from bs4 import BeautifulSoup
from wagtail.models import Locale

from guide.models import CompetenceFrameworkPage, GuideChapterPage, GuideIndexPage, TrainingProgrammePage
from home.models import Competence


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def main_text(response) -> str:
    return soup(response).find("main").get_text(" ", strip=True)


def page_in(model, language: str):
    """The loaded page of `model` in `language` (the guide, framework and programme exist once per language)."""
    return model.objects.get(locale=Locale.objects.get(language_code=language))


def guide(language: str = "en") -> GuideIndexPage:
    return page_in(GuideIndexPage, language)


def framework(language: str = "en") -> CompetenceFrameworkPage:
    return page_in(CompetenceFrameworkPage, language)


def programme(language: str = "en") -> TrainingProgrammePage:
    return page_in(TrainingProgrammePage, language)


def competence(number: int, language: str = "en") -> Competence:
    return Competence.objects.get(number=number, locale__language_code=language)


def chapters(language: str = "en") -> list[GuideChapterPage]:
    return list(GuideChapterPage.objects.child_of(guide(language)).order_by("path"))


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def competence_links(*competences) -> dict:
    return {"type": "competences", "value": {"text": "", "competences": [c.pk for c in competences]}}


def case_studies(*pages) -> dict:
    return {"type": "case_studies", "value": {"title": "", "pages": [page.pk for page in pages]}}


def add_chapter(parent=None, body=None, publish=True, **fields) -> GuideChapterPage:
    """A new chapter at the end of `parent` (default: the English guide), published unless told otherwise."""
    parent = parent or guide("en")
    highest = max((c.chapter_number for c in GuideChapterPage.objects.child_of(parent)), default=0)
    number = fields.pop("chapter_number", None) or highest + 1
    chapter = GuideChapterPage(
        title=fields.pop("title", f"Test chapter {number}"),
        chapter_number=number,
        summary=fields.pop("summary", f"What test chapter {number} is about."),
        body=body or [],
        live=publish,
        **fields,
    )
    parent.add_child(instance=chapter)
    revision = chapter.save_revision()
    if publish:
        revision.publish()
        chapter.refresh_from_db()
    return chapter
