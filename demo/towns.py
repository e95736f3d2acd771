"""The two demo towns and their pages, in French, as a town would write them."""

from home.town_setup import body, callout, heading, paragraph


def _common_pages(town, hall, email, extra_pages):
    return [
        {
            "slug": "a-propos",
            "title": "À propos",
            "menu": True,
            "introduction": (
                f"Proximité {town} rassemble sur un seul site les commerces indépendants du "
                "centre-ville, des guides pour se lancer dans le numérique et une aide "
                "humaine, gratuite, pour les commerçants qui le souhaitent."
            ),
            "summary": f"Pourquoi {town} crée son « internet de proximité ».",
            "body": body(
                heading("Pourquoi ce site ?"),
                paragraph(
                    "<p>Depuis 2020, beaucoup d'habitants cherchent d'abord sur internet si un "
                    "commerce est ouvert, s'il propose le retrait en boutique ou la livraison. "
                    "Les grandes plateformes répondent vite ; nos commerçants, eux, n'ont pas "
                    "toujours le temps ni les outils. Ce site leur donne une vitrine fiable, "
                    "tenue à jour par eux-mêmes.</p>"
                ),
                heading("Qui fait quoi ?"),
                paragraph(
                    f"<ul><li>Chaque commerçant met à jour sa page : horaires, produits, services.</li>"
                    f"<li>Le service commerce de la mairie de {town} relit et publie.</li>"
                    "<li>Des volontaires numériques accompagnent gratuitement ceux qui le "
                    "demandent.</li></ul>"
                ),
                callout(
                    "Vous êtes commerçant ?",
                    f'<p>Écrivez-nous à <a href="mailto:{email}">{email}</a> pour créer la page '
                    "de votre boutique. C'est gratuit.</p>",
                    "tip",
                ),
            ),
        },
        {
            "slug": "mentions-legales",
            "title": "Mentions légales",
            "summary": "Éditeur, hébergeur et conditions d'utilisation du site.",
            "body": body(
                heading("Éditeur du site"),
                paragraph(f"<p>{hall}. Directeur de la publication : le maire de {town}.</p>"),
                heading("Hébergement"),
                paragraph(
                    "<p>Le site est hébergé en France par le prestataire retenu par la commune. "
                    "Ses coordonnées sont disponibles sur simple demande auprès de la mairie.</p>"
                ),
                heading("Contenus des commerçants"),
                paragraph(
                    "<p>Chaque commerçant est responsable des informations de sa page (horaires, "
                    "prix, produits). La mairie les relit avant publication mais ne peut garantir "
                    "leur exactitude à tout moment.</p>"
                ),
            ),
        },
        {
            "slug": "donnees-personnelles",
            "title": "Données personnelles",
            "summary": "Quelles données nous recueillons, pourquoi, combien de temps, et vos droits.",
            "body": body(
                paragraph(
                    f"<p>Le responsable du traitement est la commune de {town}. Nous ne recueillons "
                    "que les données nécessaires à chaque service : une demande de mise de côté "
                    "(click &amp; collect), une demande d'aide ou une candidature de volontaire.</p>"
                ),
                heading("Vos droits"),
                paragraph(
                    "<p>Vous pouvez consulter, corriger ou faire effacer vos données en écrivant à "
                    f'<a href="mailto:{email}">{email}</a>. Vous pouvez aussi saisir la CNIL.</p>'
                ),
                heading("Mesure d'audience et cookies"),
                paragraph(
                    "<p>Ce site ne dépose aucun cookie publicitaire ni de mesure d'audience. Seuls "
                    "les cookies techniques nécessaires aux formulaires sont utilisés.</p>"
                ),
            ),
        },
        {
            "slug": "accessibilite",
            "title": "Déclaration d'accessibilité",
            "summary": (
                "État de conformité du site au référentiel général d'amélioration de l'accessibilité (RGAA)."
            ),
            "body": body(
                paragraph(
                    f"<p>La commune de {town} s'engage à rendre son site accessible conformément à "
                    "l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>"
                ),
                heading("État de conformité"),
                paragraph(
                    "<p>Le site est <strong>partiellement conforme</strong> avec le RGAA 4.1 : un "
                    "audit complet reste à mener. Chaque page publique est vérifiée automatiquement "
                    "avec l'outil axe-core à chaque évolution du site.</p>"
                ),
                heading("Retour d'information et contact"),
                paragraph(
                    "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à "
                    f'<a href="mailto:{email}">{email}</a> : nous vous répondrons et vous '
                    "proposerons une autre façon d'obtenir l'information.</p>"
                ),
                heading("Voies de recours"),
                paragraph(
                    "<p>Si vous n'obtenez pas de réponse satisfaisante, vous pouvez saisir le "
                    "Défenseur des droits.</p>"
                ),
            ),
        },
    ] + extra_pages


