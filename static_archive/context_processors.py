"""`archive_build`: set while the archive command renders a page (footer note, Pagefind search page)."""

from static_archive.state import current_build


def archive(request):
    return {"archive_build": current_build()}
