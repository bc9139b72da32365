"""PostgreSQL that is down, frozen or locked: fail fast instead of hanging.

Server-side timeouts (`statement_timeout`, `lock_timeout`, set in the settings) end
a slow or blocked statement on a server that still answers. A frozen server
(SIGSTOP, a stuck host) answers nothing, and the kernel still acknowledges what is
sent to it, so neither those timeouts nor TCP keep-alives fire. psycopg2's wait
callback (psycopg2.extensions.set_wait_callback, the hook coroutine libraries use)
makes every connection attempt and every query wait in `wait_with_deadline`, which
gives up after DATABASE_CLIENT_TIMEOUT seconds, shuts the connection's socket and
raises OperationalError. Once a wait has timed out, the rest of that request does
not wait for PostgreSQL again (a reconnection attempt fails at once), so a request
never spends more than one timeout on a frozen server. Django drops the broken
connection and opens a new one on a later request: the site recovers by itself.
"""

import select
import socket
import threading

import psycopg2
import psycopg2.extensions
from django.db import InterfaceError, OperationalError

_settings = {"seconds": 3.5}
_state = threading.local()


class DatabaseTimeout(psycopg2.OperationalError):
    """PostgreSQL did not answer within DATABASE_CLIENT_TIMEOUT seconds."""


def new_request(**kwargs):
    """request_started: a new request may wait for PostgreSQL again."""
    _state.timed_out = False


def wait_with_deadline(conn):
    """psycopg2's wait_select, with a deadline for each wait."""
    if getattr(_state, "timed_out", False):
        _shut_down(conn)
        raise DatabaseTimeout("PostgreSQL did not answer earlier in this request")
    timeout = getattr(_state, "timeout", None) or _settings["seconds"]
    while True:
        state = conn.poll()
        if state == psycopg2.extensions.POLL_OK:
            return
        if state == psycopg2.extensions.POLL_READ:
            ready = select.select([conn.fileno()], [], [], timeout)[0]
        elif state == psycopg2.extensions.POLL_WRITE:
            ready = select.select([], [conn.fileno()], [], timeout)[1]
        else:
            raise psycopg2.OperationalError(f"Unexpected result from poll: {state!r}")
        if not ready:
            _state.timed_out = True
            _shut_down(conn)
            raise DatabaseTimeout(f"PostgreSQL did not answer within {timeout:g} s")


def _shut_down(conn):
    """End the connection's socket so that nothing waits on it again (a cancel request would hang too)."""
    try:
        sock = socket.socket(fileno=conn.fileno())
    except (OSError, psycopg2.Error):
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        sock.detach()  # the descriptor stays libpq's, which closes it


def install_wait_callback(seconds: float) -> None:
    _settings["seconds"] = seconds
    psycopg2.extensions.set_wait_callback(wait_with_deadline)


class shorter_waits:
    """Within the block, this thread waits at most `seconds` for PostgreSQL (the readiness check)."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self):
        _state.timeout = self.seconds
        _state.timed_out = False

    def __exit__(self, *exc_info):
        _state.timeout = None
        _state.timed_out = False


# What a database that is down, frozen, locked or overloaded raises through Django.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)


def is_database_unavailable(exc: BaseException | None) -> bool:
    """True for errors that say the database cannot be reached or did not answer in time.

    Statements ended by `statement_timeout` or `lock_timeout` are OperationalErrors too.
    """
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, UNAVAILABLE_ERRORS):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
