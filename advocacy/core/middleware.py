from django.middleware.csp import ContentSecurityPolicyMiddleware


class PublicContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, applied to public pages only.

    The Wagtail admin relies on inline scripts and styles of its own, so the strict
    public policy (nonce-only scripts) is not sent on /admin/; the admin is for
    authenticated staff and keeps X-Frame-Options, CSRF and the rest.
    """

    admin_prefix = "/admin/"

    def process_response(self, request, response):
        if request.path.startswith(self.admin_prefix):
            return response
        return super().process_response(request, response)
