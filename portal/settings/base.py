"""Settings shared by every environment.

Every value that differs between a laptop and a server comes from an
environment variable; the defaults are safe for a laptop.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PROXIMITE_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origin(url):
    """The scheme and host of an absolute URL (a tile server's {s} becomes a wildcard), or None."""
    parts = urlsplit(url.replace("{s}", "*"))
    if parts.scheme in {"http", "https"} and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)

# The project's apps, lowest first: an app imports only the apps above it (ARCHITECTURE.md).
INSTALLED_APPS = [
    "core",
    "towns",
    "accounts",
    "home",
    "shops",
    "learning",
    "programme",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_email",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the caches and the views: a NUL in the address or a 64-bit overflow gets a 400.
    "core.bad_input.BadInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Early: a cached page for an anonymous visitor is served before anything reads the database.
    "core.page_cache.PageCacheMiddleware",
    "core.town_cache.TownCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.page_cache.csrf_placeholder",
            ],
        },
    },
]

# Database: a SQLite file on one machine, PostgreSQL through DATABASE_URL beyond.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several gunicorn workers write to one file: WAL lets readers and a writer work
    # together, writers wait for each other instead of failing ("database is locked"),
    # and every transaction takes the write lock up front so none fails half-way.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: a file cache shared by every gunicorn worker, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "proximite"),
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "proximite") + "-pages",
        },
        "town": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "proximite") + "-town",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache-pages"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        # Wagtail writes the renditions a page shows back to this cache at every render; in
        # files that costs a write and a directory listing each (tens of ms a page). In memory,
        # per worker, for a few minutes: a rendition row never changes, and one deleted with
        # its image's old file is forgotten within RENDITIONS_CACHE_TIMEOUT.
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": int(os.environ.get("RENDITIONS_CACHE_TIMEOUT", "300")),
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        },
        # What pages of a town read at every request (core/town_cache.py): keyed by the
        # shared versions of the page cache, so a worker's own memory is enough.
        "town": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "town",
            "OPTIONS": {"MAX_ENTRIES": 3_000},
        },
    }

