"""Core's admin and serving hooks: the "visible to the public" rule at the door."""

from django.http import Http404

from wagtail import hooks

from .visibility import has_expired, is_public_collection, is_public_document


@hooks.register("before_serve_page")
def refuse_expired_pages(page, request, serve_args, serve_kwargs):
    """A page past its expiry time is gone for the public even before the scheduler runs."""
    if has_expired(page):
        raise Http404


@hooks.register("before_serve_document", order=-10)
def refuse_unused_documents(document, request):
    """A document in a public collection is served only once a public page uses it, so a
    report's PDF uploaded before the launch cannot be fetched by guessing its address.
    Documents in a restricted collection follow that collection's rule (Wagtail's own hook);
    editors, who can open the admin, can fetch anything they can see there."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if is_public_collection(document.collection) and not is_public_document(document):
        raise Http404
    return None
