"""What the learning pages do with a request: filters, feedback, self-check, workshop registration."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.antispam import rate_limited
from core.renditions import prefetch_renditions
from core.routing import public
from core.template_context import deferred
from home.search_words import search_query
from learning.forms import FeedbackForm, GuideFilterForm, RegistrationForm, SelfCheckForm
from learning.help import help_link
from learning.ics import workshop_invitation
from learning.levels import DigitalLevel
from learning.models import (
    GuideFeedback,
    GuidePage,
    Registration,
    SelfCheckPage,
    SelfCheckResult,
    Topic,
    WorkshopIndexPage,
)
from learning.models.guides import CARD_FIELDS, GUIDES_PER_PAGE
from learning.models.workshops import SEATS_PER_ADDRESS, TooManyRegistrations
from towns.emails import page_url, send_town_email, town_url
from towns.models import TownIdentity

FEEDBACK_SESSION_KEY = "learning_feedback_given"
SELF_CHECK_SESSION_KEY = "learning_self_check_result"
CANCEL_SALT = "learning.workshop.cancel"
CONFIRM_SALT = "learning.workshop.confirm"


# Guides


def guide_listing_context(index_page, request):
    topics = list(Topic.objects.filter(guides__in=GuidePage.objects.live().child_of(index_page)).distinct())
    form = GuideFilterForm(request.GET or None, topics=topics)
    guides = public(GuidePage.objects.live().child_of(index_page))
    query = ""
    if form.is_valid():
        level, topic, query = (
            form.cleaned_data["niveau"],
            form.cleaned_data["theme"],
            form.cleaned_data["q"].strip(),
        )
        if level:
            guides = guides.filter(level=level)
        if topic:
            guides = guides.filter(topics__slug=topic)
        if query:
            in_index = GuidePage.objects.live().child_of(index_page)
            matching = [guide.pk for guide in in_index.search(search_query(query))]
            guides = guides.filter(pk__in=matching)
    guides = (
        guides.distinct()
        .order_by("path")
        .only(*CARD_FIELDS)
        .select_related("cover_image")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.all()),
            prefetch_renditions("cover_image__renditions", "guide_card"),
        )
    )
    paginator = Paginator(guides, GUIDES_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))  # the first page, or the last, when out of range
    siblings = public(index_page.get_siblings(inclusive=False).live())
    return {
        "self_check_page": siblings.type(SelfCheckPage).first(),
        "workshop_index": siblings.type(WorkshopIndexPage).first(),
        "filter_form": form,
        "guides": page_obj,
        "page_obj": page_obj,
        "result_count": paginator.count,
        "is_filtered": form.is_bound and any(form.data.get(name) for name in ("q", "niveau", "theme")),
        "query": query,
    }


def guide_page_context(guide, request, feedback_form=None):
    """Everything but the feedback form is read only when shown: not when the town cache kept it."""
    site = Site.find_for_request(request)

    @deferred
    def topics():
        prefetch_related_objects([guide], "topics")  # read again by neighbours()
        return list(guide.topics.all())

    neighbours = deferred(guide.neighbours)
    return {
        "outline": deferred(guide.outline),
        "guide_topics": topics,
        "primary_topic": deferred(lambda: topics()[0] if topics() else None),
        "previous_guide": deferred(lambda: neighbours()[0]),
        "next_guide": deferred(lambda: neighbours()[1]),
        "related": deferred(lambda: guide.visible_related_guides(site.root_page if site else None)),
        "feedback_form": feedback_form or FeedbackForm(),
        "feedback_given": guide.pk in request.session.get(FEEDBACK_SESSION_KEY, []),
        "help_url": deferred(lambda: help_link(site, topics=topics(), level=guide.level)),
    }


def guide_page(guide, request):
    """The guide; a POST is a reader's answer to “Ce guide vous a-t-il aidé ?”."""
    if request.method == "POST":
        return guide_feedback(guide, request)
    return TemplateResponse(request, guide.get_template(request), guide.get_context(request))


def guide_feedback(guide, request):
    """“Ce guide vous a-t-il aidé ?”: one anonymous vote per browser session, limited per address."""
    given = request.session.get(FEEDBACK_SESSION_KEY, [])
    if guide.pk in given:
        messages.info(request, _("You have already given your opinion on this guide. Thank you!"))
        return HttpResponseRedirect(guide.url + "#avis")
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        context = guide.get_context(request, feedback_form=form)
        return TemplateResponse(request, guide.get_template(request), context, status=400)
    if rate_limited(request, "guide-feedback", 20, 3600):
        return TemplateResponse(request, "learning/too_many.html", {"page": guide}, status=429)
    GuideFeedback.objects.create(
        guide=guide,
        site=Site.find_for_request(request) or guide.get_site(),
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    request.session[FEEDBACK_SESSION_KEY] = given + [guide.pk]
    messages.success(request, _("Thank you for your opinion: it helps us improve the guides."))
    return HttpResponseRedirect(guide.url + "#avis")


# Self-check


def self_check_form(page, request):
    questions = [block for block in page.questions if block.block_type == "question"]
    if request.method == "POST":
        form = SelfCheckForm(request.POST, questions=questions)
        if form.is_valid():
            if rate_limited(request, "self-check", 30, 3600):
                return TemplateResponse(request, "learning/too_many.html", {"page": page}, status=429)
            result = record_self_check(page, Site.find_for_request(request) or page.get_site(), form)
            request.session[SELF_CHECK_SESSION_KEY] = result.pk
            return HttpResponseRedirect(page.url + page.reverse_subpage("result"))
        status = 400
    else:
        form = SelfCheckForm(questions=questions)
        status = 200
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, "learning/self_check_page.html", context, status=status)


