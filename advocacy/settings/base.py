"""Settings shared by every environment. Environment-specific modules import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def public_origin(value):
    """PUBLIC_URL checked and normalised to ``scheme://host[:port]``.

    Wagtail's Site stores a host name and a port, and reads port 443 as https and any other
    as http; the address must be one it can name, with nothing after the host.
    """
    from urllib.parse import urlsplit

    text = value.strip().rstrip("/")
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:
        port = -1
    problem = None
    if parts.scheme not in {"http", "https"} or not parts.hostname or port == -1:
        problem = "it must be http://host[:port] or https://host"
    elif parts.path or parts.query or parts.fragment or parts.username or parts.password:
        problem = "it must be only a scheme and a host (and port): no path, query or user"
    elif parts.scheme == "https" and port not in {None, 443}:
        problem = "Wagtail's Site can serve https on port 443 only"
    elif parts.scheme == "http" and port == 443:
        problem = "port 443 is read as https by Wagtail's Site"
    if problem:
        raise ImproperlyConfigured(f"PUBLIC_URL={value!r} is not usable: {problem}.")
    default_port = 443 if parts.scheme == "https" else 80
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port not in {None, default_port} else "")


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    "advocacy.core",
    "advocacy.accounts",
    "advocacy.people",
    "advocacy.statements",
    "advocacy.actions",
    "countries",
    "reports",
    "advocacy.newsroom",
    "wagtail_footnotes",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # Translation in the admin: the segment editor, PO export/import, sync with the source
    # (wagtail-localize); its locales app replaces wagtail.locales and keeps pages in step.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "advocacy.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole public responses for anonymous readers, from the "pages" cache (advocacy.core.
    # pagecache): a hit returns here, before sessions, the database or any template. What it
    # stores already carries every header the middleware below adds (CSP, X-Frame-Options…).
    "advocacy.core.pagecache.PageCacheMiddleware",
    # Cache-Control for every response: public only for anonymous public pages that set no
    # cookie and read no session (it runs after the middleware below have finished the
    # response); decides what the page cache above and a shared cache in front may keep.
    "advocacy.core.pagecache.PublicCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, but public pages do not vary on Accept-Language: the language is in the path.
    "advocacy.core.middleware.PathLocaleMiddleware",
    # The site, its settings, menu and home page, from the cache (advocacy.core.sitecache).
    "advocacy.core.sitecache.SiteFrameMiddleware",
    # Onion-Location (the site's Tor address, from the site settings) on public responses,
    # inside the page cache so cached copies carry it too.
    "advocacy.core.middleware.OnionLocationMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "advocacy.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "advocacy.core.middleware.PublicContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database outage: the 503 page instead of the error page (its process_exception).
    "advocacy.core.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "advocacy.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "advocacy.wsgi.application"

# Database: DATABASE_URL selects it (postgres://user@host:5432/name); without it, a
# SQLite file under var/ so that a first run needs no server.
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}


def database_timeouts(engine, *, command):
    """OPTIONS that bound how long a hung or unreachable database can hold a process.

    A web request must get the error page within 3 seconds, never wait for gunicorn's
    30-second worker timeout: PostgreSQL gets libpq's ``connect_timeout`` (seconds; libpq
    treats anything under 2 as 2) and a server-side ``statement_timeout`` (milliseconds).
    Management commands (``manage.py`` marks them, see there) keep the connect timeout but
    get ``DB_COMMAND_STATEMENT_TIMEOUT`` instead, by default none: ``migrate`` rewriting a
    table, ``update_index``, retention and the task worker may legitimately run one long
    statement, and nobody is waiting on a page. The admin's signature CSV is a web request
    and streams through a server-side cursor, so each statement stays short. SQLite has no
    statement timeout; its ``timeout`` is how long to wait for another process's write lock.
    """
    connect = int(os.environ.get("DB_CONNECT_TIMEOUT", "2"))
    if command:
        statement_ms = int(os.environ.get("DB_COMMAND_STATEMENT_TIMEOUT", "0"))
    else:
        statement_ms = int(os.environ.get("DB_STATEMENT_TIMEOUT", "2500"))
    if engine.startswith(
        ("django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis")
    ):
        options = {"connect_timeout": connect}
        if statement_ms:
            options["options"] = f"-c statement_timeout={statement_ms}"
        return options
    if engine == "django.db.backends.sqlite3":
        return {"timeout": 20 if command else 3}
    return {}


DATABASES["default"].setdefault("OPTIONS", {}).update(
    database_timeouts(
        DATABASES["default"]["ENGINE"],
        command=os.environ.get("LESS_EQUAL_PROCESS") == "command",
    )
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English and Russian. Public URLs go through i18n_patterns,
# English without a prefix, Russian under /ru/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Editors choose the admin's language in their account settings.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files live in static/ and are served by whitenoise; uploads go to MEDIA_ROOT.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

# Files that must never be served as plain media live under PRIVATE_ROOT, outside
# MEDIA_ROOT: the application serves them only after checking who may see them.
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", VAR_DIR / "private"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Quote cards: served only by the card view while their statement is public.
    "quote_cards": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT},
    },
    # Press kit zips: served by the press kit view while they are the current kit.
    "press_kit": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT / "press-kit"},
    },
    # The PDF and EPUB built from each report: served by the report's route while it is public.
    "report_downloads": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT / "report-downloads"},
    },
}

# The page editor can exceed Django's default of 1,000 form fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


def redis_cache(url, **options):
    """A django-redis cache. A Redis outage must only slow the site, never break a page:
    connection errors are ignored (reads miss, writes are dropped) and logged."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
            **options,
        },
    }


