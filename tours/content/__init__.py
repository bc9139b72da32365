"""The tours app's shipped content: the "Virtual tours" index and five SAMPLE tours.

The project made five 360° tours of lifelong career guidance centres (seed:
`shared/seed/multiplier-event-2022.txt`), but we do not hold their panoramas,
recordings or texts. The tours here are sample content, flagged as such on
every page (`is_sample_content`), with placeholder panoramas drawn at load
time (`placeholders.py`) and a placeholder audio tone. Rooms are linked by
scene-link hotspots both ways; each tour has information hotspots and one
audio hotspot with a transcript. Translations: `locale/<lang>/<key>.po`.
"""

from pathlib import Path

from home.loading import ContentLoader, with_block_ids
from home.models import Partner
from tours.content.placeholders import panorama_image, placeholder_audio
from tours.models import TourIndexPage, TourPage, TourScenePage

PO_DIR = Path(__file__).parent / "locale"

INDEX_PAGE = {
    "title": "Virtual tours",
    "slug": "virtual-tours",
    "show_in_menus": True,
    "listing_summary": "Walk through lifelong career guidance centres in 360°, room by room.",
    "introduction": (
        "<p>The project made five virtual 360° tours of lifelong career guidance centres. Move from room to room "
        "with the arrows, or with the list of links under each view.</p>"
        "<p>The tours shown here are samples with placeholder images while the real panoramas are prepared.</p>"
    ),
}

