"""What a browser would send from a form of a page, read with BeautifulSoup.

form = find_form(html, form_id="page-edit-form")
data = submitted_data(form)        # {"title": ["Boulangerie"], "csrfmiddlewaretoken": [...]}
offered_choices(form)["helpful"]   # ["yes", "no"]: what a visitor may tick or pick
"""

from bs4 import BeautifulSoup

# The form of Wagtail's page editor.
PAGE_EDIT_FORM = "page-edit-form"
# Inputs a browser does not send with the form's data (or sends only when clicked).
NOT_SENT = {"submit", "button", "file", "image", "reset"}


def html_document(html):
    return BeautifulSoup(html, "html.parser")


def find_form(html, *, form_id=None, method=None):
    """The first form of `html` with this id and method (any when None); LookupError when none."""
    for form in html_document(html).find_all("form", attrs={"id": form_id} if form_id else {}):
        if method is None or (form.get("method") or "get").lower() == method:
            return form
    raise LookupError(f"no form (id {form_id!r}, method {method!r}) in the page")


def submitted_data(form):
    """{name: [values]} as a browser posts it: checked boxes only, the selected options, texts.

    A select with no selected option sends an empty value, as Wagtail's empty choice does."""
    data = {}
    for field in form.find_all(["input", "select", "textarea"], attrs={"name": True}):
        name = field["name"]
        if field.name == "input":
            kind = (field.get("type") or "text").lower()
            if kind in NOT_SENT or kind in {"checkbox", "radio"} and not field.has_attr("checked"):
                continue
            values = [field.get("value", "on" if kind in {"checkbox", "radio"} else "")]
        elif field.name == "select":
            values = [
                option.get("value", option.get_text()) for option in field.find_all("option", selected=True)
            ]
            values = values or [""]
        else:
            # The HTML parser keeps the newline that follows <textarea>; a browser drops it.
            values = [field.get_text().lstrip("\n")]
        data.setdefault(name, []).extend(values)
    return data


def offered_choices(form):
    """{name: [values]} of the boxes, radio buttons and select options a person may choose from."""
    choices = {}
    for field in form.find_all(["input", "select"], attrs={"name": True}):
        if field.name == "select":
            values = [option.get("value", option.get_text()) for option in field.find_all("option")]
        elif (field.get("type") or "").lower() in {"checkbox", "radio"}:
            values = [field.get("value") or "on"]
        else:
            continue
        choices.setdefault(field["name"], []).extend(values)
    return choices


def field_names(form):
    """The names of every field the form sends."""
    return {field["name"] for field in form.find_all(["input", "select", "textarea"], attrs={"name": True})}


def form_data(html, *, form_id=None, method=None):
    """What a browser would post from the form `find_form` finds in `html`."""
    return submitted_data(find_form(html, form_id=form_id, method=method))
