"""StreamField blocks of the learning space: a guide body built for teaching, and the self-check."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import (
    RICH_TEXT_FEATURES,
    AccessibleEmbedBlock,
    AccessibleImageBlock,
    DocumentLinkBlock,
    HeadingBlock,
    ParagraphBlock,
)


class OptionalAccessibleImageBlock(AccessibleImageBlock):
    """The screenshot of a step: optional, but when there is one it says what it shows."""

    image = ImageChooserBlock(label=_("Image or screenshot"), required=False)

    def clean(self, value):
        if not value.get("image"):
            return blocks.StructBlock.clean(self, value)
        return super().clean(value)


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("What to do"), max_length=150, help_text=_("E.g. “Open the app”."))
    text = blocks.RichTextBlock(label=_("Explanation"), features=RICH_TEXT_FEATURES)
    illustration = OptionalAccessibleImageBlock(label=_("Image or screenshot"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Numbered step")
        description = _("One step of the guide; steps are numbered automatically.")
        template = "learning/blocks/step_block.html"
        preview_value = {
            "title": "Ouvrez l'appareil photo",
            "text": "<p>Touchez l'icône en forme d'appareil photo sur l'écran d'accueil.</p>",
        }


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tip")
        description = _("A piece of advice that makes the task easier.")
        template = "learning/blocks/tip_block.html"
        preview_value = {"title": "Astuce", "text": "<p>Photographiez près d'une fenêtre, sans flash.</p>"}


class WarningBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Warning")
        description = _("A mistake to avoid or a risk to know about.")
        template = "learning/blocks/warning_block.html"
        preview_value = {"title": "Attention", "text": "<p>Ne communiquez jamais votre mot de passe.</p>"}


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=200), label=_("Items"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        description = _("A list of things to check, with boxes to tick on paper.")
        template = "learning/blocks/checklist_block.html"
        preview_value = {
            "title": "Avant de publier",
            "items": ["Horaires à jour", "Photo nette", "Prix indiqué"],
        }


class VideoBlock(AccessibleEmbedBlock):
    """A video with the title and transcript that make it usable by everyone."""

    transcript = blocks.TextBlock(
        label=_("Transcript"),
        help_text=_("The text of what is said, for people who cannot hear or watch it. Required."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("A video from another website, with its title and its transcript.")
        template = "blocks/embed_block.html"
        preview_value = {
            "title": "Prendre une photo de produit",
            "embed": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "transcript": "Bonjour, aujourd'hui nous allons photographier un produit.",
        }


class DownloadBlock(DocumentLinkBlock):
    class Meta:
        icon = "download"
        label = _("File to download")
        description = _("A model, a form or a printable sheet to download.")
        template = "blocks/document_link_block.html"


class ImageWithAltBlock(AccessibleImageBlock):
    class Meta:
        label = _("Image")


class BeforeAfterBlock(blocks.StructBlock):
    before = ImageWithAltBlock(label=_("Before"))
    after = ImageWithAltBlock(label=_("After"))

    class Meta:
        icon = "image"
        label = _("Before / after")
        description = _("Two images side by side that show the improvement.")
        template = "learning/blocks/before_after_block.html"

    def bulk_to_python(self, values):
        # Both sides are the same kind of block: converted together, their images cost one query.
        sides = self.child_blocks["before"].bulk_to_python(
            [value.get(name) or {} for value in values for name in ("before", "after")]
        )
        return [
            self._to_struct_value([("before", sides[2 * i]), ("after", sides[2 * i + 1])])
            for i in range(len(values))
        ]


class TestimonialBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    name = blocks.CharBlock(label=_("Name"), max_length=100)
    shop = blocks.CharBlock(label=_("Shop"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Testimonial")
        description = _("What a shopkeeper says about it, in their own words.")
        template = "learning/blocks/testimonial_block.html"
        preview_value = {
            "quote": "Depuis que mes horaires sont à jour en ligne, on ne trouve plus porte close.",
            "name": "Nadia",
            "shop": "Fleurs des Halles",
        }


class GuideBodyBlock(blocks.StreamBlock):
    """The body of a guide."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    step = StepBlock()
    tip = TipBlock()
    warning = WarningBlock()
    checklist = ChecklistBlock()
    video = VideoBlock()
    download = DownloadBlock()
    before_after = BeforeAfterBlock()
    testimonial = TestimonialBlock()


class SelfCheckAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=200)
    points = blocks.IntegerBlock(
        label=_("Points"),
        min_value=0,
        max_value=10,
        default=0,
        help_text=_("0 for the least at ease answer, more for the most at ease."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class SelfCheckQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    help = blocks.CharBlock(label=_("Help under the question"), required=False, max_length=250)
    topic = SnippetChooserBlock(
        "learning.Topic",
        label=_("Topic"),
        help_text=_("Guides of this topic are recommended when the answer is weak."),
    )
    answers = blocks.ListBlock(SelfCheckAnswerBlock(), label=_("Answers"), min_num=2, max_num=6)

    class Meta:
        icon = "help"
        label = _("Question")
        description = _("A question with its answers and the points of each answer.")
        preview_value = {
            "question": "Vos clients trouvent-ils vos horaires sur une carte en ligne ?",
            "answers": [{"text": "Non", "points": 0}, {"text": "Oui, à jour", "points": 2}],
        }


class SelfCheckQuestionsBlock(blocks.StreamBlock):
    question = SelfCheckQuestionBlock()
