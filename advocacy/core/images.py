"""Uploaded images keep their pixels and nothing else.

A photograph can tell where and when it was taken, with which phone and by whom: EXIF (GPS,
Artist, serial numbers, a thumbnail of the uncropped picture), XMP, IPTC, an ICC profile's
description, PNG text chunks, JPEG and GIF comments, data appended after the image (Samsung's
trailer). For anonymous sources that is a leak. So every image file is re-encoded from its
pixels before it is stored: the EXIF orientation is applied to the pixels, colours are
converted to sRGB, and nothing else is carried over; the file gets a random name (a phone's
file name is the second the photo was taken). The original file is the clean one, so
every rendition made from it is clean too (Willow copies only the original's EXIF and ICC
data into renditions, and there are none left).

Wagtail 8 and Willow have no option for this (Willow's ``save_as_jpeg``/``save_as_png`` copy
the original's EXIF into every rendition), and a custom image model would mean migrating
every image foreign key. Instead:

- ``ImageForm`` (``WAGTAILIMAGES_IMAGE_FORM_BASE``) strips the file while the admin's single
  and multiple upload forms validate it, so a file Pillow cannot decode is a form error;
- ``strip_before_save`` (a ``pre_save`` receiver on the image model) strips any new file that
  did not come through that form: the API, a shell, factories, a file stored before the
  model was saved (the multiple uploader's second step);
- ``strip_upload_before_save`` does the same for the multiple uploader's temporary files;
- ``strip_stored_image`` re-encodes an image already in storage and drops its renditions
  (``manage.py strip_image_metadata`` runs it over every image).
"""

import contextlib
import io
import os
import re
import secrets
import struct
from dataclasses import dataclass

from PIL import Image as PILImage
from PIL import ImageCms, ImageFile, ImageOps, ImageSequence, JpegImagePlugin

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

# Pillow formats we re-encode, each to itself. MPO is a JPEG with more pictures appended
# (phones store depth maps and previews there, each with its own EXIF): only the first is kept.
OUTPUT_FORMATS = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "GIF": "GIF",
    "WEBP": "WEBP",
    "AVIF": "AVIF",
}
# Pillow's errors for a damaged, truncated or oversized file.
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    PILImage.DecompressionBombError,
)
# The extension each output format is stored with, and the names stored files get.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}
STORED_NAME = re.compile(r"[0-9a-f]{16}(_[0-9A-Za-z]{7})?\.(jpg|png|gif|webp|avif)")
# Per-frame facts that describe the pixels and the animation, and nothing else.
PIXEL_INFO = {"transparency", "duration", "loop", "disposal", "blend", "background"}
# What Pillow reports in ``info`` about a file that carries no metadata: encoding details.
HARMLESS_INFO = PIXEL_INFO | {
    "adobe",
    "adobe_transform",
    "aspect",
    "bbox",
    "chromaticity",
    "default_image",
    "dpi",
    "extension",  # GIF application extensions: their names are checked in _gif_metadata
    "gamma",
    "interlace",
    "jfif",
    "jfif_density",
    "jfif_unit",
    "jfif_version",
    "progression",
    "progressive",
    "srgb",
    "timestamp",
    "version",
}
JPEG_QUALITY = 90  # when the source's own quantisation tables cannot be reused
LOSSY_QUALITY = 90  # WebP and AVIF

UNREADABLE = _(
    "This image could not be read: the file may be damaged or incomplete. "
    "Export it again from your photo editor and upload the new file."
)


class UnreadableImage(ValueError):
    """A file Pillow cannot fully decode, or in a format we do not re-encode."""


@dataclass(frozen=True)
class CleanImage:
    """An image re-encoded from its pixels, with the facts the image model stores."""

    content: bytes
    format: str
    width: int
    height: int

    @property
    def file_hash(self):
        return hash_filelike(io.BytesIO(self.content))


