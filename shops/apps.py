from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def register_sqlite_functions(sender, connection, **kwargs):
    """The directory's accent-blind text filter (shops.directory.Folded) calls fold() from SQL."""
    if connection.vendor == "sqlite":
        from .directory import fold

        connection.connection.create_function("proximite_fold", 1, fold, deterministic=True)


class ShopsConfig(AppConfig):
    name = "shops"
    verbose_name = _("Shops")

    def ready(self):
        connection_created.connect(register_sqlite_functions)
