"""The home app's shipped content: the home page, "About the project", partners, people, competences.

Facts come from `shared/seed/multiplier-event-2022.txt` (the text of the
project's final multiplier event) and the project's published competence
framework. Translations are in `locale/<lang>/<key>.po` next to this file.
"""

import datetime
from pathlib import Path

from home.choices import PartnerRole
from home.content.legal import LEGAL_PAGES
from home.loading import ContentLoader
from home.models import Competence, ContactSettings, HomePage, Partner, Person, StandardPage

PO_DIR = Path(__file__).parent / "locale"

HOME_PAGE = {
    "title": "Keep in Pact",
    "slug": "home",
    "hero_heading": "Managing multi-stakeholder partnerships in lifelong career guidance",
    "hero_text": (
        "Keep in Pact was an Erasmus+ project of six organisations from Belgium, France, Portugal, Italy "
        "and Croatia. Its guide, competence framework, training programme, case studies and virtual tours "
        "are published here in five languages."
    ),
    "objective": (
        "To develop the competences of multi-stakeholder partnership managers working in lifelong career "
        "guidance services."
    ),
    "project_start": datetime.date(2019, 9, 1),
    "project_end": datetime.date(2022, 3, 31),
    "introduction": (
        "<p>The COVID-19 pandemic has had an impact on the labour market: people have lost their jobs while "
        "others have been displaced. The digital transformation is rapidly changing the labour market "
        "ecosystem and individuals’ needs. European professionals and citizens need to upskill and reskill "
        "to adapt to these developments, and to find their path through different training, jobs, guidance "
        "and employment opportunities.</p>"
        "<p>Career guidance services answer these needs best when they work together. Keep in Pact gave the "
        "people who lead such partnerships a shared framework of seven competences, a training programme built "
        "on it, a guide for cooperation, seven case studies and five virtual tours of guidance centres.</p>"
    ),
    "listing_summary": (
        "Managing multi-stakeholder partnerships in lifelong career guidance: the outputs of the Keep in Pact project."
    ),
}

ABOUT_PAGE = {
    "title": "About the project",
    "slug": "about",
    "show_in_menus": True,
    "listing_summary": "Why Keep in Pact was set up, who took part, and what it produced between 2019 and 2022.",
    "introduction": (
        "Keep in Pact ran from September 2019 to March 2022. Its objective was to develop the competences of "
        "multi-stakeholder partnership managers working in lifelong career guidance services."
    ),
    "body": [
        {"type": "heading", "value": {"text": "Why the project", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>The COVID-19 pandemic has had an impact on the labour market: people have lost their jobs while "
                "others have been displaced. The digital transformation, on the other hand, is rapidly changing the "
                "labour market ecosystem and individuals’ needs. It is therefore necessary that European "
                "professionals and citizens upskill and reskill to adapt to these developments.</p>"
                "<p>People need to find their path through different training, jobs, guidance and employment "
                "opportunities, which will help them meet the new standards of work. The project sought to address "
                "these needs.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "The partners", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Six organisations carried out the project: the Lifelong Learning Platform (Brussels, Belgium); "
                "Universcience / Cité des métiers de Paris (France); the Cité des métiers of Porto (Portugal); "
                "Learning Digital (Italy); the Agency for Science and Higher Education (Croatia); and the Cité des "
                "métiers International Network, which coordinated the project.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "What it produced", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<ul><li>a competence framework for multi-partnership cooperation management in lifelong career "
                "guidance and counselling, with seven competences;</li>"
                "<li>a training programme of seven modules on an e-learning platform, built on those competences;</li>"
                "<li>seven case studies and a summary report;</li>"
                "<li>five virtual 360° tours of lifelong career guidance centres;</li>"
                "<li>a guide for cooperation for partnership officers and managers.</li></ul>"
            ),
        },
        {
            "type": "paragraph",
            "value": (
                "<p>The project’s final event took place online on the afternoon of 28 March 2022, with stakeholders "
                "and the partner organisations.</p>"
            ),
        },
    ],
}

