"""icon_for_text: wording in each language picks the right icon; unrelated wording picks none."""

from __future__ import annotations

import pytest

from comicboard.art.icons import ICON_KEYWORDS, LANGS
from comicboard.art.props import PROP_NAMES, icon_for_text

EXAMPLES = {
    "zh-Hans": [
        ("身份证", "id_card"), ("申请人身份证原件及复印件", "id_card"), ("户口本", "household_register"),
        ("户口簿首页及本人页", "household_register"), ("入党申请书", "form"), ("填写登记表", "form"),
        ("近期一寸免冠照片两张", "photo"), ("本人银行卡", "bank_card"), ("居住证明", "certificate"),
        ("缴费证明", "certificate"), ("医保卡", "medical_card"), ("社保卡", "medical_card"),
        ("工本费10元", "money"), ("单位公章", "stamp"), ("私人印章", "stamp"), ("联系电话", "phone"),
        ("手机号码", "phone"), ("网上办理", "computer"), ("电脑", "computer"), ("5个工作日", "calendar"),
        ("社区党群服务中心", "building"), ("扫描二维码", "qr"), ("居住证", "id_card"), ("本人签字", "pen"),
        ("学校开具的发展党员政审函", "document"), ("办理时间", "clock"),
    ],
    "zh-Hant": [
        ("國民身分證", "id_card"), ("身份證正本", "id_card"), ("戶口名簿", "household_register"),
        ("申請書", "form"), ("2吋照片", "photo"), ("相片", "photo"), ("銀行存摺", "bank_card"),
        ("在職證明", "certificate"), ("健保卡", "medical_card"), ("規費新臺幣100元", "money"),
        ("印章", "stamp"), ("手機", "phone"), ("網路申辦", "computer"), ("區公所", "building"),
        ("本人親簽", "pen"), ("戶籍謄本", "household_register"),
    ],
    "ja": [
        ("マイナンバーカード", "id_card"), ("運転免許証", "id_card"), ("住民票の写し", "household_register"),
        ("戸籍謄本", "household_register"), ("申請書", "form"), ("転入届", "form"), ("写真（縦4cm×横3cm）", "photo"),
        ("通帳", "bank_card"), ("銀行口座", "bank_card"), ("所得証明書", "certificate"),
        ("健康保険証", "medical_card"), ("保険証", "medical_card"), ("手数料300円", "money"),
        ("印鑑", "stamp"), ("携帯電話", "phone"), ("パソコンから申請", "computer"), ("市役所の窓口", "building"),
        ("QRコード", "qr"), ("自分で記入", "form"), ("受付は30分前まで", "clock"), ("署名", "pen"),
    ],
    "ko": [
        ("신분증", "id_card"), ("주민등록증", "id_card"), ("주민등록등본", "household_register"),
        ("가족관계증명서", "household_register"), ("신청서", "form"), ("사진 1매", "photo"),
        ("통장 사본", "bank_card"), ("재직증명서", "certificate"), ("건강보험증", "medical_card"),
        ("수수료 1,000원", "money"), ("도장", "stamp"), ("휴대폰", "phone"), ("컴퓨터", "computer"),
        ("온라인 신청", "computer"), ("행정복지센터", "building"),
        ("병원에서 받은 진단서", "certificate"), ("병원 위치", "building"),
        ("서명", "pen"), ("처리 기간 3일 이내", "calendar"), ("QR코드", "qr"),
    ],
}

UNRELATED = {
    "zh-Hans": ["你好", "请稍等", "孩子入党", ""],
    "zh-Hant": ["謝謝您", "請稍候"],
    "ja": ["こんにちは", "ありがとうございます", "自分で"],
    "ko": ["안녕하세요", "직원에게 문의하세요", "감사합니다", "지원 대상"],
}


@pytest.mark.parametrize("lang, text, icon", [(lang, t, i) for lang, rows in EXAMPLES.items() for t, i in rows])
def test_icon_for_text_examples(lang, text, icon):
    assert icon_for_text(text, lang) == icon


@pytest.mark.parametrize("lang, text", [(lang, t) for lang, rows in UNRELATED.items() for t in rows])
def test_unrelated_wording_picks_no_icon(lang, text):
    assert icon_for_text(text, lang) is None


@pytest.mark.parametrize("name", PROP_NAMES)
def test_an_icon_name_is_its_own_icon(name):
    assert icon_for_text(name, "ko") == name
    assert icon_for_text(f" {name.upper()} ", "zh-Hans") == name


@pytest.mark.parametrize("tag, key", [("zh-CN", "zh-Hans"), ("zh_TW", "zh-Hant"), ("zh-HK", "zh-Hant"),
                                      ("ja-JP", "ja"), ("ko-KR", "ko"), ("zh-Hant-TW", "zh-Hant")])
def test_regional_tags_use_their_table(tag, key):
    word = {"zh-Hans": "户口本", "zh-Hant": "戶口名簿", "ja": "住民票", "ko": "주민등록등본"}[key]
    assert icon_for_text(word, tag) == "household_register"


def test_a_language_without_a_table_is_refused_by_name():
    with pytest.raises(ValueError, match="zh-Hans"):
        icon_for_text("passport", "en")


def test_tables_name_only_real_icons_once_each_in_every_language():
    assert set(ICON_KEYWORDS) == set(LANGS)
    for lang, rows in ICON_KEYWORDS.items():
        icons = [icon for icon, _ in rows]
        assert len(icons) == len(set(icons)), lang
        assert set(icons) <= set(PROP_NAMES), lang
        assert all(words for _, words in rows), lang
        assert set(icons) == set(PROP_NAMES), f"{lang}: every icon is reachable from wording"
