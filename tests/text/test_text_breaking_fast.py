"""The fast path of `breaking._breaks` gives exactly what the full rules give at every position."""

from hypothesis import given, settings
from hypothesis import strategies as st

from comicboard.text import breaking, rules_for
from comicboard.text.breaking import _breaks, _breaks_reference, clear_caches

# Plain wide characters (the fast path's stretches) and, mixed in at the same rate, what the full rules single
# out: small kana and ー (CJ), 々, Hangul Jamo, closing and opening marks, ——/……, prefixes and postfixes, digits
# (ASCII and full-width), spaces, U+3000, ZWSP, tabs, combining marks and ZWJ, emoji with modifiers, regional
# indicators, phone numbers, counters.
WIDE = "请携带身份证原件社区办事中心〇あいうアイカ가나다한국어각"
OTHER = ("っゃゅょァッャー々abcXYZ0123456789０１２，。、！？：；「」『』（）“”‘’《》【】—…～〜·・／%％¥$￥℃-/.:@+()#"
         "\u3000\u200b\u0301\u200d\t\u1100\u1161\u11a8🙂👍🏻\U0001f1ef\U0001f1f5\U00020000\uff21")
TEXTS = st.lists(st.one_of(st.sampled_from(WIDE), st.sampled_from(OTHER), st.sampled_from([" ", "  "]),
                           st.sampled_from(["——", "……", "0311 8765 4321", "+86 138 0000 0000", "5个", "3月"])),
                 max_size=24).map("".join)
LANGS = st.sampled_from(["zh-Hans", "zh-Hant", "ja", "ko"])


@settings(max_examples=400, deadline=None)
@given(TEXTS, LANGS, st.booleans())
def test_fast_breaks_equal_the_full_rules(text, lang, strict):
    rules = rules_for(lang, strict=strict)
    want = _breaks_reference(text, rules)
    assert _breaks(text, rules) == want
    assert breaking.break_levels(text, rules) == [breaking.Break(v) for v in want[0]]
    twice = text + "中" + text  # the stretch memo is warm now
    assert _breaks(twice, rules) == _breaks_reference(twice, rules)


def test_memo_cleared_with_the_caches():
    rules = rules_for("ja")
    _breaks("電話03-1234-5678です", rules)
    clear_caches()
    assert _breaks.cache_info().currsize == 0


def test_context_characters_keep_their_class():
    # The memo key stands a context character for any of its class: Hangul syllables (H2 가, H3 각) and ideographs
    # (ID) break differently beside Jamo, prefixes and postfixes (UAX #14 LB26, LB27, LB23a).
    for rules in (rules_for("ko"), rules_for("zh-Hans")):
        for left in "中가각あ":
            for mid in ["\u1100", "\u1161", "\u11a8", "$", "%", "\u1100\u1161", " ", "0"]:
                for right in "中가각あ":
                    text = left + mid + right
                    assert _breaks(text, rules) == _breaks_reference(text, rules), text


def test_plain_wide_ranges_hold_only_plain_wide_characters():
    for strict in (False, True):
        rules = rules_for("ja", strict=strict)
        cls_of, flags_of = breaking._facts(rules)
        ranges = breaking._plain_chars(rules.strict, rules.no_start, rules.no_end, rules.inseparable)
        for lo, hi in ranges:
            for cp in {lo, hi, *range(lo, hi, 97)}:
                ch = chr(cp)
                assert cls_of[ch] in breaking._PLAIN_CLASSES and flags_of[ch] == breaking._PLAIN_FLAGS, hex(cp)
        assert ("ぁ" in "".join(chr(lo) for lo, hi in ranges if lo <= ord("ぁ") <= hi)) is not strict
