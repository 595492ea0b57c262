"""`make run`: production settings, served over plain HTTP on loopback.

Everything a visitor gets in production (DEBUG off, gunicorn, whitenoise, error pages,
security headers, CSP) except the HTTPS-only settings, which would make a plain-HTTP
loopback site unusable. Uploaded media is served by the application only here.
"""

import os
import secrets
from urllib.parse import urlsplit

from .base import VAR_DIR, env_list

# `make run` sets PUBLIC_URL to the address it serves (http://127.0.0.1:$PORT); its host is
# allowed with the loopback names.
os.environ.setdefault("PUBLIC_URL", "http://127.0.0.1:8000")
_public_host = urlsplit(os.environ["PUBLIC_URL"].strip()).hostname or "127.0.0.1"
os.environ.setdefault(
    "ALLOWED_HOSTS", ",".join(dict.fromkeys(["127.0.0.1", "localhost", _public_host]))
)
if not os.environ.get("SECRET_KEY"):
    # A per-checkout key kept under var/ (git-ignored), so sessions survive restarts.
    _key_file = VAR_DIR / "secret_key"
    if not _key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(secrets.token_urlsafe(50))
    os.environ["SECRET_KEY"] = _key_file.read_text().strip()

from .production import *  # noqa: E402, F403

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_PROXY_SSL_HEADER = None
MAILERS = {"default": {"BACKEND": "advocacy.core.mail.ConsoleEmailBackend"}}
SERVE_MEDIA = True
LOCAL_ADMIN_ALLOWED = True
