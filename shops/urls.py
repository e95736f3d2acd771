"""Shop pages that are not Wagtail pages: click & collect requests and the open-data exports."""

from django.urls import path

from . import open_data, views_click_collect

app_name = "shops"

urlpatterns = [
    path("commerces.csv", open_data.shops_csv, name="open_data_csv"),
    path("commerces.json", open_data.shops_json, name="open_data_json"),
    path("commerces.geojson", open_data.shops_geojson, name="open_data_geojson"),
    path("reserver/<int:shop_id>/", views_click_collect.click_collect_request, name="click_collect"),
    path(
        "reserver/confirmation/<str:token>/",
        views_click_collect.click_collect_confirmation,
        name="click_collect_confirmation",
    ),
]
