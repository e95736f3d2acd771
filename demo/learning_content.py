"""The demo guides, self-check and workshops, in French, as a town's digital advisor would write them.

Each guide: (slug, title, level, topic slugs, minutes, summary, blocks). Blocks are tuples:
("step", title, html), ("tip", html), ("warning", html), ("checklist", title, [items]),
("testimonial", quote, name, shop), ("heading", text), ("paragraph", html),
("before_after",), ("download",).
"""

GUIDES = [
    (
        "photographier-ses-produits",
        "Photographier ses produits avec son téléphone",
        "decouvrir",
        ["photos-de-produits"],
        20,
        "Des photos nettes et lumineuses de vos produits, prises avec votre téléphone, sans matériel.",
        [
            (
                "step",
                "Trouvez la bonne lumière",
                "<p>Installez le produit près d'une fenêtre, en journée. "
                "Évitez le flash : il écrase les couleurs et crée des reflets.</p>",
            ),
            (
                "step",
                "Dégagez le fond",
                "<p>Posez le produit sur une table débarrassée, devant un mur clair "
                "ou une grande feuille blanche. Le regard doit aller au produit.</p>",
            ),
            (
                "step",
                "Cadrez et faites la mise au point",
                "<p>Touchez l'écran sur le produit pour que "
                "l'appareil fasse la mise au point. Prenez trois ou quatre photos un peu différentes.</p>",
            ),
            (
                "step",
                "Gardez la meilleure",
                "<p>Regardez-les en grand et supprimez les floues. Une seule "
                "belle photo vaut mieux que dix moyennes.</p>",
            ),
            ("before_after",),
            (
                "tip",
                "<p>Nettoyez l'objectif de votre téléphone avec un chiffon doux : c'est la cause "
                "numéro un des photos voilées.</p>",
            ),
            (
                "checklist",
                "Avant de publier une photo",
                [
                    "Le produit est net",
                    "La lumière est naturelle",
                    "Le fond est dégagé",
                    "Les couleurs sont fidèles",
                ],
            ),
            (
                "testimonial",
                "J'ai refait les photos de mes chaussures près de la vitrine : les clientes "
                "me disent qu'elles les ont vues en ligne avant de venir.",
                "Sandrine",
                "Pas à Pas chaussures",
            ),
        ],
    ),
    (
        "retoucher-une-photo",
        "Retoucher une photo sans logiciel compliqué",
        "progresser",
        ["photos-de-produits"],
        15,
        "Recadrer, éclaircir et redresser une photo avec l'outil déjà présent dans votre téléphone.",
        [
            (
                "step",
                "Ouvrez la photo dans la galerie",
                "<p>Touchez « Modifier » (le crayon ou les curseurs) en bas de l'écran.</p>",
            ),
            (
                "step",
                "Recadrez",
                "<p>Coupez ce qui n'aide pas : le bord de la table, un carton. "
                "Gardez le produit au centre.</p>",
            ),
            (
                "step",
                "Réglez la luminosité",
                "<p>Augmentez un peu la luminosité et le contraste. "
                "N'utilisez pas de filtre coloré : le client doit voir la vraie couleur.</p>",
            ),
            (
                "warning",
                "<p>Ne retouchez jamais le produit lui-même (taille, couleur) : un client déçu "
                "en boutique ne revient pas.</p>",
            ),
        ],
    ),
    (
        "creer-sa-fiche-etablissement",
        "Créer sa fiche d'établissement sur une carte en ligne",
        "decouvrir",
        ["fiche-etablissement"],
        30,
        "Que votre boutique apparaisse avec les bons horaires quand on la cherche sur une carte.",
        [
            (
                "step",
                "Vérifiez si la fiche existe déjà",
                "<p>Cherchez le nom de votre boutique sur la carte. "
                "Souvent, une fiche a été créée automatiquement : il suffit de la revendiquer.</p>",
            ),
            (
                "step",
                "Revendiquez ou créez la fiche",
                "<p>Touchez « Vous êtes le propriétaire ? » et suivez "
                "les étapes. Un code de validation vous est envoyé par courrier ou par téléphone.</p>",
            ),
            (
                "step",
                "Remplissez l'essentiel",
                "<p>Adresse, téléphone, horaires, catégorie et trois photos. Le reste peut attendre.</p>",
            ),
            (
                "step",
                "Gardez le code en lieu sûr",
                "<p>Notez l'adresse e-mail et le mot de passe utilisés "
                "dans un carnet rangé à la boutique.</p>",
            ),
            (
                "tip",
                "<p>Utilisez la même adresse e-mail pour toutes vos fiches en ligne : vous saurez où "
                "trouver les messages.</p>",
            ),
            ("download",),
        ],
    ),
    (
        "horaires-exceptionnels",
        "Annoncer ses horaires exceptionnels en ligne",
        "decouvrir",
        ["fiche-etablissement"],
        10,
        "Jours fériés, congés, inventaire : prévenez vos clients avant qu'ils trouvent porte close.",
        [
            (
                "step",
                "Notez vos dates de fermeture",
                "<p>Au début de chaque mois, regardez le calendrier : jours fériés, congés, travaux.</p>",
            ),
            (
                "step",
                "Ajoutez-les sur votre fiche",
                "<p>Dans « Horaires », choisissez « Horaires "
                "exceptionnels » et indiquez la date et les heures.</p>",
            ),
            (
                "step",
                "Mettez aussi à jour votre page Proximité",
                "<p>Dans votre page de commerce, rubrique « Fermetures et ouvertures exceptionnelles ».</p>",
            ),
            (
                "testimonial",
                "Avant, les clients trouvaient porte close le lundi de Pâques et m'en voulaient. "
                "Maintenant je l'annonce deux semaines avant.",
                "Karim",
                "Boulangerie du Beffroi",
            ),
        ],
    ),
    (
        "repondre-aux-avis",
        "Répondre aux avis de ses clients",
        "progresser",
        ["fiche-etablissement", "reseaux-sociaux"],
        20,
        "Remercier, rassurer, corriger : une réponse courte et polie à chaque avis, même négatif.",
        [
            ("heading", "Pourquoi répondre ?"),
            (
                "paragraph",
                "<p>Les futurs clients lisent vos réponses autant que les avis. Une réponse calme "
                "à une critique montre une boutique sérieuse.</p>",
            ),
            (
                "step",
                "Remerciez toujours",
                "<p>Commencez par merci, utilisez le prénom du client si vous le connaissez.</p>",
            ),
            (
                "step",
                "Répondez au fond",
                "<p>Pour un avis négatif, reconnaissez le problème sans vous "
                "justifier longuement et proposez d'en parler en boutique.</p>",
            ),
            (
                "step",
                "Relisez-vous le lendemain",
                "<p>Si l'avis vous a blessé, attendez un jour avant de publier votre réponse.</p>",
            ),
            (
                "warning",
                "<p>Ne donnez jamais d'informations personnelles sur un client dans une réponse "
                "publique.</p>",
            ),
        ],
    ),
    (
        "ouvrir-page-facebook",
        "Ouvrir la page Facebook de sa boutique",
        "decouvrir",
        ["reseaux-sociaux"],
        30,
        "Une page professionnelle, séparée de votre compte personnel, pour donner des nouvelles.",
        [
            (
                "step",
                "Connectez-vous à votre compte",
                "<p>La page de la boutique est rattachée à votre "
                "compte, mais vos clients ne verront pas votre profil personnel.</p>",
            ),
            (
                "step",
                "Créez la page",
                "<p>Menu, « Pages », « Créer ». Donnez le nom exact de la boutique "
                "et choisissez une catégorie.</p>",
            ),
            (
                "step",
                "Ajoutez photo et horaires",
                "<p>Une photo de la devanture en photo de profil, vos horaires et votre adresse.</p>",
            ),
            (
                "step",
                "Publiez un premier message",
                "<p>Présentez-vous en trois phrases avec une photo de vous dans la boutique.</p>",
            ),
            (
                "tip",
                "<p>Invitez vos clients fidèles à « aimer » la page : ce sont eux qui la feront "
                "connaître.</p>",
            ),
        ],
    ),
    (
        "publier-sur-instagram",
        "Publier sur Instagram sans y passer ses journées",
        "progresser",
        ["reseaux-sociaux", "photos-de-produits"],
        25,
        "Deux publications par semaine, préparées en un quart d'heure, qui donnent envie de passer.",
        [
            (
                "step",
                "Choisissez deux rendez-vous par semaine",
                "<p>Par exemple le mardi (nouveauté) et le vendredi (idée pour le week-end).</p>",
            ),
            (
                "step",
                "Préparez les photos le matin",
                "<p>Prenez vos photos avant l'ouverture, quand la "
                "lumière est belle et la boutique calme.</p>",
            ),
            (
                "step",
                "Écrivez court",
                "<p>Deux phrases, le prix, et « à retrouver en boutique ». Ajoutez le nom de la ville.</p>",
            ),
            (
                "checklist",
                "Une bonne publication",
                [
                    "Une photo nette",
                    "Un prix ou une info utile",
                    "Le nom de la ville",
                    "Une invitation à passer",
                ],
            ),
        ],
    ),
    (
        "programmer-ses-publications",
        "Programmer ses publications du mois",
        "maitriser",
        ["reseaux-sociaux"],
        45,
        "Préparer en une fois les publications du mois et les laisser partir seules.",
        [
            (
                "step",
                "Faites un calendrier",
                "<p>Listez les temps forts du mois : marché, fête des mères, soldes, arrivages.</p>",
            ),
            (
                "step",
                "Préparez les textes et les photos",
                "<p>Regroupez-les dans un dossier de votre téléphone nommé avec le mois.</p>",
            ),
            (
                "step",
                "Programmez",
                "<p>Dans l'outil de gestion de votre page, choisissez « Programmer » "
                "plutôt que « Publier » et indiquez la date.</p>",
            ),
            (
                "step",
                "Regardez les résultats",
                "<p>En fin de mois, notez les trois publications qui ont "
                "le mieux marché et refaites le même genre.</p>",
            ),
        ],
    ),
    (
        "lancer-le-click-and-collect",
        "Lancer le click & collect sur Proximité",
        "decouvrir",
        ["click-and-collect"],
        20,
        "Vos clients réservent en ligne, vous préparez, ils paient en boutique : simple et sans commission.",
        [
            (
                "step",
                "Choisissez dix produits",
                "<p>Commencez petit : vos dix produits les plus demandés, avec une photo et un prix.</p>",
            ),
            (
                "step",
                "Cochez « disponible en click & collect »",
                "<p>Dans votre page de commerce, pour chacun de ces produits.</p>",
            ),
            (
                "step",
                "Indiquez vos créneaux de retrait",
                "<p>Les jours et heures où un client peut venir chercher sa commande.</p>",
            ),
            (
                "step",
                "Répondez vite aux demandes",
                "<p>Vous recevez un e-mail à chaque demande : acceptez-la ou refusez-la dans la journée.</p>",
            ),
            (
                "warning",
                "<p>Ne laissez pas une demande sans réponse : le client se déplacerait pour rien.</p>",
            ),
        ],
    ),
    (
        "organiser-les-retraits",
        "Organiser les retraits en boutique",
        "progresser",
        ["click-and-collect"],
        15,
        "Un coin de retrait rangé, des commandes étiquetées, un client servi en une minute.",
        [
            (
                "step",
                "Réservez un coin",
                "<p>Une étagère près de la caisse, visible mais hors de portée.</p>",
            ),
            ("step", "Étiquetez chaque commande", "<p>Nom du client, date de retrait, montant.</p>"),
            (
                "step",
                "Prévenez quand c'est prêt",
                "<p>Passez la demande à « Prête » : le client est averti.</p>",
            ),
            (
                "tip",
                "<p>Gardez les commandes non retirées trois jours, puis remettez les produits en rayon.</p>",
            ),
        ],
    ),
    (
        "vendre-sur-une-place-de-marche",
        "Vendre sur une place de marché sans perdre sa marge",
        "maitriser",
        ["place-de-marche", "paiement"],
        40,
        "Calculer ce que coûte vraiment une plateforme et choisir les produits qui s'y prêtent.",
        [
            (
                "step",
                "Listez tous les frais",
                "<p>Abonnement, commission par vente, frais de paiement, emballage, envoi.</p>",
            ),
            (
                "step",
                "Faites le calcul sur un produit",
                "<p>Prix de vente moins tous les frais : reste-t-il une marge ?</p>",
            ),
            (
                "step",
                "Choisissez les bons produits",
                "<p>Ceux qui voyagent bien, se vendent hors de la ville et ont une bonne marge.</p>",
            ),
            (
                "step",
                "Gardez la main sur vos stocks",
                "<p>Un produit vendu en ligne doit être retiré du rayon tout de suite.</p>",
            ),
            (
                "warning",
                "<p>Lisez les conditions de retour : certaines plateformes imposent le remboursement "
                "à vos frais.</p>",
            ),
        ],
    ),
    (
        "paiement-sans-contact",
        "Accepter le paiement sans contact",
        "decouvrir",
        ["paiement"],
        20,
        "Comparer les terminaux de paiement et les solutions sur téléphone, pour ne plus refuser de carte.",
        [
            (
                "step",
                "Demandez à votre banque",
                "<p>Elle propose souvent un terminal en location. Demandez "
                "le coût mensuel et la commission par paiement.</p>",
            ),
            (
                "step",
                "Comparez avec un terminal mobile",
                "<p>Un petit lecteur relié au téléphone coûte "
                "moins cher à l'achat, mais la commission est parfois plus élevée.</p>",
            ),
            (
                "step",
                "Affichez les moyens de paiement",
                "<p>Un autocollant sur la vitrine évite bien des questions.</p>",
            ),
            (
                "checklist",
                "Les questions à poser",
                [
                    "Prix d'achat ou de location",
                    "Commission par paiement",
                    "Durée d'engagement",
                    "Délai de versement sur le compte",
                ],
            ),
        ],
    ),
    (
        "lien-de-paiement",
        "Encaisser à distance avec un lien de paiement",
        "progresser",
        ["paiement", "click-and-collect"],
        20,
        "Envoyer un lien par SMS ou e-mail pour qu'un client règle une commande avant de venir.",
        [
            (
                "step",
                "Activez le service",
                "<p>Auprès de votre banque ou de votre prestataire de terminal.</p>",
            ),
            (
                "step",
                "Créez un lien",
                "<p>Indiquez le montant et le motif, par exemple le numéro de commande.</p>",
            ),
            ("step", "Envoyez-le au client", "<p>Par SMS ou e-mail. Vous êtes averti dès le paiement.</p>"),
            (
                "warning",
                "<p>Ne demandez jamais à un client de vous dicter son numéro de carte au téléphone.</p>",
            ),
        ],
    ),
    (
        "creer-un-site-vitrine",
        "Créer un site vitrine simple",
        "progresser",
        ["site-web"],
        60,
        "Une page d'accueil, vos horaires, vos produits phares : ce qu'il faut, sans plus.",
        [
            (
                "step",
                "Commencez par votre page Proximité",
                "<p>Elle fait déjà office de site : adresse, "
                "horaires, photos. Beaucoup de commerçants n'ont besoin de rien d'autre.</p>",
            ),
            (
                "step",
                "Choisissez un nom de domaine",
                "<p>Court, le nom de la boutique et la ville, en .fr.</p>",
            ),
            (
                "step",
                "Utilisez un outil simple",
                "<p>Préférez un outil avec des modèles tout faits et un hébergement en Europe.</p>",
            ),
            (
                "step",
                "Mettez-le à jour",
                "<p>Un site aux horaires faux fait plus de tort que pas de site.</p>",
            ),
        ],
    ),
    (
        "mots-de-passe-solides",
        "Choisir des mots de passe solides et les retenir",
        "decouvrir",
        ["securite"],
        15,
        "Une phrase facile à retenir, un mot de passe différent par service, et un carnet bien rangé.",
        [
            (
                "step",
                "Pensez à une phrase",
                "<p>Quatre mots sans rapport entre eux, par exemple « velo-tulipe-orage-42 ».</p>",
            ),
            (
                "step",
                "Un mot de passe par service",
                "<p>Si un site se fait voler ses données, vos autres comptes restent protégés.</p>",
            ),
            (
                "step",
                "Activez la double vérification",
                "<p>Un code reçu par SMS en plus du mot de passe, pour la banque et la messagerie.</p>",
            ),
            (
                "tip",
                "<p>Un gestionnaire de mots de passe retient tout pour vous : il n'y a plus qu'un mot "
                "de passe à connaître.</p>",
            ),
        ],
    ),
    (
        "reconnaitre-une-arnaque",
        "Reconnaître une arnaque par e-mail ou SMS",
        "decouvrir",
        ["securite", "paiement"],
        10,
        "Faux colis, faux conseiller bancaire, fausse facture : les signes qui doivent alerter.",
        [
            (
                "step",
                "Méfiez-vous de l'urgence",
                "<p>« Votre compte sera fermé ce soir » : c'est presque toujours une arnaque.</p>",
            ),
            (
                "step",
                "Regardez l'adresse de l'expéditeur",
                "<p>Une adresse bizarre ou un numéro inconnu doit vous alerter.</p>",
            ),
            (
                "step",
                "N'ouvrez pas le lien",
                "<p>Allez vous-même sur le site de votre banque ou de votre fournisseur.</p>",
            ),
            ("warning", "<p>Votre banque ne vous demandera jamais un code reçu par SMS au téléphone.</p>"),
        ],
    ),
    (
        "aides-pour-s-equiper",
        "Les aides publiques pour s'équiper et se former",
        "decouvrir",
        ["aides-publiques"],
        15,
        "Chèques, formations gratuites, accompagnement : ce à quoi votre boutique peut avoir droit.",
        [
            (
                "step",
                "Renseignez-vous auprès de la CCI ou de la CMA",
                "<p>Elles connaissent les aides du moment et peuvent vous aider à monter le dossier.</p>",
            ),
            (
                "step",
                "Demandez à la mairie",
                "<p>Le service commerce connaît les aides locales et les ateliers gratuits.</p>",
            ),
            (
                "step",
                "Gardez vos factures",
                "<p>La plupart des aides remboursent une dépense sur présentation de la facture.</p>",
            ),
        ],
    ),
]