BETHUNE_PAGES = [
    {
        "slug": "marche",
        "title": "Le marché du lundi",
        "menu": True,
        "summary": "Chaque lundi matin, plus de 150 exposants autour de la Grand'Place.",
        "body": body(
            paragraph(
                "<p>Le marché de Béthune est l'un des plus grands de la région : chaque lundi de "
                "8h à 13h, producteurs, fromagers et maraîchers s'installent autour du beffroi.</p>"
            ),
            callout(
                "Stationnement", "<p>Les parkings de la gare et du Rivage sont gratuits le lundi matin.</p>"
            ),
        ),
    },
    {
        "slug": "venir-au-centre-ville",
        "title": "Venir au centre-ville",
        "summary": "Bus, vélo, parkings : toutes les façons de venir faire ses courses.",
        "body": body(
            heading("En bus"),
            paragraph("<p>Les lignes Bulles 1 à 4 desservent la Grand'Place toutes les 15 minutes.</p>"),
            heading("À vélo"),
            paragraph("<p>Des arceaux sont installés rue d'Arras et place Lamartine.</p>"),
            heading("En voiture"),
            paragraph("<p>La première demi-heure est gratuite dans tous les parkings du centre.</p>"),
        ),
    },
    {
        "slug": "cheques-cadeaux",
        "title": "Les chèques cadeaux du centre-ville",
        "summary": "Offrez un chèque valable dans plus de 80 commerces de Béthune.",
        "body": body(
            paragraph(
                "<p>Les chèques cadeaux « Cœur de Béthune » sont en vente à l'office de tourisme, "
                "de 10 à 50 euros, et valables un an dans tous les commerces adhérents.</p>"
            ),
        ),
    },
    {
        "slug": "vitrines-de-noel",
        "title": "Concours des vitrines de Noël",
        "summary": "Votez pour la plus belle vitrine du centre-ville, jusqu'au 24 décembre.",
        "body": body(
            paragraph(
                "<p>Trente commerçants décorent leur vitrine sur le thème des géants du Nord. "
                "Votez en boutique : le gagnant est annoncé lors du marché de Noël.</p>"
            ),
        ),
    },
]

BEAUVAIS_PAGES = [
    {
        "slug": "marche",
        "title": "Les marchés de Beauvais",
        "menu": True,
        "summary": "Mercredi et samedi matin, place des Halles et place Jeanne-Hachette.",
        "body": body(
            paragraph(
                "<p>Les marchés du mercredi et du samedi réunissent producteurs de l'Oise, "
                "fromagers du pays de Bray et fleuristes, de 8h à 13h.</p>"
            ),
        ),
    },
    {
        "slug": "venir-au-centre-ville",
        "title": "Venir au centre-ville",
        "summary": "Navettes gratuites, parkings relais et vélos en libre-service.",
        "body": body(
            heading("Navette gratuite"),
            paragraph(
                "<p>La navette du centre-ville relie la gare à la cathédrale toutes les 10 minutes.</p>"
            ),
            heading("Parkings"),
            paragraph("<p>Le parking Saint-Quentin est gratuit le samedi après-midi.</p>"),
        ),
    },
    {
        "slug": "boutique-a-l-essai",
        "title": "Ma boutique à l'essai",
        "summary": "Testez votre commerce six mois dans un local du centre, loyer réduit.",
        "body": body(
            paragraph(
                "<p>La ville propose des locaux vacants à loyer réduit pour tester une activité "
                "commerciale pendant six mois, avec l'accompagnement de la CCI.</p>"
            ),
        ),
    },
    {
        "slug": "fete-jeanne-hachette",
        "title": "Les commerçants aux Fêtes Jeanne Hachette",
        "summary": "Fin juin, les commerces ouvrent tard et décorent leurs vitrines.",
        "body": body(
            paragraph(
                "<p>Pendant les Fêtes Jeanne Hachette, les commerces du centre restent ouverts "
                "jusqu'à 21h le samedi. Retrouvez le programme à l'office de tourisme.</p>"
            ),
        ),
    },
]

