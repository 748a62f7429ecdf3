"""Break opportunities: CJK breaks anywhere but kinsoku, words stay whole, spaces break, —— stays whole."""

from hypothesis import given
from hypothesis import strategies as st

from comicboard.text import Break, break_levels, paragraphs, rules_for
from comicboard.text.breaking import SPACES

ZH = rules_for("zh-Hans")
KO = rules_for("ko")
ALPHABET = list("请携带身份证原件社区办事あいっゃアッー가나한" "。，、：；！？”’」）】》“‘「（【《" "——……"
                "abcXYZ0123456789.,:-/@_%+¥$#℃·" "    ")


def allowed_positions(text, rules=ZH, level=Break.ALLOWED):
    return [i for i, lv in enumerate(break_levels(text, rules)) if lv >= level]


def test_between_ideographs_and_kana_everywhere():
    assert allowed_positions("社区办事") == [1, 2, 3, 4]
    assert allowed_positions("あいアイ") == [1, 2, 3, 4]


def test_closing_marks_never_start_and_opening_never_end():
    assert allowed_positions("原件。") == [1, 3]
    assert allowed_positions("说“好”了") == [1, 4, 5]
    assert allowed_positions("（注）") == [3]


def test_words_numbers_and_urls_stay_whole():
    for word in ["0311-12345678", "8:30–17:30", "https://example.org/x", "a.b@example.org", "3.14",
                 "50%", "¥50", "$5"]:
        positions = allowed_positions(f"电话{word}请", level=Break.EMERGENCY)
        assert positions == [1, 2, 2 + len(word), 3 + len(word)], word


def test_number_keeps_its_counter_unless_needed():
    assert break_levels("5个", ZH)[1] == Break.EMERGENCY
    assert break_levels("30℃", ZH)[2] == Break.NEVER


def test_spaces_break_after_the_run():
    levels = break_levels("咨询 0311  电话", ZH)
    assert levels[3] == Break.ALLOWED and levels[9] == Break.ALLOWED
    assert levels[2] == levels[7] == levels[8] == Break.NEVER
    assert break_levels("  中", ZH)[2] == Break.NEVER  # no empty first line


def test_dashes_and_ellipses_stay_paired():
    assert allowed_positions("等等……好——是") == [1, 2, 4, 5, 7, 8]


def test_korean_breaks_between_words_first():
    levels = break_levels("한국어 문장", KO)
    assert levels[4] == Break.ALLOWED
    assert {levels[1], levels[2], levels[5]} == {Break.EMERGENCY}


def test_paragraphs_split_at_newlines_with_offsets():
    assert paragraphs("甲\r\n乙\n\n丙") == [(0, "甲"), (3, "乙"), (5, ""), (6, "丙")]
    assert paragraphs("") == [(0, "")]


@given(st.text(st.sampled_from(ALPHABET), max_size=60), st.booleans())
def test_no_opportunity_breaks_a_rule(text, strict):
    """Checked against the tables directly: every opportunity leaves legal line ends and starts."""
    for rules in (rules_for("zh-Hans", strict=strict), rules_for("ja", strict=strict), KO):
        levels = break_levels(text, rules)
        assert len(levels) == len(text) + 1
        for i in range(1, len(text)):
            if levels[i] == Break.NEVER:
                continue
            before = text[:i].rstrip("".join(SPACES))
            assert before, "a break must not leave an empty line"
            assert text[i] not in SPACES
            assert text[i] not in rules.no_start
            assert before[-1] not in rules.no_end
            if before == text[:i]:  # no space between: not inside a pair, not inside a word
                assert not (text[i] == before[-1] and text[i] in "—…")
                assert not (text[i].isascii() and text[i].isalnum() and before[-1].isascii()
                            and before[-1].isalnum())


def test_range_dash_and_gaps_uax14_leaves_are_closed():
    # A single — is a range dash (连接号): never at line start; —— (破折号) may start one unless strict.
    assert allowed_positions("上午—下午") == [1, 3, 4, 5]
    assert 2 in allowed_positions("他说——好")
    assert 2 not in allowed_positions("他说——好", rules_for("zh-Hans", strict=True))
    assert 2 not in allowed_positions("他说……", rules_for("zh-Hans", strict=True))
    for mark in "～／·・‧":
        assert 1 not in allowed_positions(f"甲{mark}乙"), mark


def test_numbers_with_prefixes_units_and_full_width_digits():
    assert allowed_positions("价格￥１２３元", level=Break.EMERGENCY) == [1, 2, 6, 7]
    assert break_levels("１２３元", ZH)[3] == Break.EMERGENCY
    assert allowed_positions("约№１２号") == [1, 5]


def test_phone_numbers_in_groups_break_only_as_a_last_resort():
    text = "电话 0311 8765 4321 转"
    levels = break_levels(text, ZH)
    assert levels[3] == Break.ALLOWED and levels[8] == levels[13] == Break.EMERGENCY
    assert levels[18] == Break.ALLOWED
    assert break_levels("第 3 4 页", ZH)[4] == Break.ALLOWED  # short numbers are not a phone number


def test_uax14_rules_still_hold_in_cjk_text():
    assert 1 not in allowed_positions("中\u2060文")  # WJ glues
    assert allowed_positions("甲\u200b乙") == [2, 3]  # ZWSP is an opportunity
    assert allowed_positions("々々") == [2]  # NS: iteration marks never start a line (UAX14 LB21)
    assert allowed_positions("ab cd") == [3, 5]