# The shared cache holds rate-limit and throttle counters that every worker process must
# agree on, so it is Redis whenever CACHE_URL names one (production, CI, `make run`).
# Without it, local memory: fine for one process, per-process with several.
CACHE_URL = os.environ.get("CACHE_URL", "")
# The "pages" alias holds whole public responses (advocacy.core.pagecache): the same Redis
# under its own key prefix, or this process's memory when there is none.
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": redis_cache(CACHE_URL),
        "pages": {**redis_cache(CACHE_URL), "KEY_PREFIX": "pages"},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "less-equal",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "less-equal-pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }

# How long readers' browsers and shared caches (Varnish) may keep a public page, in seconds
# (advocacy.core.pagecache). Browsers get max-age: short, as they cannot be purged. Shared
# caches get s-maxage, and every change is purged from them (and from the in-app cache,
# which keeps a page as long) at once. stale-while-revalidate lets a shared cache answer
# with the old copy while it fetches the new one; stale-if-error lets it keep answering
# when the application or its database is down.
# The in-app page cache itself (off: headers only, every request reaches the views).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# How many allocations a gunicorn worker makes between two collections of the garbage
# collector's youngest generation (advocacy.wsgi; Python's default is 700); 0 keeps the default.
GC_THRESHOLD = int(os.environ.get("GC_THRESHOLD", "50000"))
PUBLIC_CACHE_MAX_AGE = int(os.environ.get("PUBLIC_CACHE_MAX_AGE", "60"))
PUBLIC_CACHE_S_MAXAGE = int(os.environ.get("PUBLIC_CACHE_S_MAXAGE", "600"))
PUBLIC_CACHE_STALE_WHILE_REVALIDATE = int(
    os.environ.get("PUBLIC_CACHE_STALE_WHILE_REVALIDATE", "60")
)
PUBLIC_CACHE_STALE_IF_ERROR = int(os.environ.get("PUBLIC_CACHE_STALE_IF_ERROR", "86400"))
# Pages that show a signature count: kept at most this long anywhere (counts stay honest
# without a purge per signature).
PUBLIC_CACHE_COUNTS_MAX_AGE = min(30, int(os.environ.get("PUBLIC_CACHE_COUNTS_MAX_AGE", "30")))
# "Not found" answers and search results: kept this long (a 404 for a page that then goes
# live is purged at once anyway).
PUBLIC_CACHE_SHORT_MAX_AGE = int(os.environ.get("PUBLIC_CACHE_SHORT_MAX_AGE", "60"))
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Background tasks (Django's tasks framework): work that must never run inside a request,
# or must take the same time whatever it finds, is enqueued here and run by
# `manage.py db_worker` (started by `make run` beside gunicorn).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Build a report's PDF and EPUB in the background when it or a chapter is published
# (reports.tasks). The test settings turn it off: most tests publish reports without wanting
# seconds of layout each time; the tests of the files turn it back on.
REPORT_DOWNLOADS_ON_PUBLISH = True

# Security headers that apply everywhere, whatever the environment.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# "This form has expired" in the language its address names (advocacy.core.errors).
CSRF_FAILURE_VIEW = "advocacy.core.errors.csrf_failure"

# Content-Security-Policy for public pages (the admin has its own, below; see
# advocacy.core.middleware): everything self-hosted, scripts only as files from the site
# itself, no inline script, no third party at all. No per-response nonce: the same bytes go
# to every reader, so a page can be cached (advocacy.core.pagecache).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# A page or snippet rendered for Wagtail's preview (advocacy.core.middleware): the public
# policy, but the admin on this origin may frame it (the preview side panel). Only responses
# to Wagtail's internal preview request get it, never a request from a browser.
PREVIEW_CSP = {**SECURE_CSP, "frame-ancestors": [CSP.SELF]}

# The Wagtail admin's policy (enforced). Wagtail 8 still writes inline <script> elements
# (InlinePanel, MultipleChooserPanel, date/time widgets) and style="" attributes, so scripts
# and styles may be inline here; everything else is as strict as the public site: nothing
# from a third party, no plugins, no framing except by the admin itself (the live preview).
# No nonce: a nonce would make browsers ignore 'unsafe-inline'.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "worker-src": [CSP.SELF, "blob:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# ...and, report-only, the policy it does not meet yet: no inline script or style. Browsers
# log what would have been blocked (the developer console), so a Wagtail upgrade that drops
# its inline code can be seen and ADMIN_CSP tightened to this.
ADMIN_CSP_REPORT_ONLY = {
    **ADMIN_CSP,
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
}

# Permissions-Policy on every response (advocacy.core.middleware): powerful browser
# features the site never uses are off, for it and for anything embedded in it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Calls to action (advocacy.actions). Signers may be at risk: see README "Configuration".
# Hours a signer has to click the confirmation link; unconfirmed signatures expire then.
ACTIONS_CONFIRMATION_HOURS = int(os.environ.get("SIGNATURE_CONFIRMATION_HOURS", "48"))
# Confirmed signatures older than this are anonymised by `manage.py apply_signature_retention`.
ACTIONS_RETENTION_DAYS = int(os.environ.get("SIGNATURE_RETENTION_DAYS", "365"))
# Sign attempts allowed per client address (IPv6: per /64) per period in seconds; 0 = no limit.
ACTIONS_RATE_LIMIT = int(os.environ.get("SIGNATURE_RATE_LIMIT", "20"))
ACTIONS_RATE_PERIOD = int(os.environ.get("SIGNATURE_RATE_PERIOD", "3600"))
# The limit is counted by django-ratelimit in the "default" cache (Redis: shared by every
# worker). When the cache cannot count, sign attempts are refused for a minute, not let in.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = False
# Emails the forms may send to one address per hour (stops inbox flooding); 0 = no limit.
ACTIONS_EMAILS_PER_ADDRESS = int(os.environ.get("SIGNATURE_EMAILS_PER_ADDRESS", "3"))
# Addresses or networks of our own reverse proxies (comma-separated, e.g. "10.0.0.5,
# 10.1.0.0/16"). X-Forwarded-For is believed only when the request comes from one of them;
# by default from none, so a forged header changes nothing (advocacy.core.network).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# The site's public address, the one every absolute URL names: canonical links, og:url,
# JSON-LD, the sitemap, robots.txt, feeds, permalinks and citations, emails, the API and
# embargo links (advocacy.core.public_url). `make run` and `make dev` set it to the address
# they serve; production must set it (its https origin). Setup (`load_demo_content`, or
# `manage.py sync_site_address` on its own) writes it to Wagtail's default Site, whose
# hostname and port give the pages' own full URLs.
PUBLIC_URL = public_origin(os.environ.get("PUBLIC_URL") or "http://127.0.0.1:8000")

# Wagtail
WAGTAIL_SITE_NAME = "Less equal"

# The models the shared page body (advocacy.core.blocks) places by reference, named here as
# AUTH_USER_MODEL is, so that the core never imports the apps built on it.
ADVOCACY_STATEMENT_MODEL = "statements.Statement"
ADVOCACY_CALL_TO_ACTION_MODEL = "actions.CallToAction"
ADVOCACY_SHARE_BOX_MODEL = "actions.ShareBox"
# Links in Wagtail's notification emails: the public address unless the admin has its own.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or PUBLIC_URL
# PostgreSQL: each language searched with its own text-search configuration.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "advocacy.core.search_backend",
        "SEARCH_CONFIGS": {"en": "english", "ru": "russian"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always served through /documents/<id>/<name>, where the collection's privacy
# and the "used by a public page" rule apply; never from MEDIA_URL (see README, Deploying).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Uploaded images are re-encoded without their metadata (GPS, author, camera); a file that
# cannot be decoded is a form error. The model does the same for any other way in.
WAGTAILIMAGES_IMAGE_FORM_BASE = "advocacy.core.images.ImageForm"
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds: they would load trackers on readers

# Staff sign-in (advocacy.accounts). django-axes counts failed admin sign-ins per
# (username, client address) in the shared cache (nothing stored in the database): after
# AXES_FAILURE_LIMIT failures that pair is locked out for AXES_COOLOFF_TIME, with a 429 page
# that says when to try again. The address is part of the key, so failures from elsewhere can
# never lock a real editor out, and every lockout ends by itself.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client as our own proxies vouch for it; IPv6 by /64, so one subscriber cannot rotate
# through its own addresses to get more tries.
AXES_CLIENT_IP_CALLABLE = "advocacy.core.network.client_group"
AXES_LOCKOUT_CALLABLE = "advocacy.accounts.lockout.lockout_response"
AXES_CLIENT_STR_CALLABLE = "advocacy.accounts.lockout.client_str"
AXES_RESET_ON_SUCCESS = True
# Tries during a lockout do not extend it: the time the page gives is the time it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # One process (a first run without Redis): its local memory is the whole count.
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]

# Two-factor sign-in (django-otp, TOTP): required for superusers and for anyone who can see
# signers' data; optional for everyone else (advocacy.accounts.two_factor).
TWO_FACTOR_REQUIRED_PERMISSIONS = [
    "actions.view_signature",
    "actions.export_signature",
    "actions.delete_signature",
]
OTP_TOTP_ISSUER = "Less equal"

# Wrong passwords allowed per client address (IPv6: /64) per password-protected page or
# document collection, per period (django-ratelimit, in the shared cache); then a 429 page.
VIEW_RESTRICTION_PASSWORD_RATE = os.environ.get("VIEW_PASSWORD_RATE", "10/15m")

# Only dev and the local `make run` mode may create the printed local admin user.
LOCAL_ADMIN_ALLOWED = False
# Only the local `make run` mode serves uploaded media from the application.
SERVE_MEDIA = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Who exported signatures, and how many (never whose): always recorded (its records
        # reach the console handler whatever LOG_LEVEL says). Wagtail's audit log (Reports >
        # Site history) holds the same.
        "advocacy.audit": {"level": "INFO"},
        # One line per task run is noise; a failed task is still logged (ERROR).
        "django.tasks": {"level": "WARNING"},
        # WeasyPrint names each screen-only CSS rule it skips while laying out a report's PDF.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}

# The admin must not call third parties either: no update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# API v2: read-only, live public content only, bounded page size.
# The API's detail_url and download_url name the public address (its html_url is the page's
# own full URL, from the Site kept in step with PUBLIC_URL).
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL") or PUBLIC_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_SEARCH_ENABLED = True
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # Public content only, the same for everyone: no session is read, so responses can be
    # cached and carry no Vary: Cookie.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
}

# The cache tier in front of gunicorn (deploy/varnish): VARNISH_URL names it (for example
# http://127.0.0.1:6081), and changed pages are purged there with PURGE requests by Wagtail's
# frontend cache HTTP backend, from the background task that purges after commit
# (advocacy.core.pagecache). Only the backend is used: the app "wagtail.contrib.frontend_cache"
# is deliberately not installed, because its signal handlers would also purge inside the
# editor's publish request, before the commit (a reader could refill Varnish with the old
# page in between) and with no timeout (a hung Varnish would hang the editor's request).
VARNISH_URL = os.environ.get("VARNISH_URL", "").strip()
WAGTAILFRONTENDCACHE = (
    {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": VARNISH_URL,
        }
    }
    if VARNISH_URL
    else {}
)
