"""The image upload form: refuses files that cannot be decoded to the end, with a form error.

Why: Wagtail 8.0 checks an uploaded image from its header, and a truncated
JPEG (an interrupted upload, a camera card error) either passes, to fail
later when a rendition is made, or makes Pillow raise OSError inside
Wagtail's field validation, which is a server error instead of a form error.
The tours' panoramas are large files where this happens in practice.
Installed for every image upload with `WAGTAILIMAGES_IMAGE_FORM_BASE`
(config/settings/base.py). Remove it when Wagtail's own image field turns
decoding errors into validation errors and decodes the whole file.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from tours.panoramas import decode_error


class CompleteImageField(WagtailImageField):
    """Wagtail's image field, plus: a file Pillow cannot decode to the end is a ValidationError."""

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                _("The image file is truncated or corrupt and cannot be shown (%(error)s). Upload it again.")
                % {"error": error},
                code="invalid_image",
            ) from error
        if file is not None and hasattr(file, "seek") and getattr(file.image, "format_name", "") != "svg":
            error = decode_error(file)
            if error:
                raise ValidationError(error, code="invalid_image")
        return file


class CompleteImageForm(BaseImageForm):
    """Wagtail's image form whose `file` field is a CompleteImageField; a refused file saves nothing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            original = self.fields["file"]
            self.fields["file"] = CompleteImageField(
                label=original.label, required=original.required, widget=original.widget
            )