class StrippedImageFile(ContentFile):
    """An image file already re-encoded by ``strip_metadata``: saving it again is a no-op."""


@contextlib.contextmanager
def _strict_decoding():
    """Refuse truncated files while decoding an upload, whatever another library set
    process-wide (WeasyPrint turns Pillow's LOAD_TRUNCATED_IMAGES on when it is imported)."""
    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def strip_metadata(data: bytes) -> CleanImage:
    """Re-encode ``data`` from its pixels alone, in its own format, orientation applied."""
    try:
        with _strict_decoding(), PILImage.open(io.BytesIO(data)) as source:
            fmt = source.format
            if fmt not in OUTPUT_FORMATS:
                raise UnreadableImage(f"unsupported image format {fmt}")
            frames, durations, disposals = [], [], []
            for frame in ImageSequence.Iterator(source):
                frame.load()  # WebP and AVIF read a frame's duration as they decode it
                durations.append(frame.info.get("duration", 100))
                disposals.append(frame.info.get("disposal", getattr(frame, "disposal_method", 0)))
                frames.append(_clean_frame(frame))
                if fmt == "MPO":
                    break
            out = io.BytesIO()
            _save(out, OUTPUT_FORMATS[fmt], source, data, frames, durations, disposals)
    except UnreadableImage:
        raise
    except DECODE_ERRORS as exc:
        raise UnreadableImage(str(exc)) from exc
    width, height = frames[0].size
    return CleanImage(out.getvalue(), OUTPUT_FORMATS[fmt], width, height)


def _clean_frame(frame):
    """One frame's pixels, turned upright and into sRGB, with no metadata attached."""
    try:
        upright = ImageOps.exif_transpose(frame)  # a copy; keeps EXIF other than orientation
    except (SyntaxError, ValueError, KeyError, TypeError, struct.error):
        upright = frame.copy()  # EXIF too damaged to tell the orientation
    icc = frame.info.get("icc_profile")
    if icc and upright.mode in {"RGB", "RGBA", "CMYK"}:
        # The profile is dropped, so its colours are applied first (browsers assume sRGB).
        # A broken profile is ignored: the pixels are kept as they are.
        with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError):
            upright = ImageCms.profileToProfile(
                upright,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGBA" if upright.mode == "RGBA" else "RGB",
            )
    if upright.mode == "CMYK":
        upright = upright.convert("RGB")
    clean = upright.copy()
    clean.info = {key: value for key, value in frame.info.items() if key in PIXEL_INFO}
    return clean


def _save(out, fmt, source, data, frames, durations, disposals):
    first, rest = frames[0], frames[1:]
    options = {}
    if rest:
        options = {"save_all": True, "append_images": rest, "duration": durations}
        options["loop"] = source.info.get("loop", 0)
        if fmt in {"GIF", "PNG"}:
            options["disposal"] = disposals
    if fmt == "JPEG":
        # Re-using the source's quantisation tables keeps its quality and size.
        options.update(optimize=True, progressive=bool(source.info.get("progressive")))
        tables = getattr(source, "quantization", None)
        if tables and first.mode in {"L", "RGB"} and source.mode == first.mode:
            options.update(qtables=tables, subsampling=JpegImagePlugin.get_sampling(source))
        else:
            options.update(quality=JPEG_QUALITY)
    elif fmt == "WEBP":
        if _webp_chunks(data).get("VP8L"):
            options.update(lossless=True)
        else:
            options.update(quality=LOSSY_QUALITY)
    elif fmt == "AVIF":
        options.update(quality=LOSSY_QUALITY)
    first.save(out, fmt, **options)


