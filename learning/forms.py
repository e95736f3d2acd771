from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.antispam import HoneypotFormMixin
from learning.levels import DigitalLevel
from learning.models.workshops import SEATS_PER_ADDRESS


class GuideFilterForm(forms.Form):
    """The filters of the guide index: a plain GET form that works without JavaScript."""

    q = forms.CharField(label=_("Search a guide"), required=False, max_length=200)
    niveau = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels"))] + DigitalLevel.choices
    )
    theme = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.name) for topic in topics
        ]


class FeedbackForm(HoneypotFormMixin, forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Did this guide help you?"),
        choices=[("oui", _("Yes")), ("non", _("No"))],
        coerce=lambda value: value == "oui",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose “Yes” or “No”.")},
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was missing or unclear? Do not write your name or contact details."),
    )


class SelfCheckForm(HoneypotFormMixin, forms.Form):
    """One radio group per question of the page; the values are answer positions, checked on the way in."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q-{question.id}"] = forms.TypedChoiceField(
                label=question.value["question"],
                help_text=question.value.get("help") or "",
                choices=[(str(i), answer["text"]) for i, answer in enumerate(question.value["answers"])],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer to this question."),
                    "invalid_choice": _("This answer is not one of the proposed answers. Choose again."),
                },
            )
        # The honeypot goes last, after the questions.
        self.fields["site_web"] = self.fields.pop("site_web")

    def question_fields(self):
        return [self[f"q-{question.id}"] for question in self.questions]

    def chosen_answers(self):
        """(question value, answer value) for each question."""
        return [
            (question.value, question.value["answers"][self.cleaned_data[f"q-{question.id}"]])
            for question in self.questions
        ]


class RegistrationForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=format_lazy(
            _(
                "We send you a link to confirm your seat, held for you for 30 minutes, then the calendar "
                "invitation. One address may hold {count} places at a workshop. No e-mail address? Call "
                "the town hall."
            ),
            count=SEATS_PER_ADDRESS,
        ),
        error_messages={
            "required": _("Give your e-mail address: the link that confirms your seat is sent there."),
            "invalid": _("Enter an e-mail address such as nom@exemple.fr."),
        },
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=30,
        help_text=_("If the trainer needs to reach you on the day."),
    )
    shop_name = forms.CharField(label=_("Your shop"), required=False, max_length=150)
    consent = forms.BooleanField(
        label=_("I agree that the town hall keeps these details to organise the workshop."),
        error_messages={"required": _("Tick this box so that we may keep your registration.")},
    )

    field_order = ["name", "email", "phone", "shop_name", "consent"]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if phone and not 9 <= len(digits) <= 15:
            raise forms.ValidationError(_("Enter a phone number such as 03 21 00 00 00."))
        return phone
