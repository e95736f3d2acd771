"""A new town's pages that this app owns: its answer to the `town_pages` hook of `towns.create_town`."""

from home.models import HomePage


def home_page(name, slug):
    """The town's home page, not saved yet: `create_town` puts it at the root of the town's site."""
    return HomePage(
        title=name,
        slug=slug,
        seo_title=f"{name} — commerces de proximité",
        hero_title=f"{name}, vos commerces de proximité",
        hero_text="Horaires, produits et services des commerces indépendants du centre-ville.",
    )
