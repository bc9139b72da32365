"""The "Open data" page of every language (static_archive.models.OpenDataPage), at /<lang>/open-data/.

Its slug is synchronised (the same address in every language); translations of its title, summary
and introduction are in `locale/<lang>/page-open-data.po`.
"""

from pathlib import Path

from home.loading import ContentLoader
from home.models import ContactSettings
from static_archive.models import OpenDataPage

PO_DIR = Path(__file__).parent / "locale"

OPEN_DATA_PAGE = {
    "title": "Open data",
    "slug": "open-data",
    "show_in_menus": False,
    "listing_summary": (
        "The competence framework, the case studies, the training modules and the events of Keep in Pact as files "
        "to download and reuse."
    ),
    "introduction": (
        "<p>Keep in Pact publishes its outputs as open data, so that guidance services, researchers and other "
        "projects can reuse them after the project's end. Each file below holds the content of this site in this "
        "language, as it is published here.</p>"
    ),
}


def load(loader: ContentLoader) -> None:
    """Create the open-data page under each home page, with its shipped translations; link it from the footer."""
    home = loader.get_page("home-page")
    page = loader.page("page-open-data", home, OpenDataPage, **OPEN_DATA_PAGE)
    loader.translate(page, "page-open-data", PO_DIR)
    if loader.mode != "load":
        return
    # The footer's last link (Settings → Contact), unless an editor has chosen another page.
    for site in home.sites_rooted_here.all():
        contact = ContactSettings.for_site(site)
        if contact.open_data_page_id is None:
            contact.open_data_page = page
            contact.save()
            loader.report.created.append(f"contact settings of {site}: open_data_page")
