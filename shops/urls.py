"""Addresses of the shops app that are not Wagtail pages: click & collect confirmations, the open-data
exports, and the links e-mailed to shopkeepers (invitation, freshness confirmation)."""

from django.urls import path

from . import open_data
from .views import click_collect, shopkeepers

app_name = "shops"

urlpatterns = [
    path("commerces.csv", open_data.shops_csv, name="open_data_csv"),
    path("commerces.json", open_data.shops_json, name="open_data_json"),
    path("commerces.geojson", open_data.shops_geojson, name="open_data_geojson"),
    path("reserver/<int:shop_id>/", click_collect.former_address),
    path(
        "reserver/confirmation/<str:token>/",
        click_collect.click_collect_confirmation,
        name="click_collect_confirmation",
    ),
    path("commercants/invitation/<str:token>/", shopkeepers.invitation, name="shopkeeper_invitation"),
    # Links sent before invitations had to be accepted (valid 7 days): they now say, instead of
    # a 404, that the link no longer works and to ask for a new invitation.
    path("commercants/mot-de-passe/<str:token>/", shopkeepers.invitation),
    path("commercants/confirmer/<str:token>/", shopkeepers.confirm_freshness, name="shop_freshness_confirm"),
]
