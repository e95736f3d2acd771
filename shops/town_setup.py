"""What `shops` opens in a new town (towns/towns.py `create_town`): its shop directory.

The directory is one page with three ways in: the list with its filters, the map (`?vue=carte`)
and the product search (`produits/`). Shopkeepers' changes under it go to the town's team for
review, the “Relecture mairie” workflow.
"""

from home.town_setup import call_to_action
from shops.models import ShopIndexPage
from shops.shopkeepers import ensure_town_workflow
from towns.towns import of_town, section


def shop_directory(town):
    """The town's “Commerces” directory, in the menu."""
    return section(
        town.home_page,
        ShopIndexPage,
        "commerces",
        title="Commerces",
        introduction=f"Tous les commerces indépendants du centre-ville {of_town(town.name)} : "
        "qui est ouvert, qui livre, qui met vos achats de côté.",
        listing_summary=f"Les commerces {of_town(town.name)}, leurs horaires et leurs produits.",
        show_in_menus=True,
    )


def open_town(town):
    call_to_action(
        town.home_page,
        "Trouver un commerce",
        "Qui est ouvert maintenant, qui livre, où trouver un produit : les commerces du centre-ville.",
        shop_directory(town),
        "Voir les commerces",
    )
    ensure_town_workflow(town.site, town.staff_group)
    return []
