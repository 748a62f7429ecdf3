"""Generated specs (valid and broken structures, random Unicode) through load, layout, PDF and PNG:
the only exceptions that may escape are comicboard's own, and long unbroken words never hang or clip."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import comicboard as cb
from tests.layout.invariants import check_layout
from tests.needs import examples

OUTCOMES: list[str] = []  # what each example came to: the test asserts the mix
SETTINGS = settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text the font can draw, and now and then random Unicode (controls, bidi, emoji, lone surrogates).
cjk = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=10)
latin = st.text("abcdefghij W-:/.", min_size=1, max_size=40)
wild = st.one_of(st.text(max_size=12), st.just(""), st.just("\u202eabc"), st.just("x\ud800"), st.just("🙂"))
scalars = st.one_of(wild, st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True))
junk = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(wild, inner, max_size=3),
                    max_leaves=8)
texts = st.one_of(cjk, cjk, latin)
mistakes = st.sampled_from(["ghost", "yell", "A9", [1, 1], "#12", "xx", "x" * 600, "a\tb\nc", "  "])


@st.composite
def specs(draw) -> dict:
    """A small board; in about half of them one value (anywhere) is replaced by junk or wild text."""
    maybe = texts
    speech = st.fixed_dictionaries({"who": st.sampled_from(["worker", "resident"]), "text": maybe},
                                   optional={"kind": st.sampled_from(["speech", "shout", "whisper"])})
    step = st.one_of(maybe, st.fixed_dictionaries({"caption": maybe}, optional={
        "say": st.lists(speech, max_size=2), "props": st.lists(st.sampled_from(["document", "stamp"]), max_size=3)}))
    proc = st.fixed_dictionaries({"title": maybe, "steps": st.lists(step, min_size=1, max_size=3)},
                                 optional={"summary": maybe, "phone": maybe, "materials": st.lists(maybe, max_size=2),
                                           "url": st.sampled_from(["https://example.org/a", ""])})
    board = st.fixed_dictionaries({"title": maybe, "size": st.sampled_from(["A5", "A4", [90, 120]])},
                                  optional={"subtitle": maybe, "lang": st.sampled_from(["zh-Hans", "ja", "ko"]),
                                            "direction": st.sampled_from(["ltr", "rtl"]),
                                            "orientation": st.sampled_from(["portrait", "landscape"])})
    color = draw(st.sampled_from(["#1F6FB2", "cmyk(0,1,2,3)"]))
    data: dict = {"board": draw(board), "categories": [{"name": draw(maybe), "color": color,
                            "procedures": draw(st.lists(proc, min_size=1, max_size=2))}]}
    if draw(st.booleans()):
        parent, key = data, draw(st.sampled_from(sorted(data)))
        for _ in range(draw(st.integers(1, 6))):  # walk down a random way, then spoil what is there
            child = parent[key]
            if isinstance(child, dict) and child:
                parent, key = child, draw(st.sampled_from(sorted(child)))
            elif isinstance(child, list) and child:
                parent, key = child, draw(st.integers(0, len(child) - 1))
        parent[key] = draw(st.one_of(wild, junk, mistakes))
    return data


def _through_everything(path: Path, out: Path) -> str:
    try:
        board = cb.load(path)
        lay = cb.layout(board)
        cb.render(lay, out / "b.pdf")
        cb.render(lay, out / "b.png", dpi=12)
    except cb.ComicboardError as exc:
        assert str(exc)
        return exc.__class__.__name__
    return "rendered"


def test_generated_specs_raise_only_comicboard_errors():
    OUTCOMES.clear()
    _one_generated_spec()
    # The generator must reach both ends: boards that render, and input that is refused by name.
    assert "rendered" in OUTCOMES, OUTCOMES
    assert any(o != "rendered" for o in OUTCOMES), OUTCOMES


@SETTINGS
@given(specs(), st.sampled_from(["yaml", "json"]))
def _one_generated_spec(data, fmt):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"b.{fmt}"
        # JSON with ASCII escapes (\ud800): lone surrogates reach the loader as they would from a real file.
        text = yaml.safe_dump(data, allow_unicode=True) if fmt == "yaml" else json.dumps(data, ensure_ascii=True)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        OUTCOMES.append(_through_everything(path, Path(d)))


def test_long_unbroken_latin_is_split_with_a_warning_not_clipped_or_hung(tmp_path):
    word = "Verwaltungsgerichtsbarkeitsverfahrensordnung" * 4
    board = cb.Board(title="T" * 120, size="A5", categories=(cb.Category("社区", (cb.Procedure(
        "办理", (cb.Step(word, say=(cb.Speech("worker", word),)), cb.Step("领取"))),)),))
    lay = cb.layout(board)  # how quickly: benchmarks/bench_pathological.py
    assert any(p.code == "split-word" and p.severity == "warning" for p in lay.problems)
    assert check_layout(lay) == []  # every line inside its box, nothing overlapping
    title = next(it for it in lay.pages[0].items if getattr(it, "kind", "") == "title")
    assert title.font_size >= board.min_font_size  # a long title wraps instead of shrinking to nothing
    if not [p for p in lay.problems if p.severity == "error"]:
        cb.render(lay, tmp_path / "b.png", dpi=20)
