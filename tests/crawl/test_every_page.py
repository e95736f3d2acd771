"""Every page, every time: each test lists every page with one kind of fault, to fix them in one go."""

from urllib.parse import urlsplit


def _listing(failures):
    return "\n\n".join(f"{label}\n    " + "\n    ".join(items) for label, items in sorted(failures.items()))


def test_the_crawl_reached_both_towns_and_every_form(crawl):
    def sections(labels):
        return {(urlsplit(label).hostname, urlsplit(label).path.split("/")[1]) for label in labels}

    def click_collect_forms(labels):
        """The towns whose shop pages' click & collect form (their `reserver/` route) was reached."""
        return {urlsplit(label).hostname for label in labels if "/reserver/" in urlsplit(label).path}

    for town in ["localhost", "beauvais.localhost"]:
        for section in ["commerces", "se-former", "auto-diagnostic", "ateliers", "coup-de-pouce"]:
            assert (town, section) in sections(crawl.pages), (town, section)
            if section != "commerces":
                assert (town, section) in sections(crawl.error_states), (town, section)
        assert town in click_collect_forms(crawl.pages), town
        assert town in click_collect_forms(crawl.error_states), town


def test_every_form_sent_empty_explains_what_is_missing(crawl):
    silent = [label for label, explained in crawl.error_states.items() if not explained]
    assert not silent, "These forms came back without an error message:\n" + "\n".join(silent)


def test_no_page_has_an_accessibility_violation(crawl):
    assert not crawl.axe_reports, "\n\n".join(
        f"{label}\n{report}" for label, report in sorted(crawl.axe_reports.items())
    )


def test_every_page_is_valid_html(crawl):
    assert not crawl.vnu_errors, "Nu HTML Checker errors:\n\n" + _listing(crawl.vnu_errors)


def test_no_internal_link_is_broken(crawl):
    broken = {
        f"{url} answered {status}": sorted(crawl.referrers[url])
        for url, status in crawl.broken_links().items()
    }
    assert not broken, "Broken links (and the pages that link to them):\n\n" + _listing(broken)
    assert not crawl.missing_anchors, "Links to an anchor the page does not have:\n\n" + _listing(
        crawl.missing_anchors
    )


def test_every_image_has_a_text_alternative(crawl):
    assert not crawl.images_without_alt, "Images without an alt attribute:\n\n" + _listing(
        crawl.images_without_alt
    )
