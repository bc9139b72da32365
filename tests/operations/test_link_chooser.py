"""The external-link chooser answers a POST without its URL with the form and an error, not a 500."""

import pytest
from django.urls import reverse
from wagtail.admin.forms.choosers import ExternalLinkChooserForm

pytestmark = pytest.mark.django_db


def test_a_post_without_the_url_gets_the_form_with_its_error(admin_client):
    response = admin_client.post(reverse("wagtailadmin_choose_page_external_link"), {})
    assert response.status_code == 200
    assert response.json()["step"] == "external_link"
    assert "This field is required." in response.json()["html"]


def test_urls_and_paths_still_validate():
    assert ExternalLinkChooserForm({"url": "/en/guide/"}).is_valid()
    assert ExternalLinkChooserForm({"url": "https://keepinpact.eu/"}).is_valid()
    assert not ExternalLinkChooserForm({"url": "not a url"}).is_valid()
    assert not ExternalLinkChooserForm({"url": ""}).is_valid()
