"""The case-study library's shipped content: the library page and seven SAMPLE case studies.

We do not hold the texts of the project's seven real case studies. Until they
are in, the library shows seven invented case studies, each marked as sample
content (the page shows a notice, its title starts with "Sample:", its first
paragraph says it is invented, its image and documents are labelled "SAMPLE").
They are spread over the partner countries (BE, FR, PT, IT, HR), the six
partners and the seven competences, so that every filter has something to show.

Replacing a sample: edit the page in the Wagtail admin (its translations follow
through wagtail-localize), untick "sample content" under Settings, and replace
the image and document (collection "Case studies: sample files"). The loader
never overwrites an edited page. Translations: `locale/<lang>/<key>.po`.
"""

from pathlib import Path

from casestudies.choices import PartnerType
from casestudies.content.media import sample_document, sample_image
from casestudies.models import CaseStudyCompetence, CaseStudyIndexPage, CaseStudyPage
from home.loading import ContentError, ContentLoader, stable_uuid
from home.models import Competence, Partner

PO_DIR = Path(__file__).parent / "locale"

LIBRARY_KEY = "case-study-library"
LIBRARY = {
    "title": "Case studies",
    "slug": "case-studies",
    "show_in_menus": True,
    "is_sample_content": True,
    "listing_summary": (
        "Case studies of multi-stakeholder partnerships in lifelong career guidance, and a summary report."
    ),
    "introduction": (
        "<p>The case studies show how organisations in Belgium, France, Portugal, Italy and Croatia manage "
        "multi-stakeholder partnerships in lifelong career guidance. Filter them by country, by competence of "
        "the Keep in Pact framework or by the partner who wrote them, and share the address of what you found.</p>"
        "<p>The case studies and the summary report shown here are samples, in place until the project's own "
        "texts are published.</p>"
    ),
}
SUMMARY_REPORT_TITLE = "SAMPLE – Summary report of the case studies"

# Shared by every sample: what the image is, who said the quote, how the story starts.
IMAGE_ALT = "Placeholder image: three white rings on a coloured background and the words “Sample image”"
QUOTE_SOURCE = "Partnership coordinator (sample quote)"
SAMPLE_OPENING = (
    "This is a sample case study, written to show how the library works; it does not describe a real partnership."
)

