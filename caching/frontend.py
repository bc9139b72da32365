"""A frontend-cache backend (wagtail.contrib.frontend_cache) for the Varnish of deploy/varnish/.

Wagtail's HTTPBackend sends `PURGE <path>` but waits without a time limit and lets a
timeout escape; this one gives up after `TIMEOUT` seconds (default 2) and logs every
failure: a purge that fails leaves the page to expire by its s-maxage, publishing goes on.
A path ending in `*` purges everything under that prefix (default.vcl bans it), which is
how a language or the whole site is cleared.
"""

import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger(__name__)


class VarnishBackend(HTTPBackend):
    def __init__(self, params):
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def purge(self, url):
        parsed = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, ""]),
            headers={"Host": parsed.netloc or self.cache_netloc, "User-Agent": "keepinpact-purge"},
        )
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - LOCATION comes from settings
                response.read()
        except Exception as error:  # HTTPError, URLError, timeouts: log, never raise
            logger.error("Couldn't purge %s from %s://%s: %s", url, self.cache_scheme, self.cache_netloc, error)
