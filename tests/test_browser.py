"""report.html in a real browser: headless Chromium, driven over the DevTools protocol (stdlib only).

The demo report must load without console errors and show the summary and the collation table;
a hostile report (script tags, attribute breakers and javascript: URLs in the text, title, outlet
name and URL) must run no script at all. A control page proves the probe would see a script run.
Skips with a reason when Chromium is not installed (``apt-get install -y chromium``).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from _report_fixture import demo_comparison, make_report

from mediadiff.report.html import render_html

CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "")
        if p and os.access(p, os.X_OK)
    ),
    None,
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")


class _Socket:
    """Just enough of a WebSocket client (RFC 6455) for the DevTools protocol."""

    def __init__(self, url: str) -> None:
        m = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
        assert m, url
        self.sock = socket.create_connection((m.group(1), int(m.group(2))), timeout=20)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {m.group(3)} HTTP/1.1\r\nHost: {m.group(1)}:{m.group(2)}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert b" 101 " in head.split(b"\r\n")[0], head
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _recv_exact(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("DevTools socket closed")
            data += chunk
        return data

    def _read(self) -> dict[str, Any]:
        payload = b""
        while True:
            b0, b1 = self._recv_exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            payload += self._recv_exact(n)
            if b0 & 0x80:
                message: dict[str, Any] = json.loads(payload)
                return message

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        data = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        n = len(data)
        head = bytes([0x81]) + (
            bytes([0x80 | n])
            if n < 126
            else bytes([0x80 | 126]) + struct.pack(">H", n)
            if n < 65536
            else bytes([0x80 | 127]) + struct.pack(">Q", n)
        )
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
        while True:
            message = self._read()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            if time.monotonic() > end:
                raise TimeoutError(method)
            self.events.append(self._read())

    def close(self) -> None:
        self.sock.close()

    def evaluate(self, expression: str) -> Any:
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")


@pytest.fixture(scope="module")
def browser():
    profile = tempfile.mkdtemp(prefix="mediadiff-chromium-")
    log_path = Path(profile) / "stderr.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                "--window-size=1280,1600",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    try:
        port = None
        end = time.monotonic() + 30
        while port is None and time.monotonic() < end and proc.poll() is None:
            m = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", log_path.read_text(errors="replace"))
            if m:
                port = int(m.group(1))
            else:
                time.sleep(0.1)
        if port is None:
            pytest.skip("chromium did not start its DevTools endpoint")
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def tab(browser):
    """Open pages in new tabs of the browser; closes their sockets afterwards."""
    opened: list[_Socket] = []

    def open_page(page: Path) -> _Socket:
        ws = _open(browser, page)
        opened.append(ws)
        return ws

    yield open_page
    for ws in opened:
        ws.close()


def _open(port: int, page: Path) -> _Socket:
    """Open a new tab on ``page`` with console, log and dialog events recorded."""
    req = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")
    with urllib.request.urlopen(req, timeout=20) as resp:
        target = json.load(resp)
    ws = _Socket(target["webSocketDebuggerUrl"])
    try:
        _load(ws, page)
    except BaseException:
        ws.close()
        raise
    return ws


def _load(ws: _Socket, page: Path) -> None:
    for domain in ("Page", "Runtime", "Log"):
        ws.send(f"{domain}.enable")
    ws.send("Page.navigate", url=page.as_uri())
    ws.wait_for("Page.loadEventFired")
    time.sleep(0.3)  # let late console messages arrive
    ws.evaluate("1")  # drain pending events


def _errors(ws: _Socket) -> list[str]:
    out = []
    for e in ws.events:
        if e.get("method") == "Runtime.exceptionThrown":
            out.append(json.dumps(e["params"])[:300])
        elif e.get("method") == "Runtime.consoleAPICalled" and e["params"].get("type") in ("error", "assert"):
            out.append(json.dumps(e["params"])[:300])
        elif e.get("method") == "Log.entryAdded" and e["params"]["entry"].get("level") == "error":
            out.append(e["params"]["entry"].get("text", ""))
    return out


def _ran_script(ws: _Socket) -> bool:
    return any(e.get("method") in ("Page.javascriptDialogOpening", "Runtime.consoleAPICalled") for e in ws.events)


def test_demo_report_shows_summary_and_collation_without_console_errors(tab, tmp_path):
    report = demo_comparison().to_dict()
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    ws = tab(page)
    assert _errors(ws) == []
    summary = ws.evaluate("document.querySelector('#summary').innerText")
    assert "Key findings" in summary and "carried by" in summary
    rect = ws.evaluate("JSON.stringify(document.querySelector('#summary').getBoundingClientRect())")
    assert json.loads(rect)["height"] > 50
    rows = ws.evaluate("document.querySelectorAll('table.collation tbody tr').length")
    assert rows == len(report["passages"])
    heads = ws.evaluate(
        "Array.from(document.querySelectorAll('table.collation thead th .outlet-name')).map(e => e.innerText)"
    )
    assert heads == [o["name"] for o in report["outlets"]]
    visible = ws.evaluate("document.querySelector('table.collation').getBoundingClientRect().width")
    assert visible > 500
    shot = base64.b64decode(ws.send("Page.captureScreenshot", format="png")["data"])
    assert shot.startswith(b"\x89PNG") and len(shot) > 20_000  # a rendered page, not a blank one
    (tmp_path / "report.png").write_bytes(shot)


def test_hostile_report_runs_no_script_and_shows_the_payload_as_text(tab, tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(render_html(make_report(hostile=True)), encoding="utf-8")
    ws = tab(page)
    # hover every element: an injected onmouseover would fire now
    ws.evaluate(
        "document.querySelectorAll('*').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))"
    )
    ws.evaluate("1")
    assert not _ran_script(ws), ws.events
    assert ws.evaluate("document.scripts.length") == 0
    assert ws.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    handlers = ws.evaluate(
        "Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes).map(a => a.name))"
        ".filter(n => n.startsWith('on')).length"
    )
    assert handlers == 0
    hrefs = ws.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    assert not [h for h in hrefs if not re.match(r"(https?://|file://.*#)", h)], hrefs
    text = ws.evaluate("document.body.innerText")
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(3)>" in text


def test_the_probe_sees_a_script_that_does_run(tab, tmp_path):
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>control</p><script>console.log('ran')</script></body></html>", encoding="utf-8"
    )
    ws = tab(page)
    assert _ran_script(ws)


def _lines(ws: _Socket, selector: str, token: str) -> int:
    """On how many lines the first occurrence of ``token`` inside ``selector`` is laid out."""
    return ws.evaluate(f"""(() => {{
        const el = document.querySelector({json.dumps(selector)});
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const nodes = [];
        while (walker.nextNode()) nodes.push(walker.currentNode);
        const text = nodes.map(n => n.data).join('');
        const at = text.indexOf({json.dumps(token)});
        if (at < 0) return -1;
        const locate = k => {{ for (const n of nodes) {{ if (k <= n.data.length) return [n, k]; k -= n.data.length; }} }};
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + {len(token)}));
        const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        return tops.size;
    }})()""")


def test_headers_break_between_words_and_at_underscores_only(tab, tmp_path):
    report = make_report(names={"a": "000_c4a2df3843f6971d", "b": "001_de4c0e4a1a5d8b05", "c": "Gamma Post"})
    # five outlets, as in the review (the seeds): two more columns, copies of the first
    for oid in ("003_4a5921a067004db6", "004_629ffa57cfc0d820"):
        report["outlets"].append({**report["outlets"][0], "id": oid, "name": oid})
        for p in report["passages"]:
            p["members"] += [{**m, "outlet": oid} for m in p["members"] if m["outlet"] == "a"]
        report["similarity"]["outlets"].append(oid)
    n = len(report["similarity"]["outlets"])
    report["similarity"]["matrix"] = [[1.0 if i == j else 0.5 for j in range(n)] for i in range(n)]
    page = tmp_path / "ids.html"
    page.write_text(render_html(report), encoding="utf-8")
    ws = tab(page)
    assert _lines(ws, "table.collation thead th.pid", "Passage") == 1
    for token in ("c4a2df3843f6971d", "de4c0e4a1a5d8b05"):
        assert _lines(ws, "table.sim thead", token) == 1
        assert _lines(ws, "table.sim tbody", token) == 1


def test_a_focused_mark_shows_its_note_without_hovering(tab, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(make_report()), encoding="utf-8")
    ws = tab(page)
    ws.send("Emulation.setFocusEmulationEnabled", enabled=True)  # a headless page has no window focus
    note = ws.evaluate("""(() => {
        const m = document.querySelector('table.collation mark.cf[tabindex]');
        m.focus();
        return [document.activeElement === m, getComputedStyle(m, '::after').content];
    })()""")
    assert note[0] is True
    assert "Conflict (a number)" in note[1] and "40 jobs" in note[1]


def test_outlet_scores_keep_names_whole_in_an_800_pixel_window(tab, tmp_path):
    """Issue 20: at 800 pixels the outlet-scores table broke outlet names letter by letter."""
    report = demo_comparison().to_dict()
    report["outlets"][0]["name"] = "The Brennock Evening Chronicle"
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    ws = tab(page)
    ws.send("Emulation.setDeviceMetricsOverride", width=800, height=1000, deviceScaleFactor=1, mobile=False)
    ws.evaluate("1")
    assert ws.evaluate("window.innerWidth") == 800
    for o in report["outlets"]:
        for word in o["name"].split():
            assert _lines(ws, "table.scores tbody", word) == 1, (o["name"], word)
    # each name cell is at least as wide as the longest word of the names, and the table scrolls in its box
    widths = ws.evaluate(
        "Array.from(document.querySelectorAll('table.scores tbody .outlet-name'))"
        ".map(e => e.getBoundingClientRect().width)"
    )
    assert min(widths) >= 80
    page_width = ws.evaluate("document.documentElement.scrollWidth")
    wide = ws.evaluate(
        "Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 800 && !e.closest('.scroll')).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.innerText||'').slice(0,40))"
    )
    assert page_width <= 800, wide
