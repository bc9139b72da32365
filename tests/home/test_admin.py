"""The Wagtail admin: editors can open and save the home app's pages and snippets."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from home.models import Competence

pytestmark = pytest.mark.django_db


def test_admin_dashboard_and_home_page_editor_open(admin_client, home_pages):
    assert admin_client.get("/admin/").status_code == 200
    for language in ["en", "fr"]:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home_pages[language].pk]))
        assert response.status_code == 200


def test_snippet_listings_open(admin_client):
    for model in ["partner", "person", "competence"]:
        assert admin_client.get(f"/admin/snippets/home/{model}/").status_code == 200


def test_two_competences_with_the_same_number_in_one_language_is_a_form_error(admin_client, locales):
    url = reverse("wagtailsnippets_home_competence:add") + "?locale=en"
    response = admin_client.post(url, nested_form_data({"number": 3, "title": "Duplicate of three"}))
    assert response.status_code == 200
    assert "already exists in this language" in response.content.decode()
    assert Competence.objects.filter(locale=locales["en"], number=3).count() == 1
