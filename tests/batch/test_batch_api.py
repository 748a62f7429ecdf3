"""The Python API keeps its promises: warnings reach Python users, objects are checked when made, the README's
script runs under spawn, types check under mypy --strict, and a batch runs on a real Dask cluster and a real local
Ray."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

import comicboard as cb
from comicboard.batch.runner import MANIFEST

ROOT = Path(__file__).resolve().parents[2]
ROWS = [  # as conftest's
    {"community": "工人街社区", "phone": "0311-86012345", "url": "https://example.org/gongrenjie"},
    {"community": "阜康社区", "phone": "0311-86023456", "url": "https://example.org/fukang"},
]


def _crowded_board() -> cb.Board:
    """Ten procedures on an A5 page: the board goes over several pages, which its layout warns about."""
    steps = tuple(cb.Step("请携带身份证原件到窗口办理") for _ in range(3))
    return cb.Board("居住证明", (cb.Category("社区事务", tuple(cb.Procedure(f"办理事项{i}", steps)
                                                           for i in range(10))),), size="A5")


def test_layout_warnings_reach_python_users_as_warnings_logs_and_in_the_result(tmp_path, caplog):
    board = _crowded_board()
    expected = [p for p in cb.layout(board).problems if p.severity == "warning"]
    assert expected, "the crowded board should need a look"
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING, logger="comicboard"):
        warnings.simplefilter("always")
        files = cb.render(board, tmp_path / "b.pdf", pdfx="none")
    ours = [w for w in caught if issubclass(w.category, cb.ComicboardWarning)]
    assert len(ours) == len(expected) and files.warnings == expected
    assert [r.getMessage() for r in caplog.records if r.name == "comicboard"] == [str(w.message) for w in ours]


def test_render_many_issues_a_made_boards_warnings(tmp_path, template_file):
    text = template_file.read_text("utf-8").replace("      - id: tiaojie", "".join(
        f"      - title: 事项{i}\n        steps: [向社区反映情况, 调解员组织双方协商]\n" for i in range(10))
        + "      - id: tiaojie")
    template_file.write_text(text, "utf-8")  # twelve procedures on an A5 page: over several pages
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = cb.render_many(template_file, ROWS[:1], tmp_path / "out", jobs=1)
    assert result.made and result.warnings
    assert [str(w.message) for w in caught if issubclass(w.category, cb.ComicboardWarning)] == result.warnings


# name: (constructor, words in the message) — objects are checked when made, with the spec's kind of message
CONSTRUCTION_MISTAKES = {
    "a step that is a number": (lambda: cb.Procedure("t", steps=("a", 3)), "steps[1]"),
    "steps as one string": (lambda: cb.Procedure("t", steps="ab"), "steps must be a list"),
    "a speech that is text": (lambda: cb.Step("c", say=("你好",)), "say[0] is not a Speech"),
    "a category holding a step": (lambda: cb.Category("c", (cb.Step("s"),)), "procedures[0] is not a Procedure"),
    "cast keys that disagree": (lambda: cb.Board("T", (cb.Category("c", (cb.Procedure("t", ("a",)),)),),
                                                 cast={"zhao": cb.CastMember("zhang", "张")}), "must agree"),
}


@pytest.mark.parametrize("name", CONSTRUCTION_MISTAKES)
def test_objects_are_refused_when_made(name):
    make, words = CONSTRUCTION_MISTAKES[name]
    with pytest.raises(cb.SpecError, match=words.replace("[", r"\[").replace("]", r"\]")):
        make()


def test_the_specs_step_shorthand_is_accepted_in_code(tmp_path):
    proc = cb.Procedure("t", steps=["提交材料", "当场办结"])
    assert proc.steps == (cb.Step("提交材料"), cb.Step("当场办结"))
    board = cb.Board("居住证明", [cb.Category("社区事务", [proc])], size="A5")
    assert cb.render(board, tmp_path / "b.png", dpi=20) == [tmp_path / "b.png"]


README_SCRIPT = """\
import multiprocessing
multiprocessing.set_start_method("spawn", force=True)  # as on Windows and macOS
import comicboard as cb

