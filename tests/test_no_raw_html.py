"""No raw HTML anywhere an editor or a shopkeeper can type: every StreamField and rich-text field checked."""

from django.apps import apps
from django.conf import settings
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

# What a person may format: headings, emphasis, lists, links to pages, sites and documents.
ALLOWED_FEATURES = {"h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"}


def effective_features(features, editor="default"):
    """The features a rich-text editor offers: its own list, or the editor's configured default."""
    if features is not None:
        return set(features)
    options = settings.WAGTAILADMIN_RICH_TEXT_EDITORS[editor].get("OPTIONS", {})
    return set(options["features"]) if "features" in options else None


def walk(block, path):
    """Yield (path, block) for `block` and every block inside it."""
    yield path, block
    if isinstance(block, blocks.ListBlock):
        yield from walk(block.child_block, f"{path}[]")
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from walk(child, f"{path}.{name}")


def rich_text_and_stream_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, RichTextField | StreamField):
                yield f"{model._meta.label}.{field.name}", field


def problems(fields):
    found = []
    for label, field in fields:
        if isinstance(field, RichTextField):
            features = effective_features(field.features, field.editor)
            if features is None or not features <= ALLOWED_FEATURES:
                found.append(f"{label}: rich text with features {features or 'unrestricted'}")
            continue
        for path, block in walk(field.stream_block, label):
            if isinstance(block, blocks.RawHTMLBlock):
                found.append(f"{path}: raw HTML block")
            if isinstance(block, blocks.RichTextBlock):
                features = effective_features(block.features, block.editor)
                if features is None or not features <= ALLOWED_FEATURES:
                    found.append(f"{path}: rich text with features {features or 'unrestricted'}")
    return found


def test_the_audit_sees_every_editable_field():
    labels = [label for label, _field in rich_text_and_stream_fields()]

    assert "shops.ShopPage.description" in labels or any(
        label.startswith("shops.ShopPage.") for label in labels
    )
    assert any(label.startswith("learning.GuidePage.") for label in labels)
    assert any(label.startswith("home.HomePage.") for label in labels)


def test_no_field_lets_anyone_type_raw_html_or_unrestricted_rich_text():
    assert problems(rich_text_and_stream_fields()) == []


def test_the_audit_would_catch_a_raw_html_block_and_an_unrestricted_editor():
    stream = StreamField(
        [("html", blocks.RawHTMLBlock()), ("text", blocks.RichTextBlock(features=["image"]))]
    )
    stream.set_attributes_from_name("body")

    found = [
        path for path, block in walk(stream.stream_block, "body") if isinstance(block, blocks.RawHTMLBlock)
    ]
    assert found == ["body.html"]
    assert not effective_features(["image", "bold"]) <= ALLOWED_FEATURES
