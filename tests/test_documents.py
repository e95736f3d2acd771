"""The documents a newcomer reads first stay short and never send them to a missing page.

README is the door: under 200 lines, and everything else lives in docs/ and ARCHITECTURE.md.
A file moved or a heading renamed breaks a link silently; these tests name the broken one.
"""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DOCUMENTS = [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*)$", re.MULTILINE)


def anchor(heading):
    """The anchor a Markdown renderer (GitHub, GitLab) gives a heading: lower case, punctuation dropped."""
    text = heading.strip().lower().replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def relative_links(document):
    for target in LINK.findall(document.read_text(encoding="utf-8")):
        if not re.match(r"^[a-z]+:", target):  # http:, https:, mailto: lead outside the repository
            yield target


def test_readme_stays_under_two_hundred_lines():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 200, f"README.md has {len(lines)} lines: move the detail to docs/"


def test_every_role_has_its_guide_and_every_topic_its_document():
    expected = {
        "guide-equipe-mairie.md",
        "guide-commercant.md",
        "guide-benevole.md",
        "exploitation.md",
        "performances.md",
        "securite.md",
    }
    assert expected <= {path.name for path in DOCUMENTS}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_points_to_an_existing_file_and_heading(document):
    broken = []
    for target in relative_links(document):
        path_part, _, fragment = target.partition("#")
        linked = (document.parent / unquote(path_part)).resolve() if path_part else document
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif fragment and linked.suffix == ".md":
            headings = {anchor(heading) for heading in HEADING.findall(linked.read_text(encoding="utf-8"))}
            if unquote(fragment) not in headings:
                broken.append(f"{target}: no such heading in {linked.name}")
    assert not broken, f"{document.name}: " + "; ".join(broken)
