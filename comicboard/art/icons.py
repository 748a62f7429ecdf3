"""Pick a prop icon from wording: keyword tables per language, as data, and one lookup function.

`ICON_KEYWORDS[lang]` is a tuple of (icon name, keywords) rows. `icon_for_text` finds every keyword in the text
and returns the icon of the match that **ends last**: in Chinese, Japanese and Korean the head noun comes last,
so 居住证明 is a certificate while 居住证 is an ID card, 缴费证明 a certificate (not money) and 주민등록증 an ID
card while 주민등록등본 is a household register. A tie (two keywords ending at the same character, e.g. 戶籍謄本
and 謄本) goes to the row listed first, so specific rows come first. The rows in `FALLBACK_ICONS` (places and
paperwork in general: 社区, 窓口, 材料, 복사본) count only when no other row matches, so 身份证复印件 stays an ID
card and 学校开具的政审函 a document, not a building.

A keyword is a regular expression matched anywhere in the text (case-insensitive); almost all are plain words.
The few patterns guard words that would otherwise hit too much: Korean 원 (won) is also the tail of 병원,
직원, 지원, so money matches only a number followed by 원 (likewise 円 and 元), and minutes (分, 분) only after a
number; Korean has no one-syllable catch-alls (서 is also the particle 에서).

Sources for the wording: the material lists of Chinese community service boards (社区办事指南), Taiwanese
戶政 pages, Japanese 市役所 手続き pages and Korean 주민센터 민원 pages; add words as boards need them.
"""

from __future__ import annotations

import re
from functools import cache

LANGS = ("zh-Hans", "zh-Hant", "ja", "ko")
FALLBACK_ICONS = frozenset({"building", "document"})

_NUM_YEN = r"\d\s*(?:万|千)?\s*円"
_NUM_YUAN = r"\d\s*(?:万|千|百)?\s*元"
_NUM_WON = r"\d\s*(?:만|천|백)?\s*원"
_NUM_MIN_JA = r"\d\s*分"
_NUM_MIN_KO = r"\d\s*분"
_QR = r"QR|二维码|二維碼|扫码|掃碼"

