"""The publication chooser's "Create" tab: a publication and its first file, without leaving the page being edited.

An organiser filling in a session picks "Slides", then "Create": a name, the language and the
file. The file becomes a Wagtail document in the first collection the user may add documents to;
more languages are added later under *Publications*.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from publications.models import Publication, PublicationFile


class QuickPublicationForm(WagtailAdminModelForm):
    language = forms.ChoiceField(label=_("language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE)
    file = forms.FileField(label=_("file"), help_text=_("The file in that language (any type: PDF, PPTX, ODP, DOCX…)."))

    class Meta:
        model = Publication
        fields = ["title", "kind"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned_data = super().clean()
        policy = policy_registry.get_by_type(get_document_model())
        self.collection = policy.collections_user_has_permission_for(self.user, "add").order_by("path").first()
        if self.collection is None:
            self.add_error("file", _("You may not upload documents. Ask an editor to add this publication."))
        return cleaned_data

    def save(self, commit=True):
        publication = super().save(commit=True)
        upload = self.cleaned_data["file"]
        document = get_document_model()(
            title=publication.title, file=upload, collection=self.collection, uploaded_by_user=self.user
        )
        document._set_document_file_metadata()  # size and hash, as Wagtail's own upload form sets them
        document.save()
        language = self.cleaned_data["language"]
        PublicationFile.objects.create(publication=publication, language=language, document=document)
        return publication
