"""Reading back the report's PDF and EPUB the way a reader's software does: the PDF opened by
pypdf (pages, text, fonts), the EPUB checked for the structure reading systems rely on."""

import io
import posixpath
import zipfile

from lxml import etree

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"


def pdf_pages(content):
    """The PDF's pages' text (it must parse)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content), strict=True)
    return [page.extract_text() or "" for page in reader.pages]


def pdf_fonts(content):
    """The names of the fonts the PDF embeds."""
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            names.add(str(font.get_object().get("/BaseFont")))
    return names


def check_epub(content):
    """Check what an EPUB 3 must be, and return (metadata, [(title, xhtml text)] in spine
    order): a zip whose first entry is an uncompressed ``mimetype``; a container naming the
    package document; a version 3.0 package with identifier, title and language; a manifest
    whose files all exist, with exactly one navigation document; a spine of manifest items;
    every XHTML file well-formed XML."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert archive.testzip() is None
    first = archive.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/epub+zip"
    container = etree.fromstring(archive.read("META-INF/container.xml"))
    rootfile = container.find(f".//{CONTAINER}rootfile")
    opf_path = rootfile.get("full-path")
    assert rootfile.get("media-type") == "application/oebps-package+xml"
    package = etree.fromstring(archive.read(opf_path))
    assert package.tag == f"{OPF}package" and package.get("version") == "3.0"
    metadata = package.find(f"{OPF}metadata")
    identifier = metadata.find(f"{DC}identifier")
    assert identifier is not None and identifier.text
    assert identifier.get("id") == package.get("unique-identifier")
    found = {
        "identifier": identifier.text,
        "title": metadata.find(f"{DC}title").text,
        "language": metadata.find(f"{DC}language").text,
    }
    assert found["title"] and found["language"]
    modified = [
        m for m in metadata.findall(f"{OPF}meta") if m.get("property") == "dcterms:modified"
    ]
    assert len(modified) == 1
    base = posixpath.dirname(opf_path)
    names = set(archive.namelist())
    items = {}
    for item in package.find(f"{OPF}manifest"):
        href = posixpath.normpath(posixpath.join(base, item.get("href")))
        assert href in names, f"manifest names a missing file: {href}"
        items[item.get("id")] = (href, item.get("media-type"), item.get("properties") or "")
    navs = [href for href, _type, properties in items.values() if "nav" in properties.split()]
    assert len(navs) == 1
    spine = package.find(f"{OPF}spine")
    toc = spine.get("toc")
    assert toc is None or toc in items
    parts = []
    for itemref in spine:
        href, media_type, _properties = items[itemref.get("idref")]
        assert media_type == "application/xhtml+xml"
        document = etree.fromstring(archive.read(href))  # well-formed XML, or this raises
        title = document.find(f".//{XHTML}title")
        parts.append((title.text if title is not None else "", "".join(document.itertext())))
    for href, media_type, _properties in items.values():
        if media_type == "application/xhtml+xml":
            etree.fromstring(archive.read(href))
    return found, parts


def epub_file(content, name):
    """One XHTML file of the EPUB's package, as text."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    (path,) = [entry for entry in archive.namelist() if entry.endswith("/" + name)]
    return archive.read(path).decode()
