"""Boards the layout has never seen (random texts, sizes, languages, directions) keep every invariant."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import comicboard as cb
from tests.layout.invariants import (
    check_composition,
    check_decorations,
    check_layout,
    check_props,
    missing_strings,
)
from tests.needs import examples

HAN = "请携带身份证原件到社区服务中心办理登记材料审核通过后领取证明文件工作人员居民老年医保社保党员组织关系转接"
HANT = "請攜帶身分證正本到里辦公處辦理登記資料審核通過後領取證明文件工作人員居民長者健保"
KANA = "てんにゅうとどけをだしてくださいマイナンバーカードをもってきてね市役所窓口でうけつけます"
HANGUL = "주민센터에서 신분증을 가지고 전입신고를 하세요 담당 직원이 확인한 후 처리합니다"
PUNCT = "，。、：；！？「」（）《》“”"
LATIN = ["0311-86012345", "8:30–17:30", "5", "ID", "https://example.org/a", "A4", "100%"]

POOLS = {"zh-Hans": HAN, "zh-Hant": HANT, "ja": KANA + "市役所窓口", "ko": HANGUL}


@st.composite
def phrases(draw, lang: str, lo: int = 2, hi: int = 30) -> str:
    pool = POOLS[lang]
    n = draw(st.integers(lo, hi))
    out = []
    while len("".join(out)) < n:
        kind = draw(st.integers(0, 9))
        if kind < 6:
            start = draw(st.integers(0, len(pool) - 6))
            out.append(pool[start:start + draw(st.integers(1, 6))])
        elif kind < 8:
            out.append(draw(st.sampled_from(PUNCT)))
        else:
            out.append(draw(st.sampled_from(LATIN)))
    text = "".join(out).strip()
    return text or pool[:3]


@st.composite
def boards(draw) -> cb.Board:
    lang = draw(st.sampled_from(sorted(POOLS)))
    cast = {"a": cb.CastMember("a", "A", draw(st.sampled_from(["elder", "adult", "student", "child"]))),
            "b": cb.CastMember("b", "B", "adult")}
    speakers = ["worker", "resident", "a", "b"]
    cats = []
    for _ in range(draw(st.integers(1, 3))):
        procs = []
        for _ in range(draw(st.integers(1, 4))):
            steps = []
            for _ in range(draw(st.integers(1, 5))):
                say = tuple(cb.Speech(draw(st.sampled_from(speakers)), draw(phrases(lang, 2, 28)),
                                      draw(st.sampled_from(["speech", "thought", "shout", "whisper"])))
                            for _ in range(draw(st.integers(0, 3))))
                props = tuple(draw(st.lists(st.sampled_from(["document", "stamp", "id_card", "phone"]), max_size=3)))
                steps.append(cb.Step(draw(phrases(lang, 4, 30)), say, props))
            procs.append(cb.Procedure(
                draw(phrases(lang, 2, 12)), tuple(steps), summary=draw(phrases(lang, 0, 30)),
                materials=tuple(draw(phrases(lang, 2, 8)) for _ in range(draw(st.integers(0, 3)))),
                time_limit=draw(st.sampled_from(["", "5", "3"])), phone=draw(st.sampled_from(["", LATIN[0]])),
                url=draw(st.sampled_from(["", "https://example.org/p"]))))
        cats.append(cb.Category(draw(phrases(lang, 2, 8)), tuple(procs),
                                cb.Color.parse(draw(st.sampled_from(["#C8102E", "#1F5F8B", "cmyk(60,0,40,20)"])))))
    return cb.Board(
        title=draw(phrases(lang, 2, 14)), categories=tuple(cats), subtitle=draw(phrases(lang, 0, 20)),
        footer=draw(phrases(lang, 0, 30)), size=draw(st.sampled_from(["A2", "A3", "A4", (400.0, 300.0)])),
        orientation=draw(st.sampled_from(["portrait", "landscape"])), lang=lang,
        direction=draw(st.sampled_from(["ltr", "rtl"])), writing=draw(st.sampled_from(["horizontal", "vertical"])),
        cast=cast,
        # The sheet's own distance (None), or read closer or farther; as many sheets as it takes, or one, forced.
        viewing_distance_m=draw(st.sampled_from([None, 0.3, 0.4, 0.6, 1.0])),
        fit=draw(st.sampled_from(["sheets", "one-sheet"])))


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(board=boards())
def test_unseen_boards_keep_the_invariants(board, tmp_path_factory):
    lay = cb.layout(board)
    errors = [p for p in lay.problems if p.severity == "error"]
    if errors:
        # A board that cannot be drawn soundly is refused by name, never drawn clipped.
        assert all(p.where and p.hint for p in errors)
        with pytest.raises(cb.LayoutError):
            cb.render(lay, tmp_path_factory.mktemp("out") / "board.pdf")
        return
    assert check_layout(lay) == []
    assert check_decorations(lay) == []
    assert check_props(lay) == []
    assert missing_strings(lay) == []


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(board=boards())
def test_unseen_boards_keep_their_drawn_tails_apart(board):
    """The planner keeps the tails apart as the art draws them (a curved wedge, a row of circles, a stretched
    spike), in normal and mirrored panels and in comic shots, not as straight lines."""
    lay = cb.layout(board)
    if any(p.severity == "error" for p in lay.problems):
        return
    assert check_composition(lay) == []