# One entry per sample: key, country (ISO 3166-1 alpha-2), author (Partner snippet key),
# competence numbers, image colour (RGB, white text on it has at least 4.5:1 contrast), fields.
SAMPLES = [
    {
        "key": "case-study-sample-brussels",
        "country": "BE",
        "partner": "partner-lllp",
        "competences": [1, 3],
        "colour": (18, 61, 106),
        "title": "Sample: a one-stop guidance centre in Brussels",
        "slug": "sample-one-stop-guidance-centre-brussels",
        "organisation": "One-stop guidance centre (sample)",
        "city": "Brussels",
        "summary": (
            "A sample case study: how a public employment service, an adult school and a city council could "
            "open a single guidance desk together."
        ),
        "context": "In a large city, adults looking for guidance often visit several offices before they find the "
        "right one.",
        "partners": [
            (
                "Regional public employment service",
                PartnerType.PUBLIC_EMPLOYMENT_SERVICE,
                "Brings job-search advice and labour-market information.",
            ),
            ("Adult education school", PartnerType.SCHOOL, "Brings training advice and skills assessment."),
            ("City council", PartnerType.LOCAL_AUTHORITY, "Provides the premises and links with social services."),
        ],
        "activities": "The partners sign an agreement, share one reception desk and meet every month to review "
        "difficult cases.",
        "results": "Visitors get an answer at their first visit, and the partners refer people to each other more "
        "often.",
        "lessons": "A written agreement and a shared calendar matter more than a shared building.",
        "quote": "We stopped sending people from one door to another.",
    },
    {
        "key": "case-study-sample-paris",
        "country": "FR",
        "partner": "partner-universcience",
        "competences": [3, 7],
        "colour": (90, 45, 130),
        "title": "Sample: a city-wide guidance network in Paris",
        "slug": "sample-city-wide-guidance-network-paris",
        "organisation": "City guidance network (sample)",
        "city": "Paris",
        "summary": (
            "A sample case study: how the guidance centre of a science museum could coordinate a network of "
            "guidance services and speak for it."
        ),
        "context": "In a capital city, dozens of guidance services work with the public but rarely know what the "
        "others offer.",
        "partners": [
            (
                "Guidance centre of a science museum",
                PartnerType.OTHER,
                "Coordinates the network and hosts its meetings.",
            ),
            ("Youth employment association", PartnerType.NGO, "Brings contacts with young people far from work."),
            ("Group of large employers", PartnerType.COMPANY, "Offers company visits and job shadowing."),
        ],
        "activities": "The network publishes a shared map of services, runs joint information days and speaks with "
        "one voice to the city.",
        "results": "More services join the network every year, and the city funds its joint information days.",
        "lessons": "A network needs a coordinator with time set aside for it, and a clear message for the public.",
        "quote": "The network is visible because someone speaks for it.",
    },
    {
        "key": "case-study-sample-lyon",
        "country": "FR",
        "partner": "partner-cdm-network",
        "competences": [4, 5],
        "colour": (11, 83, 148),
        "title": "Sample: bridging school and work in Lyon",
        "slug": "sample-bridging-school-and-work-lyon",
        "organisation": "School-to-work partnership (sample)",
        "city": "Lyon",
        "summary": (
            "A sample case study: how schools, employers and an employment service could train their staff "
            "together and evaluate what they do."
        ),
        "context": "Teachers, employers and counsellors all advise young people, but they seldom learn from one "
        "another.",
        "partners": [
            ("Vocational high school", PartnerType.SCHOOL, "Brings teachers and groups of students."),
            ("Local employment service", PartnerType.PUBLIC_EMPLOYMENT_SERVICE, "Brings counsellors and job offers."),
            ("Local craft businesses", PartnerType.COMPANY, "Host students for short work placements."),
        ],
        "activities": "Staff of the three partners take part in joint training days, and each activity ends with "
        "a short evaluation.",
        "results": "The partners use the evaluations to improve the programme every year.",
        "lessons": "Evaluating together builds trust, as long as the results are shared openly.",
        "quote": "We learned each other's language before we could help the students.",
    },
    {
        "key": "case-study-sample-porto",
        "country": "PT",
        "partner": "partner-cdm-porto",
        "competences": [3, 5],
        "colour": (0, 102, 68),
        "title": "Sample: guidance for young adults in Porto",
        "slug": "sample-guidance-for-young-adults-porto",
        "organisation": "Youth guidance partnership (sample)",
        "city": "Porto",
        "summary": (
            "A sample case study: how a guidance centre, a vocational training centre and an NGO could coordinate "
            "their support for young adults who are not in work or training."
        ),
        "context": "Young adults who are neither in work nor in training are hard to reach and easily lost between "
        "services.",
        "partners": [
            ("Guidance centre", PartnerType.OTHER, "Leads the partnership and follows each young person."),
            ("Vocational training centre", PartnerType.SCHOOL, "Offers short courses and apprenticeships."),
            ("Youth NGO", PartnerType.NGO, "Reaches young people in their neighbourhoods."),
        ],
        "activities": "Each young person has one contact person, and the partners meet every two weeks to follow "
        "progress.",
        "results": "Fewer young people drop out between their first interview and a training place.",
        "lessons": "One contact person per young person, agreed by all partners, stops people getting lost.",
        "quote": "Coordination is a daily task, not a yearly meeting.",
    },
    {
        "key": "case-study-sample-braga",
        "country": "PT",
        "partner": "partner-cdm-porto",
        "competences": [2, 6],
        "colour": (138, 90, 0),
        "title": "Sample: a local pact for adult learning in Braga",
        "slug": "sample-local-pact-for-adult-learning-braga",
        "organisation": "Local adult-learning pact (sample)",
        "city": "Braga",
        "summary": (
            "A sample case study: how a municipality, a school and local companies could fund adult learning "
            "together and keep up with national reforms."
        ),
        "context": "National reforms changed the funding of adult learning, and local partners had to adapt quickly.",
        "partners": [
            ("Municipality", PartnerType.LOCAL_AUTHORITY, "Manages the shared budget."),
            ("Secondary school with adult classes", PartnerType.SCHOOL, "Runs evening courses."),
            ("Regional business association", PartnerType.COMPANY, "Identifies the skills that local companies need."),
        ],
        "activities": "The partners keep a shared budget and follow the reforms in a short quarterly briefing.",
        "results": "Funding is secured for three years, and the courses match local jobs better.",
        "lessons": "Clear financial reporting keeps every partner confident in the pact.",
        "quote": "Knowing about the reforms early gave us time to adapt.",
    },
    {
        "key": "case-study-sample-bari",
        "country": "IT",
        "partner": "partner-learning-digital",
        "competences": [2, 7],
        "colour": (160, 40, 40),
        "title": "Sample: online guidance with local employers in Bari",
        "slug": "sample-online-guidance-with-local-employers-bari",
        "organisation": "Online guidance service (sample)",
        "city": "Bari",
        "summary": (
            "A sample case study: how a digital learning company, an employment centre and employers could run "
            "online guidance together and report on it."
        ),
        "context": "Many adults in the region live far from a guidance office and prefer to meet online.",
        "partners": [
            ("Digital learning company", PartnerType.COMPANY, "Runs the online platform."),
            ("Employment centre", PartnerType.PUBLIC_EMPLOYMENT_SERVICE, "Provides counsellors for online sessions."),
            ("Local employers' association", PartnerType.NGO, "Shares job profiles and testimonies."),
        ],
        "activities": "Counsellors hold online sessions every week, and the partners publish a short report on them "
        "twice a year.",
        "results": "People from remote areas use guidance more often, and employers present their jobs online.",
        "lessons": "Online guidance needs the same careful monitoring and reporting as face-to-face guidance.",
        "quote": "The report helped us show what the partnership achieved.",
    },
    {
        "key": "case-study-sample-zagreb",
        "country": "HR",
        "partner": "partner-azvo",
        "competences": [1, 6],
        "colour": (74, 79, 87),
        "title": "Sample: a regional career guidance centre in Zagreb",
        "slug": "sample-regional-career-guidance-centre-zagreb",
        "organisation": "Regional career guidance centre (sample)",
        "city": "Zagreb",
        "summary": (
            "A sample case study: how a public employment service, a university and a city office could set up a "
            "new guidance partnership under a national strategy."
        ),
        "context": "A new national strategy asked for lifelong career guidance centres run by several partners.",
        "partners": [
            (
                "Public employment service",
                PartnerType.PUBLIC_EMPLOYMENT_SERVICE,
                "Hosts the centre and its counsellors.",
            ),
            ("University career centre", PartnerType.SCHOOL, "Brings advice for students and graduates."),
            ("City office for education", PartnerType.LOCAL_AUTHORITY, "Links the centre with local schools."),
        ],
        "activities": "The partners draft a partnership agreement, agree on their roles and follow the national "
        "strategy together.",
        "results": "The centre opens with a formal agreement and a shared plan for its first two years.",
        "lessons": "Time spent formalising the partnership at the start saves disputes later.",
        "quote": "Writing the agreement together was our first joint activity.",
    },
]


