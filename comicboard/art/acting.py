"""Acting as data: an expression read from what a speech says, and a pose that changes between a person's panels.

Pure functions over text, for layout to call; the keyword tables cover zh-Hans, zh-Hant, ja and ko (extend the
tables, not the code). A word is matched anywhere in the text; the first rule that matches decides, in the order
thanks, worry, question, relief, so "怎么办？" looks worried and "谢谢，太好了" thankful.
"""

from __future__ import annotations

from collections.abc import Sequence

THANKS = ("谢谢", "感谢", "多谢", "辛苦了", "謝謝", "感謝", "多謝", "辛苦了", "ありがとう", "助かりました",
          "お世話になり", "감사", "고맙", "고마워")
# Words of trouble a resident brings to the counter (illness, lost job or papers, hardship, worry).
WORRY = ("困难", "困難", "失业", "失業", "住院", "入院", "生病", "病了", "丢了", "丟了", "没钱", "沒錢", "担心", "擔心",
         "麻烦", "麻煩", "苦手",
         "着急", "著急", "急用", "去世", "过世", "過世", "怎么办", "怎麼辦", "糟了", "困って", "心配", "なくし",
         "無くし", "失くし", "亡くな", "どうしよう", "困った",
         "잃", "걱정", "어려", "아파", "입원", "실직", "돌아가", "어떡하")
# "Don't worry": the worry is named only to lift it. Taken out of the text before the worry words are looked
# for, so the one saying it looks calm, while trouble said beside it (别担心？可我儿子住院了) still worries.
REASSURANCE = ("别担心", "別擔心", "不要担心", "不要擔心", "不用担心", "不用擔心", "别着急", "別著急", "不要着急",
               "不要著急", "不用着急", "不用著急", "别急", "別急", "不用急", "ご心配なく", "心配しないで",
               "心配いりません", "心配ありません", "心配ない", "걱정 마", "걱정마", "걱정하지 마", "걱정하지마",
               "걱정 안 하셔도", "걱정 없")
QUESTION = ("？", "?", "吗", "嗎", "怎么", "怎麼", "什么", "什麼", "哪里", "哪裡", "ですか", "ますか", "でしょうか",
            "까요", "나요", "습니까")
RELIEF = ("太好了", "放心", "明白了", "原来如此", "原來如此", "这样啊", "這樣啊", "よかった", "安心", "なるほど",
          "わかりました", "다행", "안심", "알겠", "그렇군요")
SHOUT = ("！", "!")
# Words of careful work (checking, reviewing): staff saying them look calm and attentive, not all smiles.
CHECKING = ("审核", "審核", "审查", "審查", "核实", "核實", "核查", "查验", "查驗", "复核", "複核", "审批", "審批",
            "確認", "審査", "点検", "확인", "심사", "검토", "조사")

# Pose words: what the speech (or a one-line step's caption) says the person does. Every pose whose words the
# text names is a candidate, in this order; the first one the person did not have in their previous panel wins.
POSE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("on_phone", ("电话", "電話", "打给", "打給", "전화", "通話", "通知", "联系", "聯繫", "連絡", "연락")),
    ("writing", ("填写", "填寫", "填表", "签字", "簽字", "签名", "簽名", "登记", "登記", "記入", "書いて", "書き",
                 "署名", "작성", "기입", "서명", "记录", "記錄", "录入", "錄入", "出具", "开具", "開具", "盖章", "蓋章",
                 "入力", "발급")),
    ("handing_over", ("给您", "給您", "交给", "交給", "提交", "递交", "遞交", "这是", "這是", "お渡し", "どうぞ",
                      "提出", "こちらです", "여기 있", "제출", "드릴", "提供", "发放", "發放", "领取", "領取", "送达",
                      "送達", "上报", "上報", "交付", "受け取", "수령", "전달")),
    ("holding_document", ("审核", "審核", "审查", "審查", "核实", "核實", "查验", "查驗", "材料", "证明", "證明",
                          "申请", "申請", "書類", "証明", "審査", "確認", "서류", "증명", "신청", "심사", "확인")),
    ("pointing", ("那边", "那邊", "这边", "這邊", "那里", "那裡", "隔壁", "楼上", "樓上", "あちら", "そちら", "向こう",
                  "저쪽", "이쪽", "옆", "公示", "张贴", "張貼", "窗口", "窓口", "창구", "前往")),
    ("nodding", ("好的", "明白", "知道了", "是的", "没问题", "沒問題", "はい", "わかりました", "承知", "네,", "네.",
                 "알겠", "그래요", "同意", "批准", "通过", "通過", "承認", "승인")),
)
HELD_BY_PROP = {"document": "holding_document", "form": "holding_document", "certificate": "holding_document",
                "household_register": "holding_document", "phone": "holding_phone"}
