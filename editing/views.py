"""Wagtail's page and snippet edit views with the check of editing.conflicts."""

from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.snippets.views.snippets import EditView as SnippetEditView

from editing.conflicts import NoLostEditsMixin, conflict_message


class NoLostEditsPageEditView(NoLostEditsMixin, PageEditView):
    def edited_object(self):
        return self.page

    def run_hook(self, hook_name, *args, **kwargs):
        if hook_name == "before_edit_page":
            return None  # the last of these hooks sent the request here: the others have run
        return super().run_hook(hook_name, *args, **kwargs)

    def conflict_response(self, latest):
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        self.has_unsaved_changes = True
        conflict_message(self.request, latest, self.get_edit_url())
        return self.render_to_response(self.get_context_data())


class NoLostEditsSnippetEditView(NoLostEditsMixin, SnippetEditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail 8 autosaves every snippet with revisions while the editor types. Without
        # DraftStateMixin an autosave is a save of the live snippet: half-typed text would reach
        # visitors, and each save of a partner or competence empties the whole page cache.
        # Saving stays the editor's explicit act; drafts would bring autosave back.
        if not self.draftstate_enabled:
            self.autosave_enabled = False

    def conflict_response(self, latest):
        self.form = self.get_form()
        self.has_unsaved_changes = True
        conflict_message(self.request, latest, self.get_edit_url())
        return self.render_to_response(self.get_context_data(form=self.form))
