"""Acting, read from the layout JSON of every example and of boards written in each language: a person's
consecutive panels in a procedure change pose, speakers face each other, a person keeps one look, and the
pose of the panel before is an input to the plan (the board given to layout is not changed)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import pytest

import comicboard as cb
from comicboard.pagelayout.acting import cue_procedure
from comicboard.vocab import POSES
from tests.layout.written import LANGS, written_board

TOL = 0.6


def _centre_in(b, p) -> bool:  # noqa: ANN001 - [x, y, w, h] lists
    cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
    return p[0] - TOL <= cx <= p[0] + p[2] + TOL and p[1] - TOL <= cy <= p[1] + p[3] + TOL


def _panels(doc: dict) -> list[tuple[dict, list[dict]]]:
    """Every panel with the figures standing in it, in reading order."""
    out = []
    for page in doc["pages"]:
        items = page["items"]
        for p in (it for it in items if it["kind"] == "panel"):
            out.append((p, [it for it in items if it["kind"] == "figure" and _centre_in(it["bbox"], p["bbox"])]))
    return out


def _boards(examples_dir) -> list[tuple[str, cb.Board]]:  # noqa: ANN001
    found = [(path.name, cb.load(path)) for path in sorted(examples_dir.glob("*.yaml"))
             if "template" not in path.name]
    return found + [(f"written-{lang}", written_board(lang)) for lang in LANGS]


@pytest.fixture(scope="module")
def laid(examples_dir) -> list[tuple[str, cb.Board, dict]]:  # noqa: ANN001
    return [(name, board, cb.layout(board).to_json()) for name, board in _boards(examples_dir)]


def _spec_poses(board: cb.Board) -> dict[tuple[str, int], dict[str, str]]:
    """Poses the spec itself names, by (procedure title, step) and speaker (the text demands them)."""
    out: dict[tuple[str, int], dict[str, str]] = {}
    for _, proc in board.procedures():
        for i, step in enumerate(proc.steps, 1):
            out[(proc.title, i)] = {sp.who: sp.pose for sp in step.say if sp.pose}
    return out


def test_a_persons_consecutive_panels_change_pose(laid):
    pairs = 0
    for name, board, doc in laid:
        named = _spec_poses(board)
        by_proc: dict[tuple[int, int], list[tuple[dict, list[dict]]]] = defaultdict(list)
        for p, figs in _panels(doc):
            by_proc[(p["procedure_number"], id(doc))].append((p, figs))
        for panels in by_proc.values():
            panels.sort(key=lambda t: t[0]["step"])
            last: dict[str, tuple[int, str]] = {}  # who → (step, pose) of their latest panel
            for p, figs in panels:
                for f in figs:
                    assert f["pose"] in POSES
                    if f["who"] in last:
                        step, pose = last[f["who"]]
                        demanded = named.get((p["procedure"], p["step"]), {}).get(f["who"]) == pose
                        assert f["pose"] != pose or demanded, (
                            f"{name}: {p['procedure']} steps {step} and {p['step']}: {f['who']} {pose} twice")
                        pairs += 1
                    last[f["who"]] = (p["step"], f["pose"])
    assert pairs >= 40  # the check saw the runs it is about


def test_speakers_face_each_other(laid):
    seen = 0
    for name, _, doc in laid:
        for p, figs in _panels(doc):
            if len(figs) < 2:
                continue
            row = sorted(figs, key=lambda f: f["bbox"][0] + f["bbox"][2] / 2)
            assert row[0]["facing"] == "right" and row[-1]["facing"] == "left", (
                f"{name}: {p['procedure']} step {p['step']}: {[(f['who'], f['facing']) for f in row]}")
            seen += 1
    assert seen >= 10


def test_a_person_keeps_one_look_through_a_procedure(laid):
    for name, _, doc in laid:
        looks: dict[tuple[int, str], set[tuple[str, str]]] = defaultdict(set)
        for p, figs in _panels(doc):
            for f in figs:
                looks[(p["procedure_number"], f["who"])].add((f["look"], f["name"]))
        assert all(len(v) == 1 for v in looks.values()), name


def test_one_line_steps_of_the_staff_act_by_their_words():
    """A run of shorthand steps (all said by the staff) shows at least three different poses in five panels."""
    for lang in LANGS:
        doc = cb.layout(written_board(lang)).to_json()
        first = [f["pose"] for p, figs in _panels(doc) if p["procedure_number"] == 1 for f in figs
                 if f["who"] == "worker"]
        assert len(set(first)) >= 3, (lang, first)
        faces = [f["expression"] for p, figs in _panels(doc) if p["procedure_number"] == 1 for f in figs
                 if f["who"] == "worker"]
        assert len(set(faces)) >= 2, (lang, faces)  # the staff do not smile the same smile at every step


def test_the_pose_before_is_an_input_to_the_plan():
    """A step planned after a panel where the staff pointed differs from the same step planned alone; the
    board laid out keeps its own steps (the cue is a new value, memoised on the procedure)."""
    proc = cb.Procedure("开具证明", (cb.Step("窗口在那边"), cb.Step("窗口在那边"), cb.Step("窗口在那边")))
    board = cb.Board(title="t", size="A4", categories=(cb.Category("c", (proc,)),))
    cued = cue_procedure(proc)
    assert cue_procedure(proc) is cued  # memoised
    assert [s.previous for s in cued.steps] == [(), (("worker", "pointing"),), (("worker", "talking"),)]
    assert proc.steps[1].previous == ()  # the board's own steps are unchanged
    lay = cb.layout(board)
    assert lay.board is board
    poses = [f.pose for f in lay.pages[0].of_kind("figure")]
    assert poses == ["pointing", "talking", "pointing"]


def test_a_pose_the_spec_names_is_kept_even_twice():
    say = (cb.Speech("worker", "请稍等", pose="writing"),)
    proc = cb.Procedure("开具证明", (cb.Step("登记", say=say), cb.Step("登记", say=say)))
    board = cb.Board(title="t", size="A4", categories=(cb.Category("c", (proc,)),))
    assert [f.pose for f in cb.layout(board).pages[0].of_kind("figure")] == ["writing", "writing"]


@pytest.mark.parametrize(("text", "expression"), [
    ("太好了，终于办好了", "relieved"), ("謝謝您的幫忙", "thankful"), ("保険証がなくて心配です", "worried"),
    ("언제 받을 수 있나요?", "question"),
])
def test_expressions_follow_the_text_on_the_board(text, expression):
    step = cb.Step("到窗口办理", say=(cb.Speech("resident", text), cb.Speech("worker", "好的")))
    board = cb.Board(title="t", size="A4",
                     categories=(cb.Category("c", (cb.Procedure("p", (step, replace(step, caption="再次办理"))),)),))
    figs = [f for f in cb.layout(board).pages[0].of_kind("figure") if f.who == "resident"]
    assert figs and all(f.expression == expression for f in figs)
