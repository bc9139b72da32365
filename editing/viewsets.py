"""The base of every snippet viewset of the project: edit views refuse saves from out-of-date forms.

Use `NoLostEditsSnippetViewSet` in place of Wagtail's `SnippetViewSet` for a model with
`RevisionMixin` (tests/editing/test_snippet_edits.py fails for a registered snippet without both).
"""

from wagtail.snippets.views.snippets import SnippetViewSet

from editing.views import NoLostEditsSnippetEditView
from translations.snippet_listing import LocaleConfinedListing


class NoLostEditsSnippetViewSet(LocaleConfinedListing, SnippetViewSet):
    edit_view_class = NoLostEditsSnippetEditView
    # Wagtail's snippet edit template, plus an empty loaded revision for a snippet without one yet.
    edit_template_name = "editing/snippet_edit.html"
