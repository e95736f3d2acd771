"""A shopkeeper updates Saturday's hours and adds a product with a photo; the town approves."""

import struct
import zlib
from email.header import decode_header, make_header

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations

SHOP = "/commerces/boulangerie-du-beffroi/"


def small_png(path, colour=(200, 120, 40), size=64):
    """A plain PNG written by hand (no image library needed)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(colour) * size
    raw = zlib.compress(row * size)
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    )
    return path


def log_in(page, portal, username):
    page.goto(portal.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", "proximite-demo")
    page.locator("form button[type=submit]").first.click()
    expect(page.locator("#wagtail-sidebar")).to_be_attached()


def open_footer_menu(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_shopkeeper_change_is_approved_then_public(portal, page, tmp_path):
    photo = small_png(tmp_path / "croissant.png")

    log_in(page, portal, "commercant-bethune")
    expect(page.get_by_text("Modifier ma page").first).to_be_visible()
    page.locator("#my-shops-content a", has_text="Modifier ma page").first.click()
    expect(page.locator("#id_title")).to_have_value("Boulangerie du Beffroi")

    # Saturday (weekday 5): the afternoon range closes at 18:45 instead of 19:30.
    page.locator("#tab-label-horaires").click()
    rows = page.locator("select[name^='opening_hours-'][name$='-weekday']")
    saturday = None
    for index in range(rows.count()):
        select = rows.nth(index)
        name = select.get_attribute("name")
        closes = page.locator(f"input[name='{name.replace('-weekday', '-closes')}']")
        if select.input_value() == "5" and closes.input_value() == "19:30":
            saturday = closes
    assert saturday is not None
    saturday.fill("18:45")
    saturday.press("Escape")

    # A new product with a photo uploaded through the image chooser.
    page.locator("#tab-label-produits").click()
    page.locator("#id_products-ADD").click()
    total = int(page.locator("#id_products-TOTAL_FORMS").input_value())
    new = total - 1
    page.fill(f"#id_products-{new}-name", "Croissant au beurre d'Isigny")
    page.fill(f"#id_products-{new}-price", "1.30")
    page.locator(f"#id_products-{new}-image-chooser button", has_text="Choisir").first.click()
    page.locator("#tab-label-upload").click()
    upload = page.locator("#tab-upload")
    upload.locator("input[type=file]").set_input_files(str(photo))
    upload.locator("input[name$='title']").fill("Croissant au beurre")
    collection = upload.locator("select[name$='collection']")
    if collection.count():  # only the shop's own collection is offered
        assert "Boulangerie du Beffroi" in collection.inner_text()
        assert "Beauvais" not in collection.inner_text()
    upload.locator("button[type=submit]").first.click()
    expect(page.locator(f"#id_products-{new}-image-title")).to_have_text("Croissant au beurre")

    open_footer_menu(page)
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages")).to_contain_text("Boulangerie du Beffroi")

    # Not public yet.
    public = page.context.new_page()
    public.goto(portal.url(SHOP))
    expect(public.locator("main")).not_to_contain_text("Croissant au beurre d'Isigny")
    public.close()

    # The town's team was told, and approves.
    subjects = [str(make_header(decode_header(mail["Subject"]))) for mail in portal.sent_emails()]
    assert any("Boulangerie du Beffroi" in subject for subject in subjects), subjects
    page.context.clear_cookies()
    log_in(page, portal, "mairie-bethune")
    page.goto(portal.url("/admin/pages/"))
    page.goto(portal.url("/admin/"))
    page.locator("a", has_text="Boulangerie du Beffroi").first.click()
    open_footer_menu(page)
    page.locator("footer button", has_text="Approuver").first.click()
    expect(page.locator(".messages")).to_contain_text("Boulangerie du Beffroi")

    page.goto(portal.url(SHOP))
    expect(page.locator("main")).to_contain_text("Croissant au beurre d'Isigny")
    saturday_row = page.locator(".hours-table tr", has=page.locator("th", has_text="amedi"))
    expect(saturday_row).to_contain_text("18")
    expect(saturday_row).to_contain_text("45")
    product = page.locator("li, article", has_text="Croissant au beurre d'Isigny").last
    expect(product.locator("img.product__image")).to_be_attached()
    assert_no_axe_violations(page)


def test_the_invitation_and_confirmation_pages_are_accessible(portal, page):
    page.goto(portal.url("/commercants/invitation/lien-invalide/"))
    expect(page.locator("h1")).to_have_text("Ce lien ne fonctionne plus")
    assert_no_axe_violations(page)
    page.goto(portal.url("/commercants/confirmer/lien-invalide/"))
    expect(page.locator("h1")).to_have_text("Ce lien ne fonctionne plus")
    assert_no_axe_violations(page)
