"""Admin forms of the guide's page types."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class GuideChapterPageForm(WagtailAdminPageForm):
    """Chapter form: a new chapter gets the next free number; two chapters of one guide cannot share a number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self._guide()
        if parent is not None and not self.instance.pk and "chapter_number" in self.fields:
            highest = self._siblings(parent).aggregate(highest=Max("chapter_number"))["highest"]
            self.initial["chapter_number"] = (highest or 0) + 1

    def _guide(self):
        if self.instance.pk and self.instance.path:
            return self.instance.get_parent()
        return self.parent_page

    def _siblings(self, parent):
        # The form's own model (GuideChapterPage): no import of guide.models, which imports this form.
        siblings = self._meta.model.objects.child_of(parent)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        return siblings

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("chapter_number")
        parent = self._guide()
        if number is not None and parent is not None:
            clash = self._siblings(parent).filter(chapter_number=number).first()
            if clash is not None:
                self.add_error(
                    "chapter_number",
                    _("Chapter %(number)s of this guide already exists: “%(title)s”. Choose another number.")
                    % {"number": number, "title": clash.title},
                )
        return cleaned_data
