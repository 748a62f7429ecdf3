"""A board that needs several pages still prints every procedure whole."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import comicboard as cb
from tests.layout.invariants import check_layout, missing_strings

ROOT = Path(__file__).resolve().parents[2]


def _korean_a4() -> cb.Board:
    """A small welfare-office board on A4: it needs two pages, and its first procedure is tall in a half-page
    column (three people talk in step 1) but fits a page in one column."""
    say = (cb.Speech("grandma", "기초연금은 어디서 신청해요?"), cb.Speech("dad", "어머니, 제가 같이 가 드릴게요."),
           cb.Speech("worker", "여기 2층 복지팀에서 신청하시면 됩니다."))
    pension = cb.Procedure(
        "기초연금 신청",
        (cb.Step("신분증을 가지고 주민센터를 방문합니다", say=say),
         cb.Step("신청서와 금융정보 제공동의서를 작성합니다"),
         cb.Step("국민연금공단에서 소득과 재산을 조사합니다"), cb.Step("결과를 우편이나 문자로 알려 드립니다")),
        summary="만 65세 이상이고 소득인정액이 선정기준액 이하인 어르신께 매달 연금을 드립니다. "
                "만 65세 생일이 속한 달의 1개월 전부터 신청할 수 있습니다.",
        materials=("신분증", "통장 사본", "임대차계약서 사본", "금융정보 제공동의서"), time_limit="30일",
        location="새봄동 행정복지센터 2층 복지팀", phone="국번없이 129 (보건복지상담센터)",
        basis="「기초연금법」 제3조",
        url="https://www.bokjiro.go.kr/ssis-tbu/index.do")
    emergency = cb.Procedure("긴급복지 지원", (cb.Step("상담 전화"), cb.Step("현장 확인"), cb.Step("지원 결정")),
                             summary="갑자기 어려운 일이 생긴 가구를 먼저 돕고 나중에 조사합니다.",
                             phone="02-3456-7800")
    disability = cb.Procedure("장애인 등록", (cb.Step("주민센터에 신청"), cb.Step("국민연금공단 심사"),
                                          cb.Step("등록증 발급")), materials=("사진 1장", "진단서"))
    family = cb.Procedure("가족관계증명서", (
        cb.Step("무인민원발급기 이용", say=(
            cb.Speech("jihoon", "아빠, 이 기계에서 Family Relation Certificate도 나와요?"),
            cb.Speech("dad", "응, 지문만 있으면 돼."))),
        cb.Step("수수료 1,000원 납부")), summary="대법원 전자가족관계등록시스템(https://efamily.scourt.go.kr)에서도 "
                                              "발급할 수 있습니다.")
    return cb.Board(
        title="새봄동 주민센터 민원 안내", subtitle="그림으로 보는 민원 처리 절차", organization="새봄동 행정복지센터",
        size="A4", lang="ko", footer="문의 전화 02-3456-7890 · 평일 09:00~18:00", viewing_distance_m=0.4,
        cast={"grandma": cb.CastMember("grandma", "박 할머니", "elder_woman"),
              "jihoon": cb.CastMember("jihoon", "지훈", "student"),
              "dad": cb.CastMember("dad", "지훈 아버지", "adult_man")},
        categories=(cb.Category("복지 서비스", (pension, emergency, disability), cb.Color.parse("#6A1B9A")),
                    cb.Category("증명서 발급", (family,), cb.Color.parse("#00838F"))))


def test_a_board_over_several_pages_takes_the_columns_in_which_every_procedure_fits_a_page():
    lay = cb.layout(_korean_a4())
    codes = [p.code for p in lay.problems]
    assert "continued" in codes and len(lay.pages) > 1
    # Two columns would need one page fewer but cut the pension strip off at the page's foot.
    assert "strip-too-tall" not in codes
    assert check_layout(lay) == []
    assert missing_strings(lay) == []


def test_a_right_to_left_board_reads_its_columns_from_the_right():
    steps = (cb.Step("当番表を確認"), cb.Step("朝8時半以降に掃除"), cb.Step("次の人に当番札を渡す"))
    procs = tuple(cb.Procedure(f"集積所の掃除{i}", steps, summary="当番は回覧板でお知らせします。")
                  for i in range(1, 5))
    board = cb.Board(title="ひまわり団地 自治会のお知らせ", size=(900.0, 500.0), lang="ja", direction="rtl",
                     writing="vertical",
                     categories=(cb.Category("ごみ当番", procs[:2]), cb.Category("防災", procs[2:])))
    lay = cb.layout(board)
    assert check_layout(lay) == []
    cards = lay.pages[0].of_kind("card")
    columns = sorted({round(c.bbox[0]) for c in cards})
    assert len(columns) > 1  # the wide page takes several columns
    # Procedure 1 stands in the rightmost column, the last procedure in the leftmost.
    first, last = (next(c for c in cards if c.extra["procedure_number"] == n) for n in (1, len(procs)))
    assert round(first.bbox[0]) == columns[-1] and round(last.bbox[0]) < columns[-1]
    bands = lay.pages[0].of_kind("category_band")
    assert bands[0].bbox[0] > bands[-1].bbox[0] or bands[0].bbox[1] < bands[-1].bbox[1]


def test_a_landscape_sheet_gets_the_banner_and_footer_of_the_same_paper_upright():
    """Header and footer scale with the sheet's shorter side: turning an A3 board to landscape must not give it a
    title banner a third larger (a quarter of the height) that leaves the procedures less room."""
    base = cb.load(ROOT / "examples" / "ko.yaml")

    def bands(orientation: str) -> tuple[float, float]:
        page = cb.layout(dataclasses.replace(base, orientation=orientation)).pages[0]
        banner = page.of_kind("banner")[0].bbox
        footer = next(b for b in page.text_blocks() if b.kind == "footer")
        return banner[1] + banner[3], footer.font_size

    (portrait_banner, portrait_footer), (landscape_banner, landscape_footer) = bands("portrait"), bands("landscape")
    assert landscape_banner <= portrait_banner + 0.01
    assert landscape_footer <= portrait_footer + 0.01
def _banner_board(size: str, orientation: str) -> cb.Board:
    steps = (cb.Step("带身份证到窗口"), cb.Step("填写申请表"), cb.Step("当场办结"))
    return cb.Board(title="街道便民服务指南", subtitle="和平街道办事处综合服务窗口",
                    organization="新华区和平街道办事处", footer="服务热线 0311-87654321", size=size,
                    orientation=orientation,
                    categories=(cb.Category("社会保障", tuple(cb.Procedure(f"事项{i}", steps) for i in range(1, 9))),))


def test_a_landscape_board_keeps_the_banner_of_the_same_sheet_upright():
    # The banner's type followed the page's width, so on A2 landscape the title was 84 pt and the banner took a
    # quarter of the height, while the procedures were set near the minimum size; it now follows the width of
    # the same sheet upright.
    for size in ("A3", "A2", "A1"):
        pages = {o: cb.layout(_banner_board(size, o)).pages[0] for o in ("portrait", "landscape")}
        sizes = {o: {b.kind: b.font_size for b in p.text_blocks() if b.kind in ("title", "subtitle", "footer")}
                 for o, p in pages.items()}
        assert sizes["landscape"] == pytest.approx(sizes["portrait"], rel=1e-3)  # A sheets are not exactly 1:√2
        banner = {o: p.of_kind("banner")[0].bbox[3] for o, p in pages.items()}
        assert banner["landscape"] == pytest.approx(banner["portrait"], rel=1e-3)
        lay = cb.layout(_banner_board(size, "landscape"))
        assert check_layout(lay) == [] and missing_strings(lay) == []
