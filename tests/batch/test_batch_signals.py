"""Signals and the default pool's workers: an idle worker that gets the terminal's Ctrl-C, SIGTERM or SIGHUP says
nothing (no traceback from multiprocessing); Ctrl-C to the whole command stops the batch with its summary, no
temporaries and a manifest that names only files that are there."""

from __future__ import annotations

import ast
import json
import os
import signal
import subprocess
import sys
import time

from conftest import TEMPLATE_YAML
from PIL import Image

from comicboard.batch.runner import MANIFEST

IDLE = r"""
import os, signal, sys, time
from comicboard import cli
from comicboard.batch.workers import pool

with cli._signals_raise():  # the command line's handlers, which a forked worker inherits
    ex = pool(3)
    for f in [ex.submit(time.sleep, 0.5) for _ in range(3)]:
        f.result()
    procs = list(ex._processes.values())
    assert len(procs) == 3, procs
    time.sleep(0.5)  # every worker waits for a row
    os.kill(procs[0].pid, signal.SIGINT)
    time.sleep(1)
    after_sigint = procs[0].exitcode
    for p, sig in zip(procs[1:], [signal.SIGTERM, signal.SIGHUP]):
        os.kill(p.pid, sig)
    time.sleep(2)  # (the broken pool then stops the first worker too)
    print(repr([after_sigint] + [p.exitcode for p in procs[1:]]))
    sys.stdout.flush()
    os._exit(0)  # the pool is broken now (two workers gone); the test looks at what the workers printed
"""


def test_idle_workers_take_signals_quietly():
    r = subprocess.run([sys.executable, "-c", IDLE], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and r.stderr.strip() == "", r.stderr
    sigint, sigterm, sighup = ast.literal_eval(r.stdout)
    assert sigint is None  # Ctrl-C is the parent's: the worker goes on waiting
    assert sigterm == 128 + signal.SIGTERM and sighup == 128 + signal.SIGHUP  # ended, without a word


def test_ctrl_c_to_the_command_stops_the_batch_cleanly(tmp_path):
    template = tmp_path / "template.yaml"
    template.write_text(TEMPLATE_YAML, "utf-8")
    table = tmp_path / "t.csv"
    table.write_text("community,phone,url\n" + "".join(f"社区{i},0311-{i},https://e.org/{i}\n" for i in range(12)),
                     "utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "comicboard", "batch", str(template), str(table), "-o", str(out),
                             "--jobs", "2", "--format", "pdf,png"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 300
    while not (out / MANIFEST).exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)  # wait for the first board: the workers have started and are making others
    assert proc.poll() is None, "the batch ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: every process of the group gets it
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr, stderr
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    boards = json.loads((out / MANIFEST).read_text("utf-8"))["boards"]
    assert boards and all((out / f).is_file() for b in boards.values() for f in b["files"])
    assert len(boards) < 12  # stopped before the end
    for file in out.iterdir():  # every file there is whole (an interrupted row may have written some formats)
        if file.suffix == ".pdf":
            data = file.read_bytes()
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), file.name
        elif file.suffix == ".png":
            with Image.open(file) as im:
                im.load()
