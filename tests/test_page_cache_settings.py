"""Beyond one machine: the page cache, media on S3-compatible storage and the CDN come from variables."""

import json

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from tests.factories import ShopCategoryFactory, ShopIndexPageFactory, make_shop
from tests.support import commands

SHOW = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "from django.core.files.storage import storages; default_storage = storages['default']; "
    "from wagtail.contrib.frontend_cache.utils import get_backends; "
    "print(json.dumps({'storage': type(default_storage).__name__, 'media_url': s.MEDIA_URL, "
    "'serve_media': s.SERVE_MEDIA, 'photo': default_storage.url('images/vitrine.jpg'), "
    "'page_cache': s.PAGE_CACHE, 'pages': s.CACHES['pages']['BACKEND'], "
    "'cdn': sorted(type(b).__name__ for b in get_backends().values()), "
    "'frontend_cache_app': 'wagtail.contrib.frontend_cache' in s.INSTALLED_APPS}))"
)


def settings_with(tmp_path, **env):
    env = commands.clean_environment(
        DJANGO_SETTINGS_MODULE="portal.settings.dev", PROXIMITE_VAR_DIR=str(tmp_path), **env
    )
    result = commands.run_python(env, SHOW)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_one_machine_keeps_media_on_disk_and_pages_in_files(tmp_path):
    shown = settings_with(tmp_path)
    assert shown["storage"] == "FileSystemStorage" and shown["serve_media"] is True
    assert shown["photo"] == "/media/images/vitrine.jpg"
    assert shown["page_cache"] is True and shown["pages"].endswith("FileBasedCache")
    assert shown["cdn"] == [] and shown["frontend_cache_app"] is False


def test_a_bucket_sends_media_to_s3_compatible_storage(tmp_path):
    shown = settings_with(
        tmp_path,
        AWS_STORAGE_BUCKET_NAME="proximite-medias",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
        AWS_S3_REGION_NAME="fr-par",
        AWS_ACCESS_KEY_ID="cle",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert shown["storage"] == "S3Storage" and shown["serve_media"] is False
    assert shown["media_url"] == "https://s3.fr-par.scw.cloud/proximite-medias/"
    # A public address without a signature, which pages and a CDN can keep.
    assert shown["photo"] == "https://s3.fr-par.scw.cloud/proximite-medias/images/vitrine.jpg"


def test_a_media_domain_is_used_for_addresses(tmp_path):
    shown = settings_with(
        tmp_path, AWS_STORAGE_BUCKET_NAME="proximite-medias", AWS_S3_CUSTOM_DOMAIN="medias.commerces.fr"
    )
    assert shown["photo"] == "https://medias.commerces.fr/images/vitrine.jpg"


def test_redis_and_the_switch_of_the_page_cache(tmp_path):
    shown = settings_with(tmp_path, REDIS_URL="redis://127.0.0.1:6379/3", PROXIMITE_PAGE_CACHE="0")
    assert shown["pages"].endswith("RedisCache") and shown["page_cache"] is False


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({"PROXIMITE_CDN_PURGE_URL": "http://127.0.0.1:6081/"}, "HTTPBackend"),
        ({"CLOUDFLARE_API_TOKEN": "jeton", "CLOUDFLARE_ZONE_ID": "zone"}, "CloudflareBackend"),
    ],
)
def test_a_cdn_purge_is_configured_from_the_environment(tmp_path, env, backend):
    shown = settings_with(tmp_path, **env)
    assert shown["cdn"] == [backend] and shown["frontend_cache_app"] is True


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_publishing_a_shop_purges_it_with_its_directory_and_home_page(
    towns, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_page_cache_settings.RecordingBackend"}}
    directory = ShopIndexPageFactory(parent=towns["bethune"])
    shop = make_shop(directory, "Librairie du Beffroi", slug="librairie", category=ShopCategoryFactory())
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        shop.save_revision().publish()
    assert set(RecordingBackend.purged) == {
        "http://bethune.localhost/",
        "http://bethune.localhost/commerces/",
        "http://bethune.localhost/commerces/librairie/",
    }
