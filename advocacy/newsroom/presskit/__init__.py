"""The press kit: one zip on the press page, rebuilt in the background when what it holds
changes, never built inside a request.

What goes in (``builder.kit_files``), for a live, public press page, in its language:

- ``README.txt``: what is in the zip, the date of the newest change it includes, where it
  comes from, the press contact and the image credits;
- ``press-releases/*.txt``: every public press release as plain text (``text.py``);
- ``documents/*``: the public publications the press page offers (the report's PDF, through
  ``register_press_kit_entries``) and each release's report PDF, while public;
- ``images/*`` and ``CREDITS.txt``: the approved images, i.e. the press page's own “Press
  kit images” as published (an editor chose each one, with its credit and licence, and
  /press/ already shows them), and only while the image is public (a public collection,
  used by a public page). ``ImageSafety.in_press_kit`` alone never puts an image in: an image
  flagged there might be used by no public page. The safety record's caption fills in a
  kit image without a caption of its own;
- ``statements.csv``: the quote desk's CSV of every published statement (the same writer,
  ``advocacy.statements.export``).

Nothing else: a draft, a scheduled or expired page or statement, a page under a view
restriction (or below one), a document or image in a restricted collection stays out.

The zip is deterministic: entries in a fixed order, each dated with the kit's content date
(the day of the newest publication it includes), so the same content gives the same bytes
and the same SHA-256, which names the file (``less-equal-press-kit-<hash12>.zip``).
"""
