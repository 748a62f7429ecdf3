"""A speech may set the speaker's expression and pose; otherwise they follow from the text and props."""

from __future__ import annotations

import pytest

import comicboard as cb
from comicboard.art import EXPRESSIONS, POSES


def _board(*speeches: cb.Speech, props: tuple[str, ...] = ()) -> cb.Board:
    step = cb.Step("到社区服务中心办理", say=speeches, props=props)
    return cb.Board(title="办事指南", size="A4",
                    categories=(cb.Category("社区事务", (cb.Procedure("开具证明", (step,)),)),))


def _figures(board: cb.Board) -> dict[str, object]:
    page = cb.layout(board).pages[0]
    return {f.who: f for f in page.of_kind("figure")}


def test_expression_and_pose_from_the_spec_are_kept():
    figs = _figures(_board(cb.Speech("resident", "我来办证明。", expression="surprised", pose=POSES[0])))
    assert figs["resident"].expression == "surprised"
    assert figs["resident"].pose == POSES[0]


def test_automatic_expression_follows_the_text():
    figs = _figures(_board(cb.Speech("resident", "需要带什么材料？"), cb.Speech("worker", "带上身份证就行。")))
    assert figs["resident"].expression == "question"  # a question looks puzzled
    assert figs["worker"].expression in EXPRESSIONS


@pytest.mark.parametrize("text, expected", [("我家老伴住院了，能报销吗", "worried"),
                                            ("갑자기 일자리를 잃었어요", "worried"), ("我来开证明。", "happy")])
def test_residents_in_trouble_look_worried_not_cheerful(text, expected):
    assert _figures(_board(cb.Speech("resident", text)))["resident"].expression == expected


def test_a_calm_thought_is_not_worried():
    figs = _figures(_board(cb.Speech("resident", "部屋がすっきりしたなあ。", kind="thought")))
    assert figs["resident"].expression == "neutral"


@pytest.mark.parametrize("field,value", [("expression", "angry-ish"), ("pose", "dancing")])
def test_unknown_values_are_spec_errors_naming_the_choices(field, value):
    with pytest.raises(cb.SpecError) as err:
        cb.Speech("resident", "你好", **{field: value})
    assert field in str(err.value) and value in str(err.value)


def test_spec_file_accepts_expression_and_pose(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text(
        "board: {title: 办事指南}\ncategories:\n  - name: 社区事务\n    procedures:\n      - title: 开具证明\n"
        "        steps:\n          - caption: 到社区服务中心\n            say:\n"
        "              - {who: resident, text: 你好, expression: happy, pose: talking}\n", encoding="utf-8")
    sp = cb.load(spec).categories[0].procedures[0].steps[0].say[0]
    assert (sp.expression, sp.pose) == ("happy", "talking")
