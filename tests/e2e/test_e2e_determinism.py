"""Same spec, same bytes: PDF and PNG are identical across processes and hash seeds."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SPEC = """\
board: {title: 居住证明, size: A5, footer: 咨询电话 0311-86012345}
cast:
  grandpa: {name: 刘大爷, look: elder}
categories:
  - name: 社区事务
    color: "#1F6FB2"
    procedures:
      - title: 开具居住证明
        materials: [身份证]
        url: https://example.org/juzhu
        steps:
          - caption: 携带身份证到社区
            say:
              - {who: grandpa, text: 我要开居住证明，带啥？}
              - {who: worker, text: 带上身份证就行。, kind: shout}
            props: [id_card]
          - 当场开具证明
"""

SNIPPET = """\
import hashlib, sys
import comicboard as cb
board = cb.load(sys.argv[1])
out = []
for name in ("b.pdf", "b.png"):
    (path,) = cb.render(board, sys.argv[2] + "/" + name, dpi=30)
    out.append(hashlib.sha256(path.read_bytes()).hexdigest())
print(" ".join(out))
"""


def test_same_bytes_across_processes_and_hash_seeds(tmp_path):
    spec = tmp_path / "b.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    digests = []
    for seed in ("0", "4242"):
        out = tmp_path / seed
        out.mkdir()
        env = dict(os.environ, PYTHONHASHSEED=seed)
        r = subprocess.run([sys.executable, "-c", SNIPPET, str(spec), str(out)], capture_output=True, text=True,
                           env=env, cwd=ROOT, timeout=120)
        assert r.returncode == 0, r.stderr
        digests.append(r.stdout.split())
    assert digests[0] == digests[1]
    assert hashlib.sha256((tmp_path / "0" / "b.pdf").read_bytes()).hexdigest() == digests[0][0]
