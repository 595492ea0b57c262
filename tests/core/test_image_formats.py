"""Stripping keeps what a picture is (format, frames, timing, transparency, colours) and
drops everything else, for each format editors may upload."""

import io

import pytest
from PIL import Image as PILImage
from PIL import ImageCms, ImageSequence

from advocacy.core.images import UnreadableImage, metadata_in, strip_metadata
from tests.core.dirty_images import XMP, dirty_exif, dirty_jpeg, dirty_png


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def encode(frames, fmt, **options):
    out = io.BytesIO()
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:])
    frames[0].save(out, fmt, **options)
    return out.getvalue()


def frames_of(data):
    with PILImage.open(io.BytesIO(data)) as picture:
        found = []
        for frame in ImageSequence.Iterator(picture):
            frame.load()
            found.append((frame.info.get("duration"), frame.convert("RGBA").getpixel((0, 0))))
        return picture.format, picture.size, found


def assert_stripped(data, fmt):
    assert metadata_in(data), "the sample should carry metadata"
    clean = strip_metadata(data)
    assert clean.format == fmt
    assert metadata_in(clean.content) == []
    with PILImage.open(io.BytesIO(clean.content)) as picture:
        assert picture.format == fmt
        assert not picture.getexif()
        assert not {"exif", "icc_profile", "xmp", "comment"} & set(picture.info)
        assert (clean.width, clean.height) == picture.size
    assert b"Jane Source" not in clean.content
    return clean


def test_jpeg_metadata_of_every_kind_is_named_then_gone():
    found = metadata_in(dirty_jpeg())

    for kind in ("EXIF GPS", "JPEG comment", "data after the JPEG image"):
        assert kind in found
    assert any("APP13" in item for item in found)  # IPTC
    assert any("APP2" in item for item in found)  # ICC profile
    assert_stripped(dirty_jpeg(), "JPEG")


def test_cmyk_jpeg_becomes_rgb():
    cmyk = PILImage.new("CMYK", (20, 10), (0, 255, 255, 0))  # red in ink
    data = encode([cmyk], "JPEG", exif=dirty_exif(orientation=1), quality=95)

    clean = assert_stripped(data, "JPEG")

    with PILImage.open(io.BytesIO(clean.content)) as picture:
        assert picture.mode == "RGB"
        red, green, blue = picture.getpixel((10, 5))
        assert red > 200 and green < 60 and blue < 60


def test_icc_profile_colours_are_applied_then_the_profile_dropped():
    picture = PILImage.new("RGB", (20, 10), (200, 100, 50))
    data = encode([picture], "PNG", icc_profile=srgb_profile())

    clean = assert_stripped(data, "PNG")

    with PILImage.open(io.BytesIO(clean.content)) as result:
        assert all(
            abs(a - b) <= 2 for a, b in zip(result.getpixel((0, 0)), (200, 100, 50), strict=True)
        )


def test_png_with_transparency_keeps_it():
    clean = assert_stripped(dirty_png(), "PNG")

    assert frames_of(clean.content)[2][0][1] == (255, 0, 0, 128)


def test_palette_png_keeps_its_transparent_colour():
    picture = PILImage.new("P", (20, 10), 1)
    picture.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    data = encode([picture], "PNG", transparency=1, exif=dirty_exif(orientation=1))

    clean = assert_stripped(data, "PNG")

    assert frames_of(clean.content)[2][0][1][3] == 0


def test_animated_gif_keeps_its_frames_timing_and_transparency():
    frames = [PILImage.new("P", (20, 10), index) for index in range(3)]
    for frame in frames:
        frame.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0] + [0] * 759)
    data = encode(
        frames, "GIF", duration=[100, 200, 300], loop=0, transparency=0, comment=b"Jane Source"
    )

    clean = assert_stripped(data, "GIF")

    assert frames_of(clean.content) == frames_of(data)


def test_animated_png_keeps_its_frames_and_timing():
    frames = [
        PILImage.new("RGBA", (20, 10), (255, 0, 0, 0)),
        PILImage.new("RGBA", (20, 10), "lime"),
    ]
    data = encode(frames, "PNG", duration=[150, 250], loop=3, exif=dirty_exif(orientation=1))

    clean = assert_stripped(data, "PNG")

    assert frames_of(clean.content) == frames_of(data)


@pytest.mark.parametrize("lossless", [False, True])
def test_webp_is_stripped_and_turned_upright(lossless):
    picture = PILImage.new("RGBA", (20, 10), (255, 0, 0, 128))
    data = encode(
        [picture], "WEBP", lossless=lossless, exif=dirty_exif(), icc_profile=srgb_profile(), xmp=XMP
    )

    clean = assert_stripped(data, "WEBP")

    assert (clean.width, clean.height) == (10, 20)
    assert (b"VP8L" in clean.content) is lossless


def test_animated_webp_keeps_its_frames_and_timing():
    frames = [
        PILImage.new("RGBA", (20, 10), (255, 0, 0, 255)),
        PILImage.new("RGBA", (20, 10), "lime"),
    ]
    data = encode(frames, "WEBP", duration=[100, 200], loop=0, lossless=True, exif=dirty_exif(1))

    clean = assert_stripped(data, "WEBP")

    assert frames_of(clean.content) == frames_of(data)


def test_avif_is_stripped_and_turned_upright():
    picture = PILImage.new("RGB", (20, 10), "red")
    data = encode([picture], "AVIF", exif=dirty_exif(), icc_profile=srgb_profile(), xmp=XMP)

    clean = assert_stripped(data, "AVIF")

    assert (clean.width, clean.height) == (10, 20)


def test_stripping_a_clean_file_finds_nothing_to_strip():
    for data in (dirty_jpeg(), dirty_png()):
        clean = strip_metadata(data).content
        assert metadata_in(clean) == []
        assert metadata_in(strip_metadata(clean).content) == []


@pytest.mark.parametrize(
    "data",
    [
        dirty_jpeg((400, 300))[:700],  # cut short in its headers
        dirty_jpeg((400, 300))[:-200],  # cut short in its pixels
        b"GIF89a" + b"\0" * 20,
        b"\x89PNG\r\n\x1a\n" + b"\0" * 40,
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        b"",
    ],
)
def test_damaged_or_unknown_files_are_refused(data):
    with pytest.raises(UnreadableImage):
        strip_metadata(data)
    assert metadata_in(data)


def test_a_truncated_upload_is_refused_even_once_the_pdf_renderer_is_loaded():
    import weasyprint  # noqa: F401  (the report's PDF; imported by the worker)
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint turns it on for the whole process
    with pytest.raises(UnreadableImage):
        strip_metadata(dirty_jpeg((400, 300))[:-200])


def test_multi_picture_jpeg_keeps_only_the_first_picture():
    # Phones store depth maps and previews after the photo (MPO), each with its own EXIF.
    first, second = PILImage.new("RGB", (20, 10), "red"), PILImage.new("RGB", (20, 10), "blue")
    data = encode([first, second], "MPO", exif=dirty_exif(orientation=1))

    clean = assert_stripped(data, "JPEG")

    with PILImage.open(io.BytesIO(clean.content)) as picture:
        assert getattr(picture, "n_frames", 1) == 1
