"""No lost edits: a save or publish from a form loaded at an older revision is not applied silently.

Wagtail 8 already tells an out-of-date form from the `loaded_revision_id` and
`loaded_revision_created_at` it puts in every edit form (`is_out_of_date` in
wagtail/admin/views/pages/edit.py and generic/mixins.py), but only refuses autosave (JSON)
requests; a plain Save or Publish overwrites the newer revision. Here the same check refuses them
too, inside a transaction that holds the object's row, so that two saves of one object run one
after the other (no interleaved publish leaves "unpublished changes" wrong). The editor gets the
form back with their own text, a message saying who saved the newer version and when, and chooses:
Save or Publish again to overwrite it (the form now carries the newer revision), or reload.

A form loaded before the object had any revision (a snippet made by `load_content`, say) sends an
empty `loaded_revision_id` (editing/templates/editing/snippet_edit.html adds it for snippets; page
forms always have it); Wagtail takes that for "cannot tell" and saves, so here it counts as out of
date as soon as a revision exists.
"""

from django.contrib import messages
from django.db import transaction
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def conflict_message(request, latest, edit_url) -> None:
    user = latest.user.get_full_name() or latest.user.get_username() if latest.user else _("someone")
    messages.warning(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _(
                "%(user)s saved a newer version on %(when)s, after you opened this form: your changes "
                "were not saved and are kept below. Save or publish again to overwrite their version "
                "with yours, or reload to see theirs (your changes will be lost)."
            )
            % {"user": user, "when": date_format(localtime(latest.created_at), "DATETIME_FORMAT")},
            edit_url,
            _("Reload"),
        ),
    )


class NoLostEditsMixin:
    """For Wagtail's edit views of pages and of snippets with revisions."""

    def edited_object(self):
        return self.object

    def post(self, request, *args, **kwargs):
        if self.expects_json_response or not getattr(self, "revision_enabled", True):
            return super().post(request, *args, **kwargs)
        with transaction.atomic():
            edited = self.edited_object()
            type(edited)._default_manager.select_for_update().filter(pk=edited.pk).values_list("pk").first()
            latest = edited.revisions.order_by("-created_at", "-id").first()
            self.latest_revision = latest
            edited.latest_revision = latest
            for name in ("latest_revision_created_at", "is_out_of_date"):
                self.__dict__.pop(name, None)
            if latest and (self.request.POST.get("loaded_revision_id") == "" or self.is_out_of_date):
                return self.conflict_response(latest)
            return super().post(request, *args, **kwargs)
