"""Speech bubbles: a line more rather than a word cut inside a phrase (ち|ょっと, 暗证番|号, 届|く)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard.text import phrases, rules_for
from comicboard.text.wrap import _word_cut, default_fontset, layout_lines, phrase_lines

FS = default_fontset()


def test_a_line_more_keeps_words_whole():
    assert [ln.text for ln in phrase_lines("交付通知書が届くまで約１か月", 7, lang="ja")] == \
        ["交付通知書が", "届くまで", "約１か月"]
    assert [ln.text for ln in phrase_lines("窓口で暗証番号を決めて受け取る", 6, lang="ja")] == \
        ["窓口で", "暗証番号を", "決めて", "受け取る"]
    # When the fewest lines cut nothing, nothing changes.
    text = "请携带身份证原件。"
    assert phrase_lines(text, 6, lang="zh-Hans") == layout_lines(text, 6, lang="zh-Hans")


PIECES = {"ja": ["住民票の写しを", "窓口で", "申請してください", "マイナンバーカードを", "お持ちください", "ちょっと",
                 "受け取る", "「転入届」", "、", "。"],
          "zh-Hans": ["请携带", "身份证原件", "到社区", "服务中心办理", "工作人员", "审核材料后", "，", "。"]}


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(sorted(PIECES)).flatmap(
    lambda lang: st.tuples(st.just(lang), st.lists(st.sampled_from(PIECES[lang]), min_size=1, max_size=6))),
    st.floats(min_value=3, max_value=12))
def test_lines_rejoin_fit_and_take_at_most_one_line_more_to_avoid_a_cut(lang_parts, width):
    lang, parts = lang_parts
    text = "".join(parts)
    base = layout_lines(text, width, lang=lang)
    lines = phrase_lines(text, width, lang=lang)
    assert "".join(ln.text for ln in lines) == text
    assert len(base) <= len(lines) <= len(base) + 1
    rules = rules_for(lang)
    for a, b in zip(lines, lines[1:], strict=False):
        assert b.text[0] not in rules.no_start and a.text[-1] not in rules.no_end
    for ln in lines:
        assert ln.width <= width + 1e-9 or ln.overflow
    if len(lines) > len(base):  # the extra line bought whole words
        bounds = phrases.phrase_bounds(text, lang)
        assert not any(_word_cut(text, ln.end, bounds) for ln in lines[:-1])
