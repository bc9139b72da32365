"""The events app's shipped content: the events index and the final multiplier event of 28 March 2022.

Facts come from `shared/seed/multiplier-event-2022.txt` and the event's
title from issue #3. The seed does not give the session times, the slide
files, the recording's address or the organiser: those fields stay empty,
and the page says what has not been published. The seed says "afternoon":
the event is stored by its date with the note "afternoon", never with
invented hours. Translations are in `locale/<lang>/<key>.po` next to this file.
"""

import datetime
from pathlib import Path

from events.choices import AttendanceMode
from events.models import EventIndexPage, EventPage
from home.loading import ContentLoader
from home.models import Competence, Person

PO_DIR = Path(__file__).parent / "locale"

EVENT_INDEX = {
    "title": "Events",
    "slug": "events",
    "show_in_menus": True,
    "listing_summary": "The project's multiplier events: their agendas, presentations and recordings.",
    "introduction": (
        "<p>Keep in Pact presented its results to guidance professionals, policy makers and partner organisations "
        "at multiplier events. Each event page gives the agenda, the speakers and, once published, the slides and "
        "the recording.</p>"
    ),
}

MULTIPLIER_EVENT = {
    "title": "Tools and tips for cooperation in lifelong guidance",
    "slug": "multiplier-event-2022",
    "listing_summary": (
        "The final event of Keep in Pact, held online on the afternoon of 28 March 2022: the partners presented "
        "the project's outputs to stakeholders and partner organisations."
    ),
    "start_date": datetime.date(2022, 3, 28),
    # The seed says "afternoon" and no more: no invented hours.
    "start_time": None,
    "end_time": None,
    "time_zone": "Europe/Brussels",
    "time_note": "afternoon",
    "attendance_mode": AttendanceMode.ONLINE,
    # The seed links slides and a recording on the project's old site; neither file is in our hands.
    "slides_not_available": True,
    "recording_not_available": True,
    "introduction": (
        "<p>The final event of the Keep in Pact project took place on the afternoon of 28 March 2022. The conference "
        "was organised as a fully online session with stakeholders and partner organisations.</p>"
        "<p>The project ran from September 2019 to March 2022. Its objective was to develop the competences of "
        "multi-stakeholder partnership managers working in lifelong career guidance services.</p>"
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
        {"type": "heading", "value": {"text": "How the event ran", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Marion Seidenbinder of the Cité des métiers International Network, the lead coordinator of Keep "
                "in Pact, and Pauline Boivin, project and policy coordinator at the Lifelong Learning Platform, "
                "moderated the event. The six partner organisations showed PowerPoint presentations.</p>"
                "<p>The project partners are the Lifelong Learning Platform (Brussels, Belgium), Universcience / Cité "
                "des métiers de Paris (France), the Cité des métiers of Porto (Portugal), Learning Digital (Italy), "
                "the Agency for Science and Higher Education (Croatia) and the Cité des métiers International Network, "
                "which coordinated the project.</p>"
                "<p>After an introduction to the Cité des métiers concept, staff from the partners took the floor to "
                "present the different aspects, activities and outcomes of the project.</p>"
            ),
        },
    ],
}

ALL_COMPETENCES = list(range(1, 8))

# (title, description, speaker keys, competence numbers), in the order the seed gives them.
SESSIONS = [
    (
        "The Cité des métiers concept",
        "<p>Catherine Kinet, Director of Cité des métiers Brussels, introduced the concept of the Cité des métiers: "
        "a guidance centre that welcomes the public without an appointment.</p>"
        "<p>Cité des métiers Brussels is a modern and attractive space that receives everyone looking for career and "
        "education advice or counselling, especially young people, as well as jobseekers, entrepreneurs and "
        "workers. Its digital equipment lets the public use computers for online interviews, job searches and "
        "workshops. Advisers, stewards and experts from different institutions work there together so that they "
        "can answer every question from the public. The centre is accessible to people with disabilities, and "
        "rooms are available for formal and non-formal training.</p>",
        ["person-catherine-kinet"],
        [],
    ),
    (
        "The competence framework",
        "<p>The competence framework for multi-partnership cooperation management in lifelong career guidance and "
        "counselling: the seven competences that managers of multi-stakeholder partnerships need.</p>",
        [],
        ALL_COMPETENCES,
    ),
    (
        "The case studies and the summary report",
        "<p>The project has produced seven case studies, which are also presented in a summary report.</p>",
        [],
        [],
    ),
    (
        "The training programme",
        "<p>The training programme has seven modules hosted on an e-learning platform. Its training and learning "
        "activities are built on the seven competences of the project’s framework.</p>"
        "<p>Each module offers learning materials such as books, lectures, exercises, animated slides with "
        "voice-overs, interactive tutorials for specific skills, assessment and self-evaluation techniques suited "
        "to self-directed learning, and job-based activities that give learners practical experience. Anyone can "
        "create an account on the training platform to take the course and explore its content.</p>",
        [],
        ALL_COMPETENCES,
    ),
    (
        "The virtual tours",
        "<p>Five virtual tours of lifelong career guidance centres give a 360-degree view of each centre. Arrows "
        "let visitors move between the areas of the building, and the tours give access to videos and audio in "
        "several languages.</p>",
        [],
        [],
    ),
    (
        "The guide for cooperation",
        "<p>The guide for cooperation supports partnership officers and managers in their daily work and "
        "accompanies newcomers to the field as they take up their duties. It covers four major topics:</p>"
        "<ol><li>the context of multi-stakeholder partnership in lifelong career guidance;</li>"
        "<li>what multi-partner cooperation can bring to the European challenges of lifelong guidance;</li>"
        "<li>a practical case of a one-stop-shop centre: the Cité des métiers model;</li>"
        "<li>the major skills and actions for driving a multi-stakeholder partnership.</li></ol>",
        [],
        [],
    ),
]


def agenda(loader: ContentLoader) -> list[dict]:
    """The agenda's raw StreamField data; snippets are found by their loader keys (English)."""
    blocks = []
    for title, description, speaker_keys, competence_numbers in SESSIONS:
        blocks.append(
            {
                "type": "session",
                "value": {
                    "title": title,
                    "date": None,
                    "start_time": None,
                    "end_time": None,
                    "description": description,
                    "speakers": [loader.get_snippet(Person, key).pk for key in speaker_keys],
                    "partner": None,
                    "competences": [
                        loader.get_snippet(Competence, f"competence-{number}").pk for number in competence_numbers
                    ],
                    "slides": None,
                    "recording_offset": None,
                },
            }
        )
    return blocks


def load(loader: ContentLoader) -> None:
    """Create the events index and the multiplier event of 28 March 2022, with their translations."""
    home = loader.get_page("home-page")
    index = loader.page("event-index", home, EventIndexPage, **EVENT_INDEX)
    loader.translate(index, "event-index", PO_DIR)

    moderators = [
        {"type": "person", "value": loader.get_snippet(Person, key).pk}
        for key in ("person-marion-seidenbinder", "person-pauline-boivin")
    ]
    event = loader.page(
        "event-multiplier-2022",
        index,
        EventPage,
        moderators=moderators,
        agenda=agenda(loader),
        **MULTIPLIER_EVENT,
    )
    loader.translate(event, "event-multiplier-2022", PO_DIR)
