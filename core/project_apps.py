"""The project's own apps, and the modules each contributes to a hook of a lower app.

Imports go one way (`core` ← `towns` ← `accounts` ← `home` ← `shops`, `learning` ←
`programme` ← `demo`): a lower app that needs something a higher one knows names a module,
and each app that has something to say about it has a module of that name (`town_staff`,
`town_setup`, `shopkeeper_help`).
"""

import importlib
from pathlib import Path

from django.apps import apps
from django.conf import settings


def project_app_configs():
    """The project's own apps (not the libraries'), in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR]


def contributions(module_name):
    """The `<app>.<module_name>` modules of the project's apps that have one, in INSTALLED_APPS order."""
    for app_config in project_app_configs():
        try:
            yield importlib.import_module(f"{app_config.name}.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.{module_name}":
                raise


def contribution(module_name, name):
    """`name` from the first `<app>.<module_name>` module that defines it; None when no app does."""
    for module in contributions(module_name):
        if hasattr(module, name):
            return getattr(module, name)
    return None
