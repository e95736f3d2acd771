"""A small world for the shopkeepers' tests: both towns with their staff, shops and shopkeepers."""

from types import SimpleNamespace

from wagtail.models import Site, WorkflowPage

from demo.builders.shops import hand_shop
from shops.models import ShopOwnership
from towns.towns import staff_group

from .home import UserFactory
from .shops import ShopCategoryFactory, ShopIndexPageFactory, make_shop


def make_staff(site, username):
    """A member of the town's staff group, with every right the town's staff has (towns.towns)."""
    group = staff_group(site)
    user = UserFactory(username=username, first_name="Agent", last_name=site.site_name)
    user.groups.add(group)
    return user, group


def make_shopkeeper(shop, username, *, password=True):
    """A shopkeeper who holds `shop` (invited without e-mail, accepted) with a known password."""
    user = UserFactory(username=username)
    give_shop(shop, user)
    user.refresh_from_db()
    if password:
        user.set_password("motdepasse-de-test")
        user.save()
    return user


def give_shop(shop, user):
    """`user` invited to `shop` (without e-mail) and accepting at once: they hold it."""
    return hand_shop(shop, user.email, user.first_name, user.last_name)


def shopkeeper_world(towns, *, workflow=True):
    """Béthune: shops A and B, Beauvais: shop C; a shopkeeper each, staff each; the workflow."""
    world = SimpleNamespace()
    world.bethune = Site.objects.get(hostname="bethune.localhost")
    world.beauvais = Site.objects.get(hostname="beauvais.localhost")
    world.bethune_index = ShopIndexPageFactory(parent=towns["bethune"])
    world.beauvais_index = ShopIndexPageFactory(parent=towns["beauvais"])
    world.category = ShopCategoryFactory(name="Alimentation", slug="alimentation")
    world.other_category = ShopCategoryFactory(name="Mode", slug="mode")
    cat = {"category": world.category}
    world.shop_a = make_shop(world.bethune_index, "Boulangerie Alpha", slug="alpha", **cat)
    world.shop_b = make_shop(world.bethune_index, "Fleuriste Bêta", slug="beta", **cat)
    world.shop_c = make_shop(world.beauvais_index, "Librairie Gamma", slug="gamma", town="Beauvais", **cat)
    world.staff_bethune, world.staff_group_bethune = make_staff(world.bethune, "agent-bethune")
    world.staff_beauvais, world.staff_group_beauvais = make_staff(world.beauvais, "agent-beauvais")
    world.keeper_a = make_shopkeeper(world.shop_a, "commercant-a")
    world.keeper_b = make_shopkeeper(world.shop_b, "commercant-b")
    world.keeper_c = make_shopkeeper(world.shop_c, "commercant-c")
    world.admin = UserFactory(username="admin-test", is_superuser=True, is_staff=True)
    if not workflow:
        # The town's staff group puts “Relecture mairie” on the directories: these tests need
        # shopkeepers who publish at once.
        WorkflowPage.objects.filter(page__in=[world.bethune_index, world.beauvais_index]).delete()
    world.collection_a = ShopOwnership.objects.get(shop=world.shop_a).collection
    world.collection_c = ShopOwnership.objects.get(shop=world.shop_c).collection
    return world