# Each tour: key, fields, partner key, and its rooms. A room: key suffix, title,
# slug, colour, description, information point (yaw, pitch, title, text), and
# optionally an audio point (yaw, pitch, title, transcript). Rooms are linked
# in order, both ways, by doors at DOOR_YAWS.
TOURS = [
    {
        "key": "tour-brussels",
        "partner": None,
        "fields": {
            "title": "Cité des métiers Brussels",
            "slug": "cite-des-metiers-brussels",
            "centre_name": "Cité des métiers Brussels",
            "city": "Brussels",
            "country": "BE",
            "media_languages": ["fr", "nl", "en"],
            "listing_summary": "A one-stop shop that welcomes everyone without an appointment.",
            "introduction": (
                "<p>The centre welcomes the public without an appointment. Advisers from several organisations "
                "answer questions on jobs, training and setting up a business together.</p>"
            ),
        },
        "rooms": [
            (
                "reception",
                "Reception",
                "reception",
                "#cfe0ec",
                "A bright, open hall with a low reception desk on the left and seats along the windows. "
                "The entrance has no steps.",
                (
                    -20,
                    5,
                    "Welcome desk",
                    "A steward asks what you are looking for and points you to the right adviser.",
                ),
                (
                    25,
                    -5,
                    "A word from the director",
                    "Placeholder audio. In the real tour, the director explains "
                    "how the centre welcomes the public without an appointment. This sample plays a short tone.",
                ),
            ),
            (
                "self-service",
                "Self-service area",
                "self-service-area",
                "#d8e8d0",
                "Rows of computers and printers along a long table, with leaflets on shelves behind them.",
                (
                    -40,
                    0,
                    "Computers for everyone",
                    "Visitors can search for jobs, write a CV or take an online interview here, with help if they ask.",
                ),
                None,
            ),
            (
                "workshop",
                "Workshop room",
                "workshop-room",
                "#ecdcc8",
                "A room with movable tables for about twenty people, a screen and a whiteboard.",
                (
                    30,
                    10,
                    "Workshops",
                    "Group sessions on job search, training and starting a business take place here every week.",
                ),
                None,
            ),
        ],
    },
    {
        "key": "tour-paris",
        "partner": "partner-universcience",
        "fields": {
            "title": "Cité des métiers de Paris",
            "slug": "cite-des-metiers-de-paris",
            "centre_name": "Cité des métiers de Paris",
            "city": "Paris",
            "country": "FR",
            "media_languages": ["fr", "en"],
            "listing_summary": "The first Cité des métiers, inside a science museum.",
            "introduction": (
                "<p>The Cité des métiers de Paris is a guidance centre open to all, inside a science museum. "
                "Its advice areas are organised by the questions visitors bring.</p>"
            ),
        },
        "rooms": [
            (
                "entrance",
                "Entrance hall",
                "entrance-hall",
                "#d6dcef",
                "A wide hall with a map of the centre's areas and a reception desk facing the doors.",
                (
                    10,
                    0,
                    "Finding your way",
                    "Each area answers one kind of question: choosing a job, finding a "
                    "job, changing your working life, or creating an activity.",
                ),
                (
                    -30,
                    -5,
                    "How the centre works",
                    "Placeholder audio. In the real tour, an adviser explains how "
                    "the advice areas are organised. This sample plays a short tone.",
                ),
            ),
            (
                "advice",
                "Advice desks",
                "advice-desks",
                "#e6d6ec",
                "Small desks, each with two chairs, separated by low screens for some privacy.",
                (-60, 0, "Talking to an adviser", "Conversations are free, anonymous and need no appointment."),
                None,
            ),
            (
                "multimedia",
                "Multimedia area",
                "multimedia-area",
                "#d6ecea",
                "Computers and reading tables with guides on jobs and training.",
                (45, -10, "Documentation", "Guides and files on jobs and training can be read on site."),
                None,
            ),
            (
                "conference",
                "Conference room",
                "conference-room",
                "#ecead6",
                "Rows of seats facing a stage and a large screen.",
                (0, 15, "Events", "Talks and meetings with employers are held here."),
                None,
            ),
        ],
    },
    {
        "key": "tour-porto",
        "partner": "partner-cdm-porto",
        "fields": {
            "title": "Cité des métiers of Porto",
            "slug": "cite-des-metiers-porto",
            "centre_name": "Cité des métiers of Porto",
            "city": "Porto",
            "country": "PT",
            "media_languages": ["pt", "en"],
            "listing_summary": "Guidance for young people and adults in the north of Portugal.",
            "introduction": (
                "<p>The centre offers information and guidance on education, training and work to young "
                "people and adults.</p>"
            ),
        },
        "rooms": [
            (
                "reception",
                "Reception",
                "reception",
                "#ecd8d6",
                "A reception desk next to the entrance and a waiting area with a few armchairs.",
                (-15, 0, "First contact", "The reception team registers your question and tells you where to go."),
                (
                    20,
                    -5,
                    "Welcome message",
                    "Placeholder audio. In the real tour, a member of the team welcomes "
                    "visitors. This sample plays a short tone.",
                ),
            ),
            (
                "counselling",
                "Counselling room",
                "counselling-room",
                "#d6e6ec",
                "A quiet room with a round table and four chairs.",
                (
                    35,
                    0,
                    "Individual sessions",
                    "Longer conversations with a counsellor take place here, by appointment.",
                ),
                None,
            ),
        ],
    },
    {
        "key": "tour-italy",
        "partner": "partner-learning-digital",
        "fields": {
            "title": "A career guidance centre in Italy",
            "slug": "career-guidance-centre-italy",
            "centre_name": "Career guidance centre (sample)",
            "city": "Rome",
            "country": "IT",
            "media_languages": ["it"],
            "listing_summary": "A sample tour of a centre that combines guidance and training.",
            "introduction": (
                "<p>This sample tour shows how a centre can combine guidance, job search and training "
                "under one roof.</p>"
            ),
        },
        "rooms": [
            (
                "reception",
                "Reception",
                "reception",
                "#e0ecd6",
                "An entrance with a reception desk and a screen listing the day's activities.",
                (0, 10, "Today's activities", "The screen lists the workshops and information sessions of the day."),
                (
                    -25,
                    -5,
                    "Introduction",
                    "Placeholder audio. In the real tour, the centre's coordinator "
                    "introduces its services. This sample plays a short tone.",
                ),
            ),
            (
                "job-corner",
                "Job-search corner",
                "job-search-corner",
                "#ecdcd6",
                "A corner with notice boards of job offers and two computers.",
                (-45, 5, "Job offers", "Offers from local employers are pinned here and updated every week."),
                None,
            ),
            (
                "training",
                "Training room",
                "training-room",
                "#d6d8ec",
                "A classroom with a dozen tables facing a projection screen.",
                (50, 5, "Short courses", "Digital-skills courses for job seekers are held here."),
                None,
            ),
        ],
    },
    {
        "key": "tour-zagreb",
        "partner": "partner-azvo",
        "fields": {
            "title": "A lifelong career guidance centre in Zagreb",
            "slug": "lifelong-career-guidance-centre-zagreb",
            "centre_name": "Lifelong career guidance centre (sample)",
            "city": "Zagreb",
            "country": "HR",
            "media_languages": ["hr"],
            "listing_summary": "A sample tour of a centre for pupils, students and adults.",
            "introduction": (
                "<p>This sample tour shows a centre where pupils, students and adults get information and "
                "advice on their careers.</p>"
            ),
        },
        "rooms": [
            (
                "information",
                "Information area",
                "information-area",
                "#d6ecdc",
                "An open area with shelves of brochures and a desk for quick questions.",
                (15, 0, "Brochures", "Brochures on schools, universities and occupations are free to take."),
                (
                    -20,
                    -5,
                    "About the centre",
                    "Placeholder audio. In the real tour, a counsellor presents the "
                    "centre's services. This sample plays a short tone.",
                ),
            ),
            (
                "counselling",
                "Counselling room",
                "counselling-room",
                "#ece6d6",
                "A small room with a desk, two chairs and a computer.",
                (-30, 0, "Career counselling", "Counsellors help with choosing a school, a course or a job."),
                None,
            ),
            (
                "workshop",
                "Workshop room",
                "workshop-room",
                "#dcd6ec",
                "A room with tables set out in a U and a flip chart.",
                (40, 10, "Group workshops", "Workshops on writing applications and preparing for interviews."),
                None,
            ),
        ],
    },
]

