"""Choose a panel's setting from words: keyword tables per scene in zh-Hans, zh-Hant, ja and ko, and pure lookups.

A procedure gets one setting: its `scene:` if the spec names one, else the first scene whose words its location
names, else one its title and summary name, else the service hall (where most community procedures happen). Its
steps keep that setting, unless a step names another with `scene:` or says it happens elsewhere (a home visit,
a meeting, a check-up: the words in STEP_MOVES). Extend the tables, not the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Procedure

DEFAULT_SCENE = "service_hall"

# Place words, most specific scenes first (a 卫生服务中心 is a clinic, not a service hall).
SCENE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("clinic", ("医院", "卫生院", "卫生服务中心", "卫生站", "诊所", "门诊", "体检", "疫苗", "接种", "医生",
                "醫院", "衛生所", "診所", "門診", "體檢", "醫生", "病院", "診療所", "クリニック", "健診",
                "保健センター", "予防接種", "医師", "병원", "보건소", "의원", "진료", "건강검진", "예방접종", "의사")),
    ("school", ("学校", "小学", "中学", "大学", "幼儿园", "入学", "学籍", "學校", "國小", "國中", "大學",
                "幼兒園", "入學", "学童", "保育園", "幼稚園", "학교", "초등", "중학교", "대학교", "어린이집",
                "유치원", "입학")),
    ("meeting_room", ("会议室", "会议", "座谈", "听证", "评议", "议事", "调解", "調解", "調停", "조정실",
                      "會議室", "會議", "座談", "聽證", "評議",
                      "議事", "会議室", "会議", "説明会", "協議会", "회의실", "회의", "간담회", "설명회")),
    ("home", ("家中", "在家", "家里", "上门", "入户", "家裡", "上門", "入戶", "居家", "自宅", "ご自宅", "家庭訪問",
              "자택", "가정방문", "가정 방문")),
    ("street", ("小区", "楼栋", "楼下", "门口", "巡查", "走访", "网格", "广场", "户外", "社區門口", "門口", "巡查",
                "走訪", "廣場", "里辦公處", "町内", "自治会", "公園", "掲示板", "通り", "団地", "동네", "골목",
                "단지", "거리", "게시판", "마을")),
    ("office", ("办公室", "居委会", "办公", "线上", "网上", "电脑", "辦公室", "里長", "線上", "網上", "電腦",
                "事務室", "オンライン", "パソコン", "사무실", "온라인", "인터넷", "컴퓨터")),
    ("service_hall", ("服务中心", "服务大厅", "办事大厅", "服务站", "窗口", "政务", "便民", "党群", "服務中心",
                      "服務大廳", "辦事大廳", "服務站", "戶政", "區公所", "市役所", "区役所", "役場", "出張所",
                      "窓口", "受付", "주민센터", "행정복지센터", "민원실", "창구", "구청", "시청")),
)

# Words by which a step says it happens somewhere else than the procedure's usual place.
STEP_MOVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("home", ("上门", "入户", "上門", "入戶", "家庭訪問", "ご自宅", "가정방문", "가정 방문", "방문 조사")),
    ("meeting_room", ("会议", "會議", "座谈", "座談", "评议", "評議", "会議", "説明会", "회의", "간담회")),
    ("clinic", ("体检", "體檢", "到医院", "到醫院", "健診", "건강검진")),
    ("street", ("走访", "走訪", "巡查", "公示栏", "公示欄", "掲示板", "게시판")),
)


def scene_for_text(text: str, table: Sequence[tuple[str, Sequence[str]]] = SCENE_WORDS) -> str | None:
    """The scene whose words the text names first in the table's order, or None."""
    for scene, words in table:
        if any(w in text for w in words):
            return scene
    return None


def procedure_scene(proc: Procedure) -> str:
    """The setting a procedure keeps: its `scene:`, else from its location, else its title and summary."""
    if proc.scene:
        return proc.scene
    return (scene_for_text(proc.location) or scene_for_text(f"{proc.title} {proc.summary}")
            or DEFAULT_SCENE)


def step_scenes(proc: Procedure) -> tuple[str, ...]:
    """One scene per step: the procedure's, unless a step names another (with `scene:` or a move word)."""
    base = procedure_scene(proc)
    out = []
    for step in proc.steps:
        text = " ".join([step.caption, *(sp.text for sp in step.say)])
        out.append(step.scene or scene_for_text(text, STEP_MOVES) or base)
    return tuple(out)
