"""`wrap` on procedure sentences and hostile input chooses exactly the lines of the reference engine
(`layout_reference`, which breaks by the full rules at every position, `_breaks_reference`): the fast paths (the
stretch memo of the break levels, points priced in C loops, last-resort breaks looked for only in stretches wider
than the line, phrases scored once) change no line, width or overflow flag, in zh-Hans, zh-Hant, ja and ko."""

import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from layout_reference import layout_reference

import comicboard
from comicboard.text import paragraphs, rules_for
from comicboard.text.breaking import _breaks, _breaks_reference
from comicboard.text.wrap import default_fontset

W = sys.modules["comicboard.text.wrap"]
FS = default_fontset()
LANGS = ["zh-Hans", "zh-Hant", "ja", "ko"]
# Pieces of procedure sentences in the four languages: words, clause punctuation, brackets and quotes, numbers
# with counters, phone numbers (grouped, with extensions), amounts, dates, opening hours, ranges, URLs, e-mail.
WORDS = ["请携带", "身份证", "原件及复印件", "到社区居委会窗口办理", "由工作人员审核后出具证明", "咨询电话",
         "請攜帶", "身分證正本", "至區公所櫃檯辦理", "約需", "個工作天", "住民票の写し", "をお持ちのうえ",
         "マイナンバーカード", "の窓口で申請してください", "ちょっとお待ちください", "交付まで約", "신분증을 지참하고 ",
         "주민센터에서 신청하세요. ", "처리 기간은 ", "일입니다. ", "수수료는 ", "원입니다. ", "문의 "]
MARKS = list("，。、；：！？“”「」『』（）《》〈〉【】…—～·・ー々っゃ") + ["——", "……", "、「", "」。", "）。"]
NUMBERS = ["0311-8765-4321", "0311 8765 4321", "+86 138 0000 0000", "0571-85551234转8021", "内線4521",
           "내선 1234", "20.50元", "¥300", "300円/回", "15元/天", "9:00～17:30", "8:30〜17:15", "12至18", "5个",
           "3月", "12월 5일", "100%", "30℃", "2024年", "１２３"]
LATIN = ["https://example.org/zs12", "https://example.org/apply/form?id=42&lang=ja", "info@example.org", "PDF",
         "QR", "ID", "Wi-Fi", "e-mail", "A4", "COVID-19", " ", "  ", "\t", "\u00a0", "\u3000"]
# Hostile input: combining marks, emoji with joiners and modifiers, flags, zero-width space and joiners, soft
# hyphen, controls, right-to-left letters, characters outside the BMP, lone surrogates, private use, newlines.
HOSTILE = ["e\u0301", "\u0301", "👩\u200d👩\u200d👧", "👍🏽", "🇨🇳🇯🇵", "\u200b", "\u200d", "\u00ad", "\u0007", "مرحبا",
           "שלום", "𠀋𡈽", "\ud800", "\ue000", "\ufeff", "\n", "\r\n", "\u2028", "ｶﾀｶﾅ", "ﾞ", "〻", "ゝ", "〳〵"]
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(NUMBERS), st.sampled_from(LATIN),
                   st.sampled_from(HOSTILE), st.characters(max_codepoint=0x3FFFF), st.characters(min_codepoint=0x2E80,
                                                                                            max_codepoint=0xFFEF))
TEXTS = st.lists(PIECES, max_size=40).map("".join)
WIDTHS = st.one_of(st.floats(min_value=0.25, max_value=24, allow_nan=False), st.sampled_from([1.0, 2.0, 3.5, 10.0]))
TERMS = ("身份证", "マイナンバーカード", "주민센터에서", "0311 8765 4321", "原件及复印件")


@settings(max_examples=400, deadline=None)
@given(TEXTS, WIDTHS, st.sampled_from(LANGS), st.booleans(), st.booleans(), st.lists(WIDTHS, max_size=2),
       st.booleans())
def test_wrap_same_lines_as_the_reference(text, width, lang, strict, keep, earlier, cold):
    terms = TERMS if keep else ()
    rules = rules_for(lang, strict=strict, keep=terms)
    if cold:
        W.clear_caches()
    for w in earlier:  # other widths first: what they memoised must not change the answer
        comicboard.wrap(text, w, lang=lang, strict=strict, keep=terms)
    want = [para[a:b] for _, para in paragraphs(text)
            for a, b, _, _ in layout_reference(para, width, rules, FS, "regular")]
    assert comicboard.wrap(text, width, lang=lang, strict=strict, keep=terms) == want
    for _, para in paragraphs(text):
        assert W._layout_cached(para, width, rules, FS, "regular") == layout_reference(para, width, rules, FS,
                                                                                       "regular")
        assert _breaks(para, rules) == _breaks_reference(para, rules)


@settings(max_examples=100, deadline=None)
@given(TEXTS, WIDTHS, st.sampled_from([0.5, 2.0, 12.0]), st.sampled_from(LANGS))
def test_wrap_in_other_units_is_wrap_at_the_measure_in_em(text, width, size, lang):
    # `size` only changes the unit: wrapping at width w in units of size s is wrapping at w / s em.
    assert comicboard.wrap(text, width, lang=lang, size=size) == comicboard.wrap(text, width / size, lang=lang)