def metadata_in(data: bytes) -> list[str]:
    """What in ``data`` is not pixels: empty for a file ``strip_metadata`` wrote.

    Checks the file's own structure (every JPEG segment, PNG chunk, WebP chunk, GIF block and
    anything after the image's end) and what Pillow reads from it, and names anything unknown,
    so a file is called clean only when nothing but the picture is in it."""
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            fmt = image.format
            found = [f"{key} ({fmt})" for key in image.info if key not in HARMLESS_INFO]
            exif = image.getexif()
            if exif:
                found.append("EXIF")
            if exif.get_ifd(0x8825):
                found.append("EXIF GPS")
    except DECODE_ERRORS as exc:
        return [f"unreadable ({exc})"]
    structure = {
        "JPEG": _jpeg_metadata,
        "MPO": _jpeg_metadata,
        "PNG": _png_metadata,
        "GIF": _gif_metadata,
        "WEBP": _webp_metadata,
    }.get(fmt)
    if structure is not None:
        found += structure(data)
    elif fmt not in OUTPUT_FORMATS:
        found.append(f"unsupported format {fmt}")
    return sorted(set(found))


def _jpeg_metadata(data):
    found, pos = [], 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return [*found, "damaged JPEG structure"]
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment = data[pos + 4 : pos + 2 + length]
        if marker == 0xE0 and segment.startswith(b"JFIF\0") and segment[12:14] == b"\0\0":
            pass  # JFIF header without a thumbnail
        elif marker == 0xEE and segment.startswith(b"Adobe"):
            pass  # colour transform flag
        elif 0xE0 <= marker <= 0xEF:
            found.append(f"JPEG APP{marker - 0xE0} {segment[:12]!r}")
        elif marker == 0xFE:
            found.append("JPEG comment")
        if marker == 0xDA:  # start of scan: entropy-coded data until EOI
            break
        pos += 2 + length
    if not data.rstrip(b"\0").endswith(b"\xff\xd9"):
        found.append("data after the JPEG image")
    return found


PNG_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"acTL", b"fcTL", b"fdAT"}
PNG_CHUNKS |= {b"pHYs", b"gAMA", b"cHRM", b"sRGB", b"bKGD", b"sBIT"}


def _png_metadata(data):
    found, pos = [], 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind not in PNG_CHUNKS:
            found.append(f"PNG {kind.decode('latin-1')} chunk")
        pos += 12 + length
        if kind == b"IEND":
            break
    if data[pos:].strip(b"\0"):
        found.append("data after the PNG image")
    return found


WEBP_CHUNKS = {"VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF"}


def _webp_chunks(data, start=12, end=None):
    """How many of each chunk a WebP file holds, those inside animation frames included."""
    chunks, pos, end = {}, start, len(data) if end is None else end
    while pos + 8 <= end:
        kind = data[pos : pos + 4].decode("latin-1")
        (length,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        chunks[kind] = chunks.get(kind, 0) + 1
        if kind == "ANMF":  # 16 bytes of frame header, then the frame's own chunks
            for inner, count in _webp_chunks(data, pos + 24, pos + 8 + length).items():
                chunks[inner] = chunks.get(inner, 0) + count
        pos += 8 + length + (length & 1)
    return chunks


def _webp_metadata(data):
    found = [f"WebP {kind} chunk" for kind in _webp_chunks(data) if kind not in WEBP_CHUNKS]
    (riff_size,) = struct.unpack("<I", data[4:8])
    if len(data) > 8 + riff_size:
        found.append("data after the WebP image")
    return found


def _gif_metadata(data):
    found = []
    flags = data[10]
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)

    def skip_sub_blocks(pos):
        while pos < len(data) and data[pos]:
            pos += data[pos] + 1
        return pos + 1

    while pos < len(data):
        block = data[pos]
        if block == 0x3B:  # trailer
            pos += 1
            break
        if block == 0x2C:  # image: descriptor, local colour table, LZW data
            flags = data[pos + 9]
            pos += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
            pos = skip_sub_blocks(pos + 1)
        elif block == 0x21:
            label = data[pos + 1]
            if label == 0xFF:
                app = data[pos + 3 : pos + 3 + data[pos + 2]]
                if app not in {b"NETSCAPE2.0", b"ANIMEXTS1.0"}:
                    found.append(f"GIF application extension {app!r}")
            elif label == 0xFE:
                found.append("GIF comment")
            elif label != 0xF9:  # graphic control (delay, transparency) is pixels' business
                found.append(f"GIF extension {label:#x}")
            pos = skip_sub_blocks(pos + 2)
        else:
            return [*found, "damaged GIF structure"]
    if data[pos:].strip(b"\0"):
        found.append("data after the GIF image")
    return found


