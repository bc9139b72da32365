"""Sample files: the stand-ins `load_content` ships until the project's real files are in (issue 18).

The loader tags each one `SAMPLE_TAG`; a page then links it as what it is, a sample file, never
under the real document's name. An editor who uploads the real file replaces the tagged one.
"""

SAMPLE_TAG = "sample content"


def is_sample_file(item) -> bool:
    """True for a Wagtail document or image tagged as sample content. One SQL query unless its tags are prefetched."""
    if item is None:
        return False
    return any(tag.name == SAMPLE_TAG for tag in item.tags.all())
