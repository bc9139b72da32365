"""No translation goes live while its source is not: enforced where every page publication passes.

Why this exists: Wagtail 8 publishes a page through `PublishPageRevisionAction`
on every path (the editor's "Publish", the admin API's `publish` action at
/admin/api/main/pages/<id>/action/publish/, bulk "Publish", a moderation
workflow's final approval through `Revision.publish`, the `publish_scheduled`
command, `Page.publish`), and offers no hook before it: `before_edit_page` and
`before_bulk_action` (translations.live_source) only cover the editor and the
bulk action, with a message. So `install()` (called from the app's `ready()`)
wraps the action's `execute`:

- a scheduled publication (`publish_scheduled` passes
  `log_action="wagtail.publish.scheduled"`) of a translation whose source is
  not live is skipped: the schedule is cleared (the translation does not go
  live later by surprise), a warning is logged, and the command goes on with
  the other pages;
- any other publication raises `SourceNotLive`, a `ValidationError` (not a
  `PermissionDenied`: Wagtail's admin views turn those into a generic "no
  permission" redirect). A transaction around it, like a workflow's
  `on_action`, rolls back; the admin API answers 400 with the message (it
  reports a publication's `ValidationError` so); an admin view's request gets
  the message and a redirect to the page's editor (`refusal_response`, from
  the language guard middleware).

Publishing into the future (a go-live date ahead) is not refused: the scheduler
checks again when the date comes.

When it can go: if Wagtail gains a "before publish" hook or signal that can
refuse a publication on every path (8.0 has none).
"""

import logging

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow

from translations.live_source import publish_refusal_message, unpublished_source

logger = logging.getLogger(__name__)

SCHEDULED_LOG_ACTION = "wagtail.publish.scheduled"


class SourceNotLive(ValidationError):
    """A translation would be published while its source page is not live."""

    def __init__(self, page, reason: str):
        super().__init__({NON_FIELD_ERRORS: [reason]})
        self.page = page
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def _goes_live_now(page) -> bool:
    return not (page.go_live_at and page.go_live_at > timezone.now())


def _skip_scheduled(action, source) -> None:
    page, revision = action.object, action.revision
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    logger.warning(
        "Refused scheduled publish: page=%s locale=%s revision=%s (source page=%s locale=%s not live); "
        "schedule cleared",
        page.pk,
        page.locale.language_code,
        revision.pk,
        source.pk,
        source.locale.language_code,
    )


def checked_execute(original):
    def execute(self, skip_permission_checks=False):
        page = self.object
        source = unpublished_source(page) if _goes_live_now(page) else None
        if source is None:
            return original(self, skip_permission_checks=skip_permission_checks)
        if self.log_action == SCHEDULED_LOG_ACTION:
            _skip_scheduled(self, source)
            return None
        logger.warning(
            "Refused publish: user=%s page=%s locale=%s (source not live)",
            getattr(self.user, "username", None),
            page.pk,
            page.locale.language_code,
        )
        raise SourceNotLive(page, publish_refusal_message(page, source))

    execute.wrapped_by_translations = True
    return execute


def install() -> None:
    """Wrap `PublishPageRevisionAction.execute` once (idempotent)."""
    if not getattr(PublishPageRevisionAction.execute, "wrapped_by_translations", False):
        PublishPageRevisionAction.execute = checked_execute(PublishPageRevisionAction.execute)


def refusal_response(request, exception):
    """The admin's answer to `SourceNotLive` raised in a view: the message, and back to the page's editor."""
    if not isinstance(exception, SourceNotLive):
        return None
    messages.error(request, exception.reason)
    edit_url = reverse("wagtailadmin_pages:edit", args=[exception.page.pk])
    if request.headers.get("x-requested-with") == "XMLHttpRequest":  # a workflow action's modal
        return render_modal_workflow(request, "", None, {}, json_data={"step": "success", "redirect": edit_url})
    return redirect(edit_url)
