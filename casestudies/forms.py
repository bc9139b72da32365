"""Admin form of CaseStudyPage: checks on the competences an author picks.

These checks are for authors in the page editor. wagtail-localize does not use
this form when it syncs a translation, so a translation never fails on them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class CaseStudyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("competence_links")
        # The formsets are validated after this form (modelcluster's ClusterForm.is_valid);
        # validate this one now to read its choices. Errors added below still count.
        if formset is None or not formset.is_valid():
            return cleaned_data
        page_locale_id = self.instance.locale_id
        seen = set()
        for form in formset.forms:
            if form.cleaned_data.get("DELETE"):
                continue
            competence = form.cleaned_data.get("competence")
            if competence is None:
                continue
            if page_locale_id and competence.locale_id != page_locale_id:
                form.add_error(
                    "competence",
                    _("This competence is in another language: choose its version in this page's language."),
                )
            elif competence.number in seen:
                form.add_error("competence", _("This competence is already listed."))
            seen.add(competence.number)
        return cleaned_data
