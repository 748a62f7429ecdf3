"""Scenes: every scene draws inside its panel, deterministically, opaque, light enough for black text, print-safe;
the chooser picks from words in all four languages, keeps one setting per procedure, and honours `scene:`."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comicboard import load
from comicboard.art.ink import MIN_LINE_PT, ONE_INK_BELOW_PT, solid_one_ink
from comicboard.art.scene_words import SCENE_WORDS, STEP_MOVES, procedure_scene, scene_for_text, step_scenes
from comicboard.art.scenes import luminance, scene_paths
from comicboard.color import Color
from comicboard.errors import SpecError
from comicboard.model import Procedure, Step
from comicboard.vocab import SCENES

DRAWN = [s for s in SCENES if s != "plain"]
BOXES = [(0.0, 0.0, 300.0, 170.0), (10.0, 20.0, 120.0, 200.0), (5.0, 5.0, 420.0, 90.0), (50.0, 60.0, 80.0, 80.0)]
LANGS_OF = {"zh-Hans": "服务中心医院学校会议家中小区办公室", "ko": "주민센터병원학교회의자택동네사무실"}


def _points(path):
    return [(op[i], op[i + 1]) for op in path.ops if op[0] != "Z" for i in range(1, len(op), 2)]


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("name", DRAWN)
def test_scene_stays_inside_its_panel_and_is_opaque(name, box):
    x, y, w, h = box
    paths = scene_paths(name, x, y, w, h, radius=0.04 * min(w, h))
    assert len(paths) >= 8, "a setting, not a bare wall"
    for p in paths:
        half = p.stroke_width / 2 if p.stroke is not None else 0.0
        for px, py in _points(p):  # control points bound the curve: everything lies inside the panel's box
            assert x - 1e-6 <= px - half and px + half <= x + w + 1e-6, (name, p)
            assert y - 1e-6 <= py - half and py + half <= y + h + 1e-6, (name, p)
        assert p.dash is None
        for c in (p.fill, p.stroke):
            assert c is None or isinstance(c, Color)  # a process colour: no alpha exists in the model


@pytest.mark.parametrize("name", DRAWN)
def test_scene_base_covers_the_panel(name):
    """The first two paths (wall and floor) span the whole box: no paper shows through at the edges."""
    paths = scene_paths(name, 0, 0, 200, 150)
    xs = [px for p in paths[:2] for px, _ in _points(p)]
    ys = [py for p in paths[:2] for _, py in _points(p)]
    assert min(xs) == 0 and max(xs) == 200 and min(ys) == 0 and max(ys) == 150


@pytest.mark.parametrize("name", DRAWN)
def test_scene_is_light_enough_for_black_text(name):
    """Large fills (over 4 % of the panel) have a luminance of 0.45 or more: black text on them has a contrast
    of at least 10:1 (WCAG 2 AAA asks 7:1)."""
    w, h = 300.0, 170.0
    for p in scene_paths(name, 0, 0, w, h):
        if p.fill is None:
            continue
        subpaths, cur = [], []
        for op in p.ops:  # a path may hold several shapes: judge each by its own size
            if op[0] == "M" and cur:
                subpaths.append(cur)
                cur = []
            if op[0] != "Z":
                cur.extend((op[i], op[i + 1]) for i in range(1, len(op), 2))
        subpaths.append(cur)
        for pts in subpaths:
            bw = max(px for px, _ in pts) - min(px for px, _ in pts)
            bh = max(py for _, py in pts) - min(py for _, py in pts)
            if bw * bh > 0.04 * w * h:
                assert luminance(p.fill) >= 0.45, (name, p.fill, bw, bh)


@pytest.mark.parametrize("name", DRAWN)
def test_scene_lines_print(name):
    for box in BOXES:
        for p in scene_paths(name, *box):
            if p.stroke is not None:
                assert p.stroke_width >= MIN_LINE_PT
                assert p.stroke_width >= ONE_INK_BELOW_PT or solid_one_ink(p.stroke)


def test_scenes_are_deterministic_and_translated_copies():
    for name in DRAWN:
        a = scene_paths(name, 0, 0, 250, 160)
        b = scene_paths(name, 100, 40, 250, 160)
        assert a == scene_paths(name, 0, 0, 250, 160)
        assert len(a) == len(b)
        for pa, pb in zip(a, b, strict=True):
            assert pa.fill == pb.fill and pa.stroke == pb.stroke
            for (ax, ay), (bx, by) in zip(_points(pa), _points(pb), strict=True):
                assert bx - ax == pytest.approx(100) and by - ay == pytest.approx(40)


def test_plain_draws_nothing_and_unknown_names_are_refused():
    assert scene_paths("plain", 0, 0, 100, 100) == []
    with pytest.raises(ValueError, match="service_hall"):
        scene_paths("beach", 0, 0, 100, 100)
    with pytest.raises(ValueError):
        scene_paths("office", 0, 0, 0, 100)


def test_every_scene_has_words_in_all_four_languages():
    hans = set("务么们这会医学门区办开体检")
    for scene, words in SCENE_WORDS:
        joined = "".join(words)
        assert any("\uac00" <= ch <= "\ud7a3" for ch in joined), (scene, "ko")
        assert any("\u3040" <= ch <= "\u30ff" for ch in joined) or any(w in joined for w in ("病院", "市役所",
                   "会議", "学校", "自宅", "町内", "事務")), (scene, "ja")
        assert any(ch in hans for ch in joined), (scene, "zh-Hans")
    assert {s for s, _ in SCENE_WORDS} == set(DRAWN)


plain_text = st.text(alphabet=st.sampled_from("的了在是我有和人这中大为上个国到说们以要他时来用生"), max_size=20)
ALL_WORDS = [(scene, w) for scene, words in SCENE_WORDS for w in words]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pre=plain_text, post=plain_text, pick=st.sampled_from(ALL_WORDS))
def test_a_place_word_in_any_text_picks_its_scene_or_a_more_specific_one(pre, post, pick):
    scene, word = pick
    got = scene_for_text(pre + word + post)
    order = [s for s, _ in SCENE_WORDS]
    assert got in SCENES
    assert order.index(got) <= order.index(scene)  # a word listed earlier (more specific) may win, never later


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=40))
def test_the_chooser_is_pure_and_total(text):
    a = scene_for_text(text)
    assert a == scene_for_text(text) and (a is None or a in SCENES)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(location=plain_text, captions=st.lists(plain_text.filter(str.strip), min_size=1, max_size=5),
       named=st.sampled_from(["", *SCENES]))
def test_a_procedure_keeps_one_setting_unless_a_step_moves(location, captions, named):
    proc = Procedure("办事", tuple(Step(c) for c in captions), location=location, scene=named)
    scenes = step_scenes(proc)
    assert len(set(scenes)) == 1 and scenes[0] == procedure_scene(proc)
    if named:
        assert scenes[0] == named


@pytest.mark.parametrize(("location", "want"), [
    ("社区卫生服务中心", "clinic"), ("社区便民服务大厅 1 号窗口", "service_hall"), ("區公所戶政事務所", "service_hall"),
    ("市役所 1階 窓口", "service_hall"), ("保健センター", "clinic"), ("행정복지센터 민원실", "service_hall"),
    ("보건소", "clinic"), ("小学校", "school"), ("社区人民调解室", "meeting_room"), ("", "service_hall"),
])
def test_locations_in_four_languages(location, want):
    assert procedure_scene(Procedure("x", (Step("y"),), location=location)) == want


def test_a_step_that_moves_gets_its_own_setting_and_scene_key_wins():
    proc = Procedure("低保", (Step("提交申请"), Step("社区入户调查"), Step("审核", scene="office")),
                     location="社区便民服务大厅")
    assert step_scenes(proc) == ("service_hall", "home", "office")
    for scene, words in STEP_MOVES:
        assert step_scenes(Procedure("x", (Step(words[0]),)))[0] == scene


def test_scene_key_errors_name_file_line_and_field(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text("board: {title: 板}\ncategories:\n  - name: 类\n    procedures:\n      - title: 事\n"
                    "        scene: beach\n        steps: [一步]\n", encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load(spec)
    text = str(err.value)
    assert "b.yaml" in text and "6" in text and "scene" in text
    assert "service_hall" in text and "clinic" in text  # the names to choose from
    spec.write_text("board: {title: 板}\ncategories:\n  - name: 类\n    procedures:\n      - title: 事\n"
                    "        steps:\n          - {caption: 一步, scene: hospital}\n", encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load(spec)
    text = str(err.value)
    assert "line 7" in text or ":7" in text
    assert "clinic" in text  # the alias suggests the scene meant
