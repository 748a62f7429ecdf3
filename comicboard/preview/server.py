"""`comicboard serve`: a local page that shows a spec's board as SVG and follows the file as it is saved.

Routes: `/` (the spec's page, or a list of the folder's specs), `/view/SPEC` (the page), `/api/state/SPEC?after=N`
(the board, problems and error as JSON, held until a build newer than N or 25 s; `&have=G`: no pages when the page
shows good build G already), `/download/SPEC?kind=pdf|png|phone`
(rendered on request) and `/files/PATH` (a file of the folder). Nothing outside the folder is served: no
absolute paths, no `..`, no symlink that leads out. Bound to 127.0.0.1 unless a host is given; on loopback only
requests naming a loopback host are answered (a web page elsewhere cannot reach it through DNS rebinding).
"""

from __future__ import annotations

import io
import json
import mimetypes
import sys
import tempfile
import threading
import zipfile
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from ..errors import ComicboardError
from .follow import Follower, Preview

SPEC_SUFFIXES = (".yaml", ".yml", ".toml", ".json")
HOLD_S = 25.0  # a state request waits at most this long for a new build
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def refused(root: Path, rel: str) -> bool:
    """Whether `rel` may not be served from `root`: an absolute path, `..`, a backslash or drive letter, or a
    path that resolves (through symlinks) outside `root`."""
    if not rel or "\x00" in rel or "\\" in rel or rel.startswith("/") or ":" in rel.split("/")[0]:
        return True
    if any(part in ("", ".", "..") for part in rel.split("/")):
        return True
    base = root.resolve()
    return not (base / rel).resolve().is_relative_to(base)


def inside(root: Path, rel: str) -> Path | None:
    """The existing file `rel` names under `root`, or None when it is refused or missing."""
    if refused(root, rel):
        return None
    target = (root.resolve() / rel).resolve()
    return target if target.is_file() else None


class Site:
    """What the server knows: the folder it serves, the spec it opens on, the previews and the output folder."""

    def __init__(self, target: Path, *, allow_outside: bool = False) -> None:
        target = target.resolve()
        self.root = target if target.is_dir() else target.parent
        self.first = None if target.is_dir() else target.name
        self.allow_outside = allow_outside
        self.follower = Follower()
        self.outputs = tempfile.TemporaryDirectory(prefix="comicboard-serve-")
        self.render_lock = threading.Lock()

    def specs(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.suffix.lower() in SPEC_SUFFIXES and p.is_file())

    def preview(self, rel: str) -> Preview | None:
        spec = inside(self.root, rel)
        if spec is None or spec.suffix.lower() not in SPEC_SUFFIXES:
            return None
        known = self.follower.previews.get(spec)
        if known is not None:
            return known
        with self.render_lock:  # the first build is made for the request that asked, then the follower takes over
            known = self.follower.previews.get(spec)
            if known is None:
                known = Preview(spec, allow_outside=self.allow_outside)
                known.rebuild()
                self.follower.add(known)
        return known

    def download(self, preview: Preview, kind: str) -> tuple[str, bytes]:
        """(file name, bytes) of the last good board as a PDF, PNG(s) or phone images (several files: a zip)."""
        from ..render import render

        good = preview.good
        if good is None or good.board is None:
            raise ComicboardError("the spec has no good version yet", hint="fix the error shown on the page")
        stem = preview.spec.stem
        out = Path(self.outputs.name) / kind
        with self.render_lock:
            for old in out.glob("*") if out.exists() else []:
                old.unlink()
            if kind == "pdf":
                files = render(good.board, out / f"{stem}.pdf")
            elif kind == "png":
                files = render(good.board, out / f"{stem}.png", dpi=150)
            elif kind == "phone":
                files = render(good.board, out / f"{stem}.png", phone=True)
            else:
                raise ComicboardError(f"unknown download {kind!r}", expected="pdf, png or phone")
        if len(files) == 1:
            return files[0].name, files[0].read_bytes()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for f in files:
                z.writestr(zipfile.ZipInfo(f.name, date_time=(1980, 1, 1, 0, 0, 0)), f.read_bytes())
        return f"{stem}-{kind}.zip", buf.getvalue()


