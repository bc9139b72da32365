"""The image upload form: refuses files that cannot be decoded to the end.

Why: Wagtail checks an uploaded image's format and size from its header only,
so a truncated JPEG (an interrupted upload, a camera card error) is saved and
fails later, when a rendition is made. The tours' panoramas are large files
where this happens in practice. Installed for every image upload with
`WAGTAILIMAGES_IMAGE_FORM_BASE` (config/settings/base.py). Remove it when
Wagtail's own upload validation decodes the whole file.
"""

from wagtail.images.forms import BaseImageForm

from tours.panoramas import decode_error


class CompleteImageForm(BaseImageForm):
    """Wagtail's image form plus a full decode of a newly uploaded file.

    The error appears on the form's `file` field; the image is not saved.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Only new uploads: an unchanged file was checked when it was uploaded.
        if file is not None and "file" in self.changed_data and hasattr(file, "seek"):
            error = decode_error(file)
            if error:
                self.add_error("file", error)
        return file
