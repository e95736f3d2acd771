"""Image files get names nobody can guess, so a photo is not public before a page shows it.

Uploaded files are served at addresses made of their names (`/media/original_images/<name>`,
renditions `/media/images/<name>.<size>.<format>`), by Django or by a public S3 bucket, without
asking who is looking. Under the name the photo had on the phone or the computer
(`IMG_0001.jpg`, `vitrine.jpg`), a shopkeeper's new photo, and the sizes the admin and the
preview make of it, could be fetched by anyone guessing that name before the town approved the
change that uses it. Under a random name, its address is known only to the people who see it in
the admin until a published page shows it. The title keeps the name the person gave.
"""

import os
import secrets

from django.db.models.signals import pre_save
from wagtail.images import get_image_model


def random_name(filename):
    """A name of 128 random bits with the file's extension, e.g. `3f9c…e1.jpg`."""
    extension = os.path.splitext(filename or "")[1].lower()
    return secrets.token_hex(16) + extension


def _name_new_file(sender, instance, **kwargs):
    file = instance.file
    if file and not file._committed:
        file.name = random_name(file.name)


def connect_signals():
    pre_save.connect(_name_new_file, sender=get_image_model(), dispatch_uid="core.image_files.name_new_file")
