"""What a town's learning space opens with: the shared topics and the self-check's questions.

Staff edit both in the admin afterwards (topics are snippets shared by every town; each town's
self-check is its own page). The answers' points place a shop on a level: up to 5 “Découvrir”,
6 to 11 “Progresser”, 12 and more “Maîtriser” (the page's thresholds).
"""

# (name, slug, description), in the order the guides' filters list them
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

# (question, help, topic slug, [(answer, points), ...])
SELF_CHECK_QUESTIONS = [
    (
        "Avec quoi travaillez-vous à la boutique ?",
        "",
        "aides-publiques",
        [("Ni ordinateur ni smartphone", 0), ("Un smartphone", 1), ("Un smartphone et un ordinateur", 2)],
    ),
    (
        "Votre boutique apparaît-elle sur une carte en ligne ?",
        "Par exemple quand on la cherche sur internet.",
        "fiche-etablissement",
        [
            ("Non, ou je ne sais pas", 0),
            ("Oui, mais je ne la mets pas à jour", 1),
            ("Oui, et elle est à jour", 2),
        ],
    ),
    (
        "Êtes-vous sur un réseau social pour la boutique ?",
        "",
        "reseaux-sociaux",
        [("Non", 0), ("Oui, mais je publie rarement", 1), ("Oui, je publie chaque semaine", 2)],
    ),
    (
        "Avez-vous des photos de vos produits ?",
        "",
        "photos-de-produits",
        [("Non", 0), ("Quelques-unes", 1), ("Oui, de bonne qualité", 2)],
    ),
    (
        "Vos clients peuvent-ils réserver ou acheter à distance ?",
        "",
        "click-and-collect",
        [("Non", 0), ("Par téléphone seulement", 1), ("Oui, en ligne", 2)],
    ),
    (
        "Quels paiements acceptez-vous ?",
        "",
        "paiement",
        [("Espèces et chèques", 0), ("Carte bancaire", 1), ("Carte, sans contact et paiement à distance", 2)],
    ),
    (
        "Avez-vous un site ou une page web à jour ?",
        "",
        "site-web",
        [("Non", 0), ("Oui, mais pas à jour", 1), ("Oui, à jour", 2)],
    ),
    (
        "Comment vous sentez-vous avec le numérique ?",
        "Il n'y a pas de mauvaise réponse.",
        "securite",
        [("Pas à l'aise, j'ai peur de me tromper", 0), ("Ça va, avec de l'aide", 1), ("À l'aise", 2)],
    ),
]

LEVEL_TEXTS = {
    "discover_text": "<p>Vous faites vos premiers pas, et c'est très bien : beaucoup de commerçants en sont "
    "là. Commencez par un seul guide, à votre rythme. Et si vous préférez être accompagné, un volontaire "
    "peut venir vous aider gratuitement.</p>",
    "progress_text": "<p>Vous avez déjà mis un pied dans le numérique. Quelques réglages suffisent souvent "
    "pour que vos clients vous trouvent plus facilement : les guides ci-dessous vont à l'essentiel.</p>",
    "master_text": "<p>Vous êtes à l'aise : bravo ! Les guides ci-dessous vous aideront à aller plus loin, "
    "et vous pourriez à votre tour aider d'autres commerçants comme volontaire.</p>",
}
