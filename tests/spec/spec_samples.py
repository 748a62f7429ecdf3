"""Sample specs (the same board in YAML, TOML and a dict) shared by the loader tests."""

from __future__ import annotations

# Line numbers matter: tests point at them.
BOARD_YAML = """\
board:
  title: 小微权力清单
  subtitle: 工人街社区居民办事一图通
  size: A1
  lang: zh-Hans
  footer: 咨询电话 0311-12345678
cast:
  zhao: {name: 赵姐, look: adult}
  grandpa: 刘大爷
categories:
  - name: 党务服务
    color: "#C8102E"
    procedures:
      - title: 政审材料
        summary: 大学生入党需社区出具政审材料
        materials: [政审函, 身份证]
        time_limit: 5个工作日
        phone: 0311-12345678
        steps:
          - 入党申请人提供政审函
          - caption: 征求相关部门意见
            say:
              - {who: zhao, text: 孩子入党要开政审材料，该怎么办？}
              - {who: worker, text: 别急。, kind: shout}
            props: [document, stamp]
"""

BOARD_TOML = """\
[board]
title = "小微权力清单"
subtitle = "工人街社区居民办事一图通"
size = "A1"
lang = "zh-Hans"
footer = "咨询电话 0311-12345678"

[cast]
zhao = {name = "赵姐", look = "adult"}
grandpa = "刘大爷"

[[categories]]
name = "党务服务"
color = "#C8102E"

[[categories.procedures]]
title = "政审材料"
summary = "大学生入党需社区出具政审材料"
materials = ["政审函", "身份证"]
time_limit = "5个工作日"
phone = "0311-12345678"
steps = [
  "入党申请人提供政审函",
  {caption = "征求相关部门意见", say = [
    {who = "zhao", text = "孩子入党要开政审材料，该怎么办？"},
    {who = "worker", text = "别急。", kind = "shout"},
  ], props = ["document", "stamp"]},
]
"""

BOARD_DICT = {
    "board": {"title": "小微权力清单", "subtitle": "工人街社区居民办事一图通", "size": "A1",
              "lang": "zh-Hans",
              "footer": "咨询电话 0311-12345678"},
    "cast": {"zhao": {"name": "赵姐", "look": "adult"}, "grandpa": "刘大爷"},
    "categories": [{
        "name": "党务服务", "color": "#C8102E",
        "procedures": [{
            "title": "政审材料", "summary": "大学生入党需社区出具政审材料", "materials": ["政审函", "身份证"],
            "time_limit": "5个工作日", "phone": "0311-12345678",
            "steps": [
                "入党申请人提供政审函",
                {"caption": "征求相关部门意见", "say": [
                    {"who": "zhao", "text": "孩子入党要开政审材料，该怎么办？"},
                    {"who": "worker", "text": "别急。", "kind": "shout"},
                ], "props": ["document", "stamp"]},
            ],
        }],
    }],
}


def minimal(**board: object) -> dict:
    """A small valid spec as a dict, with board fields overridden."""
    return {"board": {"title": "T", **board},
            "categories": [{"name": "C", "procedures": [{"title": "P", "steps": ["s"]}]}]}
