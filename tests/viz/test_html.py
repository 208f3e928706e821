"""netgraph.viz.html: one self-contained page, nothing fetched, rendered by a real browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from bokeh.models import AutocompleteInput, ColumnDataSource, CustomJS, HoverTool

from netgraph.viz.html import network_page, offline, write_html
from netgraph.viz.plot import PATH_COLOURS

#: A reference the browser would fetch: an attribute (a script's or an image's src, a stylesheet's
#: href, srcset, a form's action, a body's background, a refresh's url...) or CSS (a font's or an
#: image's url(), image-set(), @import) naming an absolute or protocol-relative address, anywhere
#: in the file (scripts included).
FETCHED = re.compile(r"""(?:\b(?:src|srcset|href|action|formaction|poster|data|background|ping|manifest|"""
                     r"""codebase|archive|longdesc|lowsrc|dynsrc|icon)\s*[=:]\s*\\?["'`]?\s*|"""
                     r"""(?:url|image-set)\(\s*\\?["']?\s*|@import\s+(?:url\()?\s*\\?["']?\s*|"""
                     r"""content\s*=\s*\\?["']?\s*\d*\s*;?\s*url\s*=\s*)"""
                     r"""(?:(?:https?|wss?|ftp):)?//[A-Za-z0-9]""", re.IGNORECASE)
#: A whole absolute URL as a string literal (which a script could fetch or connect to), other than XML namespaces.
URL_LITERAL = re.compile(r"""["'`](?!http://www\.w3\.org/)(?:(?:https?|wss?|ftp):)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}"""
                         r"""[^"'`\s]*["'`]""")
#: What a person's name can be made of, to try the escaping.
HOSTILE = '</script><script>alert("pwned")</script> $$x^2$$ <img src="https://evil.example/x.png">'


@pytest.fixture(scope="module")
def hostile_graph(demo):
    """The demo network, with the strongest contact renamed to something hostile."""
    G = demo.graph.copy()
    me = G.graph["me"]
    strongest = max(G[me], key=lambda v: G[me][v]["strength"])
    G.nodes[strongest]["name"] = HOSTILE
    G.nodes[strongest]["company"] = "<b>Evil & Co</b>"
    return G


@pytest.fixture(scope="module")
def page_file(demo, tmp_path_factory) -> Path:
    return write_html(demo.graph, tmp_path_factory.mktemp("page") / "network.html", target="Novagen")


@pytest.fixture(scope="module")
def hostile_file(hostile_graph, tmp_path_factory) -> Path:
    return write_html(hostile_graph, tmp_path_factory.mktemp("hostile") / "network.html", target="Novagen")


def test_page_parts(demo):
    page = network_page(demo.graph, target="Novagen", top=3)
    search = page.select_one({"type": AutocompleteInput})
    assert search.name == "search" and "Priya Raman" in search.completions and "Novagen" in search.completions
    assert {type(c) for cbs in search.js_property_callbacks.values() for c in cbs} == {CustomJS}
    hover = page.select_one({"type": HoverTool})
    fields = " ".join(value for _, value in hover.tooltips)
    for field in ("@name", "@company", "@strength", "@last"):
        assert field in fields
    people = page.select_one({"name": "people"}).data_source
    assert isinstance(people, ColumnDataSource)
    related = sum(1 for n in demo.graph if demo.graph.degree(n))  # people with no relationship are not drawn
    assert len(people.data["name"]) == related < demo.graph.number_of_nodes()


def test_one_self_contained_file(page_file):
    assert [p.name for p in page_file.parent.iterdir()] == ["network.html"]
    text = page_file.read_text(encoding="utf-8")
    assert 500_000 < len(text) < 4_000_000
    assert "<script src" not in text and "<link" not in text
    assert not FETCHED.findall(text), FETCHED.findall(text)[:5]
    assert not URL_LITERAL.findall(text), URL_LITERAL.findall(text)[:5]


def test_contact_data_is_escaped(hostile_file):
    text = hostile_file.read_text(encoding="utf-8")
    assert HOSTILE not in text
    assert "<b>Evil" not in text
    assert 'alert("pwned")' not in text.replace("&quot;", '"').replace("\\u0022", '"') or "&lt;/script&gt;" in text


def test_offline_scrubs_code_and_keeps_data():
    code = ('t.src="https://cdn.example.net/math.js";const ns="http://www.w3.org/2000/svg";'
            'const icons=`https://fonts.example.org/x`;// see https://example.org/docs')
    data = '{"name": "see <a href=\\"https://example.org/x\\">"}'
    page = (f'<script type="text/javascript">{code}</script>'
            f'<script type="application/json" id="d">{data}</script>')
    assert offline(page) == ('<script type="text/javascript">t.src="about:blank";const ns="http://www.w3.org/2000/svg";'
                             'const icons=`about:blank`;// see https://example.org/docs</script>'
                             f'<script type="application/json" id="d">{data}</script>')


@pytest.mark.parametrize("reference", [
    '<script src="https://cdn.example.com/bokeh.js"></script>',  # a script
    '<link rel="stylesheet" href="//cdn.example.com/style.css">',  # a stylesheet
    "@font-face{font-family:x;src:url(https://fonts.example.com/x.woff2)}",  # a font
    '<img src="https://example.com/a.png">', '<img srcset="https://example.com/a.png 2x">',  # images
    "a{background:url('//cdn.example.com/a.png')}", 'a{background-image:image-set("https://x.example/a.png" 1x)}',
    '@import "https://fonts.example.com/css";', "@import url(https://fonts.example.com/css);",  # CSS
    '<body background="https://example.com/bg.png">', '<meta http-equiv="refresh" content="0; url=https://x.example/">',
    'e.src="https://cdn.example.com/x.js"',  # set by a script
])
def test_a_page_with_an_absolute_reference_is_caught(reference):
    assert FETCHED.search(reference)


def test_what_fetches_nothing_is_not_caught():
    assert not FETCHED.search('xmlns="http://www.w3.org/2000/svg"')
    assert not FETCHED.search('<a title="see https://example.org">') and not FETCHED.search("url(#gradient)")
    assert URL_LITERAL.search('new WebSocket("wss://x.example/live")')


# ---------------------------------------------------------------------------
# In a real browser


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium binary found (apt-get install chromium); the page is not checked in a browser")


def _browse(page: Path, tmp_path: Path, *extra: str) -> tuple[str, str, list[dict]]:
    """Open ``page`` in headless chromium with every request bound to fail.

    Returns the DOM after the scripts ran, the browser's log (console messages
    included) and the network requests the page itself started.
    """
    netlog = tmp_path / "netlog.json"
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-extensions", "--disable-default-apps", f"--user-data-dir={tmp_path / 'profile'}",
               # every request would go to a closed port: nothing can be fetched
               "--proxy-server=127.0.0.1:9", f"--log-net-log={netlog}", "--enable-logging=stderr", "--v=0",
               "--virtual-time-budget=10000", "--window-size=1200,900", *extra, "--dump-dom", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return done.stdout, done.stderr, _page_requests(netlog)


def _page_requests(netlog: Path) -> list[dict]:
    """Requests started on behalf of a page (not by the browser's own services)."""
    log = json.loads(netlog.read_text())
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    requests = [event["params"] for event in log["events"]
                if event["type"] == start and "url" in event.get("params", {})]
    # the browser's own services (sign-in, time, updates) start theirs from no origin
    return [r for r in requests if r.get("initiator") != "not an origin"
            and not r["url"].startswith(("file:", "data:", "blob:", "about:"))]


@pytest.mark.parametrize("which", ["page_file", "hostile_file"])
def test_page_renders_offline_in_a_browser(request, which, tmp_path):
    shot = tmp_path / "page.png"
    dom, log, requests = _browse(request.getfixturevalue(which), tmp_path, f"--screenshot={shot}")
    assert requests == []
    # the root element Bokeh renders into now holds the layout (its insides are in a shadow DOM)
    assert re.search(r'<div id="[0-9a-f-]{36}" data-root-id="p\d+"[^>]*><div class="bk-Column">', dom)
    assert ">Bokeh Error<" not in dom and "Uncaught" not in log
    assert "document idle" in log  # Bokeh's own word that everything rendered
    from matplotlib.image import imread

    pixels = imread(shot)[..., :3]
    assert pixels.std() > 0.05  # not a blank page
    red = np.array([int(PATH_COLOURS[0][i:i + 2], 16) / 255 for i in (1, 3, 5)])
    assert (np.abs(pixels - red).max(axis=-1) < 0.08).sum() > 100  # the best path is drawn


def test_search_highlights_matches_in_a_browser(demo, tmp_path):
    from bokeh.embed import file_html
    from bokeh.events import DocumentReady
    from bokeh.io import curdoc
    from bokeh.resources import INLINE

    page = network_page(demo.graph)
    search = page.select_one({"name": "search"})
    people = page.select_one({"name": "people"}).data_source
    # type into the search box once the page is ready, and report what is selected
    # (CustomJS callbacks run asynchronously: look a moment later)
    typing = CustomJS(args=dict(search=search, people=people), code="""
        search.value_input = "novagen";
        setTimeout(() => console.log("netgraph-search " + people.selected.indices.length), 200);
    """)
    document = curdoc().__class__()
    document.add_root(page)
    document.js_on_event(DocumentReady, typing)
    html = tmp_path / "search.html"
    html.write_text(offline(file_html(document, INLINE)), encoding="utf-8")
    _, log, requests = _browse(html, tmp_path)
    expected = sum("novagen" in f"{n} {c}".lower() for n, c in zip(people.data["name"], people.data["company"]))
    assert expected > 5
    assert f"netgraph-search {expected}" in log
    assert requests == []


def test_the_request_check_sees_requests(tmp_path):
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<html><body><img src="http://example.com/x.png"></body></html>')
    _, _, requests = _browse(leaky, tmp_path)
    assert [r["url"] for r in requests] == ["http://example.com/x.png"]
