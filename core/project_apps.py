"""The project's own apps, and the modules each contributes to a loader (demo data, scale data)."""

import importlib
from pathlib import Path

from django.apps import apps
from django.conf import settings


def contributions(module_name):
    """The `<app>.<module_name>` modules of the project's apps that have one, in INSTALLED_APPS order."""
    for app_config in apps.get_app_configs():
        if Path(app_config.path).parent != settings.BASE_DIR:
            continue  # only the project's own apps contribute
        try:
            yield importlib.import_module(f"{app_config.name}.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.{module_name}":
                raise
