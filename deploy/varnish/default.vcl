# Less equal: Varnish in front of gunicorn (Varnish 7, Debian's package).
#
# * Anonymous GET/HEAD of public pages are cached for the response's s-maxage (the
#   application says what may be cached: advocacy.core.pagecache). Responses with no
#   max-age/s-maxage, or with private/no-store/no-cache or Set-Cookie, are never stored.
# * Within stale-while-revalidate an expired page is served while a fresh one is fetched in
#   the background; when the backend fails (5xx, no answer, or sick by its /health/ probe) a
#   cached page is served for up to stale-if-error. A page never cached gets the 503 page.
# * Signed-in editors (session cookie), Authorization, other methods, the admin, embargo
#   links, password forms and the sign pages always go to the application.
# * PURGE <path> from the `purgers` ACL (site.vcl) drops every cached copy of that path, with
#   any query string, over http and https: Wagtail's frontend cache (HTTPBackend) sends them.
vcl 4.1;

import std;

include "site.vcl";

sub vcl_init {
    return (ok);
}

sub vcl_recv {
    set req.backend_hint = app;
    # Internal markers are ours alone: a client cannot send them.
    if (req.restarts == 0) {
        unset req.http.X-Le-Stale-Ok;
        unset req.http.X-Le-Refresh;
        unset req.http.X-Le-Lookup;
        unset req.http.X-Le-Cookie;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Method Not Allowed"));
        }
        # Every stored copy of the path: any query string (pagination, filters), any scheme.
        # Bans on obj.* only, so the ban lurker clears them in the background.
        if (req.http.host !~ "^[A-Za-z0-9.:\[\]-]+$" || req.url !~ "^/[^ ]*$") {
            return (synth(400, "Bad Request"));
        }
        if (req.url == "/.well-known/purge-all") {
            # A change shown on every page (site settings, the main menu): the whole host.
            set req.http.X-Le-Ban = "obj.http.X-Le-Path ~ ^/";
        } elsif (req.url ~ "\?") {
            set req.http.X-Le-Ban = "obj.http.X-Le-Url == " + req.url;
        } else {
            set req.http.X-Le-Ban = "obj.http.X-Le-Path == " + req.url;
        }
        if (!std.ban("obj.http.X-Le-Host == " + regsub(req.http.host, ":[0-9]+$", "")
                     + " && " + req.http.X-Le-Ban)) {
            return (synth(400, "Bad Request"));
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        if (req.method !~ "^(POST|PUT|PATCH|DELETE|OPTIONS|TRACE)$") {
            return (synth(405, "Method Not Allowed"));
        }
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # The admin (and Wagtail's previews inside it), embargo links for journalists, the
    # password forms of restricted pages and documents, and a call to action's sign,
    # "check your email" and confirmation pages: always the application's, cookies and all.
    if (req.url ~ "^/(admin|documents/authenticate_with_password)(/|$)"
        || req.url ~ "^/([a-z]{2}(-[a-z]+)?/)?(embargo|_util|act/[^/?]+)(/|$)"
        || req.url ~ "^/health/") {
        return (pass);
    }
    # A signed-in editor (Django's session cookie) or a flash message waiting to be shown.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Tracking parameters change nothing on a page: one cached copy for all of them.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=") {
        set req.url = regsuball(req.url, "(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = regsub(req.url, "\?&+", "?");
    }
    # Any other cookie (the CSRF cookie, analytics) does not change a public page: look it
    # up without cookies, and give them back only if the page turns out uncacheable.
    if (req.http.Cookie) {
        set req.http.X-Le-Cookie = req.http.Cookie;
        unset req.http.Cookie;
    }
    set req.http.X-Le-Lookup = "1";
    if (req.http.X-Le-Refresh && !req.http.X-Le-Stale-Ok) {
        # vcl_hit found a copy past stale-while-revalidate while the backend is healthy.
        set req.hash_always_miss = true;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(regsub(req.http.host, ":[0-9]+$", ""));
    # Behind a TLS terminator, http:// answers are redirects: never mix them with https.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_hit {
    if (obj.ttl >= 0s || req.http.X-Le-Stale-Ok) {
        # Fresh; or the backend just failed and this copy is within stale-if-error.
        return (deliver);
    }
    if (obj.ttl + std.duration(obj.http.X-Le-Swr, 0s) > 0s) {
        # Within stale-while-revalidate: serve it, Varnish refreshes it in the background.
        return (deliver);
    }
    if (!std.healthy(req.backend_hint)) {
        # The backend is down (its probe fails): stale-if-error, up to the object's grace.
        return (deliver);
    }
    # Past stale-while-revalidate with a healthy backend: fetch it now.
    set req.http.X-Le-Refresh = "1";
    return (restart);
}

sub vcl_miss {
    if (req.http.X-Le-Stale-Ok && !std.healthy(req.backend_hint)) {
        # The backend failed, it is sick by its probe, and there is no copy to fall back on.
        return (synth(503, "Service Unavailable"));
    }
    # With X-Le-Stale-Ok: the backend failed and there is no copy to fall back on; one more
    # try, whose answer (the application's own 503 page, in the reader's language) is
    # delivered and never stored (vcl_backend_response).
    return (fetch);
}

sub vcl_pass {
    return (fetch);
}

sub vcl_backend_fetch {
    # An uncacheable page (hit-for-miss: it sets cookies or says private) gets the reader's
    # cookies back, so the sign form's CSRF cookie is not replaced on every visit.
    if (bereq.uncacheable && bereq.http.X-Le-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Le-Cookie;
    }
    unset bereq.http.X-Le-Cookie;
    # X-Le-Stale-Ok stays: it marks the last try after a failure (vcl_backend_response).
    unset bereq.http.X-Le-Refresh;
    unset bereq.http.X-Le-Lookup;
    return (fetch);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch || !bereq.http.X-Le-Stale-Ok) {
            # The backend failed (its database may be down: the application's own 503).
            # A background refresh keeps the stale copy; a reader waiting on this fetch is
            # sent to the stale copy, if any, by vcl_synth.
            return (abandon);
        }
        # The last try, with no copy to fall back on: the application's answer goes to the
        # reader as it is (its 503 page says "back in a moment", with Retry-After), unstored.
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Only what the application marks cacheable is stored: no default TTL.
    if (beresp.http.Cache-Control !~ "(?i)(s-maxage|max-age)=" && !beresp.http.Expires) {
        set beresp.ttl = 0s;
    }
    # Grace: the longer of stale-while-revalidate and stale-if-error; vcl_hit serves past
    # stale-while-revalidate only while the backend is failing.
    set beresp.http.X-Le-Swr = "0s";
    if (beresp.http.Cache-Control ~ "(?i)stale-while-revalidate=[0-9]+") {
        set beresp.http.X-Le-Swr = regsub(beresp.http.Cache-Control,
            "(?i)^.*stale-while-revalidate=([0-9]+).*$", "\1s");
        set beresp.grace = std.duration(beresp.http.X-Le-Swr, 0s);
    }
    if (beresp.http.Cache-Control ~ "(?i)stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
            "(?i)^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
    # What PURGE bans match on (see vcl_recv).
    set beresp.http.X-Le-Host = regsub(bereq.http.host, ":[0-9]+$", "");
    set beresp.http.X-Le-Url = bereq.url;
    set beresp.http.X-Le-Path = regsub(bereq.url, "\?.*$", "");
    # Varnish's built-in rules follow: no storing with Set-Cookie, private, no-store,
    # no-cache, Vary: *, or a TTL of 0.
}

sub vcl_backend_error {
    if (!bereq.uncacheable) {
        # No answer at all (refused, timed out, sick): as for a 5xx, see vcl_synth.
        return (abandon);
    }
}

sub vcl_deliver {
    unset resp.http.X-Le-Host;
    unset resp.http.X-Le-Url;
    unset resp.http.X-Le-Path;
    unset resp.http.X-Le-Swr;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
        if (obj.ttl < 0s) {
            set resp.http.X-Cache = "HIT-STALE";
        }
    } else {
        set resp.http.X-Cache = "MISS";
    }
    return (deliver);
}

sub vcl_synth {
    if (resp.status == 503 && req.http.X-Le-Lookup && !req.http.X-Le-Stale-Ok) {
        # The backend failed on a page readers may be served from the cache: look again,
        # taking any copy within its stale-if-error.
        set req.http.X-Le-Stale-Ok = "1";
        unset req.http.X-Le-Refresh;
        return (restart);
    }
    if (resp.status == 503) {
        set resp.http.Retry-After = "60";
        set resp.http.Cache-Control = "no-store";
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.body = {"<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Back in a moment</title>
    <link rel="stylesheet" href="/static/css/site.css">
</head>
<body>
    <main id="main" class="wrap wrap--narrow article">
        <h1>Back in a moment</h1>
        <p class="standfirst">This page cannot be shown right now. Please try again in a minute.</p>
        <p><a class="button" href="/">Go to the home page</a></p>
    </main>
</body>
</html>
"};
        return (deliver);
    }
    if (resp.status == 405) {
        set resp.http.Allow = "GET, HEAD, POST";
    }
    set resp.http.Cache-Control = "no-store";
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}
