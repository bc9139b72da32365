"""The contact page, the privacy notice and the accessibility statement, linked from every footer.

Facts: the coordinator and the lead coordinator come from `shared/seed/multiplier-event-2022.txt`;
what the site processes is what this code base does (no analytics, no cookies for visitors,
admin accounts, web-server logs); the accessibility status is what `tests/a11y/` measures.
The accessibility statement follows the EU model statement (Commission Implementing
Decision (EU) 2018/1523). Translations are in `locale/<lang>/<key>.po`.
"""


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


CONTACT_PAGE = {
    "title": "Contact",
    "slug": "contact",
    "show_in_menus": False,
    "listing_summary": "How to reach the Keep in Pact project and its partners.",
    "introduction": (
        "Keep in Pact was coordinated by the Cité des métiers International Network, based in Paris, France."
    ),
    "body": [
        {"type": "contact_details", "value": None},
        heading("The project team"),
        paragraph(
            "<p>Marion Seidenbinder of the Cité des métiers International Network was the lead coordinator of "
            "Keep in Pact. Each of the six partner organisations is listed at the foot of every page, with a link to "
            "its website where it has one.</p>"
        ),
        heading("About this site"),
        paragraph(
            "<p>Write to the coordinator about the content of this site, its translations or its accessibility, or to "
            "ask for a document in another format.</p>"
        ),
    ],
}

PRIVACY_PAGE = {
    "title": "Privacy notice",
    "slug": "privacy",
    "show_in_menus": False,
    "listing_summary": "What personal data this site processes, why, and your rights.",
    "introduction": (
        "This site publishes the outputs of the Keep in Pact project. It does not track its visitors: no analytics, "
        "no advertising, no cookies while you read."
    ),
    "body": [
        heading("Who is responsible"),
        paragraph(
            "<p>The controller of the personal data processed by this site is the project coordinator, the Cité des "
            "métiers International Network, Paris, France. Its contact details are on the contact page.</p>"
        ),
        heading("What the site processes when you read it"),
        paragraph(
            "<p>Like every web server, the server of this site records each request in its logs: your IP address, "
            "the date and time, the address you asked for (search words are part of that address), the answer and "
            "your browser's description of itself. These logs serve only to keep the site secure and running; they "
            "are not used to follow visitors, are not shared, and are deleted as soon as they are no longer needed "
            "for that purpose. The legal basis is the legitimate interest of keeping the site available and secure "
            "(Article 6(1)(f) GDPR).</p>"
            "<p>The site sets no cookie while you read it and loads no tracking, analytics or advertising script.</p>"
        ),
        heading("Editors and translators"),
        paragraph(
            "<p>People who edit or translate the site have an account in its administration: name, e-mail address, "
            "user name, a hash of the password, their language, and the history of their changes. Signing in sets "
            "a session cookie and a security (CSRF) cookie. This data serves only to run the editorial work and is "
            "deleted with the account.</p>"
        ),
        heading("Your rights"),
        paragraph(
            "<p>You have the right to access, rectify and erase your personal data, to restrict or object to its "
            "processing, and to data portability. Write to the coordinator through the contact page. You also have "
            "the right to lodge a complaint with a data protection authority; in France, the CNIL.</p>"
        ),
    ],
}

ACCESSIBILITY_PAGE = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "show_in_menus": False,
    "listing_summary": "How accessible this site is, what is not yet accessible, and how to tell us.",
    "introduction": (
        "The Keep in Pact partners are committed to making this website accessible, in accordance with "
        "Directive (EU) 2016/2102 on the accessibility of the websites of public sector bodies. This statement "
        "applies to this website in all five of its languages."
    ),
    "body": [
        heading("Compliance status"),
        paragraph(
            "<p>This website is partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1, "
            "level AA (European standard EN 301 549), because of the exceptions listed below.</p>"
        ),
        heading("Non-accessible content"),
        paragraph(
            "<ul><li>The 360° panoramas of the virtual tours cannot be explored without sight, and their viewer "
            "is a canvas that screen readers cannot read. The accessible alternative: each room has a text "
            "description, and its points of interest are listed under the panorama as links and expandable "
            "sections, which work with the keyboard and without JavaScript.</li>"
            "<li>Some case studies and tours are sample content with placeholder images and files, marked as such "
            "on the page, until the partners' real material is published.</li>"
            "<li>Documents written by the partners (PDF, slide decks) may not meet the standard. Ask for another "
            "format through the contact page.</li></ul>"
        ),
        heading("Preparation of this statement"),
        paragraph(
            "<p>This statement was prepared in December 2026 by self-assessment. Automated tests run the axe-core "
            "checks for WCAG 2.0 and 2.1 levels A and AA on every type of page in every language and find no "
            "failure; other tests follow the main journeys with the keyboard alone and check the pages at 320 pixels "
            "wide and at 200% zoom.</p>"
        ),
        heading("Feedback and contact"),
        paragraph(
            "<p>If you find a barrier on this site, or need a page or a document in another format, write to the "
            "project coordinator through the contact page, linked at the foot of every page. Tell us the address "
            "of the page and what you could not do.</p>"
        ),
        heading("Enforcement procedure"),
        paragraph(
            "<p>If you are not satisfied with our answer, you can turn to the body that enforces the Web "
            "Accessibility Directive in your country; in France, where the coordinator is based, the Défenseur des "
            "droits.</p>"
        ),
    ],
}

# (key, fields) in footer order; home.content.load sets them in Settings → Contact when it is empty.
LEGAL_PAGES = [
    ("page-contact", CONTACT_PAGE),
    ("page-privacy", PRIVACY_PAGE),
    ("page-accessibility", ACCESSIBILITY_PAGE),
]
