"""Copy the bundled font files from a source folder and verify them against SHA256SUMS (no changes made)."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path("/usr/share/fonts/truetype/lxgw-wenkai")


def sums() -> dict[str, str]:
    out = {}
    for line in (HERE / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        out[name] = digest
    return out


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    status = 0
    for name, digest in sums().items():
        src = source / name
        if not src.is_file():
            print(f"missing: {src} (Debian: apt install fonts-lxgw-wenkai)", file=sys.stderr)
            status = 1
            continue
        got = hashlib.sha256(src.read_bytes()).hexdigest()
        if got != digest:
            print(f"checksum differs for {src}: another release? update SHA256SUMS and fonts/README.md",
                  file=sys.stderr)
            status = 1
            continue
        shutil.copyfile(src, HERE / name)
        print(f"ok: {name}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
