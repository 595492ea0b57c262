"""The report as an EPUB 3: the whole-report page (same view, same templates) cut into a title
page, the summary, one XHTML file per chapter and the recommendations, with a navigation
document, the images the chapters show, and metadata naming its language and identifier."""

import copy
import io
import posixpath
import uuid

from lxml import etree, html

from django.utils.translation import gettext, override

from .render import local_file, render_whole_report

# Asked of a web page, meaningless in a book: forms and buttons that need the site, scripts,
# the page's own contents list (the book has its navigation document).
DROPPED = (
    "//script | //form | //nav | //button | //input"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' cta-slot ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' cta ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' share ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' js-only ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' progress ')]"
)
# Attributes of the web page that an EPUB 3 reading system neither needs nor always accepts.
WEB_ONLY_ATTRIBUTES = ("srcset", "sizes", "loading", "decoding", "fetchpriority", "tabindex")
STYLE = """
body { font-family: serif; line-height: 1.5; }
h1, h2, h3 { font-family: sans-serif; line-height: 1.2; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; }
.standfirst { font-size: 1.1em; }
figure { margin: 1em 0; } img { max-width: 100%; height: auto; }
blockquote, .quote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #999; }
.footnotes { border-top: 1px solid #999; margin-top: 2em; font-size: 0.9em; }
.footnotes__back, .footnote-ref { text-decoration: none; }
.print-cover__title { font-size: 1.8em; font-weight: bold; }
.print-cover__subtitle { display: block; font-size: 0.7em; }
"""


def _has_class(element, name):
    return name in (element.get("class") or "").split()


def _inner(element):
    return "".join(html.tostring(child, encoding="unicode") for child in element)


def _section_file(number):
    return f"chapter-{number:03d}.xhtml"


def build_epub(report):
    """The EPUB's bytes."""
    from ebooklib import epub

    page_html, origin, path = render_whole_report(report)
    tree = html.fromstring(page_html)
    language = report.locale.language_code
    article = tree.find_class("report-all")
    article = article[0] if article else tree
    for element in article.xpath(DROPPED):
        element.getparent().remove(element)

    book = epub.EpubBook()
    book.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, origin + path)}")
    book.set_title(report.full_title)
    book.set_language(language)
    organisation = _organisation(report)
    if organisation:
        book.add_author(organisation)
        book.add_metadata("DC", "publisher", organisation)
    if report.publication_date:
        book.add_metadata("DC", "date", report.publication_date.isoformat())
    book.add_metadata("DC", "source", origin + path)
    style = epub.EpubItem(
        uid="style", file_name="style/book.css", media_type="text/css", content=STYLE
    )
    book.add_item(style)

    # Where each part of the page goes: the anchors a link may point at, by file.
    parts = []  # (file name, title, element)
    with override(language):
        cover = article.find_class("print-cover")
        if cover:
            cover[0].set("class", "print-cover")
            parts.append(("title.xhtml", report.title, cover[0]))
        summary = article.get_element_by_id("summary", None)
        if summary is not None:
            parts.append(("summary.xhtml", gettext("Summary"), summary))
        chapters = [el for el in article.iter("section") if _has_class(el, "report-all__chapter")]
        for number, section in enumerate(chapters, start=1):
            title = section.find("h2")
            text = title.text_content().strip() if title is not None else str(number)
            parts.append((_section_file(number), " ".join(text.split()), section))
        recommendations = article.get_element_by_id("recommendations", None)
        if recommendations is not None:
            parts.append(("recommendations.xhtml", gettext("Recommendations"), recommendations))

    anchors = {}
    for file_name, _title, element in parts:
        for anchor in element.xpath(".//@id"):
            anchors[anchor] = file_name
        if element.get("id"):
            anchors[element.get("id")] = file_name

    images = {}
    documents = []
    for file_name, title, element in parts:
        element = copy.deepcopy(element)
        _relink(element, file_name, anchors)
        _embed_images(book, element, origin, images)
        for attribute in WEB_ONLY_ATTRIBUTES:
            for node in element.xpath(f".//*[@{attribute}]"):
                del node.attrib[attribute]
        document = epub.EpubHtml(title=title, file_name=file_name, lang=language)
        document.content = (
            f"<html><head><title>{_escape(title)}</title></head><body>"
            f"{html.tostring(element, encoding='unicode')}</body></html>"
        )
        document.add_item(style)
        book.add_item(document)
        documents.append(document)

    book.toc = [epub.Link(doc.file_name, doc.title, doc.file_name) for doc in documents]
    book.add_item(epub.EpubNcx())  # for EPUB 2 reading systems; EPUB 3 ones read the nav
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *documents]
    output = io.BytesIO()
    epub.write_epub(output, book, {"epub3_pages": False})
    return output.getvalue()


def _organisation(report):
    from advocacy.core.models import SiteSettings

    site = report.get_site()
    if site is None:
        return ""
    return SiteSettings.for_site(site).organisation_name


def _escape(text):
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _relink(element, file_name, anchors):
    """Links to another part of the page point at the file that part went to."""
    for link in element.iter("a"):
        href = link.get("href") or ""
        if href.startswith("#"):
            target = anchors.get(href[1:])
            if target is None:
                del link.attrib["href"]
            elif target != file_name:
                link.set("href", target + href)


def _embed_images(book, element, origin, images):
    """Each image the part shows goes into the book once; one that cannot be read (no
    rendition, a missing file) is left out, its alt text in its place."""
    from ebooklib import epub

    for picture in list(element.iter("picture")):  # the book takes the <img>, one format
        image = picture.find(".//img")
        if image is not None:
            image.tail = picture.tail
            picture.getparent().replace(picture, image)
        else:
            picture.getparent().remove(picture)
    for image in list(element.iter("img")):
        source = image.get("src") or ""
        name = images.get(source)
        if name is None:
            found = local_file(source, origin) if source else None
            if found is None or not found[1].startswith("image/"):
                alt = image.get("alt") or ""
                replacement = etree.Element("span")
                replacement.text = alt
                replacement.tail = image.tail
                image.getparent().replace(image, replacement)
                continue
            content, content_type = found
            name = f"images/{len(images) + 1:03d}{posixpath.splitext(source.split('?')[0])[1]}"
            book.add_item(
                epub.EpubItem(
                    uid=f"image-{len(images) + 1}",
                    file_name=name,
                    media_type=content_type,
                    content=content,
                )
            )
            images[source] = name
        image.set("src", name)
