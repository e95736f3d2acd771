"""Demo data of the learning space: topics, the shared guide library, and for each town its guides
(published from the library), self-check and workshops."""

import datetime
import json
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from demo.builders.learning import guide_page, related_guides, workshop_page
from demo.builders.pages import add_page
from demo.images import demo_image
from demo.learning_content import ADAPTED_IN_BEAUVAIS, ATTENDEES, GUIDES, NEWER_IN_LIBRARY, RELATED, WORKSHOPS
from learning.library import LIBRARY_NAME, ensure_guide_library, library_collection, publish_library_guides
from learning.models import GuidePage, Registration
from learning.town_setup import ensure_topics, guide_section, stable_block_id, workshop_section
from towns.models import SharedPageCopy

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


def _memo_document(name, collection):
    title = f"Fiche mémo : sa fiche d'établissement ({name})"
    document = Document.objects.filter(title=title, collection=collection).first()
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
        collection=collection,
    )


def load_library(topics):
    """The shared guide library with the demo's guides, written once for both towns."""
    library = ensure_guide_library()
    collection = library_collection()
    name, key = LIBRARY_NAME, "bibliotheque"
    illustrations = {
        "step": demo_image(
            f"Capture d'écran de démonstration ({name})", f"guide-step-{key}", collection, 640, 400
        ),
        "before": demo_image(f"Photo avant retouche ({name})", f"guide-before-{key}", collection, 480, 320),
        "after": demo_image(f"Photo après retouche ({name})", f"guide-after-{key}", collection, 480, 320),
    }
    document = _memo_document(name, collection)
    guides = {}
    for position, (slug, title, level, topic_slugs, minutes, summary, blocks) in enumerate(GUIDES):
        existing = library.get_children().filter(slug=slug).first()
        if existing:
            guides[slug] = existing.specific
            continue
        cover = demo_image(
            f"Illustration {position % 6 + 1} des guides ({name})",
            f"guide-cover-{key}-{position % 6}",
            collection,
            640,
            400,
        )
        guide = add_page(
            library,
            guide_page(
                title,
                slug=slug,
                summary=summary,
                level=level,
                time_needed=minutes,
                cover_image=cover,
                licence="etalab-2.0",
                body=_guide_body(slug, blocks, illustrations, document),
                topics=[topics[topic_slug] for topic_slug in topic_slugs],
            ),
        )
        guides[slug] = guide
    for slug, related_slugs in RELATED.items():
        guide = GuidePage.objects.get(pk=guides[slug].pk)
        if guide.related_guides.exists():
            continue
        guide.related_guides = related_guides([guides[other] for other in related_slugs])
        guide.save_revision().publish()
    return library


def load_guides(town):
    """The town's “Se former” section with every library guide, published as is."""
    index = guide_section(town)
    publish_library_guides(index)
    return index


def adapt_a_guide(town, slug, summary):
    """The town's copy of a library guide, adapted to the town (once)."""
    record = SharedPageCopy.objects.get(site=town.site, source__slug=slug)
    if record.is_adapted:
        return
    copy = record.copy.specific
    copy.summary = summary
    copy.save_revision().publish()


def publish_a_new_version(library, slug, tip):
    """A newer version of a library guide, published after the towns took theirs: they see it waiting."""
    guide = library.get_children().get(slug=slug).specific
    tip_id = stable_block_id(slug, "new-version")
    if any(block.id == tip_id for block in guide.body):
        return
    guide.body.append(("tip", {"title": "", "text": RichText(tip)}, tip_id))
    guide.save_revision().publish()


def load_workshops(town, topics):
    index = workshop_section(town)
    today = timezone.localdate()
    for slug, title, days, hour, capacity, mode, topic_slugs, level, summary, attendees in WORKSHOPS:
        if index.get_children().filter(slug=slug).exists():
            continue
        day = today + datetime.timedelta(days=days)
        workshop = add_page(
            index,
            workshop_page(
                title,
                slug=slug,
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
            ),
        )
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
    library = load_library(topics)
    for town in context.towns.values():
        load_guides(town)
        load_workshops(town, topics)
    # The library at work: Beauvais adapted one guide, and the library has improved another since.
    adapt_a_guide(context.towns["beauvais"], *ADAPTED_IN_BEAUVAIS)
    publish_a_new_version(library, *NEWER_IN_LIBRARY)