RELATED = {
    "photographier-ses-produits": ["publier-sur-instagram", "retoucher-une-photo"],
    "creer-sa-fiche-etablissement": ["horaires-exceptionnels", "repondre-aux-avis"],
    "lancer-le-click-and-collect": ["organiser-les-retraits", "lien-de-paiement"],
    "mots-de-passe-solides": ["reconnaitre-une-arnaque"],
    "ouvrir-page-facebook": ["publier-sur-instagram"],
}

# The guide library at work in the demo: the guide Beauvais adapted (its slug and Beauvais's summary),
# and the guide the library improved after both towns took it (its slug and the tip it gained).
ADAPTED_IN_BEAUVAIS = (
    "creer-sa-fiche-etablissement",
    "Votre fiche d'établissement à jour en une heure, avec l'aide du service commerce de Beauvais "
    "si vous le souhaitez.",
)
NEWER_IN_LIBRARY = (
    "mots-de-passe-solides",
    "<p>Un gestionnaire de mots de passe retient pour vous un mot de passe différent par site : "
    "vous n'avez plus qu'à en retenir un seul, très solide.</p>",
)

# (slug, title, days from the load, hour, capacity, mode, topics, level, summary, registrations)
WORKSHOPS = [
    (
        "photos-produits-smartphone",
        "Atelier : de belles photos de produits avec son téléphone",
        12,
        14,
        10,
        "in_person",
        ["photos-de-produits"],
        "decouvrir",
        "Deux heures pour apprendre à photographier ses produits, téléphone en main.",
        2,
    ),
    (
        "fiche-etablissement-en-une-heure",
        "Atelier : sa fiche d'établissement en une heure",
        5,
        9,
        3,
        "in_person",
        ["fiche-etablissement"],
        "decouvrir",
        "Venez avec votre téléphone : on crée ou on met à jour votre fiche ensemble.",
        3,
    ),
    (
        "securite-en-ligne-visio",
        "Atelier en ligne : se protéger des arnaques",
        19,
        19,
        20,
        "online",
        ["securite"],
        "decouvrir",
        "Une heure en visioconférence, depuis la boutique ou chez vous, pour déjouer les arnaques.",
        0,
    ),
    (
        "reseaux-sociaux-debuter",
        "Atelier : bien débuter sur les réseaux sociaux",
        -21,
        14,
        12,
        "in_person",
        ["reseaux-sociaux"],
        "decouvrir",
        "Créer la page de sa boutique et publier ses premiers messages.",
        4,
    ),
]

ATTENDEES = [
    ("Martine Lefebvre", "martine.lefebvre@exemple.fr", "", "Mercerie Lefebvre"),
    ("Yacine Benali", "", "06 12 34 56 78", "Primeur Benali"),
    ("Sophie Caron", "sophie@fleurs-caron.exemple.fr", "", "Fleurs Caron"),
    ("Jean-Pierre Dubois", "jp.dubois@exemple.fr", "", "Cordonnerie Dubois"),
]