def score_answers(page, chosen):
    """Total score and, per topic slug, the share of its points the shop obtained (0 to 1)."""
    score, obtained, possible = 0, {}, {}
    for question, answer in chosen:
        topic = question["topic"]
        best = max(a["points"] for a in question["answers"])
        score += answer["points"]
        if topic is not None:
            obtained[topic.slug] = obtained.get(topic.slug, 0) + answer["points"]
            possible[topic.slug] = possible.get(topic.slug, 0) + best
    topic_scores = {
        slug: round(obtained[slug] / possible[slug], 3) if possible[slug] else 1 for slug in possible
    }
    return score, topic_scores


def record_self_check(page, site, form):
    score, topic_scores = score_answers(page, form.chosen_answers())
    return SelfCheckResult.objects.create(
        site=site,
        level=page.level_for(score),
        score=score,
        max_score=page.max_score(),
        topic_scores=topic_scores,
    )


def recommended_guides(site, result, limit=5):
    """Guides of the town for the weakest topics first, at the shop's level first; 3 to 5 of them."""
    if site is None:
        return []
    weak = sorted(
        (slug for slug, share in result.topic_scores.items() if share < 1),
        key=lambda slug: (result.topic_scores[slug], slug),
    )
    guides = list(
        GuidePage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .only(*CARD_FIELDS)
        .select_related("cover_image")
        .prefetch_related("topics")
        .order_by("path")
    )
    order = list(DigitalLevel.values)
    shop_level = order.index(result.level)

    def rank(guide):
        slugs = {topic.slug for topic in guide.topics.all()}
        topic_rank = min((weak.index(slug) for slug in slugs if slug in weak), default=len(weak))
        return (topic_rank, abs(order.index(guide.level) - shop_level), guide.path)

    ranked = sorted(guides, key=rank)
    matching = [guide for guide in ranked if rank(guide)[0] < len(weak)]
    chosen = matching[:limit]
    if len(chosen) < 3:  # a shop at ease everywhere still gets guides of its level
        chosen += [guide for guide in ranked if guide not in chosen][: 3 - len(chosen)]
    return chosen


def self_check_result(page, request):
    result = None
    result_pk = request.session.get(SELF_CHECK_SESSION_KEY)
    site = Site.find_for_request(request)
    if result_pk:
        result = SelfCheckResult.objects.filter(pk=result_pk, site=site).first()
    if result is None:
        return HttpResponseRedirect(page.url)
    weak_slugs = [
        slug for slug, share in sorted(result.topic_scores.items(), key=lambda item: item[1]) if share < 1
    ]
    topics = {topic.slug: topic for topic in Topic.objects.filter(slug__in=weak_slugs)}
    weak_topics = [topics[slug] for slug in weak_slugs if slug in topics][:3]
    context = page.get_context(request)
    context.update(
        {
            "result": result,
            "level_label": DigitalLevel(result.level).label,
            "level_text": page.level_text(result.level),
            "weak_topics": weak_topics,
            "recommended": recommended_guides(site, result),
            "help_url": help_link(site, topics=weak_topics, level=result.level),
        }
    )
    return TemplateResponse(request, "learning/self_check_result.html", context)


# Workshops


def registration_token(registration, salt):
    return signing.dumps({"r": registration.pk, "w": registration.workshop_id}, salt=salt)


def registration_link(registration, route, salt):
    workshop = registration.workshop
    path = workshop.relative_url(registration.site) + workshop.reverse_subpage(route)
    token = registration_token(registration, salt)
    return town_url(registration.site, f"{path}?{urlencode({'jeton': token})}")


def registration_from_token(workshop, request, salt):
    """The registration a signed link names, at this workshop; None when the link is not valid."""
    token = request.POST.get("jeton") or request.GET.get("jeton", "")
    try:
        data = signing.loads(token, salt=salt)
        return token, Registration.objects.select_related("workshop").get(pk=data["r"], workshop=workshop)
    except (signing.BadSignature, Registration.DoesNotExist, KeyError, TypeError):
        return token, None


