"""The preview server serves the folder it previews and nothing else, on loopback unless told otherwise."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from comicboard.cli import _parser
from comicboard.preview.server import make_server, refused

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A folder with a spec, a file beside it, a secret outside it, and symlinks that lead out."""
    base = tmp_path_factory.mktemp("preview")
    folder, outside = base / "boards", base / "private"
    folder.mkdir()
    outside.mkdir()
    shutil.copy(ROOT / "examples" / "minimal.yaml", folder / "minimal.yaml")
    (folder / "notes.txt").write_text("in the folder", encoding="utf-8")
    (outside / "secret.txt").write_text("SECRET", encoding="utf-8")
    (outside / "other.yaml").write_text((ROOT / "examples" / "minimal.yaml").read_text("utf-8"), encoding="utf-8")
    os.symlink(outside / "secret.txt", folder / "link.txt")
    os.symlink(outside, folder / "linkdir")
    os.symlink(outside / "other.yaml", folder / "linked.yaml")
    server = make_server(folder / "minimal.yaml")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, folder
    server.shutdown()
    server.site.follower.stop()
    server.server_close()


def get(server, path: str, host: str | None = None) -> tuple[int, bytes]:
    """A request with the path exactly as given (no client-side clean-up of `..`)."""
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=120)
    conn.putrequest("GET", path, skip_host=True)
    conn.putheader("Host", host or f"127.0.0.1:{server.server_address[1]}")
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, body


def test_listens_on_loopback_by_default(site):
    server, _ = site
    assert server.server_address[0] == "127.0.0.1"
    assert _parser().parse_args(["serve", "board.yaml"]).host == "127.0.0.1"


def test_files_of_the_folder_are_served(site):
    server, _ = site
    assert get(server, "/files/notes.txt") == (200, b"in the folder")
    status, body = get(server, "/files/minimal.yaml")
    assert status == 200 and "居住证明" in body.decode()


@pytest.mark.parametrize("path", [
    "/files/../private/secret.txt",
    "/files/%2e%2e/private/secret.txt",
    "/files/..%2fprivate%2fsecret.txt",
    "/files/a/../../private/secret.txt",
    "/api/state/../private/other.yaml",
    "/view/..%2Fprivate%2Fother.yaml",
    "/download/../private/other.yaml?kind=pdf",
])
def test_parent_folders_are_refused(site, path):
    server, _ = site
    status, body = get(server, path)
    assert status == 403 and b"SECRET" not in body


@pytest.mark.parametrize("path", ["/files//etc/passwd", "/files/%2Fetc%2Fpasswd", "/files/C:/Windows/win.ini",
                                  "/files/..\\private\\secret.txt"])
def test_absolute_paths_are_refused(site, path):
    server, _ = site
    status, body = get(server, path)
    assert status == 403 and b"root:" not in body


@pytest.mark.parametrize("path", ["/files/link.txt", "/files/linkdir/secret.txt", "/api/state/linked.yaml",
                                  "/view/linked.yaml"])
def test_symlinks_that_lead_out_are_refused(site, path):
    server, _ = site
    status, body = get(server, path)
    assert status == 403 and b"SECRET" not in body


def test_a_missing_file_is_not_found(site):
    server, _ = site
    assert get(server, "/files/nothing.txt")[0] == 404


def test_other_host_names_are_refused_on_loopback(site):
    server, _ = site  # a page elsewhere reaching 127.0.0.1 through DNS rebinding sends its own host name
    assert get(server, "/files/notes.txt", host="attacker.example:80")[0] == 403


def test_the_state_names_the_spec_and_carries_the_board(site):
    server, _ = site
    status, body = get(server, "/api/state/minimal.yaml?after=-1")
    state = json.loads(body)
    assert status == 200 and state["error"] is None and state["spec"] == "minimal.yaml"
    assert len(state["pages"]) == 1 and any("开具居住证明" in item for item in state["pages"][0]["items"])
    assert [p["step"] for p in state["panels"]] == [1, 2, 3]


def test_refused_is_decided_by_the_resolved_path(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.txt").write_text("x")
    assert not refused(tmp_path, "a/f.txt")
    assert refused(tmp_path, "a/../../f.txt") and refused(tmp_path, "/a/f.txt") and refused(tmp_path, "")
    assert refused(tmp_path, "a/./f.txt") and refused(tmp_path, "a\\f.txt") and refused(tmp_path, "a\x00")


def test_a_folder_lists_its_specs_and_serves_each(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(ROOT / "examples" / "minimal.yaml", tmp_path / name)
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    server = make_server(tmp_path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status, body = get(server, "/")
        assert status == 200 and b'href="/view/a.yaml"' in body and b'href="/view/b.yaml"' in body
        assert b"notes.txt" not in body
        status, body = get(server, "/view/b.yaml")
        assert status == 200 and b'"b.yaml"' in body
        assert get(server, "/view/notes.txt")[0] == 404  # only specs get a board page
    finally:
        server.shutdown()
        server.site.follower.stop()
        server.server_close()


def test_another_host_only_when_asked(tmp_path):
    shutil.copy(ROOT / "examples" / "minimal.yaml", tmp_path / "m.yaml")
    server = make_server(tmp_path / "m.yaml", host="127.0.0.2")  # not one of the loopback names it guards
    try:
        assert server.server_address[0] == "127.0.0.2"
        assert server.RequestHandlerClass.loopback_only is False
    finally:
        server.site.follower.stop()
        server.server_close()


def test_serving_or_watching_nothing_is_refused_with_a_hint(tmp_path, capsys):
    from comicboard.cli import main

    for command in (["serve", str(tmp_path / "none.yaml")], ["watch", str(tmp_path / "none.yaml"), "-o", "b.pdf"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "none.yaml: no such file or folder" in err and "hint:" in err and "Traceback" not in err