# Full-page cache for anonymous visitors (core/page_cache.py), read at each request.
# Pages that depend on the clock ("open now") lag at most PAGE_CACHE_TIMEOUT seconds;
# a CDN may keep a page PAGE_CACHE_CDN_MAX_AGE seconds (its own page is purged on publication).
PAGE_CACHE = env_bool("PROXIMITE_PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PROXIMITE_PAGE_CACHE_TIMEOUT", "60"))
PAGE_CACHE_CDN_MAX_AGE = int(os.environ.get("PROXIMITE_CDN_MAX_AGE", "60"))
# The town's site, settings, routes and rendered pieces kept between requests (core/town_cache.py),
# for pages the page cache does not serve; exact like it, TOWN_CACHE_TIMEOUT only frees memory.
# Off with DJANGO_DEBUG=1: a template being edited shows at once.
TOWN_CACHE = env_bool("PROXIMITE_TOWN_CACHE", not DEBUG)
TOWN_CACHE_TIMEOUT = int(os.environ.get("PROXIMITE_TOWN_CACHE_TIMEOUT", "3600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# Login lockout (django-axes, accounts/sign_in_lockout.py): after AXES_FAILURE_LIMIT wrong passwords
# or phone codes for one account, from any address, that account is refused for 15 minutes, even
# with the right password; after PROXIMITE_ADDRESS_FAILURE_LIMIT from one address, for any
# accounts, that address is. Higher per address: several people of a shop or a town hall share one.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "accounts.sign_in_lockout.SignInLockoutHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
PROXIMITE_ADDRESS_FAILURE_LIMIT = int(os.environ.get("PROXIMITE_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
# No log of successful sign-ins (address, browser): only failed attempts, deleted once past the cool-off.
AXES_DISABLE_ACCESS_LOG = True
# The same visitor address as the rate limits: X-Forwarded-For only when TRUST_X_FORWARDED_FOR is on.
AXES_CLIENT_IP_CALLABLE = "core.antispam.client_ip"

# Password reset e-mails (accounts/password_reset.py): a few an hour per e-mail address, whoever
# asks, and per visitor, whatever the addresses; past that the page answers as usual, no e-mail.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.password_reset.PasswordResetForm"
PROXIMITE_PASSWORD_RESET_PER_ADDRESS = 3
PROXIMITE_PASSWORD_RESET_PER_VISITOR = 10

# Two-factor sign-in (an authenticator app) for town staff and administrators; see accounts/two_factor.py.
PROXIMITE_STAFF_2FA = env_bool("PROXIMITE_STAFF_2FA", False)
OTP_TOTP_ISSUER = "Proximité"

# French by default, in Paris time; English stays available in the admin.
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "fr")
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Paris"
USE_I18N = True
# The site-wide templates' catalogue (templates/); each app keeps its own in <app>/locale/.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Beyond one machine, uploaded files live in an S3-compatible bucket (django-storages) that
# every host shares; the keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (read by boto3).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
# Serve uploaded files from Django itself: right on one machine, switched off
# when media live on S3-compatible storage or behind a web server.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    _s3_endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "").rstrip("/")
    _s3_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": _s3_endpoint or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": _s3_domain or None,
            # Public photos at stable addresses that pages and a CDN can cache. Documents are not
            # read at the bucket's address: Wagtail's view reads them (WAGTAILDOCS_SERVE_METHOD).
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    if "MEDIA_URL" not in os.environ:
        if _s3_domain:
            MEDIA_URL = f"https://{_s3_domain}/"
        elif _s3_endpoint:
            MEDIA_URL = f"{_s3_endpoint}/{AWS_STORAGE_BUCKET_NAME}/"
        else:
            MEDIA_URL = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com/"

# E-mail: printed on the console unless an SMTP server is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Proximité <ne-pas-repondre@proximite.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Proximité"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAIL_I18N_ENABLED = False
# “Mon compte” changes the e-mail address only through accounts/account_email.py: current password,
# then a link opened from the new address. Wagtail's own field would change it at once.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "home.search_backend",
        # Only read on PostgreSQL (migration home 0002): accents aside, French stemming and stop
        # words for search; accents aside, no stemming for the start of words (autocomplete).
        "SEARCH_CONFIG": "proximite_french",
        "AUTOCOMPLETE_SEARCH_CONFIG": "proximite_simple",
    }
}
# Uploads (core/uploads.py explains each refusal): documents are PDF for shopkeepers, these
# formats for town staff; photos up to 10 MB and 40 megapixels, HEIC turned into JPEG, no SVG.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"
# Documents go out only through Wagtail's view (/documents/<id>/<name>), which checks the
# collection's restrictions (logged-in users, password), on disk and on S3 alike: never a
# redirect to the storage's public address, and /media/documents/ is not served (core/media.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp", "heic"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.ImageForm"

# Background tasks (django-tasks). Image renditions (core/renditions.py) are queued in the
# database and made by `manage.py db_worker --backend renditions` next to gunicorn, so neither an
# editor nor a visitor waits for them; without a worker they are made on a page's first visit.
# TASKS_BACKEND=immediate makes them in the request that saves or publishes instead. Wagtail's
# own quick tasks (search and reference index, file clean-up) stay in that request: the index
# is up to date as soon as the page is published, worker or not.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "renditions": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("TASKS_BACKEND") == "immediate"
        else "django_tasks_db.DatabaseBackend"
    },
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The rich text that editors and shopkeepers may type: no raw HTML anywhere.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# Map of the shop directory: any tile server in the {z}/{x}/{y} scheme, with its credit line.
SHOPS_MAP_TILE_URL = os.environ.get("SHOPS_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
SHOPS_MAP_ATTRIBUTION = os.environ.get(
    "SHOPS_MAP_ATTRIBUTION", "© les contributeurs d’OpenStreetMap (https://www.openstreetmap.org/copyright)"
)

# Embedded videos: only these oEmbed providers are accepted by the embed block, and only
# their players may be framed by public pages (Content-Security-Policy frame-src below).
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo, oembed_providers.dailymotion],
    }
]
EMBED_FRAME_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]

# Content-Security-Policy (django-csp, applied by core.security): public pages run only our
# own scripts and styles, no inline code; images from here, the map's tile server and the
# media host; frames from the video providers above. See core/security.py for the admin.
_OWN_IMAGE_ORIGINS = [SELF, *filter(None, [origin(SHOPS_MAP_TILE_URL), origin(MEDIA_URL)])]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _OWN_IMAGE_ORIGINS,
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *filter(None, [origin(MEDIA_URL)])],
        "frame-src": EMBED_FRAME_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin writes inline scripts and style attributes, and shows previews (frames of
# its own pages) with embeds.
PROXIMITE_ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [*_OWN_IMAGE_ORIGINS, "data:", "blob:"],
    "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
}
# Browser features no page of the portal uses are switched off for every page and frame.
PROXIMITE_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=(), interest-cohort=()"
)
# Admin avatars are drawn here rather than fetched from Gravatar (no third-party request).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# A CDN in front of the hosts: wagtail.contrib.frontend_cache purges a page's addresses when it
# is published, unpublished, moved or deleted, with its town's home and listing pages
# (core/page_cache_signals.py). Either an HTTP purge address (Varnish, Fastly, a reverse proxy
# that accepts PURGE) or a Cloudflare zone with an API token.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("PROXIMITE_CDN_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["PROXIMITE_CDN_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Behind a load balancer that sets X-Forwarded-For, rate limits count the real visitor.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