def sample_pdf_lines(title: str, what: str) -> list[str]:
    return [
        "SAMPLE DOCUMENT",
        f"Keep in Pact: {title}",
        "",
        f"This file stands in for {what}, which the Keep in Pact project has not yet published on this site. "
        "It is not the project's real text and must not be quoted as its findings.",
        "",
        'Editors: replace this file under Documents in the Wagtail admin (collection "Case studies: sample '
        'files"), or choose another document on the page.',
    ]


def case_study_fields(sample: dict) -> dict:
    """The CaseStudyPage fields of one sample (without its partner, competences and files)."""
    return {
        "title": sample["title"],
        "slug": sample["slug"],
        "is_sample_content": True,
        "organisation": sample["organisation"],
        "city": sample["city"],
        "country": sample["country"],
        "summary": sample["summary"],
        "hero_image_alt": IMAGE_ALT,
        "body": [
            {"type": "context", "value": f"<p>{SAMPLE_OPENING} {sample['context']}</p>"},
            {
                "type": "partners_involved",
                "value": {
                    "introduction": "",
                    "partners": [
                        {"name": name, "partner_type": partner_type.value, "role": role, "website": ""}
                        for name, partner_type, role in sample["partners"]
                    ],
                },
            },
            {"type": "activities", "value": f"<p>{sample['activities']}</p>"},
            {"type": "results", "value": f"<p>{sample['results']}</p>"},
            {"type": "lessons_learned", "value": f"<p>{sample['lessons']}</p>"},
            {"type": "quote", "value": {"quote": sample["quote"], "source": QUOTE_SOURCE}},
        ],
    }


def load(loader: ContentLoader) -> None:
    """Create the case-study library under the English home page, then the seven samples, with translations."""
    home = loader.get_page("home-page")
    if home is None:
        raise ContentError("the home page must be loaded before the case studies (home app first)")

    fields = dict(LIBRARY)
    if loader.mode == "load" and loader.get_page(LIBRARY_KEY) is None:
        fields["summary_report"] = sample_document(
            SUMMARY_REPORT_TITLE, sample_pdf_lines("summary report of the case studies", "the summary report")
        )
    library = loader.page(LIBRARY_KEY, home, CaseStudyIndexPage, **fields)
    loader.translate(library, LIBRARY_KEY, PO_DIR)

    for sample in SAMPLES:
        key = sample["key"]
        fields = case_study_fields(sample)
        if loader.mode == "load" and loader.get_page(key) is None:
            fields["partner"] = _snippet(loader, Partner, sample["partner"])
            fields["competence_links"] = [
                CaseStudyCompetence(
                    competence=_snippet(loader, Competence, f"competence-{number}"),
                    # Stable, like every shipped object's key: the same rows on every install.
                    translation_key=stable_uuid(f"{key}/competence-{number}"),
                    locale=loader.default_locale,
                    sort_order=order,
                )
                for order, number in enumerate(sample["competences"])
            ]
            fields["hero_image"] = sample_image(
                f"SAMPLE – image for “{sample['title']}”", "Keep in Pact: sample case study", sample["colour"]
            )
            fields["document"] = sample_document(
                f"SAMPLE – Full case study: {sample['title']}",
                sample_pdf_lines(sample["title"], "the full text of a case study"),
            )
        page = loader.page(key, library, CaseStudyPage, **fields)
        loader.translate(page, key, PO_DIR)


def _snippet(loader: ContentLoader, model, key: str):
    snippet = loader.get_snippet(model, key)
    if snippet is None:
        raise ContentError(f"{model._meta.verbose_name} {key} is missing: the home app's content must load first")
    return snippet
