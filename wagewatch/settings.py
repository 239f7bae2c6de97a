"""WageWatch settings: one module, driven by the environment (django-environ).

Every variable is documented in README.md, section "Configuration". Defaults give a
self-contained development site (SQLite, filesystem Celery broker under var/); production
sets DJANGO_DEBUG=false and the variables marked "required in production".
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("WAGEWATCH_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()

# --------------------------------------------------------------------------------------
# Core
# https://docs.djangoproject.com/en/5.2/ref/settings/#core-settings
# --------------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=True)

_DEV_SECRET = "dev-only-insecure-secret-key-do-not-use-in-production-0123456789"
SECRET_KEY = env.str("SECRET_KEY", default=_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_DEBUG is false.")

# The loopback names stay allowed so that container health checks reach /healthz.
ALLOWED_HOSTS = [*env.list("ALLOWED_HOSTS", default=[]), "localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # third party
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "django_celery_results",
    "simple_history",
    "django_htmx",
    "core.apps.AxesConfig",  # django-axes with a Chinese section name in the admin
    # ours
    "core",
    "audit",
    "accounts",
    "notifications",
    "enterprises",
    "projects",
    "cases",
    "deposits",
    "blacklist",
    "inspections",
    "earlywarning",
    "certificates",
    "reminders",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.RequestContextMiddleware",
    "core.middleware.RejectNulMiddleware",
    # AxesMiddleware must be last (django-axes docs).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wagewatch.urls"
WSGI_APPLICATION = "wagewatch.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.navigation",
                "notifications.context_processors.unread_messages",
            ],
        },
    },
]

# --------------------------------------------------------------------------------------
# Database: DATABASE_URL, default an SQLite file under var/
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
# --------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'wagewatch.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --------------------------------------------------------------------------------------
# Cache: CACHE_URL, default local memory (Redis in production: redis://...)
# --------------------------------------------------------------------------------------
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# --------------------------------------------------------------------------------------
# Authentication, sessions, lockout
# https://docs.djangoproject.com/en/5.2/topics/auth/customizing/
# --------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so that a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "accounts.backends.CityAdminBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Idle sessions end after 30 minutes (ASVS 3.3.2; MLPS "登录连接超时自动退出").
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# django-axes: three wrong passwords for one account from one address lock it for 30 minutes.
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=3)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Trusted reverse proxies in front of the web processes (client address for lockouts, audit, rate limits).
# Behind a proxy it must be set (1 for the documented nginx): core.checks refuses to start otherwise.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT

# --------------------------------------------------------------------------------------
# Security headers. With DJANGO_DEBUG=false, `manage.py check --deploy` reports nothing.
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
# --------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=not DEBUG)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# No inline script anywhere: every script is a static file (see templates/base.html).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# --------------------------------------------------------------------------------------
# Personal data: field encryption and blind-index keys (required in production).
# --------------------------------------------------------------------------------------
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])
BLIND_INDEX_KEY = env.str("BLIND_INDEX_KEY", default="")
if not DEBUG and (not FIELD_ENCRYPTION_KEYS or not BLIND_INDEX_KEY):
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS and BLIND_INDEX_KEY must be set in production.")

# --------------------------------------------------------------------------------------
# Internationalisation: Simplified Chinese first, English switchable, Asia/Shanghai.
# --------------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --------------------------------------------------------------------------------------
# Static and media files (whitenoise)
# --------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --------------------------------------------------------------------------------------
# REST API
# https://www.django-rest-framework.org/api-guide/settings/
# --------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so that a bad token answers 401 with WWW-Authenticate.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["kernel.api.permissions.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "core.api.ordering.PinyinOrderingFilter",  # names in pinyin order
    ],
    "DEFAULT_PAGINATION_CLASS": "kernel.api.pagination.StandardPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="60/min"),
        "user": env.str("API_THROTTLE_USER", default="1200/min"),
    },
    "COERCE_DECIMAL_TO_STRING": True,
    # a business refusal (kernel.errors.DomainError) answers 400/409 with its message, once for every API
    "EXCEPTION_HANDLER": "kernel.api.errors.exception_handler",
    "NUM_PROXIES": PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "WageWatch API",
    "DESCRIPTION": "无欠薪城市监管平台 API — the no-wage-arrears supervision platform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One explicit name per choice set, so that fields named alike (kind, status) never collide.
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "kernel.roles.Role",
        "WarningLevelEnum": "earlywarning.rules.base.Level",
        "DistrictKindEnum": "accounts.choices.DistrictKind",
        "ActionEnum": "kernel.roles.Action",
        "EnterpriseKindEnum": "enterprises.choices.EnterpriseKind",
        "EnterpriseStatusEnum": "enterprises.choices.EnterpriseStatus",
        "IndustryEnum": "enterprises.choices.Industry",
        "GradeEnum": "enterprises.choices.Grade",
        "GradeStatusEnum": "enterprises.choices.GradeStatus",
        "TimelineKindEnum": "enterprises.choices.TimelineKind",
        "ViolationCategoryEnum": "enterprises.choices.ViolationCategory",
        "HandlingEnum": "enterprises.choices.Handling",
        "CTriggerEnum": "enterprises.choices.CTrigger",
        "ImportStateEnum": "core.imports.states.ImportState",
        "ProjectKindEnum": "projects.choices.ProjectKind",
        "ProjectStatusEnum": "projects.choices.ProjectStatus",
        "FundingSourceEnum": "projects.choices.FundingSource",
        "PartyRoleEnum": "projects.choices.PartyRole",
        "MovementKindEnum": "projects.choices.MovementKind",
        "AllocationBasisEnum": "projects.choices.AllocationBasis",
        "SexEnum": "projects.choices.Sex",
        "ImportKindEnum": "projects.choices.ImportKind",
        "NoticeBoardItemEnum": "projects.choices.NoticeBoardItem",
        "ComplianceMetricEnum": "projects.choices.ComplianceMetric",
        "ChannelEnum": "cases.choices.Channel",
        "ComplaintKindEnum": "cases.choices.ComplaintKind",
        "ComplaintStatusEnum": "cases.choices.ComplaintStatus",
        "RefusalGroundEnum": "cases.choices.RefusalGround",
        "CaseStatusEnum": "cases.choices.CaseStatus",
        "CaseSourceEnum": "cases.choices.CaseSource",
        "ExtensionStatusEnum": "cases.choices.ExtensionStatus",
        "ServiceMethodEnum": "cases.choices.ServiceMethod",
        "CaseOutcomeEnum": "cases.choices.CaseOutcome",
        "EscalationKindEnum": "cases.choices.EscalationKind",
        "EscalationStatusEnum": "cases.choices.EscalationStatus",
        "TransferStageEnum": "cases.choices.TransferStage",
        "CourtResultEnum": "cases.choices.CourtResult",
        "ResponseActionEnum": "cases.choices.ResponseAction",
        "EventKindEnum": "cases.choices.EventKind",
        "DepositFormEnum": "deposits.choices.DepositForm",
        "DepositStatusEnum": "deposits.choices.DepositStatus",
        "TriggerKindEnum": "deposits.choices.TriggerKind",
        "EntryKindEnum": "deposits.choices.EntryKind",
        "AdjustmentEnum": "deposits.choices.Adjustment",
        "RateBaseEnum": "deposits.choices.RateBase",
        "FundLevelEnum": "deposits.choices.FundLevel",
        "FundEntryKindEnum": "deposits.choices.FundEntryKind",
        "ApprovalKindEnum": "deposits.choices.ApprovalKind",
        "ApprovalStatusEnum": "deposits.choices.ApprovalStatus",
        "ListingStatusEnum": "blacklist.choices.ListingStatus",
        "ListingCriterionEnum": "blacklist.choices.ListingCriterion",
        "PersonRoleEnum": "blacklist.choices.PersonRole",
        "NoticeKindEnum": "blacklist.choices.NoticeKind",
        "PublicationCategoryEnum": "blacklist.choices.PublicationCategory",
        "BatchStatusEnum": "blacklist.choices.BatchStatus",
        "ModeEnum": "certificates.choices.Mode",
        "PurposeEnum": "certificates.choices.Purpose",
        "CertificateStatusEnum": "certificates.choices.CertificateStatus",
        "StateEnum": "certificates.choices.State",
        "OutcomeEnum": "certificates.choices.Outcome",
        "BlockerCodeEnum": "certificates.choices.BlockerCode",
    },
}

# --------------------------------------------------------------------------------------
# Celery: CELERY_BROKER_URL, default a filesystem broker under var/ that needs no server.
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
# --------------------------------------------------------------------------------------
# The periodic tasks (wagewatch/schedules.py), read by `manage.py sync_schedules` through settings so that
# core does not import the project package.
from wagewatch.schedules import SCHEDULES as PERIODIC_TASKS  # noqa: E402, F401 (a setting)

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "celery-broker"
    for sub in ("queue", "processed"):
        (_broker_dir / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
    }
else:
    # Redelivery of unacknowledged tasks after a worker dies (Redis transport): longer than
    # any countdown we use, so a task is not run twice while it waits.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 6 * 60 * 60}
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="django-db")
CELERY_RESULT_EXTENDED = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
# Late acknowledgement: a task whose worker dies is delivered again, so every task is idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# --------------------------------------------------------------------------------------
# Logging: to stderr; personal data never reaches a log line (core.logging.RedactingFilter).
# --------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "core.logging.RedactingFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # runserver's access lines (DEBUG, `make run`): Django gives them a handler of their own, unredacted.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
# The debug 500 page and the error e-mail, personal data masked (core.logging).
DEFAULT_EXCEPTION_REPORTER = "core.logging.RedactingExceptionReporter"

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="wagewatch@localhost")

# --------------------------------------------------------------------------------------
# Notifications (notifications/): inbox, e-mail and SMS, digests and retries.
# --------------------------------------------------------------------------------------
# The outbound channels in use (a user gets e-mail with an address, SMS with a phone number).
NOTIFICATIONS_CHANNELS = env.list("NOTIFICATIONS_CHANNELS", default=["email", "sms"])
# Messages queued for one person within this many minutes of the last one sent leave as one digest.
NOTIFICATIONS_DIGEST_MINUTES = env.int("NOTIFICATIONS_DIGEST_MINUTES", default=15)
# A failed send is retried after base × 2^(attempt − 1) seconds, up to this many attempts, then stored failed.
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=5)
NOTIFICATIONS_RETRY_BASE_SECONDS = env.int("NOTIFICATIONS_RETRY_BASE_SECONDS", default=60)
# The site's address in e-mail and SMS links, and the inbox path they point to.
NOTIFICATIONS_SITE_URL = env.str("NOTIFICATIONS_SITE_URL", default="http://localhost:8000")
NOTIFICATIONS_INBOX_PATH = "/messages/"
# SMS (notifications/sms.py): the logging backend by default; the HTTP gateway with its URL, key and sign.
NOTIFICATIONS_SMS_BACKEND = env.str("NOTIFICATIONS_SMS_BACKEND", default="notifications.sms.LoggingBackend")
NOTIFICATIONS_SMS_URL = env.str("NOTIFICATIONS_SMS_URL", default="")
NOTIFICATIONS_SMS_KEY = env.str("NOTIFICATIONS_SMS_KEY", default="")
NOTIFICATIONS_SMS_SIGN = env.str("NOTIFICATIONS_SMS_SIGN", default="无欠薪平台")
NOTIFICATIONS_SMS_TIMEOUT = env.int("NOTIFICATIONS_SMS_TIMEOUT", default=10)
NOTIFICATIONS_SMS_MAX_CHARS = env.int("NOTIFICATIONS_SMS_MAX_CHARS", default=300)

# --------------------------------------------------------------------------------------
# WageWatch
# --------------------------------------------------------------------------------------
WAGEWATCH_BUREAU_NAME = env.str("WAGEWATCH_BUREAU_NAME", default="兰州市人力资源和社会保障局")
WAGEWATCH_CITY_NAME = env.str("WAGEWATCH_CITY_NAME", default="兰州市")
# Certificates: the HMAC key of verification codes (derived from SECRET_KEY when empty; rotating it
# invalidates the codes of certificates already issued) and the public verification rate.
CERTIFICATE_SIGNING_KEY = env.str("CERTIFICATE_SIGNING_KEY", default="")
CERTIFICATE_VERIFY_RATE = env.str("CERTIFICATE_VERIFY_RATE", default="30/min")
# The TrueType CJK font that PDFs embed (Debian fonts-wqy-zenhei).
WAGEWATCH_CJK_FONT = env.str("WAGEWATCH_CJK_FONT", default="/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
# Imports (core.imports): a submission up to this size (about 5,000 rows) is imported while the user waits,
# a larger one by a Celery worker; a job claimed longer ago than IMPORT_STALE_AFTER_SECONDS and still running
# lost its worker and is failed (longer than CELERY_TASK_TIME_LIMIT, so a live worker is never overtaken).
IMPORT_INLINE_MAX_BYTES = env.int("IMPORT_INLINE_MAX_BYTES", default=512 * 1024)
IMPORT_STALE_AFTER_SECONDS = env.int("IMPORT_STALE_AFTER_SECONDS", default=60 * 60)
# Audit and security logs are kept at least 6 months (Cybersecurity Law Art. 21).
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=3 * 365)
if AUDIT_RETENTION_DAYS < 180:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must be at least 180 (Cybersecurity Law Art. 21).")
# An audit event name outside audit.kinds.AuditKind is refused in development and tests (where the caller can
# be fixed) and only logged in production (where losing the audit row would be worse).
AUDIT_STRICT_KINDS = env.bool("AUDIT_STRICT_KINDS", default=DEBUG)

