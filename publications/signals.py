"""Publishing a chapter, a guide, a case study or a library queues the PDFs of that language to be rebuilt.

Queued when the transaction commits (a worker sees the published page; a rolled-back publish
queues nothing); a page asked for twice in one transaction (several chapters published at once)
is built once. `load_content` publishes hundreds of pages: while it runs
(`home.loading.LOADING_CONTENT`) nothing is queued, and the publications app's content step
builds every PDF once at the end.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.signals import page_published, page_unpublished

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from guide.models import GuideChapterPage, GuideIndexPage
from home.loading import LOADING_CONTENT
from publications.models import GeneratedPDF
from publications.tasks import build_pdf


def pages_to_rebuild(page) -> list[int]:
    """Ids of the pages whose PDF shows `page` (specific): the page itself and the guide or library it is in."""
    if isinstance(page, GuideChapterPage):
        return [page.pk, page.get_parent().pk]
    if isinstance(page, GuideIndexPage):
        chapters = GuideChapterPage.objects.child_of(page).live().values_list("pk", flat=True)
        return [page.pk, *chapters]
    if isinstance(page, CaseStudyPage):
        return [page.get_parent().pk]
    if isinstance(page, CaseStudyIndexPage):
        return [page.pk]
    return []


def queue(page_ids) -> None:
    """Each page's build, queued on commit with the time it was asked for (the task skips a PDF built since)."""
    requested_at = timezone.now().isoformat()
    for page_id in page_ids:
        transaction.on_commit(lambda page_id=page_id: build_pdf.enqueue(page_id, requested_at))


def on_publish_change(sender, instance, **kwargs):
    if LOADING_CONTENT.get() or not getattr(settings, "PUBLICATIONS_BUILD_ON_PUBLISH", True):
        return
    targets = pages_to_rebuild(instance)
    if kwargs.get("signal") is page_unpublished and isinstance(instance, GuideChapterPage):
        targets = targets[1:]  # an unpublished chapter: its guide, not its own PDF
    queue(targets)


def delete_document(sender, instance, **kwargs):
    """A deleted page's PDF goes with it (its document and file), once the deletion is committed."""
    if instance.document_id:
        document_id = instance.document_id
        transaction.on_commit(lambda: get_document_model().objects.filter(pk=document_id).delete())


def connect() -> None:
    post_delete.connect(delete_document, sender=GeneratedPDF, dispatch_uid="publications.deleted")
    page_published.connect(on_publish_change, dispatch_uid="publications.published")
    page_unpublished.connect(on_publish_change, dispatch_uid="publications.unpublished")
