"""Demo data of the learning space: topics, guides, the self-check and workshops for each town."""

import datetime
import json
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from demo.context import add_call_to_action
from demo.images import demo_image
from demo.learning_content import ATTENDEES, GUIDES, RELATED, WORKSHOPS
from learning.models import GuidePage, Registration, RelatedGuide, WorkshopPage
from learning.town_setup import ensure_topics, guide_section, self_check, stable_block_id, workshop_section

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _image_value(image, alt):
    return {"image": image.pk, "alt_text": alt, "decorative": False, "caption": ""}


def _guide_body(slug, blocks, illustrations, document):
    body, step = [], 0
    for position, block in enumerate(blocks):
        kind = block[0]
        if kind == "step":
            step += 1
            value = {"title": block[1], "text": block[2]}
            if step == 1:
                value["illustration"] = _image_value(
                    illustrations["step"], f"Illustration : {block[1].lower()}"
                )
            else:
                value["illustration"] = {"image": None, "alt_text": "", "decorative": False, "caption": ""}
        elif kind in {"tip", "warning"}:
            value = {"title": "", "text": block[1]}
        elif kind == "checklist":
            value = {"title": block[1], "items": block[2]}
        elif kind == "testimonial":
            value = {"quote": block[1], "name": block[2], "shop": block[3]}
        elif kind == "heading":
            value = {"text": block[1], "level": "h2"}
        elif kind == "paragraph":
            value = block[1]
        elif kind == "before_after":
            value = {
                "before": _image_value(
                    illustrations["before"], "Un pot de confiture photographié au flash, sombre"
                ),
                "after": _image_value(
                    illustrations["after"], "Le même pot près d'une fenêtre, net et lumineux"
                ),
            }
        elif kind == "download":
            kind, value = "download", {"document": document.pk, "label": "Fiche mémo à imprimer"}
        body.append({"type": kind, "value": value, "id": stable_block_id(slug, str(position))})
    return json.dumps(body)


def _memo_document(town):
    title = f"Fiche mémo : sa fiche d'établissement ({town.name})"
    document = Document.objects.filter(title=title, collection=town.collection).first()
    if document:
        return document
    text = (
        "FICHE MÉMO — MA FICHE D'ÉTABLISSEMENT\r\n\r\n"
        "Adresse e-mail utilisée : ..............................\r\n"
        "Date de création : ......................................\r\n"
        "Horaires vérifiés le : ..................................\r\n"
    )
    return Document.objects.create(
        title=title,
        file=ContentFile(text.encode("utf-8"), name="fiche-memo-etablissement.txt"),
        collection=town.collection,
    )


def load_guides(town, topics):
    index = guide_section(town)
    illustrations = {
        "step": demo_image(
            f"Capture d'écran de démonstration ({town.name})",
            f"guide-step-{town.slug}",
            town.collection,
            640,
            400,
        ),
        "before": demo_image(
            f"Photo avant retouche ({town.name})", f"guide-before-{town.slug}", town.collection, 480, 320
        ),
        "after": demo_image(
            f"Photo après retouche ({town.name})", f"guide-after-{town.slug}", town.collection, 480, 320
        ),
    }
    document = _memo_document(town)
    guides = {}
    for position, (slug, title, level, topic_slugs, minutes, summary, blocks) in enumerate(GUIDES):
        existing = index.get_children().filter(slug=slug).first()
        if existing:
            guides[slug] = existing.specific
            continue
        cover = demo_image(
            f"Illustration {position % 6 + 1} des guides ({town.name})",
            f"guide-cover-{town.slug}-{position % 6}",
            town.collection,
            640,
            400,
        )
        guide = GuidePage(
            slug=slug,
            title=title,
            summary=summary,
            level=level,
            time_needed=minutes,
            cover_image=cover,
            last_reviewed=datetime.date(2026, 9, 1),
            licence="etalab-2.0",
            body=_guide_body(slug, blocks, illustrations, document),
            topics=[topics[topic_slug] for topic_slug in topic_slugs],
            related_guides=[],
        )
        index.add_child(instance=guide)
        guide.save_revision().publish()
        guides[slug] = guide
    for slug, related_slugs in RELATED.items():
        guide = GuidePage.objects.get(pk=guides[slug].pk)
        if guide.related_guides.exists():
            continue
        guide.related_guides = [RelatedGuide(guide=guides[other]) for other in related_slugs]
        guide.save_revision().publish()
    return index


def load_workshops(town, topics):
    index = workshop_section(town)
    today = timezone.localdate()
    for slug, title, days, hour, capacity, mode, topic_slugs, level, summary, attendees in WORKSHOPS:
        if index.get_children().filter(slug=slug).exists():
            continue
        day = today + datetime.timedelta(days=days)
        workshop = WorkshopPage(
            slug=slug,
            title=title,
            listing_summary=summary,
            starts_at=datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=PARIS),
            duration=120 if mode == "in_person" else 60,
            mode=mode,
            place=f"Salle des associations, hôtel de ville de {town.name}" if mode == "in_person" else "",
            online_link="https://visio.exemple.fr/atelier-securite" if mode == "online" else "",
            capacity=capacity,
            level=level,
            topics=[topics[topic_slug] for topic_slug in topic_slugs],
            description=(
                f"<p>{summary}</p><p>L'atelier est gratuit et réservé aux commerçants et artisans "
                f"de {town.name}. Apportez votre téléphone chargé.</p>"
            ),
        )
        index.add_child(instance=workshop)
        workshop.save_revision().publish()
        for name, email, phone, shop in ATTENDEES[:attendees]:
            Registration.objects.create(
                workshop=workshop,
                site=town.site,
                name=name,
                email=email,
                phone=phone,
                shop_name=shop,
                consent_at=timezone.now(),
                confirmed_at=timezone.now(),  # as if each had opened the link of their e-mail
            )
    return index


def load(context):
    topics = ensure_topics()
    for town in context.towns.values():
        guides = load_guides(town, topics)
        self_check_page = self_check(town)
        load_workshops(town, topics)
        add_call_to_action(
            town.home_page,
            "Se former",
            "Des guides pas à pas pour les commerçants : photos, réseaux sociaux, click & collect…",
            guides,
            "Voir les guides",
        )
        add_call_to_action(
            town.home_page,
            "Où en êtes-vous avec le numérique ?",
            "Huit questions pour connaître votre niveau et les guides faits pour vous.",
            self_check_page,
            "Faire le point",
        )
