"""The UAX #14 core passes the official LineBreakTest.txt of its Unicode version (kept in tests/text/data)."""

import gzip
from pathlib import Path

from comicboard.text import uax14
from comicboard.text.data import linebreak

TEST_FILE = Path(__file__).parent / "data" / f"LineBreakTest-{linebreak.UNICODE_VERSION}.txt.gz"


def load_cases() -> list[tuple[str, list[bool], str]]:
    cases = []
    for line in _text().splitlines():
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        chars, expected = [], []
        for tok in body.split():
            if tok in ("×", "÷"):
                expected.append(tok == "÷")
            else:
                chars.append(chr(int(tok, 16)))
        cases.append(("".join(chars), expected, comment))
    return cases


def _text() -> str:
    return gzip.decompress(TEST_FILE.read_bytes()).decode("utf-8")


def test_official_line_break_test_passes_completely():
    header = _text().splitlines()[0]
    assert linebreak.UNICODE_VERSION in header  # the test of the same Unicode version as our data
    cases = load_cases()
    assert len(cases) > 7000
    failures = [(text, comment) for text, expected, comment in cases
                if [bool(v) for v in uax14.line_breaks(text)] != expected]
    assert not failures, f"{len(failures)} of {len(cases)} fail, first: {failures[:3]}"


def test_core_examples_without_the_test_file():
    def breaks(text):
        return [i for i, v in enumerate(uax14.line_breaks(text)) if v]

    assert breaks("ab cd") == [3, 5]  # after the space
    assert breaks("社区办事") == [1, 2, 3, 4]
    assert breaks("原件。") == [1, 3]  # no break before a full stop (LB13/CL)
    assert breaks("(12.5%)x") == [8]  # number sequence (LB25)
    assert breaks("——") == [2]  # LB17
    assert breaks("a\nb") == [2, 3] and uax14.line_breaks("a\nb")[2] == uax14.MANDATORY


def test_table_lookup_covers_planes():
    assert uax14.NAMES[uax14.raw_class(ord("中"))] == "ID"
    assert uax14.NAMES[uax14.raw_class(0x20000)] == "ID"  # CJK Ext. B, outside the BMP table
    assert uax14.NAMES[uax14.raw_class(0x10FFFF)] == "XX"
