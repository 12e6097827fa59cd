"""The documentation keeps up with the code: every command, code and field is explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.content.model import (
    CmsSettings,
    Glossary,
    Image,
    Plan,
    PlanSection,
    RadioSettings,
    Segment,
    Signatory,
    Site,
)
from site_builder.content.schema import field_names
from site_builder.content.validate import KINDS
from site_builder.core.catalogue import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
GUIDES = [ROOT / "docs" / "huong-dan-bien-tap.md", ROOT / "docs" / "editors-guide.md"]
CLASSES = [Site, CmsSettings, Plan, PlanSection, Signatory, Image, RadioSettings, Segment, Glossary,
           *(k.cls for k in KINDS)]  # fmt: skip


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_problem_code_is_in_the_guide(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    assert [code for code in CATALOGUE if f"`{code}`" not in text] == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_field_is_in_the_guide(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    missing = [
        f"{cls.__name__}.{name}"
        for cls in CLASSES
        for name in field_names(cls)
        if f"`{name}`" not in text
    ]
    assert missing == []


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("build", "check", "serve", "new", "status", "radio", "say", "admin"):
        command = f"site-builder {command}"
        assert command in readme
