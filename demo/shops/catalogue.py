"""Demo catalogue: kinds of shops with their category, usual hours, keywords and products (French)."""

import datetime

T = datetime.time

CATEGORIES = [
    # (name, slug, schema.org type)
    ("Alimentation", "alimentation", "GroceryStore"),
    ("Restauration", "restauration", "Restaurant"),
    ("Mode", "mode", "ClothingStore"),
    ("Beauté", "beaute", "HealthAndBeautyBusiness"),
    ("Maison", "maison", "HomeGoodsStore"),
    ("Culture & loisirs", "culture-loisirs", "Store"),
    ("Services", "services", "LocalBusiness"),
]


def _days(days, *ranges):
    return [(day, opens, closes) for day in days for opens, closes in ranges]


TUE_SAT = range(1, 6)
MON_SAT = range(0, 6)
MON_FRI = range(0, 5)

HOURS = {
    # Closed on Monday, lunch break: most town-centre shops.
    "boutique": _days(TUE_SAT, (T(9, 30), T(12, 30)), (T(14), T(19))),
    "boutique-lundi": _days([0], (T(14), T(19))) + _days(TUE_SAT, (T(9, 30), T(12, 30)), (T(14), T(19))),
    "continu": _days(MON_SAT, (T(9), T(19))),
    "boulangerie": _days(TUE_SAT, (T(7), T(13, 30)), (T(15), T(19, 30))) + _days([6], (T(7), T(13))),
    "marche": _days(TUE_SAT, (T(8), T(12, 30)), (T(15, 30), T(19, 30))) + _days([6], (T(8, 30), T(12, 30))),
    "restaurant": _days(TUE_SAT, (T(12), T(14)), (T(19), T(22, 30))),
    "bar": _days(range(1, 5), (T(8), T(21))) + _days([4, 5], (T(21), T(1))) + _days([5], (T(9), T(21))),
    "coiffure": _days(range(1, 5), (T(9), T(12)), (T(13, 30), T(18, 30))) + _days([5], (T(8, 30), T(17))),
    "bureau": _days(MON_FRI, (T(9), T(12)), (T(14), T(18))),
    "nuit": _days(range(7), (T(0), T(23, 59))),
}

