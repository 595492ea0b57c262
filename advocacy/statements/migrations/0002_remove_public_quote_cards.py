"""Delete the quote cards earlier versions saved under the public media path.

Cards now live in the private "quote_cards" storage and are redrawn in the background
(the card view asks for a missing card once); the old files under MEDIA_ROOT/quote-cards/
could still be fetched at /media/quote-cards/… after their statement was unpublished."""

import os

from django.core.files.storage import default_storage
from django.db import migrations


def delete_tree(storage, directory):
    try:
        directories, files = storage.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        storage.delete(f"{directory}/{name}")
    for name in directories:
        delete_tree(storage, f"{directory}/{name}")
    try:
        path = storage.path(directory)
    except NotImplementedError:
        return
    try:
        os.rmdir(path)
    except OSError:
        pass


def remove_public_quote_cards(apps, schema_editor):
    delete_tree(default_storage, "quote-cards")


class Migration(migrations.Migration):
    dependencies = [("statements", "0001_initial")]

    operations = [
        migrations.RunPython(remove_public_quote_cards, migrations.RunPython.noop, elidable=True)
    ]
