"""The report as a PDF: the whole-report page (same view, same templates) laid out by
WeasyPrint with print.css and pdf.css."""

import logging

from django.contrib.staticfiles import finders

from .render import local_file, render_whole_report

logger = logging.getLogger(__name__)


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        """Static files and renditions read from storage; nothing fetched over the net (an
        address the page names elsewhere is left out of the PDF)."""

        def __init__(self, origin):
            super().__init__(allowed_protocols={"http", "https", "data"})
            self.origin = origin

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            found = local_file(url, self.origin)
            if found is None:
                raise ValueError(f"Not a file of this site: {url[:200]}")
            body, content_type = found
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return LocalFetcher


def build_pdf(report):
    """The PDF's bytes."""
    from weasyprint import HTML

    html, origin, path = render_whole_report(report)
    fetcher = _fetcher_class()(origin)
    # After the page's own stylesheets, as an author's (WeasyPrint's ``stylesheets`` would be
    # a user's, which the page's rules override).
    with open(finders.find("css/pdf.css"), encoding="utf-8") as handle:
        style = f"<style>{handle.read()}</style>"
    html = html.replace("</head>", style + "</head>", 1)
    document = HTML(string=html, base_url=origin + path, url_fetcher=fetcher)
    return document.write_pdf()
