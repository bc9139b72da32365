"""Template filters for the sample files that stand in for the project's real ones (home.sample_files)."""

from django import template

from home import sample_files

register = template.Library()


@register.filter
def is_sample_file(item) -> bool:
    """True for a document or image tagged as sample content by `load_content`."""
    return sample_files.is_sample_file(item)
