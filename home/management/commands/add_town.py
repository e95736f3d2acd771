"""`manage.py add_town "Arras" commerces.arras.fr --email commerce@arras.fr`: a town, ready for its team."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from home.towns import create_town


class Command(BaseCommand):
    help = (
        "Crée une ville : son site (nom d'hôte), sa page d'accueil publiée, son identité, sa collection "
        "d'images et son groupe « Équipe de la mairie — <ville> », qui peut tout faire dans cette ville "
        "et rien dans les autres. Relancée, elle complète ce qui manque sans rien écraser."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Le nom de la ville, par exemple « Arras ».")
        parser.add_argument("hostname", help="Le nom d'hôte du portail, par exemple commerces.arras.fr.")
        parser.add_argument(
            "--port", type=int, default=80, help="Le port public (80 par défaut, derrière HTTPS)."
        )
        parser.add_argument(
            "--email", default="", help="L'adresse de contact de la mairie pour les commerçants."
        )
        parser.add_argument(
            "--default", action="store_true", help="Servir cette ville pour tout nom d'hôte inconnu."
        )

    def handle(self, *args, name, hostname, port, email, default, **options):
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"« {email} » n'est pas une adresse e-mail.") from None
        if not 1 <= port <= 65535:
            raise CommandError(f"Le port {port} n'existe pas : donnez un nombre de 1 à 65535.")
        try:
            town, created = create_town(name, hostname, port=port, default=default, contact_email=email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        site = town.site
        address = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        if created:
            self.stdout.write(self.style.SUCCESS(f"Ville « {town.name} » créée : http://{address}/"))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Ville « {town.name} » déjà là, ce qui manquait est complété : http://{address}/"
                )
            )
        self.stdout.write(
            f"Groupe « {town.staff_group.name} » : pages, images et identité de la ville, champs réservés "
            "des commerces, relecture des commerçants, click & collect, guides et ateliers, coup de pouce."
        )
        self.stdout.write(
            "Ensuite, dans l'administration : ajoutez le compte de chaque agent à ce groupe (Paramètres › "
            "Utilisateurs), complétez l'identité de la ville (Paramètres › Identité de la ville), puis créez "
            "les rubriques sous la page d'accueil : Commerces, Se former, Coup de pouce, mentions légales."
        )
