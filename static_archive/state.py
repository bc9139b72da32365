"""Whether the current request is rendered for the static archive, and when that archive was made.

Set only by the archive command around its own in-process requests (a context variable: nothing a
visitor sends can turn it on), read by `static_archive.context_processors.archive`.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ArchiveBuild:
    made_at: datetime


_current: ContextVar[ArchiveBuild | None] = ContextVar("archive_build", default=None)


def current_build() -> ArchiveBuild | None:
    return _current.get()


@contextmanager
def building(build: ArchiveBuild):
    token = _current.set(build)
    try:
        yield build
    finally:
        _current.reset(token)