# (key, fields). Order: the coordinator first, then as the seed lists them.
PARTNERS = [
    (
        "partner-cdm-network",
        {
            "slug": "cdm-network",
            "name": "Cité des métiers International Network",
            "short_name": "",
            "role": PartnerRole.COORDINATOR,
            "city": "Paris",
            "country": "FR",
            "website": "",
            "sort_order": 1,
        },
    ),
    (
        "partner-lllp",
        {
            "slug": "lllp",
            "name": "Lifelong Learning Platform",
            "short_name": "LLLP",
            "role": PartnerRole.PARTNER,
            "city": "Brussels",
            "country": "BE",
            "website": "https://lllplatform.eu/",
            "sort_order": 2,
        },
    ),
    (
        "partner-universcience",
        {
            "slug": "universcience",
            "name": "Universcience / Cité des métiers de Paris",
            "short_name": "Universcience",
            "role": PartnerRole.PARTNER,
            "city": "Paris",
            "country": "FR",
            "website": "https://www.universcience.fr/",
            "sort_order": 3,
        },
    ),
    (
        "partner-cdm-porto",
        {
            "slug": "cdm-porto",
            "name": "Cité des métiers of Porto",
            "short_name": "",
            "role": PartnerRole.PARTNER,
            "city": "Porto",
            "country": "PT",
            "website": "",
            "sort_order": 4,
        },
    ),
    (
        "partner-learning-digital",
        {
            "slug": "learning-digital",
            "name": "Learning Digital",
            "short_name": "",
            "role": PartnerRole.PARTNER,
            "city": "",
            "country": "IT",
            "website": "",
            "sort_order": 5,
        },
    ),
    (
        "partner-azvo",
        {
            "slug": "azvo",
            "name": "Agency for Science and Higher Education",
            "short_name": "AZVO",
            "role": PartnerRole.PARTNER,
            "city": "Zagreb",
            "country": "HR",
            "website": "https://www.azvo.hr/",
            "sort_order": 6,
        },
    ),
]

# (key, fields, partner key or None): the people named in the seed.
PEOPLE = [
    (
        "person-marion-seidenbinder",
        {
            "name": "Marion Seidenbinder",
            "job_title": "Keep in Pact lead coordinator",
            "organisation": "Cité des métiers International Network",
        },
        "partner-cdm-network",
    ),
    (
        "person-pauline-boivin",
        {
            "name": "Pauline Boivin",
            "job_title": "Project and policy coordinator",
            "organisation": "Lifelong Learning Platform",
        },
        "partner-lllp",
    ),
    (
        "person-catherine-kinet",
        {"name": "Catherine Kinet", "job_title": "Director", "organisation": "Cité des métiers Brussels"},
        None,
    ),
]

# The framework's seven competences, with their published titles.
COMPETENCES = [
    (1, "Developing and formalising new partnerships"),
    (2, "Administrative and financial monitoring"),
    (3, "Coordinating, managing and leading the partnership"),
    (4, "Developing partners' competences in multi-partnership"),
    (5, "Evaluating implemented measures and activities"),
    (6, "Monitoring relevant national and local policies and reforms"),
    (7, "Ensuring communication and representation activities"),
]


def load(loader: ContentLoader) -> None:
    """Create the home pages, the partners, the people and the competences, with their translations."""
    root = loader.root_page()
    home = loader.page("home-page", root, HomePage, **HOME_PAGE)
    loader.translate(home, "home-page", PO_DIR)
    loader.use_as_site_root(home)

    partners = {}
    for key, fields in PARTNERS:
        partners[key] = loader.snippet(key, Partner, **fields)
        loader.translate(partners[key], key, PO_DIR)

    for key, fields, partner_key in PEOPLE:
        person = loader.snippet(key, Person, partner=partners.get(partner_key), **fields)
        loader.translate(person, key, PO_DIR)

    for number, title in COMPETENCES:
        key = f"competence-{number}"
        competence = loader.snippet(key, Competence, number=number, title=title)
        loader.translate(competence, key, PO_DIR)

    about = loader.page("page-about", home, StandardPage, **ABOUT_PAGE)
    loader.translate(about, "page-about", PO_DIR)

    legal = {}
    for key, fields in LEGAL_PAGES:
        legal[key] = loader.page(key, home, StandardPage, **fields)
        loader.translate(legal[key], key, PO_DIR)
    if loader.mode == "load":
        link_footer_pages(loader, home, legal)


def link_footer_pages(loader: ContentLoader, home: HomePage, legal: dict) -> None:
    """Name the legal pages in Settings → Contact of the home page's site, where an editor has not chosen others."""
    for site in home.sites_rooted_here.all():
        contact = ContactSettings.for_site(site)
        changed = []
        for field, key in (
            ("contact_page", "page-contact"),
            ("privacy_page", "page-privacy"),
            ("accessibility_page", "page-accessibility"),
        ):
            if getattr(contact, f"{field}_id") is None:
                setattr(contact, field, legal[key])
                changed.append(field)
        if changed:
            contact.save()
            loader.report.created.append(f"contact settings of {site}: {', '.join(changed)}")
