"""Photos that carry where, when and by whom they were taken (GPS, Artist, XMP, IPTC, a
comment, PNG text chunks), built with Pillow: the samples the image tests strip."""

import io
import struct

from PIL import Image as PILImage
from PIL import ImageCms, PngImagePlugin

ARTIST = "Jane Source"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf'
    b'-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>'
    b"Jane Source</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
)


def dirty_exif(orientation=6):
    exif = PILImage.Exif()
    exif[0x013B] = ARTIST  # Artist
    exif[0x010F] = "PhoneCo"  # Make
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (53.0, 54.0, 0.0), 3: "E", 4: (27.0, 34.0, 0.0)})
    return exif


def dirty_jpeg(size=(20, 10)):
    """A JPEG with GPS, Artist, Orientation=6 (shown turned a quarter clockwise), an ICC
    profile, XMP, a comment, IPTC (Photoshop APP13) and a trailer after the image."""
    picture = PILImage.new("RGB", size, "red")
    picture.paste((0, 0, 255), (0, 0, size[0] // 2, size[1]))  # left half blue
    out = io.BytesIO()
    picture.save(
        out,
        "JPEG",
        exif=dirty_exif(),
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        xmp=XMP,
        comment=b"Minsk, 5 Main St",
    )
    data = out.getvalue()
    iptc = b"Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x0f\x1c\x02\x50\0\x0bJane Source"
    app13 = b"\xff\xed" + struct.pack(">H", len(iptc) + 2) + iptc
    return data[:2] + app13 + data[2:] + b"SEFT Minsk 53.9 27.5"


def dirty_png():
    picture = PILImage.new("RGBA", (20, 10), (255, 0, 0, 128))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", ARTIST)
    text.add_text("Comment", "Minsk", zip=True)
    text.add_itxt("Description", "Minsk", lang="ru")
    out = io.BytesIO()
    picture.save(out, "PNG", pnginfo=text, exif=dirty_exif())
    return out.getvalue()
