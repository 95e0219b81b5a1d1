"""The seed article's HTML page in a real browser: it renders, in colour, and its script builds nothing broken.

Runs Debian's headless Chromium on a file:// page with networking features
off; skips when /usr/bin/chromium is not installed (.ci/install-browser.sh
installs it).
"""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest

import claimcheck
from claimcheck.checks import Finding, check
from claimcheck.render.html import PALETTE, render_html
from claimcheck.schema import Extraction

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_09239b063185ae26.txt"
WIDTH, HEIGHT = 1400, 2000


def _seed_extraction() -> Extraction:
    """The rules backend's extraction of the seed: what ``claimcheck check --format html`` would show."""
    return claimcheck.extract(SEED.read_text(encoding="utf-8"), backend="rules", doc_id=SEED.name)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Extraction, list[Finding]]:
    if not CHROMIUM.exists():
        pytest.skip("headless Chromium not installed at /usr/bin/chromium (run .ci/install-browser.sh)")
    ext = _seed_extraction()
    findings = check(ext)
    path = tmp_path_factory.mktemp("view") / "seed.html"
    path.write_text(render_html([ext], [findings]), encoding="utf-8")
    return path, ext, findings


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp / 'profile'}",
    ]
    return subprocess.run([str(CHROMIUM), *flags, *args], capture_output=True, timeout=180, check=False)


def _decode_png(data: bytes) -> np.ndarray:
    """Pixels of an 8-bit RGB(A) PNG as an (h, w, channels) array; enough of PNG for a screenshot."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    assert header is not None
    w, h, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    stride = w * bpp
    raw = zlib.decompress(idat)
    assert len(raw) == h * (stride + 1)
    out = np.zeros((h, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(h):
        kind, line = raw[y * (stride + 1)], np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1).astype(np.int32)
        if kind == 1:  # Sub: a running sum per channel
            line = np.cumsum(line.reshape(w, bpp), axis=0).reshape(-1) & 255
        elif kind == 2:  # Up
            line = (line + prev) & 255
        elif kind in (3, 4):  # Average, Paeth: sequential along the row
            cur, up = line.tolist(), prev.tolist()
            for x in range(stride):
                left = cur[x - bpp] if x >= bpp else 0
                if kind == 3:
                    cur[x] = (cur[x] + ((left + up[x]) >> 1)) & 255
                else:
                    ul = up[x - bpp] if x >= bpp else 0
                    p = left + up[x] - ul
                    pa, pb, pc = abs(p - left), abs(p - up[x]), abs(p - ul)
                    pred = left if pa <= pb and pa <= pc else (up[x] if pb <= pc else ul)
                    cur[x] = (cur[x] + pred) & 255
            line = np.array(cur, dtype=np.int32)
        out[y] = line
        prev = line
    return out.reshape(h, w, bpp)[:, :, :3]


def _has_colour(pixels: np.ndarray, hex_colour: str, at_least: int = 200) -> bool:
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return int(np.all(pixels == rgb, axis=2).sum()) >= at_least


def test_screenshot_shows_the_highlighted_article(page: tuple[Path, Extraction, list[Finding]]) -> None:
    path, ext, _ = page
    shot = path.parent / "seed.png"
    run = _chromium(path.parent, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", path.as_uri())
    assert run.returncode == 0 and shot.exists(), run.stderr.decode(errors="replace")[-2000:]
    pixels = _decode_png(shot.read_bytes())
    assert pixels.shape == (HEIGHT, WIDTH, 3)
    # not a blank page: plenty of ink and many colours (anti-aliased text, highlights)
    ink = (pixels.sum(axis=2) < 300).mean()
    assert 0.01 < ink < 0.5, ink
    assert len(np.unique(pixels.reshape(-1, 3)[::7], axis=0)) > 200
    # the first source's highlight colour and the page's dark header are painted
    assert any(c.attributed for c in ext.claims)
    assert _has_colour(pixels, PALETTE[0][0]), "no claim highlight in the first source's colour"
    assert _has_colour(pixels, "#111827"), "the page header is missing"


def test_rendered_dom_has_the_claims_and_the_findings(page: tuple[Path, Extraction, list[Finding]]) -> None:
    path, ext, findings = page
    run = _chromium(path.parent, "--dump-dom", path.as_uri())
    dom = run.stdout.decode("utf-8")
    assert run.returncode == 0 and "</html>" in dom, run.stderr.decode(errors="replace")[-2000:]
    # the inline script ran to its end and counted one first fragment per placed claim
    ready = re.search(r'<html[^>]*data-ready="(\d+)"', dom)
    assert ready is not None, "the page's script did not run"
    assert int(ready.group(1)) == len(ext.claims)
    claim_ids = set(re.findall(r'<span class="claim [^"]*" data-claim="(d0-c\d+)"', dom))
    assert claim_ids == {f"d0-c{i}" for i in range(len(ext.claims))}
    names = set(re.findall(r'class="claim [^"]*"[^>]*data-name="([^"]+)"', dom))
    assert {c.source_name or c.source for c in ext.claims if c.attributed} <= names
    assert dom.count('<li class="finding ') == len(findings) > 0
    for n in range(1, len(findings) + 1):
        assert f'id="d0-f{n}"' in dom and f'href="#d0-f{n}"' in dom
