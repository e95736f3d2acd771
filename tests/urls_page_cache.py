"""A URLconf with pages that must never enter the page cache: one sets a cookie, one is private."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import cache_control

from portal.urls import urlpatterns as portal_urlpatterns

PAGE = "<!DOCTYPE html><title>Essai</title><p>Une page d'essai pour le cache.</p>"


def with_cookie(request):
    response = HttpResponse(PAGE)
    response.set_cookie("preference", "sombre")
    return response


@cache_control(private=True)
def private(request):
    return HttpResponse(PAGE)


urlpatterns = [path("avec-cookie/", with_cookie), path("prive/", private), *portal_urlpatterns]
