"""The id of the request being served, for log lines (no Django import: the logging config loads it early)."""

import contextvars

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
