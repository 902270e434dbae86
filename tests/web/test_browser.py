"""The UI in a real browser: Playwright driving Debian's Chromium (``.ci/run`` installs it) against a live
server on 127.0.0.1 over a store holding the seed article. Screenshots go to ``build/screenshots``."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.conftest import PROJECT, TOKEN, write_jsonl_corpus

from eventwire.api import build_pipeline
from eventwire.store.db import Store
from eventwire.web import ServerContext, create_app
from eventwire.web.app import vendor_missing
from eventwire.web.server import start_in_thread, wait_until_up

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = PROJECT / "build" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
SEED = "seed/000_6f4f7caacab94e9b.txt"

XSS_TEXT = (
    "Police arrested 20 protesters in Bamako on Monday, the Malian government said. "
    "<script>window.__xss = 'script'</script> "
    "<img src=x onerror=\"window.__xss = 'img'\"> "
    '"><svg onload="window.__xss=\'svg\'"></svg> '
    "Ghana's army attacked rebels near Kumasi on Tuesday <b onmouseover=\"window.__xss='hover'\">hover</b>.\n"
)
XSS_TITLE = "<img src=x onerror=\"window.__xss='title'\">"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Iterator[dict[str, Any]]:
    """A writable server (with a token) over a store of the seed article and invented articles."""
    from eventwire.ingest import ingest

    if not CHROMIUM.exists():
        pytest.fail(
            "Chromium is not installed at /usr/bin/chromium: run `apt-get install chromium`", pytrace=False
        )
    if vendor_missing():
        pytest.fail(f"web assets not built ({vendor_missing()}): run `npm ci --prefix web`", pytrace=False)
    root = tmp_path_factory.mktemp("browser")
    pipeline = build_pipeline()
    store = Store.open(root / "ui.duckdb")
    corpus = write_jsonl_corpus(root / "corpus.jsonl", 12)
    ingest([str(shared_dir / SEED), str(corpus)], store, pipeline)
    context = ServerContext(store=store, token=TOKEN, pipeline=pipeline)
    port = free_port()
    stop, _ = start_in_thread(create_app(context), "127.0.0.1", port)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/api/status")
    seed_id = store.con.execute(
        "SELECT article_id FROM articles WHERE origin LIKE ?", ["%000_6f4f7caacab94e9b.txt"]
    ).fetchone()
    assert seed_id
    yield {"base": base, "seed": seed_id[0]}
    stop()
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)

    def on_dialog(dialog: Any) -> None:
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    context.close()


def open_view(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("main[data-ready='true']", timeout=20_000)


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_seed_article_view_highlights_every_events_evidence(page: Any, live: dict[str, Any]) -> None:
    article = httpx.get(f"{live['base']}/api/articles/{live['seed']}").json()
    assert len(article["events"]) >= 5
    open_view(page, f"{live['base']}/#/article/{live['seed']}")
    shown = page.evaluate(
        """() => {
            const out = {};
            for (const seg of document.querySelectorAll('#article-text .seg')) {
                for (const id of seg.dataset.events.split(' ').filter(Boolean)) {
                    out[id] = (out[id] || '') + seg.textContent;
                }
            }
            return out;
        }"""
    )
    for ev in article["events"]:
        assert shown.get(ev["id"]) == ev["evidence"]["text"], ev["id"]
        card = page.locator(f"#card-{ev['id']}")
        assert card.count() == 1
        assert ev["status"] in card.inner_text()
    # the whole text is there, in order, exactly once
    assert page.locator("#article-text").evaluate("n => n.textContent") == article["text"]
    # actors and places are marked
    assert page.locator("#article-text .seg.k-actor").count() > 0
    first = article["events"][0]["id"]
    page.locator(f"#card-{first}").click()
    assert page.locator("#article-text .seg.active").count() > 0
    shot(page, "article-seed")
    assert not page.errors and not page.dialogs


def test_events_table_filters(page: Any, live: dict[str, Any]) -> None:
    open_view(page, f"{live['base']}/#/events")
    everything = page.locator("#events-table tbody tr").count()
    assert everything > 0
    page.fill("form.filters input[name='actor']", "MLI")
    page.click("form.filters button[type='submit']")
    page.wait_for_function("location.hash.includes('actor=MLI')")
    page.wait_for_selector("main[data-ready='true']")
    total = httpx.get(f"{live['base']}/api/events", params={"actor": "MLI"}).json()["total"]
    assert page.locator("#events-count").inner_text().startswith(f"{total} events")
    rows = page.locator("#events-table tbody tr")
    assert 0 < rows.count() <= min(total, 50)
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert "MLI" in cells.nth(1).inner_text() + cells.nth(3).inner_text()
    export = page.locator("a.export[data-format='csv']").get_attribute("href")
    assert export == "/api/export/events.csv?actor=MLI"
    assert httpx.get(live["base"] + export).status_code == 200
    shot(page, "events-filtered")
    assert not page.errors


def test_map_shows_event_places(page: Any, live: dict[str, Any]) -> None:
    open_view(page, f"{live['base']}/#/map")
    page.wait_for_selector("svg.map circle.place", timeout=20_000)
    assert page.locator("svg.map path.country").count() > 100  # the packaged world map drew
    places = page.locator("svg.map circle.place")
    assert places.count() > 0
    places.first.click()
    page.wait_for_selector("#place-events li")
    shot(page, "map")
    assert not page.errors


def test_network_shows_actors_and_edges(page: Any, live: dict[str, Any]) -> None:
    graph = httpx.get(f"{live['base']}/api/network").json()
    open_view(page, f"{live['base']}/#/network")
    page.wait_for_selector("svg.network g.node")
    assert page.locator("svg.network g.node").count() == len(graph["nodes"])
    assert page.locator("svg.network path.edge").count() == len(graph["edges"])
    shot(page, "network")
    assert not page.errors


def test_timeline_for_an_actor(page: Any, live: dict[str, Any]) -> None:
    data = httpx.get(f"{live['base']}/api/timeline", params={"actor": "MLI"}).json()
    open_view(page, f"{live['base']}/#/timeline?actor=MLI")
    page.wait_for_selector("svg.timeline rect.bar")
    assert page.locator("li.timeline-event").count() == len(data["events"])
    shot(page, "timeline")
    assert not page.errors


def test_script_in_an_article_never_runs(page: Any, live: dict[str, Any]) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    denied = httpx.post(f"{live['base']}/api/ingest", json={"text": XSS_TEXT})
    assert denied.status_code == 401
    posted = httpx.post(
        f"{live['base']}/api/ingest",
        json={"text": XSS_TEXT, "kind": "text", "title": XSS_TITLE, "pub_date": "2021-09-20"},
        headers=headers,
        timeout=60,
    )
    assert posted.status_code == 200, posted.text
    article_id = posted.json()["article_ids"][0]
    events = httpx.get(f"{live['base']}/api/events", params={"article": article_id}).json()
    assert events["total"] > 0
    for url in (f"/#/article/{article_id}", f"/#/events?article={article_id}", "/#/articles?q=protesters"):
        open_view(page, live["base"] + url)
        page.wait_for_timeout(300)  # let any injected handler fire, if one had got in
        page.mouse.move(700, 400)
        assert page.evaluate("() => window.__xss") is None, url
        assert (
            page.locator(
                "main img, main script, main svg[onload], main [onerror], main [onmouseover]"
            ).count()
            == 0
        )
        assert not page.dialogs
    open_view(page, f"{live['base']}/#/article/{article_id}")
    assert page.locator("#article-title").inner_text() == XSS_TITLE
    assert "<script>window.__xss = 'script'</script>" in page.locator("#article-text").inner_text()
    shot(page, "xss-article")


def test_api_docs_render_from_packaged_swagger(page: Any, live: dict[str, Any]) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{live['base']}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    assert all(url.startswith(live["base"]) for url in requests), [
        u for u in requests if live["base"] not in u
    ]
    shot(page, "api-docs")
