"""Demo data of the learning space."""

from learning.models import Topic

TOPICS = [
    (
        "Photos de produits",
        "photos-de-produits",
        "Prendre de belles photos de sa boutique et de ses produits avec un téléphone.",
    ),
    (
        "Réseaux sociaux",
        "reseaux-sociaux",
        "Facebook, Instagram : se faire connaître et garder le lien avec ses clients.",
    ),
    (
        "Fiche d'établissement en ligne",
        "fiche-etablissement",
        "Être trouvé sur les cartes et les moteurs de recherche, avec les bons horaires.",
    ),
    (
        "Click & collect",
        "click-and-collect",
        "Permettre aux clients de réserver en ligne et de retirer en boutique.",
    ),
    (
        "Vendre sur une place de marché",
        "place-de-marche",
        "Vendre sur une plateforme locale ou nationale, sans y perdre sa marge.",
    ),
    ("Paiement", "paiement", "Paiement sans contact, par lien ou à distance : choisir sans se tromper."),
    ("Site web", "site-web", "Avoir son propre site simple, et le tenir à jour."),
    ("Sécurité", "securite", "Mots de passe, arnaques, sauvegardes : se protéger des mauvaises surprises."),
    ("Aides publiques", "aides-publiques", "Les aides et chèques numériques pour s'équiper et se former."),
]


def load(context):
    for position, (name, slug, description) in enumerate(TOPICS):
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": position * 10}
        )
