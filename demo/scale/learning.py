"""Scale data of the learning space: a “Se former” guide index per town and its guides, in bulk.

The demo's seventeen guides are written once for every kind of shop, then again for each
audience below, so a town may have a hundred guides that read like real ones.
"""

from core.bulk_pages import add_live_pages, index_in_bulk, publish_added_pages
from demo.builders.learning import guide_page, related_guides
from demo.learning import _guide_body, _memo_document
from demo.learning_content import GUIDES
from learning.models import GuidePage
from learning.town_setup import ensure_topics, guide_section

AUDIENCES = [
    ("metiers-de-bouche", "pour les métiers de bouche"),
    ("mode-et-beaute", "pour la mode et la beauté"),
    ("cafes-et-restaurants", "pour les cafés et les restaurants"),
    ("services", "pour les commerces de services"),
    ("maison", "pour la maison et la décoration"),
    ("culture-et-loisirs", "pour la culture et les loisirs"),
]


def guide_identity(rank):
    """Slug, title and demo content of a town's guide of this rank."""
    slug, title, level, topic_slugs, minutes, summary, blocks = GUIDES[rank % len(GUIDES)]
    lap = rank // len(GUIDES)
    if lap:
        audience_slug, audience = AUDIENCES[(lap - 1) % len(AUDIENCES)]
        slug = f"{slug}-{audience_slug}"
        title = f"{title}, {audience}"
        if lap > len(AUDIENCES):
            slug += f"-{(lap - 1) // len(AUDIENCES) + 1}"
    return slug, title, level, topic_slugs, minutes, summary, blocks


def load(context):
    topics = ensure_topics()
    for town_rank, town in enumerate(context.towns.values()):
        index = guide_section(town)
        pictures = context.pictures[town.slug]
        illustrations = {"step": pictures[0], "before": pictures[1], "after": pictures[2]}
        document = _memo_document(town.name, town.collection)
        existing = set(index.get_children().values_list("slug", flat=True))
        guides = []
        for rank in range(context.share("guides", town_rank)):
            slug, title, level, topic_slugs, minutes, summary, blocks = guide_identity(rank)
            if slug in existing:
                continue
            guide = guide_page(
                title,
                slug=slug,
                summary=summary,
                listing_summary=summary,
                level=level,
                time_needed=minutes,
                cover_image=pictures[rank % len(pictures)],
                body=_guide_body(slug, blocks, illustrations, document),
                topics=[topics[topic_slug] for topic_slug in topic_slugs],
            )
            guides.append(guide)
        add_live_pages(index, guides, context.now)
        # Related guides: the next two new guides of the same main topic.
        by_topic = {}
        for guide in guides:
            by_topic.setdefault(guide.topics.all()[0].pk, []).append(guide)
        for same_topic in by_topic.values():
            for position, guide in enumerate(same_topic):
                others = (same_topic[position + 1 : position + 3] + same_topic[:position])[:2]
                guide.related_guides = related_guides(others)
        publish_added_pages(guides, context.now)
        index_in_bulk(GuidePage, [guide.pk for guide in guides])
        context.count_created("guides", len(guides))
