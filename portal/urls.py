from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import admin_reports, private_pages
from core.media import serve_public_media
from home import views as home_views

urlpatterns = [
    # Before Wagtail's own view at the same address: the same, with a limit on tries.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        private_pages.authenticate_with_password,
    ),
    # Wagtail's reports kept to the person's own town: in front of Wagtail's own (core/admin_reports.py).
    path("admin/reports/", include(admin_reports)),
    # Wagtail 7.4 reads revision 0 as “not reverting” and then fails on the missing revision.
    path("admin/pages/<int:page_id>/revisions/0/revert/", home_views.not_found),
    # Wagtail's deliberate error, for checking error reports, answers 500 to anyone with admin
    # access, shopkeepers included: no address of the portal fails on purpose.
    path("admin/failwhale/", home_views.not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve_public_media),
    ]

urlpatterns += [path("", include("shops.urls"))]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
