"""The background task that builds a page's PDF (django-tasks; ImmediateBackend, so synchronous, by default)."""

from datetime import datetime

from django_tasks import task

from publications.builders import build_by_id
from publications.models import GeneratedPDF


@task()
def build_pdf(page_id: int, requested_at: str = "") -> str:
    """Build the page's PDF, unless it was built after `requested_at` (ISO 8601) already."""
    if requested_at:
        built_at = GeneratedPDF.objects.filter(page_id=page_id).values_list("built_at", flat=True).first()
        if built_at and built_at >= datetime.fromisoformat(requested_at):
            return "up to date"
    record = build_by_id(page_id)
    if record is None:
        return "missing page"
    return "failed" if record.error else "built"
