from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from . import two_factor

# What a signed-in user who still owes a code may open in the admin.
OPEN_BEFORE_CODE = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_two_factor_verify",
}
# ...and, while they have no device yet, the page that sets one up.
OPEN_WITHOUT_DEVICE = OPEN_BEFORE_CODE | {"accounts_two_factor_setup"}


class TwoFactorMiddleware:
    """Makes a password-only session count for nothing where a code is owed.

    Runs after django_otp's OTPMiddleware (which gives ``request.user.is_verified()``). For a
    user who must use two-factor sign-in, or has turned it on, and has not given a code in
    this session: admin URLs redirect to the code page (or to the set-up page, when they have
    no device yet); on the public site they are treated as not signed in, so nothing that a
    sign-in unlocks (private pages, documents in private collections) is reachable.
    """

    admin_prefix = "/admin/"  # as mounted in advocacy/urls.py

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # No session, so nobody is signed in: reading request.user would load the
            # (empty) session and make the response vary on Cookie, uncacheable for readers.
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not user.is_verified() and two_factor.applies_to(user):
            if not request.path_info.startswith(self.admin_prefix):
                request.user = AnonymousUser()
            else:
                has_device = two_factor.has_device(user)
                open_names = OPEN_BEFORE_CODE if has_device else OPEN_WITHOUT_DEVICE
                if self._url_name(request) not in open_names:
                    target = (
                        "accounts_two_factor_verify" if has_device else "accounts_two_factor_setup"
                    )
                    next_url = request.get_full_path() if request.method == "GET" else ""
                    return redirect_to_login(next_url or self.admin_prefix, reverse(target))
        return self.get_response(request)

    @staticmethod
    def _url_name(request):
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None