def stored_name(fmt: str) -> str:
    """A random file name: a phone names a photo after the second it was taken
    (IMG_20250501_142311.jpg), an editor after who or where it shows, and the name is in
    every URL of the image and its renditions."""
    return f"{secrets.token_hex(8)}.{EXTENSIONS[fmt]}"


def has_stored_name(name: str) -> bool:
    return STORED_NAME.fullmatch(os.path.basename(name)) is not None


def stripped_file(data: bytes) -> tuple[StrippedImageFile, CleanImage]:
    """A file holding ``data`` re-encoded without metadata, under a random name."""
    clean = strip_metadata(data)
    return StrippedImageFile(clean.content, name=stored_name(clean.format)), clean


def _apply(image, clean):
    image.width, image.height = clean.width, clean.height
    image.file_size = len(clean.content)
    image.file_hash = clean.file_hash


def strip_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: a new or replaced image file is re-encoded before it is written."""
    if raw or not instance.file:
        return
    if update_fields is not None and "file" not in update_fields:
        return
    field_file = instance.file
    if not field_file._committed:
        upload = field_file.file
        if isinstance(upload, StrippedImageFile):
            return
        upload.seek(0)
        # Fails loudly on a file Pillow cannot decode: only the admin form can show a
        # message, and an image that cannot be cleaned must not be stored.
        clean_file, clean = stripped_file(upload.read())
        instance.file = clean_file
        _apply(instance, clean)
        return
    # Already in storage (stored before the model was saved, or a file name set directly):
    # re-encode it only when it is new to this row and is not clean.
    if getattr(instance, "_clean_file_name", None) == field_file.name:
        return
    if not instance._state.adding:
        stored = sender._default_manager.filter(pk=instance.pk).values_list("file", flat=True)
        if stored.first() == field_file.name:
            return
    strip_stored_file(instance)


def strip_stored_file(image) -> bool:
    """Re-encode ``image``'s stored file if it carries metadata, or only rename it if its
    name is not a random one; True if it did either. The old file is deleted once the new
    one is saved; the caller saves the row."""
    storage, old_name = image.file.storage, image.file.name
    with storage.open(old_name, "rb") as f:
        data = f.read()
    if not metadata_in(data):
        if has_stored_name(old_name):
            return False
        with PILImage.open(io.BytesIO(data)) as picture:
            fmt, size = OUTPUT_FORMATS[picture.format], picture.size
        clean_file = StrippedImageFile(data, name=stored_name(fmt))
        clean = CleanImage(data, fmt, *size)
    else:
        clean_file, clean = stripped_file(data)
    image.file.save(clean_file.name, clean_file, save=False)
    image._clean_file_name = image.file.name
    _apply(image, clean)
    # Delete the dirty file once the row points at the clean one (at once outside a
    # transaction); if the transaction rolls back, the row keeps its old file.
    transaction.on_commit(lambda: storage.delete(old_name))
    return True


def strip_stored_image(image) -> bool:
    """Re-encode an image already in storage, if it carries metadata, and delete its
    renditions (made from the dirty file). Idempotent: a clean image is left untouched."""
    with transaction.atomic():
        if not strip_stored_file(image):
            return False
        image.save(update_fields=["file", "width", "height", "file_size", "file_hash"])
        image.renditions.all().delete()
    return True


def strip_upload_before_save(sender, instance, raw=False, **kwargs):
    """pre_save on Wagtail's UploadedFile: the multiple uploader keeps an image there (in
    media storage) while its form is completed; it is stripped like any other image."""
    if raw or not instance.file or instance.file._committed:
        return
    image_model = get_image_model()
    content_type = instance.for_content_type
    if content_type is None or content_type.model_class() is not image_model:
        return
    upload = instance.file.file
    upload.seek(0)
    try:
        instance.file, _clean = stripped_file(upload.read())
    except UnreadableImage:
        # The image form rejects the file when it is completed; keep no copy of it meanwhile.
        instance.file = StrippedImageFile(b"", name=stored_name("PNG"))


class ImageFileField(WagtailImageField):
    """Wagtail's image upload field; the file it returns is re-encoded without metadata, and
    one Pillow cannot decode is refused with a message (Wagtail's own checks raise a server
    error for some damaged files, such as a JPEG cut short in its headers)."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
            if upload is None:
                return None
            upload.seek(0)
            clean_file, _clean = stripped_file(upload.read())
        except (UnreadableImage, *DECODE_ERRORS) as exc:
            raise ValidationError(UNREADABLE, code="invalid_image") from exc
        return clean_file


