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


def test_rules_hash_by_their_fields_in_every_process():
    """Every line-breaking memo is keyed by the rules, and their hash is kept once worked out: rules pickled in
    another process (another string hash seed, as in a batch worker) must hash here as equal rules made here do."""
    import dataclasses
    import os
    import pickle
    import subprocess
    import sys

    from comicboard.text.rules import LineRules

    made = rules_for("ja", strict=True, keep=["住民票の写し", "マイナンバーカード"])
    fields = {f.name: getattr(made, f.name) for f in dataclasses.fields(LineRules)}
    assert hash(LineRules(**fields)) == hash(made) and LineRules(**fields) == made
    other = dataclasses.replace(made, strict=False)
    assert other != made and hash(other) != hash(made)
    code = ("import pickle, sys; from comicboard.text import rules_for; "
            "r = rules_for('ja', strict=True, keep=['住民票の写し', 'マイナンバーカード']); hash(r); "
            "sys.stdout.buffer.write(pickle.dumps(r))")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        loaded = pickle.loads(out)
        assert loaded == made and hash(loaded) == hash(made)
        assert {loaded: 1}.get(made) == 1
