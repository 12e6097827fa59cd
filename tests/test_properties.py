"""Property-based tests: whatever the input, a value or a content error, never a crash."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.loader import load_text
from site_builder.model import AchievementField, Commendation, NewsItem, Person, Programme
from site_builder.radio.normalise import Reader
from site_builder.schema import INVALID, Context, Obj
from site_builder.slugs import ID_PATTERN, slugify

FUZZ = settings(max_examples=500, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
CLASSES = [Person, NewsItem, AchievementField, Commendation, Programme]
FIELD_NAMES = sorted(
    {f.name for c in CLASSES for f in dataclasses.fields(c) if "conv" in f.metadata}
)

scalars = st.one_of(
    st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.sampled_from(["no", "0912345678", "19:30", "010", "1_000", "2022-09-21", "21/9/2022",
                     "~", "null", "kinh-te", "individual", "giay-khen", "a.jpg", "../x"]),
)  # fmt: skip
keys = st.sampled_from(["vi", "en", "src", "alt", "kind", "ref", "text"]) | st.text(max_size=8)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)  # fmt: skip
records = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=10), values, max_size=10)


@FUZZ
@given(st.text(max_size=300))
def test_loader_never_crashes_on_any_text(text: str) -> None:
    root, problems = load_text(text, "content/x.yml")
    assert root is not None or problems is not None


@FUZZ
@given(records, st.sampled_from(CLASSES))
def test_validator_gives_a_record_or_problems_for_structured_yaml(record, cls) -> None:
    text = yaml.safe_dump(record, allow_unicode=True)
    root, problems = load_text(text, "content/x.yml")
    if root is None or problems:
        return
    ctx = Context("content/x.yml", Path("/nonexistent-project"))
    value = Obj(cls).convert(root, ctx, "", extra={"id": "x", "path": "content/x.yml"})
    if value is INVALID:
        assert ctx.problems, "an invalid record must say why"
        for problem in ctx.problems:
            assert problem.message("vi") and problem.message("en") and problem.line >= 0
    else:
        assert isinstance(value, cls)


@FUZZ
@given(st.text(max_size=80))
def test_slugs_are_ids_and_stable(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or ID_PATTERN.match(slug)
    assert slugify(slug) == slug


READER = Reader({"UBND": "Ủy ban nhân dân", "OCOP": "Ô-cốp"})


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_normaliser_never_crashes(text: str) -> None:
    reading = READER.read(text)
    assert isinstance(reading.spoken, str)


@FUZZ
@given(
    st.lists(
        st.one_of(
            st.integers(0, 10**13).map(str),
            st.sampled_from(
                [
                    "ngày",
                    "21/9/2002",
                    "95,5%",
                    "2021 - 2025",
                    "lần thứ XX",
                    "1279/KH-UBND",
                    "UBND",
                    "km²",
                    "1.234.567",
                    "0912345678",
                    "19:30",
                    "mục 2.1",
                    "Covid-19",
                    "OCOP",
                    "và",
                ]
            ),
        ),
        max_size=8,
    )
)
def test_numbers_are_always_read_out(words: list[str]) -> None:  # fmt: skip
    spoken = READER.read(" ".join(words)).spoken
    assert not re.search(r"\d", spoken.replace("Covid", "")), spoken


@FUZZ
@given(st.integers(0, 10**15))
def test_every_number_has_a_northern_reading(n: int) -> None:
    spoken = READER.integer(n)
    assert spoken and not re.search(r"\d|lẻ|ngàn", spoken)
    assert Reader(south=True).integer(n).count("nghìn") == 0


@given(st.text(alphabet="0123456789 .-+/,@aĐx\n", max_size=40))
@settings(max_examples=400)
def test_personal_data_prefilter_misses_nothing(text: str) -> None:
    """`find` skips text without nine chained digits or an @: the patterns agree."""
    from site_builder import privacy

    full = [(kind, m[0].strip()) for kind, p in privacy.PATTERNS for m in p.finditer(text)]
    assert privacy.find(text) == full


@given(st.text(alphabet="aă¸µ­¬×\u00adw ", max_size=30))
def test_legacy_encoding_count_matches_the_definition(text: str) -> None:
    from site_builder import hygiene

    assert len(hygiene._TCVN3.findall(text)) == sum(c in hygiene.TCVN3 for c in text)


@given(st.text(alphabet="aăeoyAư¸µ­¬×\u00adøûöñÑÖw ", max_size=30))
def test_legacy_encoding_prefilter_changes_no_verdict(text: str) -> None:
    """Text without a suspect character is settled early: the verdict is the rule's."""
    from site_builder import hygiene

    tcvn3 = sum(c in hygiene.TCVN3 for c in text)
    soft_hyphen_in_word = re.search(r"\w\u00ad\w", text) is not None
    expected = "TCVN3" if tcvn3 >= 2 or (tcvn3 and soft_hyphen_in_word) else None
    if expected is None and hygiene.VNI.search(text):
        expected = "VNI"
    assert hygiene.legacy_encoding(text) == expected


@FUZZ
@given(st.text(alphabet=st.sampled_from("đĐdaư ờng<>/=\"'-_1.\u0301\n"), max_size=60))
def test_search_folds_the_same_d_words_as_the_plain_definition(html: str) -> None:
    """The "đ" words a page carries for search, against the rule written plainly."""
    from site_builder.search_index import folded_words
    from site_builder.slugs import fold

    words = re.findall(r"\w+", re.sub(r"<[^>]+>", " ", html))
    expected = dict.fromkeys(fold(w) for w in words if "đ" in w or "Đ" in w)
    assert folded_words(html) == " ".join(expected)