TOWNS = [
    {
        "slug": "bethune",
        "name": "Béthune",
        "hostname": "localhost",
        "default": True,
        "palette": "ardoise",
        "tagline": "Les commerces du cœur de ville",
        "hero_title": "Vos commerces de proximité, ouverts aussi en ligne",
        "hero_text": (
            "Horaires, produits, retrait en boutique : trouvez en quelques secondes le commerce "
            "béthunois qu'il vous faut."
        ),
        "intro": (
            "<p>Plus de 120 commerces indépendants font vivre le centre de Béthune. Ce site, "
            "tenu par les commerçants eux-mêmes avec l'aide de la mairie, vous dit qui est "
            "ouvert, ce qu'on y trouve et comment commander pour passer prendre.</p>"
        ),
        "contact": {
            "contact_name": "Service Commerce et Attractivité, mairie de Béthune",
            "contact_address": "Hôtel de ville\nPlace Georges-Clemenceau\n62400 Béthune",
            "contact_phone": "03 21 00 00 00",
            "contact_email": "commerce@bethune.localhost",
            "facebook_url": "https://www.facebook.com/",
        },
        "footer_text": "Un projet de la ville de Béthune, dans le cadre du programme Action Cœur de Ville.",
        "staff": {
            "username": "mairie-bethune",
            "email": "commerce@bethune.localhost",
            "first_name": "Camille",
            "last_name": "Delattre",
        },
        "pages": _common_pages(
            "Béthune",
            "Mairie de Béthune, place Georges-Clemenceau, 62400 Béthune",
            "commerce@bethune.localhost",
            BETHUNE_PAGES,
        ),
        "featured": [
            {
                "title": "Le marché du lundi",
                "text": "<p>Plus de 150 exposants chaque lundi matin autour du beffroi.</p>",
                "page": "marche",
            },
            {
                "title": "Chèques cadeaux",
                "text": "<p>Un cadeau qui fait vivre 80 commerces du centre-ville.</p>",
                "page": "cheques-cadeaux",
            },
            {
                "title": "Vitrines de Noël",
                "text": "<p>Votez pour votre vitrine préférée jusqu'au 24 décembre.</p>",
                "page": "vitrines-de-noel",
            },
        ],
    },
    {
        "slug": "beauvais",
        "name": "Beauvais",
        "hostname": "beauvais.localhost",
        "default": False,
        "palette": "brique",
        "tagline": "Le centre-ville à portée de clic",
        "hero_title": "Faites vos courses au centre-ville de Beauvais",
        "hero_text": (
            "Commerces ouverts maintenant, produits à réserver, livraison à domicile : tout le "
            "centre-ville sur votre téléphone."
        ),
        "intro": (
            "<p>De la rue Carnot à la place Jeanne-Hachette, les commerçants beauvaisiens "
            "présentent ici leurs boutiques, leurs produits et leurs services.</p>"
        ),
        "contact": {
            "contact_name": "Direction du commerce, ville de Beauvais",
            "contact_address": "Hôtel de ville\n1 rue Desgroux\n60000 Beauvais",
            "contact_phone": "03 44 00 00 00",
            "contact_email": "commerce@beauvais.localhost",
            "instagram_url": "https://www.instagram.com/",
        },
        "footer_text": "Un service de la ville de Beauvais pour ses commerces indépendants.",
        "staff": {
            "username": "mairie-beauvais",
            "email": "commerce@beauvais.localhost",
            "first_name": "Karim",
            "last_name": "Benali",
        },
        "pages": _common_pages(
            "Beauvais",
            "Mairie de Beauvais, 1 rue Desgroux, 60000 Beauvais",
            "commerce@beauvais.localhost",
            BEAUVAIS_PAGES,
        ),
        "featured": [
            {
                "title": "Les marchés",
                "text": "<p>Mercredi et samedi matin, les producteurs de l'Oise au cœur de la ville.</p>",
                "page": "marche",
            },
            {
                "title": "Ma boutique à l'essai",
                "text": "<p>Six mois pour tester votre commerce, loyer réduit.</p>",
                "page": "boutique-a-l-essai",
            },
            {
                "title": "Fêtes Jeanne Hachette",
                "text": "<p>Les commerces ouverts jusqu'à 21h le samedi des fêtes.</p>",
                "page": "fete-jeanne-hachette",
            },
        ],
    },
]
