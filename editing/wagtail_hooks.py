"""A page's Save or Publish goes through editing.views (Wagtail has no page edit view to replace)."""

from wagtail import hooks

from editing.views import NoLostEditsPageEditView


@hooks.register("before_edit_page")
def check_for_newer_revision(request, page):
    if request.method == "POST" and not getattr(request, "_no_lost_edits", False):
        request._no_lost_edits = True
        return NoLostEditsPageEditView.as_view()(request, page.pk)
    return None