# When a pose would repeat the person's last panel, the next one that still fits the talk.
ALTERNATES: dict[str, tuple[str, ...]] = {
    "talking": ("pointing", "nodding", "waving"),
    "pointing": ("talking", "handing_over"),
    "holding_document": ("handing_over", "talking"),
    "holding_phone": ("talking", "pointing"),
    "waving": ("talking", "nodding"),
    "handing_over": ("talking", "pointing"),
    "writing": ("holding_document", "talking"),
    "nodding": ("talking", "waving"),
    "on_phone": ("talking", "nodding"),
    "standing": ("talking", "nodding"),
}
_STAFF_ALTERNATES = {"talking": ("pointing", "handing_over", "nodding"), "nodding": ("talking", "pointing")}


def _has(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


def _lifted(text: str) -> str:
    """`text` without its reassurances (别担心, ご心配なく, 걱정 마세요), whose worry words are no worry."""
    for w in REASSURANCE:
        text = text.replace(w, "　")
    return text


def expression_for(text: str, kind: str = "speech", staff: bool = False) -> str:
    """The face that fits a speech: thankful, worried, question, relieved, surprised (a resident's shout),
    neutral (a calm thought, or staff checking papers) or happy. Staff never look worried about a resident's
    trouble they repeat."""
    if _has(text, THANKS):
        return "thankful"
    if not staff and _has(_lifted(text), WORRY):
        return "worried"
    if _has(text, QUESTION):
        return "question"
    if _has(text, RELIEF):
        return "relieved"
    if kind == "shout" or _has(text, SHOUT):
        return "happy" if staff else "surprised"
    if kind == "thought" or (staff and _has(text, CHECKING)):
        return "neutral"
    return "happy"


def pose_candidates(text: str, props: Sequence[str] = (), staff: bool = False) -> tuple[str, ...]:
    """The poses the words fit, in POSE_WORDS order; then the step's document or phone in a staff hand; then
    talking. Pure: the same text always gives the same candidates."""
    found = [p for p, words in POSE_WORDS if _has(text, words)]
    if staff:
        found += [HELD_BY_PROP[p] for p in props if p in HELD_BY_PROP]
    return tuple(dict.fromkeys([*found, "talking"]))


def pose_for(text: str, props: Sequence[str] = (), previous: str | None = None, staff: bool = False) -> str:
    """A pose for what the text says (on the phone, writing, handing over, holding the papers, pointing the
    way, nodding), else holding the step's document or phone (staff), else talking; never the same as
    `previous`, the pose the same person had in their last panel, so consecutive panels act. The next pose the
    words fit is taken first; when none is left, one of the pose's ALTERNATES, picked by the text."""
    cands = pose_candidates(text, props, staff)
    pose = next((p for p in cands if p != previous), None)
    if pose is not None:
        return pose
    table = _STAFF_ALTERNATES if staff and previous in _STAFF_ALTERNATES else ALTERNATES
    alts = table[previous or "talking"]
    return alts[len(text) % len(alts)]  # the text picks, so the choice is stable


def poses_through(texts: Sequence[str], staff: bool = False, start: str | None = None) -> list[str]:
    """Poses for one person's speeches in reading order, each differing from the one before."""
    out: list[str] = []
    prev = start
    for t in texts:
        prev = pose_for(t, (), prev, staff)
        out.append(prev)
    return out

