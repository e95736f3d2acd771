from django.urls import path
from wagtail import hooks

from home import two_factor_views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("deux-facteurs/activer/", two_factor_views.enrol, name="two_factor_enrol"),
        path("deux-facteurs/code/", two_factor_views.verify, name="two_factor_verify"),
    ]