def main() -> None:
    result = cb.render_many({template!r}, {rows!r}, {out!r}, jobs=2)
    print(result.summary())
{call}
"""


@pytest.mark.parametrize("guarded", [True, False])
def test_the_readme_script_under_spawn(tmp_path, template_file, guarded):
    call = 'if __name__ == "__main__":\n    main()\n' if guarded else "main()\n"
    script = tmp_path / "make_boards.py"
    script.write_text(README_SCRIPT.format(template=str(template_file), rows=ROWS, out=str(tmp_path / "out"),
                                           call=call), "utf-8")
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=600)
    if guarded:
        assert r.returncode == 0 and "2 made" in r.stdout, r.stderr
    else:
        assert "Traceback" not in r.stderr and 'if __name__ == "__main__":' in r.stderr, r.stderr
        assert len(r.stderr.splitlines()) <= 12, r.stderr  # not 70 lines of traceback


def test_the_readme_api_passes_mypy_strict(tmp_path):
    script = tmp_path / "use_api.py"
    script.write_text(textwrap.dedent("""\
        from pathlib import Path

        import comicboard as cb

        board: cb.Board = cb.load("examples/gongrenjie.yaml")
        files: list[Path] = cb.render(board, "board.pdf", pdfx="1a", marks=True)
        cb.render(board, "board.png", dpi=150)
        problems: list[cb.Problem] = cb.check(board)
        lines: list[str] = cb.wrap("请携带身份证原件。", 6, lang="zh-Hans")
        pages = cb.layout(board).pages
        if __name__ == "__main__":
            result = cb.render_many("t.yaml", "t.csv", "out", jobs=2, formats="pdf,png")
            made: int = len(result.made)
            warned: list[str] = result.warnings
        """), "utf-8")
    bad = tmp_path / "typo.py"
    bad.write_text('import comicboard as cb\ncb.render(cb.load("b.yaml"), "b.pdf", pdfxx="1a")\n', "utf-8")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary",
           "--cache-dir", str(tmp_path / ".mypy_cache")]
    r = subprocess.run([*cmd, str(script)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run([*cmd, str(bad)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 1 and "pdfxx" in r.stdout, r.stdout + r.stderr


def test_jobs_are_capped_at_the_rows_and_cores(tmp_path, template_file, monkeypatch):
    from comicboard.batch import runner

    sizes = []
    real = runner.pool

    def pool(workers: int) -> runner.ProcessPoolExecutor:
        sizes.append(workers)
        return real(workers)

    monkeypatch.setattr(runner, "pool", pool)
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 2)
    result = cb.render_many(template_file, ROWS, tmp_path / "out", jobs=1000)
    assert len(result.made) == 2 and sizes == [2]
    with pytest.raises(cb.ComicboardError, match="jobs"):
        cb.render_many(template_file, ROWS, tmp_path / "out", jobs=0)


def test_a_batch_on_a_real_dask_cluster_of_worker_processes(tmp_path, template_file):
    """Workers are separate processes (they find the bundled fonts themselves); results and failures come back
    as for any executor: made rows in the manifest, a bad row failed by name, an unchanged re-run skipped."""
    from dask.distributed import Client, LocalCluster

    rows = [*ROWS, {"community": "坏社区", "phone": "", "url": "https://e.org"}]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        pids = set(client.run(lambda: __import__("os").getpid()).values())
        assert len(pids) == 2 and not pids & {__import__("os").getpid()}
        first = cb.render_many(template_file, rows, tmp_path / "out", client.get_executor())
        again = cb.render_many(template_file, rows, tmp_path / "out", client.get_executor())
    assert [o.status for o in first.outcomes] == ["made", "made", "failed"]
    assert "{{phone}} is empty" in first.outcomes[2].reason
    assert [o.status for o in again.outcomes] == ["skipped", "skipped", "failed"]
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text("utf-8"))["boards"]
    assert set(manifest) == {"工人街社区", "阜康社区"}
    assert all((tmp_path / "out" / f).read_bytes().startswith(b"%PDF") for e in manifest.values() for f in e["files"])


def test_a_batch_on_a_real_local_ray_cluster(tmp_path, template_file):
    """The README's Ray executor on a real local Ray (its own worker processes): results and failures come back as
    for any executor, and an unchanged re-run is skipped."""
    import ray

    from comicboard.batch import RayExecutor

    rows = [*ROWS, {"community": "坏社区", "phone": "", "url": "https://e.org"}]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        pids = set(ray.get([ray.remote(lambda: __import__("os").getpid()).remote() for _ in range(2)]))
        assert __import__("os").getpid() not in pids  # rows are made in Ray's worker processes
        first = cb.render_many(template_file, rows, tmp_path / "out", RayExecutor(num_cpus=1))
        again = cb.render_many(template_file, rows, tmp_path / "out", RayExecutor(num_cpus=1))
    finally:
        ray.shutdown()
    assert [o.status for o in first.outcomes] == ["made", "made", "failed"], first.summary()
    assert "{{phone}} is empty" in first.outcomes[2].reason
    assert [o.status for o in again.outcomes] == ["skipped", "skipped", "failed"]
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text("utf-8"))["boards"]
    assert set(manifest) == {"工人街社区", "阜康社区"}
    assert all((tmp_path / "out" / f).read_bytes().startswith(b"%PDF") for e in manifest.values() for f in e["files"])
