"""Public URLs of the shopkeepers' features (invitation and freshness confirmation links)."""

from django.urls import path

from . import views_shopkeepers

urlpatterns = [
    path(
        "commercants/invitation/<str:token>/",
        views_shopkeepers.invitation,
        name="shopkeeper_invitation",
    ),
    path(
        "commercants/confirmer/<str:token>/",
        views_shopkeepers.confirm_freshness,
        name="shop_freshness_confirm",
    ),
]
