"""The background task that builds a page's PDF (django-tasks; ImmediateBackend, so synchronous, by default)."""

from django_tasks import task

from publications.builders import build_by_id


@task()
def build_pdf(page_id: int) -> str:
    record = build_by_id(page_id)
    if record is None:
        return "missing page"
    return "failed" if record.error else "built"
