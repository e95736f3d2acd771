from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo towns (`load_demo`) and the scale territory (`seed_scale`); not installed in production."""

    name = "demo"
    verbose_name = "Démo"
