"""Public URLs of the shopkeepers' features (invitation and freshness confirmation links)."""

from django.urls import path

from . import views_shopkeepers

urlpatterns = [
    path(
        "commercants/invitation/<str:token>/",
        views_shopkeepers.invitation,
        name="shopkeeper_invitation",
    ),
    # Links sent before invitations had to be accepted (valid 7 days): they now say, instead of
    # a 404, that the link no longer works and to ask for a new invitation.
    path("commercants/mot-de-passe/<str:token>/", views_shopkeepers.invitation),
    path(
        "commercants/confirmer/<str:token>/",
        views_shopkeepers.confirm_freshness,
        name="shop_freshness_confirm",
    ),
]
