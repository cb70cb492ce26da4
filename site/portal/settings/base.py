"""Settings shared by every environment. Safe for production by default: DEBUG is off and
every secret or deployment knob comes from the environment (see ``.env.example``)."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

from portal.addresses import checked_base_url, origin_of
from portal.cache_settings import caches_for
from portal.client_address import trusted_networks

PORTAL_DIR = Path(__file__).resolve().parent.parent  # site/portal
SITE_DIR = PORTAL_DIR.parent  # site/
BASE_DIR = SITE_DIR.parent  # the repository

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# The address visitors use, scheme and host (and port): every absolute URL the portal hands out is made from it
# (portal.addresses.public_url), and the seed sets Wagtail's default Site to it.
PUBLIC_BASE_URL = checked_base_url(env("PUBLIC_BASE_URL", default="http://127.0.0.1:8000"))
SECRET_KEY = env("SECRET_KEY")
# Old keys still accepted for what they signed (sessions, password-reset links, career links) while a new key takes
# over; comma-separated. SECURITY.md says how to rotate.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The proxies in front of the portal whose X-Forwarded-For is believed (addresses or networks; none by default):
# the client address that rate limits and sign-in lockouts count by (portal.client_address).
TRUSTED_PROXIES = trusted_networks(env.list("TRUSTED_PROXIES", default=[]))

INSTALLED_APPS = [
    # The project shell first, so its templates (404, 500, base) win.
    "portal",
    # Feature apps, one per part of the mission.
    "home",
    "atlas",
    "navigator",
    "methodics",
    "monitoring",
    "career",
    "partners",
    "teachers",
    "opportunities",
    "vacancies",
    "resumes",
    "fairs",
    "surveys",
    "reporting",
    "parents",
    "feedback",
    "extracurricular",
    "courses",
    "competitions",
    "editorial",
    # Wagtail and friends.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # After wagtail.search: it replaces some of the index signal handlers wagtail.search connects (search.signals).
    "search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for anonymous visitors (portal.page_cache): before the session, so that a hit costs no SQL, and
    # after the policy headers' middleware, so that a hit gets them as a fresh page does.
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the locale (routes are cached per language): the content version, the site and the page from the cache.
    "portal.lookups.LookupsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.accessibility.AccessibilityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Rate limits: a view over its limit raises Ratelimited, answered with the 429 page (RATELIMIT_VIEW);
    # Wagtail's own sign-in and password forms are limited by their URL names.
    "django_ratelimit.middleware.RatelimitMiddleware",
    "portal.limits.WagtailFormsLimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.accessibility.context_processor",
            ],
        },
    },
]

# Database: SQLite file by default (the embedded tier); PostgreSQL when DATABASE_URL says so.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Each web process keeps its connection between requests (opening one, with SQLite's set-up, cost a third of a
# cached look-up page); a connection that broke meanwhile is replaced before the request uses it.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes share the file (web workers, the task worker, commands). WAL lets pages read while
    # one of them writes; IMMEDIATE takes the write lock when a transaction begins, so two writers queue on
    # the busy timeout instead of one failing with «database is locked» when it upgrades its read lock.
    # Writes made while a page is viewed wait far less (portal.best_effort).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,  # seconds a writer waits for the lock
            # secure_delete: a deleted row's bytes are overwritten, so that a copy of the file made after a student
            # deleted the account holds nothing of it (152-ФЗ; PostgreSQL's pg_dump copies live rows only).
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches (portal.cache_settings): Redis for everything with CACHE_URL=redis://… (the scaled tier); otherwise local
# memory per process, and SQLite files under var/cache for what the processes must share ("shared": rate-limit
# counts, the search circuit breaker, an import's progress; "pages": the page cache, in var/cache/pages).
CACHES = caches_for(env("CACHE_URL", default=""), BASE_DIR / "var" / "cache")
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# The page cache (portal.page_cache): how long the portal keeps a page for anonymous visitors (a change to the content
# makes it stale at once; this bounds only pages that change with the date, such as the coming events; 0 turns the
# cache off), and how long nginx, a CDN or a browser may show it: they do not learn of changes, so keep it short.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=120)
# Rendered parts of pages ({% cached_fragment %}, portal/templatetags/fragments.py) for the requests the page cache
# does not serve, kept in the "default" cache under the content version; 0 renders them every time.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=600)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Russian at the root, English under /en/.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Asia/Vladivostok"  # Khabarovsk time, UTC+10
USE_I18N = True
USE_TZ = True

# Static files are served by whitenoise in every tier; media from a local folder by default.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Files that are personal data (a student's photo and certificates): outside MEDIA_ROOT, so that no web server serves
# them; the portal's views hand them to those allowed to see them (resumes.files).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
# Public media (images) served by the app itself: only `make run` and `make dev` do (portal.views.public_media);
# in production the proxy or the storage serves them. Documents never are: see WAGTAILDOCS_SERVE_METHOD.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Учись и работай в Хабаровском крае"
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL  # links in notification e-mails
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL  # the API's detail_url and download_url
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.forms.PortalImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # slugs are Latin transliterations: /atlas/svarshchik/
# What teachers exchange: office documents, PDFs, archives and pictures; each upload is also checked
# against its content (portal.documents.PortalDocumentForm).
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "pptx",
    "xlsx",
    "odt",
    "odp",
    "ods",
    "zip",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
]
# Every document download goes through Wagtail's view, which honours private collections and counts it, even
# with a storage that could hand out direct URLs; the media folder never serves documents/ (portal.views).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.documents.PortalDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# SVG for the project's drawings (bin/draw_illustrations.py): templates ask for their renditions with «preserve-svg».
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
# Spreadsheet imports (atlas, monitoring): a larger file is refused before it is read.
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# Teachers sign in at Wagtail's front-end login (/_util/login/) for the private materials; the link beside a
# material brings them back to its page (?next=). Without one they land on the home page, not on Django's
# /accounts/profile/, which the portal does not have.
LOGIN_REDIRECT_URL = "/"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The rich-text editors, by what they are for; fields and blocks name one (``editor="basic"``) instead of listing
# features. An editor's features are also what its field keeps on saving: other markup is dropped. "default"
# stays Wagtail's own (the accessibility statements use it).
RICH_TEXT_WIDGET = "wagtail.admin.rich_text.DraftailRichTextArea"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    # The running text of a page body: headings, lists, links to pages and documents, rules.
    "body": {
        "WIDGET": RICH_TEXT_WIDGET,
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]},
    },
    # A few paragraphs inside a page (an introduction, a call-out, an answer): lists, no headings.
    "basic": {"WIDGET": RICH_TEXT_WIDGET, "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]}},
    # A line or two (contacts): emphasis and links only.
    "inline": {"WIDGET": RICH_TEXT_WIDGET, "OPTIONS": {"features": ["bold", "italic", "link"]}},
}

# Search: the database backend by default; OpenSearch when OPENSEARCH_URL is set, with the database backend
# kept up to date beside it, to answer while OpenSearch is unreachable (portal/search_engine.py).
# SEARCH_AUTO_UPDATE=false stops indexing on save (benchmark data is generated so, then indexed in one go).
SEARCH_AUTO_UPDATE = env.bool("SEARCH_AUTO_UPDATE", default=True)
# The search query log keeps this many days of daily counts (search/query_log.py); Wagtail's default is 7.
WAGTAILSEARCH_HITS_MAX_AGE = 90
# Each web process writes its searches' counts to the log through the task queue at most this often.
SEARCH_LOG_FLUSH_SECONDS = env.int("SEARCH_LOG_FLUSH_SECONDS", default=60)
DATABASE_SEARCH_BACKEND = {
    "BACKEND": "search.backends.database",
    "AUTO_UPDATE": SEARCH_AUTO_UPDATE,
    # Used by the PostgreSQL flavour of the backend; on SQLite the backend stems words itself.
    "SEARCH_CONFIG": "russian",
}
OPENSEARCH_URL = env("OPENSEARCH_URL", default="")
if OPENSEARCH_URL:
    from portal.search_settings import opensearch_backend

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            **opensearch_backend(OPENSEARCH_URL, env("OPENSEARCH_INDEX", default="portal")),
            "AUTO_UPDATE": SEARCH_AUTO_UPDATE,
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# Work that must not hold up a request goes through Django's tasks framework to queues kept in the database — the
# same on both tiers, no broker to run — each processed by its own worker (`manage.py db_worker --backend NAME`):
# - "default" takes Wagtail's and modelsearch's own small tasks: the search index update of every saved object and
#   the reference index. Queued in the saving transaction, they run after it commits (a rolled-back import queues
#   nothing) and never wait behind a long build.
# - "long" takes the long work: PDFs and archives built after publishing, imports, index retries (portal.builds).
# On Django 6 this becomes the built-in `django.tasks`.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "long": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Publishing a page queues its PDFs and archives at once, so they are ready before the first visitor asks.
PORTAL_BUILD_AHEAD = env.bool("PORTAL_BUILD_AHEAD", default=True)

# E-mail: an address of django-environ's form in EMAIL_URL (smtp://user:password@host:25, smtp+tls://…:587,
# smtps://…:465, consolemail://); Django's own default, an SMTP server on this machine, when it is not set. Mail is
# never sent inside a web request: the "default" task queue sends it (portal.mail), so a slow or absent mail server
# holds up no page, and a message queued in a transaction that rolls back is never sent.
EMAIL_URL = env("EMAIL_URL", default="smtp://localhost:25")
vars().update({name: value for name, value in env.email_url_config(EMAIL_URL).items() if value not in (None, "")})
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=f"noreply@{urlsplit(PUBLIC_BASE_URL).hostname}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)  # seconds the worker waits for the mail server
EMAIL_SUBJECT_PREFIX = ""
# The open data of «Работа России» the portal refreshes its vacancies from, once a day (vacancies.tasks), e.g.
# https://opendata.trudvsem.ru/api/v1/vacancies/region/27?limit=100; empty: no refresh (files are imported by hand).
TRUDVSEM_URL = env("TRUDVSEM_URL", default="")
# How long the link confirming an organisation's e-mail address stays valid (partners.accounts).
PARTNER_CONFIRMATION_DAYS = env.int("PARTNER_CONFIRMATION_DAYS", default=3)
# The same for a teacher's request (teachers.accounts); rejected requests are kept this many days, then deleted.
TEACHER_CONFIRMATION_DAYS = env.int("TEACHER_CONFIRMATION_DAYS", default=3)
TEACHER_REJECTED_KEPT_DAYS = env.int("TEACHER_REJECTED_KEPT_DAYS", default=30)
# A booking's contact (the teacher's name, phone, e-mail) and what was written about the students' needs are erased
# this many days after the visit (manage.py forget_booking_contacts, daily); the counts stay for the figures.
BOOKING_CONTACTS_KEPT_DAYS = env.int("BOOKING_CONTACTS_KEPT_DAYS", default=90)
# A fair's registrations and interview bookings are deleted this many days after the fair (manage.py
# forget_fair_visitors, daily); the booths' results are numbers and stay.
FAIR_VISITORS_KEPT_DAYS = env.int("FAIR_VISITORS_KEPT_DAYS", default=30)
# A parent's consultation request is deleted this many days after the centre marked it answered, and in any case this
# many days after it was sent (manage.py forget_consultation_requests, daily): the centre has it by e-mail too.
CONSULTATION_ANSWERED_KEPT_DAYS = env.int("CONSULTATION_ANSWERED_KEPT_DAYS", default=30)
CONSULTATION_KEPT_DAYS = env.int("CONSULTATION_KEPT_DAYS", default=180)
# What visitors send through the feedback form and the «Нашли ошибку?» dialog is deleted this many days after it was
# sent (manage.py forget_feedback, daily): the editors have it by e-mail too.
FEEDBACK_KEPT_DAYS = env.int("FEEDBACK_KEPT_DAYS", default=90)
# Teachers' enrolments on courses are forgotten this many days after the course ended (manage.py
# forget_course_enrolments, daily): completed ones lose the teacher's name and account, the rest are deleted.
COURSE_ENROLMENTS_KEPT_DAYS = env.int("COURSE_ENROLMENTS_KEPT_DAYS", default=365)
# A competition's entries (names, grades, schools, the works' files) are deleted this many days after its results are
# published, and this many days after entries closed when no results ever were (manage.py forget_competition_entries,
# daily); of a winning work taken into the best practices the title, the name as published, the school and the files
# stay.
COMPETITION_ENTRIES_KEPT_DAYS = env.int("COMPETITION_ENTRIES_KEPT_DAYS", default=90)
COMPETITION_ENTRIES_MAX_DAYS = env.int("COMPETITION_ENTRIES_MAX_DAYS", default=365)
# The housekeeping the background worker runs every day at DAILY_HOUR, the portal's time (portal.daily): the erasures of
# personal data past their keeping time first, then the portal's counts into the monitoring, then the reminders of the
# monitoring collection's deadline.
DAILY_COMMANDS = [
    "forget_organisation_requests",
    "forget_teacher_requests",
    "forget_booking_contacts",
    "forget_student_accounts",
    "forget_fair_visitors",
    "forget_consultation_requests",
    "forget_feedback",
    "forget_course_enrolments",
    "forget_competition_entries",
    "publish_diagnostics",
    "publish_attendance",
    "publish_held_events",
    "publish_kits_in_use",
    "publish_course_completions",
    "publish_competitions",
    "remind_report_deadlines",
    "check_external_links",
]
DAILY_HOUR = env.int("DAILY_HOUR", default=3)
# How often the worker publishes and unpublishes what editors scheduled (portal.scheduled).
SCHEDULED_PUBLISHING_MINUTES = env.int("SCHEDULED_PUBLISHING_MINUTES", default=5)
# The weekly check of the pages' external links (editorial.links, run among the daily commands, checking once this
# many days have passed) and how long it waits for each address.
LINK_CHECK_EVERY_DAYS = env.int("LINK_CHECK_EVERY_DAYS", default=7)
LINK_CHECK_TIMEOUT_SECONDS = env.float("LINK_CHECK_TIMEOUT_SECONDS", default=5)
# Once a week (ISO weekday, 7 = Sunday) the same run goes on with these: the check of the documents library's PDFs with
# veraPDF (PDF/UA-1), kept for the editors (portal.models.DocumentCheck). VERAPDF names veraPDF's launcher
# (.ci/verapdf/fetch.sh); without it the check says so and the other commands still run.
WEEKLY_COMMANDS = ["validate_documents"]
WEEKLY_DAY = env.int("WEEKLY_DAY", default=7)
VERAPDF = env("VERAPDF", default="")
# Who processes the personal data (152-ФЗ, art. 3): named in the consent students give and on the privacy page. The
# deployment sets the operator's legal name, postal address and e-mail; the default names the programme's organiser.
PERSONAL_DATA_OPERATOR = {
    "name": env("OPERATOR_NAME", default="Хабаровский краевой институт развития образования (ХК ИРО)"),
    "address": env("OPERATOR_ADDRESS", default=""),  # shown only when set: the deployment knows it, the code does not
    "email": env("OPERATOR_EMAIL", default=""),
}
# Students' accounts (resumes.accounts): from this age; the confirmation link's life; the days an account is kept
# after its consent is withdrawn (then deleted with everything in it, unless consent is given again).
STUDENT_MINIMUM_AGE = 16
STUDENT_CONFIRMATION_DAYS = env.int("STUDENT_CONFIRMATION_DAYS", default=3)
STUDENT_WITHDRAWN_KEPT_DAYS = env.int("STUDENT_WITHDRAWN_KEPT_DAYS", default=30)

# Sign-in lockouts (django-axes, portal.lockouts): AXES_FAILURE_LIMIT wrong passwords lock the account from every
# address and the address for every account, for AXES_COOLOFF_MINUTES or until an administrator unlocks them
# (Settings → Sign-in lockouts). A successful sign-in clears the failures of its account and address, so a school
# whose teachers share one address is locked only by failures in a row.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "portal.lockouts.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful sign-in
AXES_ENABLE_ADMIN = False  # Django's admin is not mounted; the Wagtail admin has the screen
AXES_VERBOSE = False

# The API is public and read-only, and takes no passwords: Django REST framework's default Basic authentication
# would answer each guess of a password (403 or 200) outside the sign-in forms' limits and lockouts.
REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"]}

# Rate limits (django-ratelimit, portal.limits): requests per client address, counted in the shared cache.
RATELIMIT_USE_CACHE = "shared"
RATELIMIT_IP_META_KEY = "portal.client_address.client_address"  # IPv6 clients are counted per /64
RATELIMIT_VIEW = "portal.limits.too_many_requests"
RATELIMIT_FAIL_OPEN = True  # a shared cache that does not answer must not refuse everyone
RATE_LIMITS = {
    "sign-in": "60/10m",  # POSTs to the sign-in and password-reset forms: a seminar signs in at once
    "page-password": "10/10m",  # the password of a restricted page
    "accessibility": "300/10m",  # the settings of the version for the visually impaired
    "career-step": "300/10m",  # the career builder's second step and route: a whole class may share one address
    "career-session": "10/h",  # class sessions created
    "career-code": "20/10m",  # class codes entered that open no session: codes cannot be found by guessing
    "partner-registration": "10/h",  # organisation account requests sent: each one mails an address
    "teacher-registration": "20/h",  # teachers' account requests: a school's teachers may share one address
    "student-registration": "20/h",  # students' accounts: a college's computer class may register together
    "survey-answer": "60/h",  # survey answers: a class answers together from one address
    "consultation-request": "10/h",  # parents' consultation requests: each one mails a centre
    "competition-entry": "20/h",  # competition entries sent: a school's teachers may enter their classes together
    "feedback": "10/h",  # feedback form messages: each one mails the editors
    "error-report": "30/h",  # mistake reports from the «Нашли ошибку?» dialog: a reader may find several on a page
}

# Content-Security-Policy (django-csp). Public pages have no inline script, style or event handler, so their policy
# is strict: everything from the portal itself, plus the video players an editor may embed and media on another host.
# Wagtail's admin still writes inline scripts and styles of its own (wagtail/wagtail#1288), so pages under /admin/
# get ADMIN_CONTENT_SECURITY_POLICY instead (portal.headers), which allows them there and nowhere else.
CSP_FRAME_HOSTS = env.list(
    "CSP_FRAME_HOSTS",
    default=["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
_MEDIA_HOSTS = [origin_of(MEDIA_URL)] if origin_of(MEDIA_URL) else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_HOSTS],
        "media-src": [SELF, *_MEDIA_HOSTS],
        "frame-src": [SELF, *CSP_FRAME_HOSTS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],  # Wagtail's preview shows pages in an iframe of the admin
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *_MEDIA_HOSTS],  # blob: the image upload previews
    }
}
# The admin's avatars come from the portal, not from Gravatar: no third party learns who edits.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.io for a newer Wagtail: the version is pinned in requirements.txt.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Permissions-Policy (django-permissions-policy): the portal uses none of these browser features; refusing them
# keeps an injected or embedded script from asking for them either. Only features Chromium knows are named: it logs
# an error for any other (FLoC's «interest-cohort» is gone; «browsing-topics» is its successor).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