class Handler(BaseHTTPRequestHandler):
    site: Site
    server_version = "comicboard"
    sys_version = ""
    loopback_only = True

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        try:
            self._get()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # noqa: BLE001 - never a traceback on the page: one line here, one there
            print(f"comicboard serve: internal error on {self.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            self._json({"error": {"message": "internal error in the preview server",
                                  "hint": "see the terminal that runs comicboard serve"}},
                       HTTPStatus.INTERNAL_SERVER_ERROR)

    def _get(self) -> None:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        if self.loopback_only and host not in LOOPBACK:
            return self._text(HTTPStatus.FORBIDDEN, "this preview answers only on 127.0.0.1 / localhost")
        url = urlsplit(self.path)
        if not self.path.startswith("/"):
            return self._text(HTTPStatus.BAD_REQUEST, "bad request")
        path, query = unquote(url.path), parse_qs(url.query)
        site = self.site
        if path == "/favicon.ico":
            return self._send(HTTPStatus.NO_CONTENT, "image/x-icon", b"")
        if path == "/":
            if site.first:
                return self._redirect(f"/view/{quote(site.first)}")
            return self._html(_index(site.specs()))
        for prefix, action in (("/view/", self._view), ("/api/state/", self._state),
                               ("/download/", self._download), ("/files/", self._file)):
            if path.startswith(prefix):
                return action(path[len(prefix):], query)
        return self._text(HTTPStatus.NOT_FOUND, "not found")

    def _view(self, rel: str, query: dict[str, list[str]]) -> None:
        if inside(self.site.root, rel) is None or not rel.lower().endswith(SPEC_SUFFIXES):
            return self._refused(rel)
        page = resources.files("comicboard.preview").joinpath("page.html").read_text(encoding="utf-8")
        return self._html(page.replace("__SPEC__", json.dumps(rel)))

    def _state(self, rel: str, query: dict[str, list[str]]) -> None:
        preview = self.site.preview(rel)
        if preview is None:
            return self._refused(rel)
        try:
            after = int(query.get("after", ["-1"])[0])
        except ValueError:
            after = -1
        preview.wait(after, query.get("building", ["0"])[0] == "1", HOLD_S)
        try:
            have = int(query.get("have", ["-1"])[0])
        except ValueError:
            have = -1
        return self._json(preview.state(have))

    def _download(self, rel: str, query: dict[str, list[str]]) -> None:
        preview = self.site.preview(rel)
        if preview is None:
            return self._refused(rel)
        try:
            name, data = self.site.download(preview, query.get("kind", ["pdf"])[0])
        except ComicboardError as exc:
            return self._json({"error": {"message": exc.message, "hint": exc.hint, "text": str(exc)}},
                              HTTPStatus.CONFLICT)
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self._send(HTTPStatus.OK, kind, data, {"Content-Disposition": f"attachment; filename=\"{quote(name)}\""})

    def _file(self, rel: str, query: dict[str, list[str]]) -> None:
        target = inside(self.site.root, rel)
        if target is None:
            return self._refused(rel)
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix.lower() in SPEC_SUFFIXES:
            kind = "text/plain; charset=utf-8"
        self._send(HTTPStatus.OK, kind, target.read_bytes())

    def _refused(self, rel: str) -> None:
        if refused(self.site.root, rel):
            return self._text(HTTPStatus.FORBIDDEN, "only files in the previewed folder are served")
        return self._text(HTTPStatus.NOT_FOUND, "no such board spec or file in the previewed folder")

    # --- responses ---

    def _send(self, status: HTTPStatus, kind: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data: Any, status: HTTPStatus = HTTPStatus.OK) -> None:
        self._send(status, "application/json", json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def _html(self, text: str) -> None:
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", text.encode("utf-8"))

    def _text(self, status: HTTPStatus, text: str) -> None:
        self._send(status, "text/plain; charset=utf-8", text.encode("utf-8"))

    def _redirect(self, where: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        pass  # quiet: the terminal shows builds, not requests


def _index(specs: list[str]) -> str:
    from html import escape

    items = "".join(f'<li><a href="/view/{quote(s)}">{escape(s)}</a></li>' for s in specs)
    return (f"<!doctype html><meta charset=utf-8><title>comicboard</title><h1>Boards in this folder</h1>"
            f"<ul>{items or '<li>no .yaml, .toml or .json specs here</li>'}</ul>")


def make_server(target: Path, host: str = "127.0.0.1", port: int = 0, *,
                allow_outside: bool = False) -> ThreadingHTTPServer:
    """A server for a spec or a folder of specs, not yet serving; its follower thread is started."""
    site = Site(target, allow_outside=allow_outside)
    handler = type("BoundHandler", (Handler,), {"site": site, "loopback_only": host in LOOPBACK})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.site = site  # type: ignore[attr-defined]
    site.follower.start()
    return server


def serve(target: Path, host: str = "127.0.0.1", port: int = 0, *, allow_outside: bool = False,
          announce: bool = True) -> None:
    """Serve until interrupted."""
    server = make_server(target, host, port, allow_outside=allow_outside)
    site: Site = server.site  # type: ignore[attr-defined]
    shown = "127.0.0.1" if host in LOOPBACK else host
    first = f"view/{quote(site.first)}" if site.first else ""
    if announce:
        print(f"comicboard: previewing {target} at http://{shown}:{server.server_address[1]}/{first}", flush=True)
        print("  it follows the files as you save them; Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    finally:
        site.follower.stop()
        server.server_close()
        site.outputs.cleanup()
