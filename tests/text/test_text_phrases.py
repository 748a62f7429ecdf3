"""BudouX phrase boundaries: the right model per language tag, offsets that match the text."""

from comicboard.text.phrases import model_for, phrase_bounds


def test_models_follow_the_language_tag():
    assert model_for("zh-Hans") == model_for("zh-CN") == model_for("zh") == "zh-hans"
    assert model_for("zh-Hant") == model_for("zh-TW") == model_for("zh_HK") == "zh-hant"
    assert model_for("ja-JP") == "ja"
    assert model_for("ko") is None and model_for("en") is None


def test_bounds_are_inner_offsets_of_whole_phrases():
    text = "请携带身份证原件。"
    bounds = phrase_bounds(text, "zh-Hans")
    assert bounds and all(0 < b < len(text) for b in bounds)
    assert 4 not in bounds and 5 not in bounds  # 身份证 is one phrase
    assert phrase_bounds("주민센터를 방문하세요", "ko") == frozenset()
    assert phrase_bounds("住民票の写しを窓口で申請してください。", "ja")