# The image's safety record (``ImageSafety``), edited on the image's own form: the form's
# field name for each of the record's fields.
SAFETY_FIELDS = {
    "safety_caption": ("caption", _("Caption")),
    "safety_credit": ("credit", _("Credit")),
    "safety_face_free": ("face_free", _("Face-free: nobody can be recognised")),
    "safety_consent_noted": ("consent_noted", _("Consent noted")),
    "safety_consent_note": ("consent_note", _("Consent note")),
    "safety_in_press_kit": ("in_press_kit", _("In the press kit")),
}
# Fields a full form may lack: the multiple uploader's leaves out the file and focal point,
# and the collection is dropped for a user with one collection. Any other missing field
# makes a partial form.
NOT_IN_EVERY_FULL_FORM = {"file", "collection", "focal_point_x", "focal_point_y"}
NOT_IN_EVERY_FULL_FORM |= {"focal_point_width", "focal_point_height"}


class SafetyRecordFormMixin:
    """Adds the image's safety record (caption, credit, face-free, consent, press kit) to
    Wagtail's image forms, filled from ``instance.safety`` and saved with the image.

    Only full forms carry it: a partial form (Wagtail's API updates one field at a time)
    would otherwise reset the record's unsent fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import ImageSafety

        admin_fields = set(get_image_model().admin_form_fields) - NOT_IN_EVERY_FULL_FORM
        self.edits_safety = admin_fields <= set(self.fields)
        if not self.edits_safety:
            return
        record = None
        if self.instance.pk is not None:
            record = ImageSafety.objects.filter(image=self.instance).first()
        for form_name, (model_name, label) in SAFETY_FIELDS.items():
            model_field = ImageSafety._meta.get_field(model_name)
            self.fields[form_name] = model_field.formfield(label=label)
            if record is not None:
                self.initial[form_name] = getattr(record, model_name)

    def save(self, commit=True):
        image = super().save(commit=commit)
        if self.edits_safety:
            if commit:
                self.save_safety_record(image)
            else:
                # Wagtail's views save the image themselves, then call save_m2m().
                save_m2m = self.save_m2m

                def save_m2m_and_safety():
                    save_m2m()
                    self.save_safety_record(image)

                self.save_m2m = save_m2m_and_safety
        return image

    def save_safety_record(self, image):
        from .models import ImageSafety

        values = {
            model_name: self.cleaned_data[form_name]
            for form_name, (model_name, _label) in SAFETY_FIELDS.items()
        }
        ImageSafety.objects.update_or_create(image=image, defaults=values)


class ImageForm(SafetyRecordFormMixin, BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): its file field strips
    metadata, and it edits the image's safety record."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = ImageFileField(
                label=field.label, required=field.required, widget=field.widget
            )
