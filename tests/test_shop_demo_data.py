"""Demo shops: a believable directory in each town, with what the browser tests rely on."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Site

from shops.models import ShopCategory, ShopIndexPage, ShopPage


class ShopDemoDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", port=8000, stdout=StringIO())

    def directories(self):
        for site in Site.objects.all():
            yield site, ShopIndexPage.objects.child_of(site.root_page).get()

    def test_each_town_has_a_directory_in_the_menu_with_about_forty_shops(self):
        for _site, directory in self.directories():
            assert directory.live and directory.show_in_menus
            shops = ShopPage.objects.child_of(directory).live()
            assert 35 <= shops.count() <= 45
            assert set(shops.values_list("category__slug", flat=True)) == set(
                ShopCategory.objects.values_list("slug", flat=True)
            )

    def test_categories_carry_their_schema_org_type(self):
        types = dict(ShopCategory.objects.values_list("name", "schema_type"))
        assert types["Alimentation"] == "GroceryStore"
        assert types["Restauration"] == "Restaurant"
        assert types["Services"] == "LocalBusiness"

    def test_shops_sit_near_their_town_centre_and_have_hours(self):
        centres = {"localhost": (50.5303, 2.6408), "beauvais.localhost": (49.4301, 2.0810)}
        for site, directory in self.directories():
            latitude, longitude = centres[site.hostname]
            for shop in ShopPage.objects.child_of(directory):
                assert abs(float(shop.latitude) - latitude) < 0.01
                assert abs(float(shop.longitude) - longitude) < 0.01
                assert shop.opening_hours.exists()
                assert shop.products.count() <= 15

    def test_services_exceptions_and_products_are_varied(self):
        for _site, directory in self.directories():
            shops = ShopPage.objects.child_of(directory)
            assert shops.filter(click_collect=True, pickup_slots__isnull=False).distinct().count() >= 3
            assert shops.filter(delivery=True).count() >= 3
            assert shops.filter(delivery_paid_by_town=True).count() == 1
            assert shops.filter(exceptional_openings__isnull=False).distinct().count() >= 2
            assert shops.filter(products__isnull=True).exists()
            assert shops.filter(products__click_collect=True).exists()

    def test_a_grocery_open_day_and_night_for_the_browser_tests(self):
        for _site, directory in self.directories():
            shop = ShopPage.objects.child_of(directory).get(title__startswith="L'Épicerie de nuit")
            assert shop.category.name == "Alimentation"
            assert shop.hours.is_open(timezone.now())

    def test_home_page_leads_to_the_directory(self):
        for site, directory in self.directories():
            pages = [block.value["page"].pk for block in site.root_page.specific.calls_to_action]
            assert directory.pk in pages
