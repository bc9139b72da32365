"""Media from the local disk, without giving away a restricted document or original image.

Mounted by config/urls.py when media are on the local disk: for documents/ and original_images/
always (the web server must pass those two folders to the app: README "Running in production"),
and for the whole of MEDIA_URL when SERVE_MEDIA is on (`make run`).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.views.static import serve as serve_static
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

PRIVATE_FOLDERS = ("documents/", "original_images/")


def accepts(collection, request) -> bool:
    """Whether `request` satisfies every view restriction of `collection` (and of its ancestors)."""
    return all(restriction.accept_request(request) for restriction in collection.get_view_restrictions())


def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("documents/"):
        document = get_document_model().objects.filter(file=path).select_related("collection").first()
        if document is None:
            raise Http404
        if not accepts(document.collection, request):
            # Wagtail's checked view asks for the login or the password.
            return redirect(document.url)
    elif path.startswith("original_images/"):
        image = get_image_model().objects.filter(file=path).select_related("collection").first()
        if image is None or not accepts(image.collection, request):
            raise Http404
    return serve_static(request, path, document_root=settings.MEDIA_ROOT)
