"""The translation workflow's shipped setup: a translator group per language.

Loaded last (the translations app comes after the page-family apps in
INSTALLED_APPS), so every home page and snippet model exists by then.
"""

from home.loading import ContentLoader
from translations.roles import ensure_translator_groups


def load(loader: ContentLoader) -> None:
    """Create the groups "Translators: Français", ... (idempotent; see translations.roles)."""
    if loader.mode != "load":
        return
    home = loader.get_page("home-page")
    if home is None:
        return
    created = ensure_translator_groups(home)
    loader.report.created += created
    if not created:
        loader.report.unchanged.append("translator groups")
