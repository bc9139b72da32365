"""The guide app's shipped content: the Guide for cooperation, the competence framework, the training programme.

Facts come from `shared/seed/multiplier-event-2022.txt` (the guide's purpose and
four topics, the Cité des métiers of Brussels, the programme's seven modules,
materials, job-based activities and open access) and from the project's
published outputs (the edition of December 2021 written by Universcience; the
framework's purpose; validation by self-assessment and a certificate of
self-evaluation that is a recognition, not a diploma).

We do not have the guide's real text: the chapters' bodies and the modules'
learning outcomes and job-based activities are sample text, and those pages
are flagged `is_sample_content` so visitors see a notice. Translations are in
`locale/<lang>/<key>.po` next to this file.
"""

import datetime
from pathlib import Path

from guide.choices import CalloutKind, MaterialFormat
from guide.models import CompetenceFrameworkPage, GuideChapterPage, GuideIndexPage, TrainingProgrammePage
from home.loading import ContentError, ContentLoader
from home.models import Competence, Partner

PO_DIR = Path(__file__).parent / "locale"


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def callout(kind: str, title: str, html: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def recommendations(items: list[str], title: str = "") -> dict:
    return {"type": "recommendations", "value": {"title": title, "items": items}}


def competences(numbers: list[int], text: str = "") -> dict:
    """A competence-links block; numbers are replaced by the English competences' ids when loading."""
    return {"type": "competences", "value": {"text": text, "competences": numbers}}


GUIDE_INDEX = {
    "title": "Guide for cooperation",
    "slug": "guide-for-cooperation",
    "show_in_menus": True,
    "introduction": (
        "The Guide for cooperation aims to support partnership officers and managers in their daily work, "
        "and to accompany newcomers in the field as they take up their duties."
    ),
    "audience": (
        "Partnership officers and managers in lifelong career guidance services, and newcomers taking up these duties."
    ),
    "edition_date": datetime.date(2021, 12, 1),
    "listing_summary": "A guide in four chapters for the people who run partnerships in lifelong career guidance.",
}

# (key, fields): the four topics of the guide, as the seed lists them. Bodies are sample text.
CHAPTERS = [
    (
        "guide-chapter-1",
        {
            "title": "Context of multi-stakeholder partnership in lifelong career guidance",
            "slug": "context",
            "chapter_number": 1,
            "summary": (
                "Why lifelong career guidance calls for partnerships between many organisations, "
                "and what a multi-stakeholder partnership is."
            ),
            "body": [
                heading("Guidance across a whole working life"),
                paragraph(
                    "<p>People change jobs, sectors and training paths many times in their lives. The COVID-19 "
                    "pandemic and the digital transformation of work have made these transitions more frequent and "
                    "less predictable. No single service can answer every question a person has along the way, "
                    "about training, jobs, guidance and employment.</p>"
                ),
                heading("What a multi-stakeholder partnership is"),
                paragraph(
                    "<p>In a multi-stakeholder partnership, organisations with different missions (employment "
                    "services, education and training providers, guidance centres, local authorities, employers’ and "
                    "workers’ organisations) agree to work together towards shared goals for the people they serve, "
                    "while each keeps its own identity.</p>"
                ),
                callout(
                    CalloutKind.ATTENTION,
                    "Partners keep their own mandates",
                    "<p>A partnership does not merge its members. Each partner answers to its own governing bodies "
                    "and funders, and the partnership’s agreements must respect that.</p>",
                ),
                heading("Who leads the partnership", "h3"),
                paragraph(
                    "<p>Someone has to keep the partners working together: the partnership manager. The project’s "
                    "competence framework describes this job in seven competences.</p>"
                ),
                competences([1, 6]),
            ],
        },
    ),
    (
        "guide-chapter-2",
        {
            "title": (
                "What multi-partner cooperation can bring to the European challenges in terms of lifelong guidance"
            ),
            "slug": "european-challenges",
            "chapter_number": 2,
            "summary": (
                "How cooperation between guidance services helps Europe meet its need for upskilling and reskilling, "
                "and what it brings to citizens and to the partners."
            ),
            "body": [
                heading("Europe’s challenge: upskilling and reskilling"),
                paragraph(
                    "<p>European professionals and citizens need to upskill and reskill to adapt to a changing labour "
                    "market. Guidance helps them find their path through training, jobs and employment opportunities, "
                    "at every age.</p>"
                ),
                heading("What cooperation brings"),
                paragraph(
                    "<p>When guidance services work together, people get answers to all their questions in one place "
                    "instead of being sent from one office to another, and the partners share what they know about "
                    "training and jobs.</p>"
                ),
                recommendations(
                    [
                        "Start from the needs of the people you serve, not from the structures of the partners.",
                        "Agree on shared objectives and on how you will measure them.",
                        "Give each partner a visible role and credit in common activities.",
                    ]
                ),
                callout(
                    CalloutKind.GOOD_PRACTICE,
                    "Keep policy makers informed",
                    "<p>Partnerships that report regularly to local and national authorities are better placed to "
                    "secure funding and to influence guidance policies.</p>",
                ),
                competences([1, 6]),
            ],
        },
    ),
    (
        "guide-chapter-3",
        {
            "title": "A practical case of one-stop-shop centre: the Cité des métiers model",
            "slug": "cite-des-metiers-model",
            "chapter_number": 3,
            "summary": (
                "The Cité des métiers model: a one-stop shop where advisers from several institutions answer the "
                "public’s questions about careers, training and jobs, without an appointment."
            ),
            "body": [
                heading("A one-stop shop for careers, training and jobs"),
                paragraph(
                    "<p>A Cité des métiers is an open space that receives anyone looking for career and education "
                    "advice or counselling: young people, jobseekers, workers and entrepreneurs. Visitors come "
                    "without an appointment.</p>"
                ),
                {
                    "type": "quote",
                    "value": {
                        "quote": (
                            "This place is a mobilisation of advisers, stewards and experts from different "
                            "institutions who together can answer all questions from the public."
                        ),
                        "source": (
                            "Report of the Keep in Pact multiplier event, 28 March 2022, "
                            "on the Cité des métiers of Brussels"
                        ),
                    },
                },
                heading("What the centre offers"),
                paragraph(
                    "<p>The centre has digital equipment that the public can use for online interviews and job "
                    "searches, and it hosts workshops. It is accessible to people with disabilities, and rooms are "
                    "available for formal and non-formal training.</p>"
                ),
                callout(
                    CalloutKind.TIP,
                    "Share the reception desk",
                    "<p>When advisers from different institutions take turns at a common reception desk, visitors "
                    "reach the right expert on their first visit.</p>",
                ),
                competences([3, 7]),
            ],
        },
    ),
    (
        "guide-chapter-4",
        {
            "title": "The major skills and actions for driving a multi-stakeholder partnership",
            "slug": "skills-and-actions",
            "chapter_number": 4,
            "summary": (
                "The seven competences a partnership manager needs, and the actions that keep a partnership alive "
                "from its first agreement to its evaluation."
            ),
            "body": [
                heading("Seven competences"),
                paragraph(
                    "<p>The project’s competence framework describes the job of a partnership manager in seven "
                    "competences, from developing and formalising new partnerships to ensuring communication and "
                    "representation activities. The training programme has one module for each.</p>"
                ),
                competences([1, 2, 3, 4, 5, 6, 7], "The seven competences of the framework:"),
                heading("Key actions"),
                recommendations(
                    [
                        "Formalise the partnership in a written agreement that sets out roles, resources and "
                        "decision-making.",
                        "Follow the administrative and financial side of common activities from the start.",
                        "Evaluate what the partnership achieves, and share the results with partners and funders.",
                        "Keep up with the national and local policies that affect guidance services.",
                    ]
                ),
                callout(
                    CalloutKind.ATTENTION,
                    "Plan for changes of people",
                    "<p>Partnerships often depend on a few people. Write down contacts, agreements and routines so "
                    "that a newcomer can take over.</p>",
                ),
            ],
        },
    ),
]

FRAMEWORK = {
    "title": "Competence framework",
    "slug": "competence-framework",
    "show_in_menus": True,
    "introduction": (
        "<p>The competence framework for multi-partnership cooperation management in lifelong career guidance and "
        "counselling describes the job of a partnership manager: a professional who develops, promotes and leads "
        "multi-stakeholder partnership cooperation in public career guidance services.</p>"
        "<p>It sets out seven competences. The training programme has one module for each, and the guide shows "
        "them at work.</p>"
    ),
    "listing_summary": (
        "The seven competences of the managers of multi-stakeholder partnerships in lifelong career guidance."
    ),
}

# Sample learning outcomes and job-based activities, by competence number.
MODULES = {
    1: (
        [
            "Identify the organisations that could join a guidance partnership in your area.",
            "Draft a partnership agreement that sets out each partner’s role.",
        ],
        "<p>Map the organisations in your area that work with your users, and choose one with which to draft a "
        "cooperation agreement.</p>",
    ),
    2: (
        [
            "Set up a budget and a follow-up table for a common activity.",
            "Explain the reporting rules of the partnership’s funders.",
        ],
        "<p>Build the budget follow-up table of an activity that your partnership runs or plans.</p>",
    ),
    3: (
        [
            "Prepare and run a partners’ meeting that ends with clear decisions.",
            "Share tasks among partners according to their strengths.",
        ],
        "<p>Prepare the agenda and the minutes template of your next partners’ meeting.</p>",
    ),
    4: (
        [
            "Identify the training needs of the partners’ staff.",
            "Organise an exchange of practice between partners.",
        ],
        "<p>Plan a half-day exchange of practice between advisers of two partner organisations.</p>",
    ),
    5: (
        [
            "Choose indicators for the partnership’s objectives.",
            "Collect users’ feedback and report on it.",
        ],
        "<p>Choose three indicators for an activity of your partnership, and say how you will collect the data.</p>",
    ),
    6: (
        [
            "Find the national and local policies that affect guidance services.",
            "Explain what a reform changes for the partnership.",
        ],
        "<p>Write a one-page note for your partners on a recent reform that affects guidance in your country.</p>",
    ),
    7: (
        [
            "Present the partnership to decision makers and to the public.",
            "Plan the partnership’s communication for a year.",
        ],
        "<p>Draft a one-year communication plan for your partnership.</p>",
    ),
}

PROGRAMME = {
    "title": "Training programme",
    "slug": "training-programme",
    "show_in_menus": True,
    "is_sample_content": True,
    "introduction": (
        "The training programme has seven modules, hosted on an e-learning platform. Its training and learning "
        "activities are built on the seven competences of the project’s framework: module A trains competence 1, "
        "module B competence 2, and so on up to module G. Each module has job-based activities that give learners a "
        "practical learning experience."
    ),
    "validation": (
        "<p>Each module starts and ends with a self-assessment: learners rate their command of the competence before "
        "they begin and again when they have finished, and see how far they have come.</p>"
        "<p>Learners who complete all seven modules receive a certificate of self-evaluation of the seven "
        "competences. The certificate recognises the learning done; it is not a diploma.</p>"
    ),
    "access": (
        "<p>Anyone can create an account on the training platform, enter the course and explore its content. The "
        "materials are suited to self-directed learning and training.</p>"
    ),
    "listing_summary": (
        "Seven e-learning modules, one for each competence of the framework, with self-assessment and a "
        "certificate of self-evaluation."
    ),
}


def _with_competences(body: list[dict], competence_ids: dict[int, int]) -> list[dict]:
    """The body with competence numbers in competence blocks replaced by the English competences' ids."""
    out = []
    for child in body:
        if child["type"] == "competences":
            value = dict(child["value"], competences=[competence_ids[n] for n in child["value"]["competences"]])
            child = dict(child, value=value)
        out.append(child)
    return out


def load(loader: ContentLoader) -> None:
    """Create the guide, its chapters, the competence framework and the training programme, with translations."""
    home = loader.get_page("home-page")
    if home is None:
        raise ContentError("The home page is missing: the home app's content must load first.")
    competence_ids = {number: loader.get_snippet(Competence, f"competence-{number}").pk for number in range(1, 8)}

    guide = loader.page(
        "guide-index",
        home,
        GuideIndexPage,
        author=loader.get_snippet(Partner, "partner-universcience"),
        **GUIDE_INDEX,
    )
    loader.translate(guide, "guide-index", PO_DIR)
    for key, fields in CHAPTERS:
        fields = dict(fields, body=_with_competences(fields["body"], competence_ids), is_sample_content=True)
        chapter = loader.page(key, guide, GuideChapterPage, **fields)
        loader.translate(chapter, key, PO_DIR)

    framework = loader.page("competence-framework", home, CompetenceFrameworkPage, **FRAMEWORK)
    loader.translate(framework, "competence-framework", PO_DIR)

    modules = [
        {
            "type": "module",
            "value": {
                "competence": competence_ids[number],
                "title": "",
                "learning_outcomes": outcomes,
                "material_formats": list(MaterialFormat.values),
                "job_based_activity": activity,
                "elearning_url": "",
            },
        }
        for number, (outcomes, activity) in sorted(MODULES.items())
    ]
    programme = loader.page("training-programme", home, TrainingProgrammePage, modules=modules, **PROGRAMME)
    loader.translate(programme, "training-programme", PO_DIR)
