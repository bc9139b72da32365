# Varnish 7 (Debian's varnish package) in front of the Keep in Pact app servers.
#
# - caches what the app marks shareable (Cache-Control: public, s-maxage=...; static files),
#   passes everything else (the admin, logged-in editors, search, forms);
# - strips cookies from anonymous requests, so every visitor shares one copy;
# - answers PURGE only from the app servers (acl purgers): `PURGE /en/x/` drops that path with
#   every query string, `PURGE /en/x/*` everything under /en/x/ (caching.frontend.VarnishBackend);
# - keeps serving a cached page for 6 hours when both app servers are down (grace).
# `make stack` (bench/stack.py) substitutes the backend ports; production edits the two backends.
vcl 4.1;

import std;
import directors;

probe healthy {
    .url = "/robots.txt";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}

backend app1 { .host = "127.0.0.1"; .port = "8001"; .probe = healthy; }
backend app2 { .host = "127.0.0.1"; .port = "8002"; .probe = healthy; }

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.url ~ "\*$") {
            ban("obj.http.X-Url-Path ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.X-Url-Path == " + regsub(req.url, "\?.*$", ""));
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors and anyone with a session (view-restricted pages) go to the app.
    if (req.url ~ "^/(admin|documents|i18n)/" || req.url ~ "^/[a-z][a-z]/search/"
        || req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Anonymous visitors: no cookie reaches the app, so nothing personal is rendered.
    unset req.http.Cookie;
    # While an app server answers, a page older than its s-maxage is refetched at once
    # (10 s of background refresh at most); when none does, it is served for up to 6 hours.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Lets a PURGE find every variant of a path (ban on an object header: the lurker can run).
    set beresp.http.X-Url-Path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 6h;
    if (beresp.http.Cache-Control !~ "(s-maxage|public)" || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        # Not shareable: don't cache it, and don't queue requests behind it for 2 minutes.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.X-Url-Path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
