"""A page's Save or Publish goes through editing.views (Wagtail has no page edit view to replace)."""

from wagtail import hooks

from editing.views import NoLostEditsPageEditView


# Last of the before_edit_page hooks (order): the translation editor, the language guards and the
# publish checks have had their say, and NoLostEditsPageEditView does not run them again. Only
# Wagtail's own edit form carries the revision it was loaded at; wagtail-localize's editor does not.
@hooks.register("before_edit_page", order=1000)
def check_for_newer_revision(request, page):
    if request.method == "POST" and "loaded_revision_id" in request.POST:
        if not getattr(request, "_no_lost_edits", False):
            request._no_lost_edits = True
            return NoLostEditsPageEditView.as_view()(request, page.pk)
    return None
