"""A URLconf with one view that crashes, to see the 500 page a visitor gets."""

from django.urls import path


def crash(request):
    raise RuntimeError("boum")


urlpatterns = [path("boum/", crash)]
handler500 = "home.views.server_error"
