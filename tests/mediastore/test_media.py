"""Shared media: uploads in an S3-compatible bucket (a real moto server), private files never
public; on the local disk, restricted documents and original images never served by /media/."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.storage import storages
from storages.backends.s3 import S3Storage

from mediastore.store import media_store_ok

pytestmark = pytest.mark.django_db


def signed_for(url: str) -> int:
    """The lifetime in seconds of a signed URL (0 when it is not signed)."""
    query = parse_qs(urlsplit(url).query)
    return int(query["X-Amz-Expires"][0]) if "X-Amz-Signature" in query else 0


# --- In the bucket -----------------------------------------------------------------------------


def test_an_original_image_is_a_private_object_reached_only_by_a_short_signed_url(s3_media, make_image):
    image = make_image("private")
    assert image.file.name in s3_media.keys()
    assert requests.get(s3_media.public_url(image.file.name), timeout=5).status_code == 403
    assert signed_for(image.file.url) == 300
    assert requests.get(image.file.url, timeout=5).status_code == 200


def test_a_rendition_is_public_at_a_stable_address(s3_media, make_image):
    rendition = make_image("public").get_rendition("fill-60x60")
    assert rendition.file.name.startswith("images/")
    assert rendition.file.name in s3_media.keys()
    assert rendition.url == s3_media.public_url(rendition.file.name)
    response = requests.get(rendition.url, timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/png"


def test_a_restricted_document_asks_a_visitor_to_log_in_and_sends_an_editor_to_a_signed_url(
    s3_media, make_document, client, admin_client
):
    document = make_document("private")
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert s3_media.endpoint_url not in response["Location"]
    assert requests.get(s3_media.public_url(document.file.name), timeout=5).status_code == 403

    response = admin_client.get(document.url)
    assert response.status_code == 302
    assert signed_for(response["Location"]) == 300
    assert requests.get(response["Location"], timeout=5).content == b"%PDF-1.4 board minutes"


def test_a_public_document_is_still_a_private_object_behind_wagtails_view(s3_media, make_document, client):
    document = make_document("public", name="leaflet.pdf", content=b"%PDF leaflet")
    response = client.get(document.url)
    assert response.status_code == 302
    assert signed_for(response["Location"]) == 300
    assert requests.get(response["Location"], timeout=5).content == b"%PDF leaflet"
    assert requests.get(s3_media.public_url(document.file.name), timeout=5).status_code == 403


def test_a_second_app_server_reads_what_the_first_one_stored(s3_media, make_document):
    document = make_document("public", name="agenda.pdf", content=b"%PDF agenda")
    other_server = S3Storage(**storages.backends["default"]["OPTIONS"])
    assert other_server is not storages["default"]
    with other_server.open(document.file.name) as file:
        assert file.read() == b"%PDF agenda"


def test_the_media_store_check_says_when_the_bucket_answers(s3_media, settings):
    assert media_store_ok() == (True, "")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            **settings.STORAGES["default"],
            "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "bucket_name": "no-such-bucket"},
        },
    }
    ok, reason = media_store_ok()
    assert not ok
    assert "no-such-bucket" in reason


def test_the_media_store_check_fails_when_the_store_is_unreachable(s3_media, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            **settings.STORAGES["default"],
            "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "endpoint_url": "http://127.0.0.1:9"},
        },
    }
    assert media_store_ok()[0] is False


# --- On the local disk (the test settings, as under `make run` and a single server) ----------------


def media_path(file) -> str:
    return "/media/" + file.name


def test_a_restricted_original_image_is_not_served_by_its_media_address(make_image, client, admin_client):
    image = make_image("private")
    assert client.get(media_path(image.file)).status_code == 404
    assert admin_client.get(media_path(image.file)).status_code == 200


def test_a_public_original_image_is_served_by_its_media_address(make_image, client):
    image = make_image("public")
    assert client.get(media_path(image.file)).status_code == 200


def test_a_restricted_documents_media_address_goes_through_wagtails_check(make_document, client, admin_client):
    document = make_document("private")
    response = client.get(media_path(document.file))
    assert response.status_code == 302
    assert response["Location"] == document.url
    assert "/login/" in client.get(document.url)["Location"]
    assert b"".join(admin_client.get(media_path(document.file)).streaming_content) == b"%PDF-1.4 board minutes"


def test_a_path_that_walks_out_of_the_renditions_folder_is_checked_too(make_image, client):
    image = make_image("private")
    assert client.get("/media/images/../" + image.file.name).status_code == 404
    assert client.get("/media/documents/../" + image.file.name).status_code == 404


def test_a_file_in_a_private_folder_that_no_document_or_image_owns_is_not_served(client):
    assert client.get("/media/documents/unknown.pdf").status_code == 404
    assert client.get("/media/original_images/unknown.png").status_code == 404


def test_the_media_store_check_on_the_local_disk(settings, tmp_path):
    assert media_store_ok() == (True, "")
    settings.MEDIA_ROOT = str(tmp_path / "missing")
    assert media_store_ok()[0] is False