ICON_KEYWORDS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "zh-Hans": (
        ("medical_card", ("医保卡", "医保", "社保卡", "社会保障卡", "医疗保险", "就诊卡")),
        ("bank_card", ("银行卡", "银行", "存折", "借记卡", "储蓄卡", "账户")),
        ("household_register", ("户口本", "户口簿", "户籍", "户口")),
        ("id_card", ("身份证", "居民身份", "证件", "护照", "居住证", "驾驶证", "军官证", "学生证")),
        ("photo", ("照片", "相片", "免冠", "寸照")),
        ("qr", (_QR,)),
        ("certificate", ("证明", "证书", "诊断书", "结婚证", "离婚证", "毕业证", "出生证", "房产证", "执照",
                         "许可证", "奖状")),
        ("form", ("申请书", "申请表", "登记表", "表格", "表", "填写", "填报", "承诺书", "申请单", "登记单")),
        ("stamp", ("印章", "公章", "盖章", "签章", "图章", "私章", "手印")),
        ("money", ("钱", "费", "现金", "缴纳", "缴款", "收款", "补贴", "补助", "金额", _NUM_YUAN)),
        ("phone", ("手机", "电话", "短信", "热线", "微信")),
        ("computer", ("电脑", "网上", "网络", "网站", "在线", "线上", "平台", "系统", "邮箱")),
        ("calendar", ("工作日", "日期", "期限", "预约", "天内", "日内", "月份", "年度")),
        ("clock", ("时间", "小时", "分钟", "办理时限", "时限", "上午", "下午")),
        ("building", ("社区", "中心", "大厅", "窗口", "办公室", "街道", "政府", "派出所", "医院", "学校", "单位")),
        ("pen", ("签名", "签字", "笔", "书写", "手写")),
        ("document", ("材料", "文件", "复印件", "原件", "函", "通知", "协议", "合同", "报告", "书")),
    ),
    "zh-Hant": (
        ("medical_card", ("健保卡", "健保", "醫保卡", "醫保", "醫療保險", "就診卡")),
        ("bank_card", ("銀行卡", "銀行", "存摺", "提款卡", "金融卡", "帳戶", "賬戶")),
        ("household_register", ("戶籍謄本", "戶口名簿", "戶口簿", "戶口本", "戶籍謄本", "戶籍", "戶口")),
        ("id_card", ("身分證", "身份證", "證件", "護照", "居留證", "駕照", "學生證")),
        ("photo", ("照片", "相片", "脫帽", "吋")),
        ("qr", (_QR,)),
        ("certificate", ("證明", "證書", "診斷書", "結婚證", "畢業證", "執照", "許可證", "謄本", "獎狀")),
        ("form", ("申請書", "申請表", "登記表", "表格", "表", "填寫", "切結書", "申請單")),
        ("stamp", ("印章", "圖章", "印鑑", "蓋章", "用印", "私章", "手印")),
        ("money", ("錢", "費", "現金", "繳納", "繳費", "規費", "補助", "津貼", "金額", _NUM_YUAN)),
        ("phone", ("手機", "電話", "簡訊", "專線", "熱線")),
        ("computer", ("電腦", "網路", "網上", "網站", "線上", "在線", "平台", "系統", "電子郵件")),
        ("calendar", ("工作日", "日期", "期限", "預約", "天內", "日內")),
        ("clock", ("時間", "小時", "分鐘", "時限", "上午", "下午")),
        ("building", ("社區", "中心", "大廳", "窗口", "櫃檯", "辦公室", "事務所", "區公所", "政府", "醫院", "學校")),
        ("pen", ("簽名", "簽字", "筆", "書寫", "親簽")),
        ("document", ("資料", "材料", "文件", "影本", "正本", "函", "通知", "契約", "合約", "書")),
    ),
    "ja": (
        ("medical_card", ("保険証", "健康保険", "医療証", "受給者証", "診察券")),
        ("bank_card", ("キャッシュカード", "通帳", "口座", "銀行")),
        ("household_register", ("戸籍謄本", "戸籍抄本", "住民票", "戸籍", "住民基本台帳")),
        ("id_card", ("マイナンバー", "個人番号カード", "免許証", "運転免許", "身分証", "本人確認", "在留カード",
                     "パスポート", "旅券", "学生証")),
        ("photo", ("写真",)),
        ("qr", (_QR, "QRコード")),
        ("certificate", ("証明", "証書", "診断書", "認定書", "許可証", "修了証", "謄本", "抄本")),
        ("form", ("申請書", "申込書", "届出", "届", "用紙", "様式", "記入", "書式", "表")),
        ("stamp", ("印鑑", "はんこ", "ハンコ", "判子", "印章", "実印", "認印", "押印", "捺印")),
        ("money", ("手数料", "料金", "費用", "代金", "現金", "お金", "支払", "納付", "費", _NUM_YEN)),
        ("phone", ("携帯", "電話", "スマホ", "スマートフォン", "ショートメール")),
        ("computer", ("パソコン", "オンライン", "インターネット", "ネット", "ウェブ", "電子申請", "メール",
                      "PC")),
        ("calendar", ("開庁日", "営業日", "日以内", "期限", "期日", "予約", "日付", "曜日")),
        ("clock", ("時間", "時から", "午前", "午後", _NUM_MIN_JA)),
        ("building", ("市役所", "区役所", "役所", "役場", "窓口", "出張所", "センター", "庁舎", "会館", "病院",
                      "学校")),
        ("pen", ("署名", "サイン", "ペン", "筆記", "自署")),
        ("document", ("書類", "資料", "文書", "コピー", "写し", "原本", "通知", "書")),
    ),
    "ko": (
        ("medical_card", ("건강보험", "보험증", "의료급여", "진료카드", "의료보험")),
        ("bank_card", ("통장", "계좌", "은행", "체크카드", "현금카드")),
        ("id_card", ("주민등록증", "신분증", "운전면허", "여권", "외국인등록증", "학생증", "장애인등록증")),
        ("household_register", ("가족관계증명서", "주민등록", "가족관계", "등본", "초본", "호적")),
        ("photo", ("사진",)),
        ("qr", (_QR, "QR코드", "큐알")),
        ("certificate", ("증명", "증서", "진단서", "확인서", "인증서", "자격증", "졸업장", "허가증")),
        ("form", ("신청서", "신고서", "서식", "양식", "작성", "기재", "동의서")),
        ("stamp", ("도장", "인감", "직인", "날인", "막도장")),
        ("money", ("수수료", "요금", "비용", "현금", "납부", "지원금", "돈", _NUM_WON)),
        ("phone", ("휴대폰", "휴대전화", "핸드폰", "스마트폰", "전화", "문자")),
        ("computer", ("컴퓨터", "온라인", "인터넷", "홈페이지", "누리집", "정부24", "이메일", "PC")),
        ("calendar", ("근무일", "영업일", "일 이내", "일이내", "기한", "예약", "날짜", "요일")),
        ("clock", ("시간", "오전", "오후", _NUM_MIN_KO)),
        ("building", ("주민센터", "행정복지센터", "구청", "시청", "군청", "동사무소", "센터", "창구", "병원", "학교")),
        ("pen", ("서명", "사인", "펜", "자필")),
        ("document", ("서류", "자료", "문서", "사본", "원본", "통지서", "문건")),
    ),
}


def _lang_key(lang: str) -> str:
    from ..text.rules import lang_key  # lazy: the text engine loads when a board is laid out

    key = lang_key(lang)
    if key is None:
        raise ValueError(f"no icon keywords for language {lang!r}; use one of {', '.join(LANGS)}")
    return key


@cache
def _compiled(key: str) -> tuple[tuple[int, str, tuple[re.Pattern[str], ...]], ...]:
    """Rows as (tier, icon, patterns): tier 0 for specific rows, 1 for the fallback rows."""
    return tuple((int(icon in FALLBACK_ICONS), icon, tuple(re.compile(k, re.IGNORECASE) for k in words))
                 for icon, words in ICON_KEYWORDS[key])


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of `pattern` ends (overlapping matches included), or -1."""
    end, pos = -1, 0
    while (m := pattern.search(text, pos)) is not None:
        end, pos = max(end, m.end()), m.start() + 1
    return end


def icon_for_text(text: str, lang: str) -> str | None:
    """The icon name for a material's or prop's wording, or None when nothing in it is recognised.

    `text` may also be an icon name itself (a step's `props: [stamp]`), which is returned as is.
    `lang` is zh-Hans, zh-Hant, ja or ko (regional tags such as zh-TW or ja-JP work too); any other
    language raises ValueError.
    """
    from .props import PROP_NAMES  # late: props imports this module

    key = _lang_key(lang)
    name = text.strip()
    if name.lower() in PROP_NAMES:
        return name.lower()
    best: tuple[int, int, int] | None = None  # (tier, -end, row): smallest wins
    for row, (tier, _icon, patterns) in enumerate(_compiled(key)):
        end = max(_last_end(p, name) for p in patterns)
        if end >= 0 and (best is None or (tier, -end, row) < best):
            best = (tier, -end, row)
    return ICON_KEYWORDS[key][best[2]][0] if best is not None else None
