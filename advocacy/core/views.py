from django.views.generic import TemplateView


class RobotsView(TemplateView):
    """robots.txt: public pages are crawlable; the admin and search results are not."""

    template_name = "robots.txt"
    content_type = "text/plain"
