"""Text no announcer would meet still reads: very long digit runs in every class of rule."""

from __future__ import annotations

import pytest

from site_builder.radio.normalise import Reader

LONG = "7" * 5000  # Python refuses an int of more than 4,300 digits
CASES = [f"{LONG}", f"1{LONG},5 tấn", f"{LONG}%", f"{LONG}/{LONG}", f"ngày {LONG}/12",
         f"{LONG} đ", f"-{LONG}°C", f"{LONG}-{LONG} ha", f"Quyết định số {LONG}/QĐ-UBND",
         f"{LONG}h{LONG}", f"0{LONG}", f"+84 {LONG}"]  # fmt: skip


@pytest.mark.parametrize("text", CASES, ids=range(len(CASES)))
@pytest.mark.parametrize("south", [False, True])
def test_a_digit_run_no_amount_has_is_read_digit_by_digit(text: str, south: bool) -> None:
    spoken = Reader({}, south=south).read(text).spoken
    assert "7" not in spoken
    assert "bảy bảy bảy" in spoken
