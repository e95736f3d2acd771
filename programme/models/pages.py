from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.models import BasePage

PROGRAMME_PARENTS = ["home.HomePage", "programme.ProgrammePage"]


class ProgrammePage(BasePage):
    """Explains the coup de pouce programme to shopkeepers and would-be volunteers, and leads to its forms."""

    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A short paragraph shown in larger text at the top."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_("How the programme works: who helps, how long, what it costs (nothing)."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "programme.HelpRequestPage",
        "programme.VolunteerApplicationPage",
        "programme.VolunteerListPage",
        "programme.ProgrammeFiguresPage",
    ]

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        pages = {}
        if site is not None:
            for model in (HelpRequestPage, VolunteerApplicationPage, VolunteerListPage, ProgrammeFiguresPage):
                pages[model._meta.model_name] = (
                    model.objects.live().public().descendant_of(site.root_page).order_by("path").first()
                )
        context["programme_pages"] = pages
        return context


class FormPageMixin(RoutablePageMixin):
    """A page that shows a form, saves it on POST and redirects to a thank-you address (PRG)."""

    default_confirmation_text = ""
    confirmation_template = "programme/form_confirmation.html"

    def build_form(self, request, data=None):
        raise NotImplementedError

    def form_valid(self, request, form, site):
        raise NotImplementedError

    @path("")
    def form_view(self, request):
        from wagtail.models import Site

        from core.antispam import rate_limited

        site = Site.find_for_request(request)
        if request.method == "POST":
            form = self.build_form(request, data=request.POST)
            if form.is_valid():
                if rate_limited(request, f"programme-{self._meta.model_name}", 5, 3600):
                    form.add_error(
                        None,
                        _("You have sent several forms in a short time. Please wait an hour and try again."),
                    )
                    return self.render_form(request, form, status=429)
                self.form_valid(request, form, site)
                return redirect(self.get_url(request) + self.reverse_subpage("confirmation"))
            return self.render_form(request, form, status=200)
        return self.render_form(request, self.build_form(request))

    @path("merci/", name="confirmation")
    def confirmation_view(self, request):
        message = self.confirmation_text or self.default_confirmation_text
        return TemplateResponse(
            request, self.confirmation_template, self.get_context(request) | {"confirmation_message": message}
        )

    def render_form(self, request, form, status=200):
        context = self.get_context(request) | {"form": form.describe_fields()}
        return TemplateResponse(request, self.get_template(request), context, status=status)


class VolunteerApplicationPage(FormPageMixin, BasePage):
    """The public “Devenir volontaire numérique” form: creates an applied volunteer and tells the staff."""

    introduction = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What a volunteer does, how much time it takes, how the town supports them."),
    )
    confirmation_text = models.TextField(
        _("thank-you message"),
        max_length=500,
        blank=True,
        help_text=_("Shown after sending. Empty: a standard message."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("confirmation_text")]

    parent_page_types = PROGRAMME_PARENTS
    subpage_types = []
    max_count_per_parent = 1
    default_confirmation_text = _(
        "Your application has been received. The town staff will contact you soon. "
        "A confirmation has been sent to your e-mail address."
    )

    class Meta:
        verbose_name = _("volunteer application page")
        verbose_name_plural = _("volunteer application pages")

    def build_form(self, request, data=None):
        from programme.forms import VolunteerForm

        return VolunteerForm(data=data)

    def form_valid(self, request, form, site):
        from programme.services import create_volunteer_application

        create_volunteer_application(form, site)


class HelpRequestPage(FormPageMixin, BasePage):
    """The public “Demander un coup de pouce” form; guides and the self-check link here."""

    introduction = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What a coup de pouce is: free, about two hours, in the shop or by phone."),
    )
    confirmation_text = models.TextField(
        _("thank-you message"),
        max_length=500,
        blank=True,
        help_text=_("Shown after sending. Empty: a standard message."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("confirmation_text")]

    parent_page_types = PROGRAMME_PARENTS
    subpage_types = []
    max_count_per_parent = 1
    default_confirmation_text = _(
        "Your request has been received. The town staff will put you in touch with a volunteer or an "
        "animator, who will contact you. A confirmation has been sent to you if you gave an e-mail address."
    )

    class Meta:
        verbose_name = _("help request page")
        verbose_name_plural = _("help request pages")

    def build_form(self, request, data=None):
        from wagtail.models import Site

        from programme.forms import HelpRequestForm

        site = Site.find_for_request(request)
        return HelpRequestForm(data=data, site=site, query=request.GET)

    def form_valid(self, request, form, site):
        from programme.services import create_help_request

        create_help_request(form, site)


class VolunteerListPage(BasePage):
    """The public “Nos volontaires” page: only active volunteers who agreed, first name, skills and modes."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = PROGRAMME_PARENTS
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("volunteer list page")
        verbose_name_plural = _("volunteer list pages")

    def get_context(self, request, *args, **kwargs):
        from .volunteers import Volunteer

        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        context["volunteers"] = (
            Volunteer.objects.publicly_listed(site)
            .prefetch_related("skills")
            .only("first_name", "mode_in_shop", "mode_phone", "mode_video")
            if site
            else []
        )
        return context


class ProgrammeFiguresPage(BasePage):
    """“Le programme en chiffres”: aggregate figures of the town, no names. Unpublish it to switch it off."""

    introduction = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = PROGRAMME_PARENTS
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme figures page")
        verbose_name_plural = _("programme figures pages")

    def get_context(self, request, *args, **kwargs):
        from programme.charts import bar_chart
        from programme.stats import programme_figures

        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        figures = programme_figures(site) if site else None
        context["figures"] = figures
        if figures:
            context["charts"] = [
                (
                    "sessions",
                    _("Coups de pouce per month"),
                    bar_chart(
                        figures["monthly"], "sessions", _("Coups de pouce per month"), "chart-sessions"
                    ),
                ),
                (
                    "shops",
                    _("Shops helped per month"),
                    bar_chart(figures["monthly"], "shops", _("Shops helped per month"), "chart-shops"),
                ),
            ]
        return context
