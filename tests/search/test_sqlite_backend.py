"""The admin's searches answer on SQLite (`make run`) whatever is typed (search/sqlite.py)."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="modelsearch's SQLite FTS5 backend only"),
]

LISTINGS = ["/admin/snippets/home/partner/", "/admin/images/", "/admin/documents/", "/admin/pages/search/"]


@pytest.mark.parametrize("url", LISTINGS)
@pytest.mark.parametrize("query", ['a"b', '"', "cdm-porto", "x:y", "a -b", "NOT", "(porto"])
def test_an_admin_search_never_fails(admin_client, url, query):
    assert admin_client.get(url, {"q": query}).status_code == 200


def test_the_partner_listing_searches_by_name(admin_client):
    found = admin_client.get("/admin/snippets/home/partner/", {"q": "Porto"}).content.decode()
    assert "Cité des métiers" in found or "Porto" in found
    missing = admin_client.get("/admin/snippets/home/partner/", {"q": "zzqx"}).content.decode()
    assert "Porto" not in missing.split("<main", 1)[-1]
