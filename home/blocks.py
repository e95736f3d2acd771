"""StreamField blocks shared by every page type of the portal."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A heading that splits the page into sections.")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Nos horaires d'été", "level": "h2"}


class AccessibleImageBlock(blocks.StructBlock):
    """An image that says what it shows, or says explicitly that it is decorative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds nothing to the text around it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("A photo or an illustration with its text alternative.")
        template = "blocks/image_block.html"
        image_role = "content"  # its renditions: core/renditions.py

    def clean(self, value):
        value = super().clean(value)
        if not value.get("alt_text") and not value.get("decorative"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [ValidationError(_("Describe the image, or tick “Decorative image”."))]
                    )
                }
            )
        return value


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Call-out")
        description = _("A framed message that stands out from the text.")
        template = "blocks/callout_block.html"
        preview_value = {
            "tone": "info",
            "title": "Bon à savoir",
            "text": "<p>Le marché a lieu chaque samedi matin.</p>",
        }


class AccessibleEmbedBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Says what the video or map shows, for screen readers."),
    )
    embed = EmbedBlock(label=_("Address of the video or content"))
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("The text of what is said, for people who cannot hear or watch it."),
    )

    class Meta:
        icon = "media"
        label = _("Video or embedded content")
        description = _("A video or other content from another website, with its title.")
        template = "blocks/embed_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document to download")
        description = _("A link to a file, with its format and size.")
        template = "blocks/document_link_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph with the rich text editors may type: bold, italic, lists and links, no raw HTML."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Text with bold, italic, lists and links.")
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Une fiche à jour, ce sont des clients qui trouvent porte ouverte.</p>"


class BodyBlock(blocks.StreamBlock):
    """The body of a standard page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = AccessibleImageBlock()
    callout = CalloutBlock()
    embed = AccessibleEmbedBlock()
    document = DocumentLinkBlock()


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=240)
    page = blocks.PageChooserBlock(label=_("Page it leads to"))
    link_text = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Call to action")
        description = _("A card that sends visitors to an important page.")
        template = "blocks/call_to_action_block.html"


class FeaturedBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageChooserBlock(label=_("Image"), required=False)
    page = blocks.PageChooserBlock(label=_("Page to read more"), required=False)

    class Meta:
        icon = "pick"
        label = _("Featured content")
        description = _("A news item or highlight shown on the home page.")
        template = "blocks/featured_block.html"
        image_role = "featured_card"


class HomeCallsToActionBlock(blocks.StreamBlock):
    call_to_action = CallToActionBlock()


class HomeFeaturedBlock(blocks.StreamBlock):
    featured = FeaturedBlock()
