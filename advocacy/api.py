"""Wagtail's read-only API v2: live, public pages, and the images and documents they use."""

from wagtail.api.v2.router import WagtailAPIRouter

from advocacy.core.api import (
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    PublicPagesAPIViewSet,
)
from advocacy.statements.api import StatementsAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("statements", StatementsAPIViewSet)