#: Where the doors are: to the next room and to the previous one (degrees of yaw).
NEXT_DOOR_YAW, PREVIOUS_DOOR_YAW = 70, -110


def room_key(tour: dict, room: tuple) -> str:
    return f"{tour['key']}-{room[0]}"


def room_fields(tour: dict, room: tuple, position: int, panorama) -> dict:
    _suffix, title, slug, _colour, description, _info, _audio = room
    return {
        "title": title,
        "slug": slug,
        "is_sample_content": True,
        "listing_summary": description.split(".")[0] + ".",
        "description": f"<p>{description}</p>",
        "panorama": panorama,
        "initial_yaw": 0,
        "initial_pitch": 0,
        "field_of_view": 100,
        "north_offset": (position * 90) % 360,
    }


#: An information point's empty image, in the stored shape of Wagtail's ImageBlock.
NO_IMAGE = {"image": None, "alt_text": "", "decorative": False}


def hotspots(tour: dict, index: int, scenes: list[TourScenePage], audio) -> list[dict]:
    """The raw hotspot stream of room `index`: doors to the previous and next rooms, information, audio."""
    room = tour["rooms"][index]
    stream = []
    if index + 1 < len(scenes):
        stream.append(
            {"type": "scene_link", "value": {"target": scenes[index + 1].pk, "yaw": NEXT_DOOR_YAW, "pitch": -5}}
        )
    if index > 0:
        stream.append(
            {"type": "scene_link", "value": {"target": scenes[index - 1].pk, "yaw": PREVIOUS_DOOR_YAW, "pitch": -5}}
        )
    yaw, pitch, title, text = room[5]
    stream.append(
        {
            "type": "information",
            "value": {"yaw": yaw, "pitch": pitch, "title": title, "text": f"<p>{text}</p>", "image": NO_IMAGE},
        }
    )
    if room[6]:
        yaw, pitch, title, transcript = room[6]
        stream.append(
            {
                "type": "media",
                "value": {
                    "yaw": yaw,
                    "pitch": pitch,
                    "title": title,
                    "media": audio.pk,
                    "transcript": f"<p>{transcript}</p>",
                },
            }
        )
    return stream


def doors(tour: dict, index: int) -> list[tuple[float, str]]:
    rooms = tour["rooms"]
    result = []
    if index + 1 < len(rooms):
        result.append((NEXT_DOOR_YAW, rooms[index + 1][1]))
    if index > 0:
        result.append((PREVIOUS_DOOR_YAW, rooms[index - 1][1]))
    return result


def load(loader: ContentLoader) -> None:
    """Create the index page and the five sample tours with their rooms, hotspots and translations."""
    home = loader.get_page("home-page")
    index = loader.page("tour-index", home, TourIndexPage, **INDEX_PAGE)
    loader.translate(index, "tour-index", PO_DIR)
    audio = None

    for tour_data in TOURS:
        partner = loader.get_snippet(Partner, tour_data["partner"]) if tour_data["partner"] else None
        tour = loader.page(
            tour_data["key"], index, TourPage, is_sample_content=True, partner=partner, **tour_data["fields"]
        )
        scenes, new_scenes = [], set()
        for position, room in enumerate(tour_data["rooms"]):
            key = room_key(tour_data, room)
            scene = loader.get_page(key)
            if scene is None and loader.mode == "load":
                panorama, created = panorama_image(
                    f"Placeholder panorama: {tour_data['fields']['centre_name']}, {room[1]} (sample content)",
                    room=room[1],
                    centre=tour_data["fields"]["centre_name"],
                    colour=room[3],
                    doors=doors(tour_data, position),
                    boards=[room[5][:2]],
                )
                if created:
                    loader.report.created.append(f"placeholder panorama “{panorama.title}”")
                scene = loader.page(key, tour, TourScenePage, **room_fields(tour_data, room, position, panorama))
                new_scenes.add(scene.pk)
            else:
                scene = loader.page(key, tour, TourScenePage, title=room[1])
            scenes.append(scene)

        # Hotspots need every room's id: added once all rooms exist, to new rooms only.
        for position, scene in enumerate(scenes):
            if scene.pk not in new_scenes:
                continue
            if audio is None:
                audio, created = placeholder_audio()
                if created:
                    loader.report.created.append(f"placeholder audio “{audio.title}”")
            key = room_key(tour_data, tour_data["rooms"][position])
            scene.hotspots = with_block_ids(
                TourScenePage._meta.get_field("hotspots").stream_block,
                hotspots(tour_data, position, scenes, audio),
                f"{key}/hotspots",
            )
            scene.save_revision().publish()
        if tour.start_scene_id is None and scenes and scenes[0].pk in new_scenes:
            tour.start_scene = scenes[0]
            tour.save_revision().publish()

        loader.translate(tour, tour_data["key"], PO_DIR)
        for room, scene in zip(tour_data["rooms"], scenes, strict=True):
            loader.translate(scene, room_key(tour_data, room), PO_DIR)