# kind: (category slug, pitch, hours, keywords, products [(name, price, description)])
KINDS = {
    "boulangerie": (
        "alimentation",
        "Pain au levain et viennoiseries pur beurre, cuits sur place chaque matin.",
        "boulangerie",
        ["pain", "viennoiseries", "fait maison"],
        [
            ("Baguette tradition", "1.30", "Farine Label Rouge, pétrie et cuite sur place."),
            ("Pain de campagne au levain", "4.20", "800 g, croûte épaisse, se garde 4 jours."),
            ("Croissant pur beurre", "1.25", ""),
            ("Pain au chocolat", "1.40", ""),
            ("Tarte au sucre", "9.50", "La spécialité du Nord, pour 6 personnes."),
            ("Flan pâtissier", "3.20", "La part."),
            ("Farine de blé T65", "2.10", "Sac de 1 kg, moulin de la région."),
        ],
    ),
    "boucherie": (
        "alimentation",
        "Viandes de la région, charcuterie et plats cuisinés maison.",
        "marche",
        ["viande", "charcuterie", "traiteur"],
        [
            ("Carbonade flamande", "16.90", "Le kilo, cuisinée à la bière de la région."),
            ("Rôti de porc", "13.50", "Le kilo."),
            ("Saucisses de Toulouse", "11.90", "Le kilo."),
            ("Pâté en croûte", "24.00", "Le kilo."),
            ("Poulet fermier", "9.80", "Le kilo, élevé en plein air."),
        ],
    ),
    "fromagerie": (
        "alimentation",
        "Fromages affinés dans notre cave, dont les grands fromages du Nord.",
        "marche",
        ["fromage", "crèmerie", "produits locaux"],
        [
            ("Maroilles AOP", "8.90", "La pièce de 750 g."),
            ("Vieux-Lille", "6.50", "Les 250 g."),
            ("Mimolette extra-vieille", "7.20", "Les 250 g."),
            ("Beurre cru baratté", "3.80", "Les 250 g."),
            ("Plateau de fromages", "25.00", "Pour 6 personnes, sur commande."),
        ],
    ),
    "primeur": (
        "alimentation",
        "Fruits et légumes de saison, en direct des maraîchers voisins.",
        "marche",
        ["fruits", "légumes", "circuit court", "bio"],
        [
            ("Pommes de terre Bintje", "1.60", "Le kilo."),
            ("Endives de pleine terre", "3.90", "Le kilo."),
            ("Pommes Reinette", "2.80", "Le kilo."),
            ("Panier de la semaine", "15.00", "Fruits et légumes de saison pour 2 personnes."),
            ("Œufs fermiers", "3.20", "La boîte de 6."),
        ],
    ),
    "epicerie": (
        "alimentation",
        "Épicerie fine et vrac : apportez vos contenants !",
        "boutique-lundi",
        ["vrac", "épicerie fine", "zéro déchet"],
        [
            ("Lentilles vertes", "4.50", "Le kilo, en vrac."),
            ("Café moulu de torréfacteur", "7.90", "250 g."),
            ("Miel de fleurs", "8.50", "Pot de 500 g, rucher local."),
            ("Chicorée", "3.40", ""),
            ("Piles AA (lot de 4)", "4.90", "Alcalines."),
            ("Huile d'olive", "12.00", "75 cl, première pression à froid."),
        ],
    ),
    "epicerie-nuit": (
        "alimentation",
        "Ouverte jour et nuit, 7 jours sur 7 : le dépannage du quartier.",
        "nuit",
        ["dépannage", "24h/24", "boissons"],
        [
            ("Piles AAA (lot de 4)", "4.50", ""),
            ("Lait demi-écrémé", "1.20", "1 litre."),
            ("Pack d'eau minérale", "3.90", "6 × 1,5 l."),
            ("Ampoule LED E27", "5.90", ""),
            ("Pain de mie", "2.30", ""),
        ],
    ),
    "caviste": (
        "alimentation",
        "Vins de vignerons, bières des brasseries du Nord et conseils.",
        "boutique",
        ["vin", "bière", "cadeaux"],
        [
            ("Bière blonde de la région", "3.20", "75 cl."),
            ("Coffret découverte bières", "19.90", "6 bières de brasseries locales."),
            ("Côtes-du-Rhône", "9.50", "Vigneron indépendant."),
            ("Champagne brut", "29.00", ""),
        ],
    ),
    "chocolatier": (
        "alimentation",
        "Chocolats et confiseries fabriqués dans notre atelier.",
        "boutique",
        ["chocolat", "confiserie", "cadeaux"],
        [
            ("Ballotin de chocolats", "18.00", "250 g, assortiment maison."),
            ("Bêtises de Cambrai", "6.90", "Sachet de 200 g."),
            ("Tablette noir 70 %", "4.50", ""),
        ],
    ),
    "restaurant": (
        "restauration",
        "Cuisine du marché et spécialités régionales, dans une salle chaleureuse.",
        "restaurant",
        ["restaurant", "cuisine régionale", "terrasse"],
        [
            ("Welsh", "15.50", "Cheddar fondu, bière et pain de campagne."),
            ("Potjevleesch, frites maison", "17.00", ""),
            ("Menu du midi", "14.90", "Entrée, plat, dessert, du mardi au vendredi."),
        ],
    ),
    "creperie": (
        "restauration",
        "Galettes de sarrasin et crêpes, à emporter ou sur place.",
        "restaurant",
        ["crêpes", "à emporter"],
        [("Galette complète", "9.50", ""), ("Crêpe au sucre", "3.50", ""), ("Bolée de cidre", "3.00", "")],
    ),
    "cafe": (
        "restauration",
        "Le café du coin : petits déjeuners, bières locales et soirées jeux.",
        "bar",
        ["café", "bar", "terrasse"],
        [("Café", "1.80", ""), ("Chocolat chaud", "3.20", ""), ("Bière pression", "3.50", "25 cl.")],
    ),
    "pizzeria": (
        "restauration",
        "Pizzas au feu de bois, à emporter ou livrées.",
        "restaurant",
        ["pizza", "à emporter", "livraison"],
        [("Pizza margherita", "10.00", ""), ("Pizza au maroilles", "13.50", "La spécialité de la maison.")],
    ),
    "vetements": (
        "mode",
        "Prêt-à-porter femme et homme, marques françaises et conseils personnalisés.",
        "boutique-lundi",
        ["vêtements", "prêt-à-porter", "made in France"],
        [
            ("Pull en laine", "79.00", "Tricoté dans le Nord."),
            ("Jean brut", "89.00", ""),
            ("Écharpe", "35.00", ""),
            ("Chemise en lin", "65.00", ""),
        ],
    ),
    "chaussures": (
        "mode",
        "Chaussures de ville et de marche, pour toute la famille.",
        "boutique",
        ["chaussures", "enfants"],
        [("Bottines en cuir", "119.00", ""), ("Baskets enfant", "49.00", ""), ("Cirage", "6.50", "")],
    ),
    "bijouterie": (
        "mode",
        "Bijoux, montres et réparations dans notre atelier.",
        "boutique",
        ["bijoux", "montres", "réparation"],
        [
            ("Pile de montre posée", "8.00", "Changée devant vous."),
            ("Boucles d'oreilles argent", "39.00", ""),
        ],
    ),
    "maroquinerie": (
        "mode",
        "Sacs, portefeuilles et bagages, dont une ligne fabriquée en France.",
        "boutique",
        ["sacs", "cuir", "cadeaux"],
        [
            ("Portefeuille en cuir", "45.00", ""),
            ("Sac cabas", "89.00", ""),
            ("Parapluie pliant", "25.00", ""),
        ],
    ),
    "coiffeur": (
        "beaute",
        "Coupe, couleur et barbe, avec ou sans rendez-vous.",
        "coiffure",
        ["coiffeur", "barbier"],
        [("Coupe homme", "22.00", ""), ("Coupe et brushing femme", "42.00", "")],
    ),
    "institut": (
        "beaute",
        "Soins du visage et du corps, produits de beauté naturels.",
        "coiffure",
        ["soins", "cosmétiques naturels"],
        [("Soin du visage", "55.00", "1 heure."), ("Crème hydratante bio", "24.90", "50 ml.")],
    ),
    "parfumerie": (
        "beaute",
        "Parfums, maquillage et conseils beauté.",
        "boutique-lundi",
        ["parfum", "maquillage"],
        [("Eau de toilette", "49.00", "50 ml."), ("Coffret cadeau", "35.00", "")],
    ),
    "fleuriste": (
        "maison",
        "Bouquets de saison et plantes, livrés en ville.",
        "boulangerie",
        ["fleurs", "plantes", "livraison"],
        [
            ("Bouquet de saison", "25.00", "Composé à la demande."),
            ("Orchidée en pot", "29.00", ""),
            ("Terreau universel", "7.90", "Sac de 20 litres."),
        ],
    ),
    "quincaillerie": (
        "maison",
        "Outillage, visserie, clés minute et tous les petits dépannages.",
        "continu",
        ["bricolage", "clés", "dépannage"],
        [
            ("Double de clé", "5.00", "Fait en 5 minutes."),
            ("Piles AA (lot de 8)", "7.90", ""),
            ("Ampoule LED E14", "4.90", ""),
            ("Rallonge électrique 5 m", "12.90", ""),
            ("Boîte de vis assorties", "9.90", ""),
        ],
    ),
    "deco": (
        "maison",
        "Décoration, linge de maison et idées cadeaux de créateurs.",
        "boutique-lundi",
        ["décoration", "cadeaux", "créateurs"],
        [("Bougie parfumée", "19.00", ""), ("Plaid en laine", "59.00", ""), ("Tasse en grès", "14.00", "")],
    ),
    "electromenager": (
        "maison",
        "Électroménager, réparation et livraison-installation à domicile.",
        "boutique",
        ["électroménager", "réparation"],
        [("Bouilloire", "39.00", ""), ("Aspirateur sans sac", "149.00", "")],
    ),
    "librairie": (
        "culture-loisirs",
        "Librairie indépendante : romans, BD, jeunesse et rencontres d'auteurs.",
        "boutique-lundi",
        ["livres", "BD", "jeunesse"],
        [
            ("Carte cadeau", "20.00", ""),
            ("Guide de randonnée de la région", "14.90", ""),
            ("Roman du mois", "21.00", "Le coup de cœur de l'équipe."),
        ],
    ),
    "jouets": (
        "culture-loisirs",
        "Jeux de société et jouets en bois, on joue avant d'acheter.",
        "boutique",
        ["jeux", "jouets", "enfants"],
        [
            ("Jeu de société familial", "29.90", ""),
            ("Puzzle 1000 pièces", "17.90", ""),
            ("Toupie en bois", "8.50", ""),
        ],
    ),
    "sport": (
        "culture-loisirs",
        "Vélo, course à pied et randonnée : vente, location et réparation.",
        "boutique",
        ["vélo", "sport", "réparation"],
        [("Chambre à air", "7.50", ""), ("Révision vélo", "45.00", ""), ("Gourde inox", "19.00", "")],
    ),
    "disquaire": (
        "culture-loisirs",
        "Vinyles neufs et d'occasion, platines et conseils d'écoute.",
        "boutique",
        ["vinyles", "musique"],
        [("Vinyle neuf", "24.00", "Prix moyen."), ("Vinyle d'occasion", "8.00", "")],
    ),
    "mercerie": (
        "culture-loisirs",
        "Laines, tissus et ateliers de couture pour débutants.",
        "boutique",
        ["couture", "laine", "ateliers"],
        [("Pelote de laine", "6.50", ""), ("Atelier couture débutant", "35.00", "2 heures.")],
    ),
    "pressing": (
        "services",
        "Nettoyage à sec, retouches et blanchisserie.",
        "continu",
        ["pressing", "retouches"],
        [("Nettoyage d'une chemise", "4.50", ""), ("Ourlet de pantalon", "12.00", "")],
    ),
    "cordonnerie": (
        "services",
        "Réparation de chaussures et de sacs, clés et plaques gravées.",
        "boutique",
        ["cordonnerie", "clés"],
        [("Talons refaits", "18.00", ""), ("Double de clé", "5.50", "")],
    ),
    "opticien": (
        "services",
        "Lunettes, lentilles et examen de vue sur rendez-vous.",
        "boutique-lundi",
        ["lunettes", "optique"],
        [("Étui à lunettes", "12.00", ""), ("Produit d'entretien lentilles", "9.90", "")],
    ),
    "reparation": (
        "services",
        "Réparation de téléphones et d'ordinateurs en moins d'une heure.",
        "continu",
        ["téléphone", "réparation", "informatique"],
        [("Remplacement d'écran", "79.00", "Selon le modèle."), ("Câble de charge", "12.00", "")],
    ),
    "photographe": (
        "services",
        "Photos d'identité, portraits et tirages.",
        "bureau",
        ["photo", "identité"],
        [("Photos d'identité", "12.00", "Conformes aux normes.")],
    ),
}
