"""Public URLs of the shopkeepers' features (invitation and freshness confirmation links)."""

from django.urls import path

from . import views_shopkeepers

urlpatterns = [
    path(
        "commercants/mot-de-passe/<str:token>/",
        views_shopkeepers.set_password,
        name="shopkeeper_set_password",
    ),
    path(
        "commercants/confirmer/<str:token>/",
        views_shopkeepers.confirm_freshness,
        name="shop_freshness_confirm",
    ),
]
