"""Small templates and tables for the batch tests (A5 boards, two procedures: quick to render)."""

from __future__ import annotations

from pathlib import Path

import pytest

TEMPLATE_YAML = """\
board:
  title: 居住证明
  subtitle: "{{community}}居民办事一图通"
  size: A5
  footer: "咨询电话 {{phone}}"
categories:
  - name: 社区事务
    procedures:
      - id: juzhu
        title: 开具居住证明
        phone: "{{phone}}"
        url: "{{url}}/juzhu"
        steps:
          - 携带身份证到{{community}}
          - 当场开具证明
      - id: tiaojie
        title: 矛盾调解
        location: "{{community}}调解室"
        steps:
          - 向社区反映情况
          - 调解员组织双方协商
"""

ROWS = [
    {"community": "工人街社区", "phone": "0311-86012345", "url": "https://example.org/gongrenjie"},
    {"community": "阜康社区", "phone": "0311-86023456", "url": "https://example.org/fukang"},
]


@pytest.fixture
def template_file(tmp_path: Path) -> Path:
    path = tmp_path / "template.yaml"
    path.write_text(TEMPLATE_YAML, encoding="utf-8")
    return path


@pytest.fixture
def rows() -> list[dict[str, str]]:
    return [dict(r) for r in ROWS]
