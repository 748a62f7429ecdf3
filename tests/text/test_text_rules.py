"""The rule tables carry what the standards (and the issue) list, and say where it comes from."""

from comicboard.text import rules_for
from comicboard.text.rules import CLREQ, JLREQ, KLREQ, NO_END_BASIC, NO_START_BASIC, NO_START_STRICT

BRIEF_NO_START = "。．，、：；！？‼⁇”’」』）］｝〕】〗》〉～・·‧／％‰℃,.:;!?)]}%"
BRIEF_NO_END = "“‘「『（［｛〔【〖《〈([{¥$£€№#"
BRIEF_STRICT = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々"


def test_basic_tables_hold_the_listed_marks():
    assert set(BRIEF_NO_START) <= NO_START_BASIC
    assert set(BRIEF_NO_END) <= NO_END_BASIC
    assert not NO_START_BASIC & NO_END_BASIC


def test_strict_adds_small_kana_only_when_asked():
    assert set(BRIEF_STRICT) <= NO_START_STRICT
    assert not set(BRIEF_STRICT) & rules_for("ja").no_start
    assert set(BRIEF_STRICT) <= rules_for("ja", strict=True).no_start


def test_languages_pick_their_source_and_korean_keeps_words():
    assert rules_for("zh-Hans").source == CLREQ
    assert rules_for("zh-Hant").source == CLREQ
    assert rules_for("ja-JP").source == JLREQ
    assert rules_for("ko").source == KLREQ
    assert rules_for("ko_KR").keep_all and not rules_for("zh-Hans").keep_all and not rules_for("ja").keep_all
    assert rules_for("en").no_start == NO_START_BASIC  # unknown tags get the basic rules


def test_rules_are_one_instance_per_language_and_level():
    # Every wrap looks its paragraph up in memos keyed by the rules: one shared instance keeps that lookup cheap.
    assert rules_for("ja") is rules_for("ja")
    assert rules_for("zh-Hans", strict=True) is rules_for("zh-Hans", strict=True)
    assert rules_for("zh-Hans") is not rules_for("zh-Hans", strict=True)