def send_registration_email(registration, promoted=False):
    """The e-mail to the address typed: facts about the workshop and the links, never the text typed.

    A registration waiting for its confirmation gets the link that confirms it; a confirmed
    one (or one on the waiting list) gets the cancellation link, and the calendar file once
    it has a seat.
    """
    if not registration.email:
        return
    workshop = registration.workshop
    site = registration.site
    workshop_url = page_url(site, workshop)
    to_confirm = registration.confirmed_at is None and registration.held_until is not None
    context = {
        "registration": registration,
        "workshop": workshop,
        "identity": TownIdentity.for_site(site),
        "page_url": workshop_url,
        "promoted": promoted,
        "seats_per_address": SEATS_PER_ADDRESS,
    }
    attachments = []
    if to_confirm:
        context["confirm_url"] = registration_link(registration, "confirmation", CONFIRM_SALT)
        template = "learning/emails/registration_to_confirm"
    else:
        context["cancel_url"] = registration_link(registration, "cancellation", CANCEL_SALT)
        template = "learning/emails/registration"
    if registration.status == Registration.Status.CONFIRMED:
        calendar_file = workshop_invitation(workshop, registration, workshop_url, site.hostname)
        attachments.append(("atelier.ics", calendar_file, "text/calendar; charset=utf-8; method=PUBLISH"))
    send_town_email(site, registration.email, template, context, attachments=attachments)


def workshop_page(workshop, request):
    form = None
    status = 200
    if not workshop.is_past:
        if request.method == "POST":
            form = RegistrationForm(request.POST)
            if form.is_valid():
                if rate_limited(request, "workshop-registration", 10, 3600):
                    return TemplateResponse(request, "learning/too_many.html", {"page": workshop}, status=429)
                data = {key: form.cleaned_data[key] for key in ("name", "email", "phone", "shop_name")}
                try:
                    registration = workshop.register(consent_at=timezone.now(), **data)
                except TooManyRegistrations:
                    form.add_error(
                        "email",
                        _(
                            "This e-mail address already holds %(count)s places at this workshop, the most "
                            "one address may hold. To register someone else, use their own address."
                        )
                        % {"count": SEATS_PER_ADDRESS},
                    )
                else:
                    for person in registration.promoted:
                        send_registration_email(person, promoted=True)
                    send_registration_email(registration)
                    if registration.status == Registration.Status.WAITING:
                        almost_done = _(
                            "Almost done: the workshop is full. Open the link we have just sent to %(email)s "
                            "within 30 minutes to take a place on the waiting list."
                        )
                    else:
                        almost_done = _(
                            "Almost done: open the link we have just sent to %(email)s within 30 minutes "
                            "to confirm your registration. Until then, your seat is held for you."
                        )
                    messages.info(request, almost_done % {"email": registration.email})
                    return HttpResponseRedirect(workshop.url)
            status = 400
        else:
            form = RegistrationForm()
    context = workshop.get_context(request)
    seats_left = workshop.seats_left()
    context.update({"form": form, "seats_left": seats_left, "is_full": seats_left == 0})
    return TemplateResponse(request, "learning/workshop_page.html", context, status=status)


def workshop_confirmation(workshop, request):
    """The link e-mailed after registering: it confirms the seat once, within 30 minutes.

    Opening it only shows a button: mail scanners that open links must not confirm anything.
    """
    token, registration = registration_from_token(workshop, request, CONFIRM_SALT)
    context = workshop.get_context(request)
    context["token"] = token
    if registration is None:
        context["problem"] = "invalid"
    elif registration.confirmed_at is not None or registration.status == Registration.Status.CANCELLED:
        context["problem"] = "used"
    elif registration.expired or workshop.is_past:
        context["problem"] = "expired"
    if "problem" in context:
        response = TemplateResponse(request, "learning/workshop_confirmation.html", context, status=400)
    elif request.method == "POST":
        for person in registration.confirm():
            if person.pk != registration.pk:
                send_registration_email(person, promoted=True)
        registration.refresh_from_db()
        send_registration_email(registration)
        if registration.status == Registration.Status.WAITING:
            messages.warning(
                request,
                _(
                    "The workshop is full: you are on the waiting list. "
                    "We will write to you if a seat becomes free."
                ),
            )
        else:
            messages.success(request, _("You are registered. See you at the workshop!"))
        return HttpResponseRedirect(workshop.url)
    else:
        response = TemplateResponse(request, "learning/workshop_confirmation.html", context)
    add_never_cache_headers(response)
    return response


def workshop_cancellation(workshop, request):
    token, registration = registration_from_token(workshop, request, CANCEL_SALT)
    if registration is None or timezone.now() >= workshop.ends_at:
        # After the workshop, the link cancels nothing and shows nobody's name.
        context = workshop.get_context(request)
        context["invalid"] = True
        context["over"] = registration is not None
        return TemplateResponse(request, "learning/workshop_cancellation.html", context, status=400)
    context = workshop.get_context(request)
    context["registration"] = registration
    context["token"] = token
    if request.method == "POST" and registration.status != Registration.Status.CANCELLED:
        for promoted in registration.cancel():
            send_registration_email(promoted, promoted=True)
        messages.success(request, _("Your registration is cancelled. Thank you for freeing your seat."))
        return HttpResponseRedirect(workshop.url)
    response = TemplateResponse(request, "learning/workshop_cancellation.html", context)
    # It shows the person's name: never kept by the page cache, a CDN or a shared computer.
    add_never_cache_headers(response)
    return response
