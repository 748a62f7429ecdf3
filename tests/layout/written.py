"""Boards written for the tests, one per language (zh-Hans, zh-Hant, ja, ko), that no example shows: runs of
one-line steps said by the staff, dialogues, props, narrow and wide sheets. Built in code, no file needed."""

from __future__ import annotations

import comicboard as cb

S = cb.Speech

TEXTS = {
    "zh-Hans": {
        "title": "社区办事指南", "cats": ("民政服务", "户籍服务"),
        "procs": [
            ("高龄津贴申领", ["本人或家属到社区服务中心提出申请", "工作人员审核身份证和户口本", "填写高龄津贴申请表",
                          "街道复核后公示七天", "津贴按月发放到本人银行卡"],
             [S("resident", "我家老人八十岁了，能领津贴吗？"), S("worker", "可以，请带上身份证和户口本。"),
              S("resident", "太好了，谢谢！")],
             ("身份证", "户口本", "银行卡"), "当场受理", "0311-12345678"),
            ("居住证明开具", ["居民带身份证到窗口", "工作人员核实居住情况", "网格员上门走访", "开具居住证明"],
             [S("resident", "我丢了租房合同，怎么办？"), S("worker", "别担心，我们上门核实就行。")],
             ("身份证", "租房合同"), "3个工作日", "0311-87654321"),
        ],
    },
    "zh-Hant": {
        "title": "里民辦事指南", "cats": ("社會福利", "戶政服務"),
        "procs": [
            ("敬老津貼申請", ["本人或家屬到里辦公處提出申請", "承辦人審核身分證和戶口名簿", "填寫津貼申請表",
                          "區公所複核後公告", "津貼每月撥入帳戶"],
             [S("resident", "我爸爸八十歲了，可以領津貼嗎？"), S("worker", "可以，請帶身分證和戶口名簿。"),
              S("resident", "太好了，謝謝！")],
             ("身分證", "戶口名簿", "存摺影本"), "當場受理", "02-2930-1234"),
            ("居住證明", ["里民帶身分證到窗口", "承辦人核實居住情形", "里長到府訪視", "開具居住證明"],
             [S("resident", "租約不見了，怎麼辦？"), S("worker", "別擔心，我們會到府核實。")],
             ("身分證", "租約"), "3個工作天", "02-2930-5678"),
        ],
    },
    "ja": {
        "title": "くらしの手続きガイド", "cats": ("福祉", "住民票"),
        "procs": [
            ("敬老給付金の申請", ["ご本人かご家族が窓口で申請します", "職員が本人確認書類を確認します",
                           "申請書に記入します", "区役所が審査して通知します", "毎月口座に振り込まれます"],
             [S("resident", "父が八十歳になりました。申請できますか？"),
              S("worker", "はい、保険証と通帳をお持ちください。"),
              S("resident", "よかった、ありがとうございます。")],
             ("本人確認書類", "通帳", "印鑑"), "その場で受付", "03-1234-5678"),
            ("住民票の写し", ["窓口で申請書を受け取ります", "必要事項を記入します", "職員が内容を確認します",
                         "住民票の写しをお渡しします"],
             [S("resident", "マイナンバーカードをなくしてしまいました。"),
              S("worker", "ご心配なく、保険証でも大丈夫です。")],
             ("保険証", "申請書"), "即日", "03-8765-4321"),
        ],
    },
    "ko": {
        "title": "주민 생활 안내", "cats": ("복지 서비스", "민원 서비스"),
        "procs": [
            ("기초연금 신청", ["본인이나 가족이 주민센터에서 신청합니다", "담당 직원이 신분증을 확인합니다",
                         "신청서를 작성합니다", "구청에서 심사 후 연락합니다", "매달 통장으로 지급됩니다"],
             [S("resident", "아버지가 여든이 되셨는데 신청할 수 있나요?"),
              S("worker", "네, 신분증과 통장을 가져오세요."),
              S("resident", "다행이네요, 감사합니다.")],
             ("신분증", "통장 사본"), "30일 이내", "02-123-4567"),
            ("주민등록등본 발급", ["창구에서 신청서를 받습니다", "신청서를 작성합니다", "직원이 내용을 확인합니다",
                             "등본을 발급해 드립니다"],
             [S("resident", "신분증을 잃어버렸어요. 어떡하죠?"), S("worker", "걱정 마세요, 다른 서류로 확인할게요.")],
             ("신청서",), "즉시", "02-765-4321"),
        ],
    },
}

LANGS = tuple(TEXTS)


def written_board(lang: str, size: str = "A2") -> cb.Board:
    """A two-category board in `lang`: each procedure a run of one-line steps, then a dialogue step with props."""
    t = TEXTS[lang]
    cats = []
    for cat_name, (title, steps, talk, materials, limit, phone) in zip(t["cats"], t["procs"], strict=True):
        body = [cb.Step(c) for c in steps]
        body.insert(1, cb.Step(steps[0], say=tuple(talk), props=("id_card", "form")))
        cats.append(cb.Category(cat_name, (cb.Procedure(title, tuple(body), materials=materials, time_limit=limit,
                                                        location=steps[0][:12], phone=phone),)))
    return cb.Board(title=t["title"], size=size, lang=lang, categories=tuple(cats))
