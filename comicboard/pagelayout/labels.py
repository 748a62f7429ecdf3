"""Words the board itself adds (detail labels, 'continued', list separators), per language."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "zh-Hans": {"materials": "所需材料", "time_limit": "办理时限", "location": "办理地点", "phone": "咨询电话",
                "basis": "办理依据", "continued": "（续）", "sep": "、", "colon": "：", "step": "第{n}步",
                "page": "第{n}页/共{total}页"},
    "zh-Hant": {"materials": "所需資料", "time_limit": "辦理時限", "location": "辦理地點", "phone": "諮詢電話",
                "basis": "辦理依據", "continued": "（續）", "sep": "、", "colon": "：", "step": "第{n}步",
                "page": "第{n}頁/共{total}頁"},
    "ja": {"materials": "必要なもの", "time_limit": "期間", "location": "窓口", "phone": "電話",
           "basis": "根拠", "continued": "（続き）", "sep": "、", "colon": "：", "step": "ステップ{n}",
           "page": "{n}/{total}ページ"},
    "ko": {"materials": "준비물", "time_limit": "처리 기간", "location": "장소", "phone": "문의 전화",
           "basis": "근거", "continued": " (계속)", "sep": ", ", "colon": ": ", "step": "{n}단계",
           "page": "{n}/{total}쪽"},
}


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["zh-Hans"])
