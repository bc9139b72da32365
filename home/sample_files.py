"""Sample files: the stand-ins `load_content` ships until the project's real files are in (issue 18).

The loader tags each one `SAMPLE_TAG`; a page then links it as what it is, a sample file, never
under the real document's name. An editor who uploads the real file replaces the tagged one.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from taggit.models import TaggedItem

SAMPLE_TAG = "sample content"


def is_sample_file(item) -> bool:
    """True for a Wagtail document or image tagged as sample content.

    No SQL query when `item` came from `load_with_sample_flag`, one otherwise (unless its tags are prefetched).
    """
    if item is None:
        return False
    if hasattr(item, "is_sample_file"):
        return item.is_sample_file
    return any(tag.name == SAMPLE_TAG for tag in item.tags.all())


def load_with_sample_flag(instance, field_name: str) -> None:
    """Load `instance.<field_name>` (a document or image foreign key) with its sample flag, in one query."""
    field = instance._meta.get_field(field_name)
    pk = getattr(instance, field.attname)
    if pk is None or field.is_cached(instance):
        return
    model = field.related_model
    tagged = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk"), tag__name=SAMPLE_TAG
    )
    setattr(instance, field_name, model.objects.annotate(is_sample_file=Exists(tagged)).filter(pk=pk).first())
