// eventwire UI: a hash-routed single page over the JSON API.
//
// Every string that comes from the store (article text, names, evidence, URLs) is untrusted news text:
// it only ever reaches the page as a text node (el() below) or a checked attribute. No innerHTML.

const main = document.getElementById("main");

const FILTERS = [
  ["actor", "Actor country", "ISO3, either side, e.g. MLI"],
  ["partner", "Partner country", "with actor: the other side"],
  ["source", "Source country", "ISO3"],
  ["target", "Target country", "ISO3"],
  ["actor_type", "Actor type", "GOV, MIL, REB, PMC, ..."],
  ["actor_name", "Actor name", "part of a name"],
  ["cameo", "CAMEO", "root (14) or code (141)"],
  ["plover", "PLOVER type", "e.g. PROTEST"],
  ["status", "Status", "asserted, reported, ..."],
  ["since", "From", "YYYY-MM-DD"],
  ["until", "To", "YYYY-MM-DD"],
  ["place", "Place", "ISO3 or part of a place name"],
  ["bbox", "Box", "min_lon,min_lat,max_lon,max_lat"],
  ["text", "Evidence text", "words in the sentence"],
];
const EXPORTS = [["csv", "CSV"], ["jsonl", "JSONL"], ["geojson", "GeoJSON"], ["tsv", "GDELT TSV"], ["parquet", "Parquet"]];
const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const PAGE = 50;
let cameoNames = null;

// ---------------------------------------------------------------------------------------------- helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeHref(url) {
  // only http(s) links from article metadata; anything else (javascript:, data:) is shown as text
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? "?" + s : "";
}

async function api(path, params = {}) {
  const response = await fetch("/api/" + path + query(params), {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = body.detail;
    const message = Array.isArray(detail)
      ? detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
      : (detail && (detail.message || JSON.stringify(detail))) || response.statusText;
    throw new Error(message);
  }
  return body;
}

function showError(container, err) {
  container.append(el("p", {class: "error", role: "alert"}, String(err.message || err)));
}

function actorLabel(actor) {
  if (!actor) return "—";
  const code = [actor.country || "---", actor.type].filter(Boolean).join(" ");
  // an implicit actor is inferred, not named: its span is the word it is inferred from, not a name
  return actor.implicit ? `${code} (implied by "${actor.text}")` : `${code} · ${actor.name || actor.text}`;
}

function cameoLabel(code) {
  const name = cameoNames && cameoNames.get(code);
  return name ? `${code} ${name}` : code;
}

function statusBadge(status) {
  return el("span", {class: `badge status-${String(status).replace(/[^a-z_]/g, "")}`}, status);
}

function quadDot(q) {
  return el("span", {class: `quad quad-${Number(q) || 0}`, title: QUAD_NAMES[q] || "no QuadClass"});
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, qs] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean);
  return {view: parts[0] || "events", arg: parts[1] ? decodeURIComponent(parts[1]) : null, params: Object.fromEntries(new URLSearchParams(qs || ""))};
}

function go(view, params = {}, arg = null) {
  location.hash = "#/" + view + (arg ? "/" + encodeURIComponent(arg) : "") + query(params);
}

function filterForm(params, fields, onSubmit, extra = []) {
  const form = el("form", {class: "filters", role: "search"});
  for (const [name, label, hint] of fields) {
    form.append(
      el("label", {}, label, el("input", {name, value: params[name] || "", placeholder: hint, "aria-label": label}))
    );
  }
  for (const node of extra) form.append(node);
  form.append(el("button", {type: "submit"}, "Apply"), el("button", {type: "reset", class: "secondary"}, "Clear"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = {};
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) values[k] = String(v).trim();
    onSubmit(values);
  });
  form.addEventListener("reset", () => setTimeout(() => onSubmit({}), 0));
  return form;
}

function filterValues(params) {
  const out = {};
  for (const [name] of FILTERS) if (params[name]) out[name] = params[name];
  return out;
}

function articleName(a) {
  return a && (a.title || a.url || (a.origin || "").split("/").pop());
}

function articleLink(doc, label) {
  return el("a", {href: `#/article/${encodeURIComponent(doc)}`, class: "article-link"}, label);
}

// ------------------------------------------------------------------------------------------- events

async function viewEvents(params) {
  const filters = filterValues(params);
  const offset = Number(params.offset || 0);
  main.append(el("h1", {}, "Events"));
  main.append(filterForm(params, FILTERS, (values) => go("events", values)));
  const exports = el("div", {class: "exports"}, "Export: ");
  for (const [fmt, label] of EXPORTS) {
    exports.append(el("a", {class: "button export", href: `/api/export/events.${fmt}${query(filters)}`, download: `events.${fmt}`, "data-format": fmt}, label));
  }
  main.append(exports);
  const status = el("p", {class: "muted", id: "events-count"}, "Loading…");
  main.append(status);
  let data;
  try {
    data = await api("events", {...filters, limit: PAGE, offset});
  } catch (err) {
    status.remove();
    showError(main, err);
    return;
  }
  status.textContent = `${data.total} events` + (data.total > PAGE ? ` (showing ${offset + 1}–${Math.min(offset + PAGE, data.total)})` : "");
  const table = el("table", {class: "events", id: "events-table"});
  table.append(el("thead", {}, el("tr", {}, ["Date", "Source", "Event", "Target", "Status", "Place", "Evidence", "Article"].map((h) => el("th", {scope: "col"}, h)))));
  const body = el("tbody");
  for (const ev of data.items) {
    body.append(
      el("tr", {"data-event": ev.id},
        el("td", {class: "nowrap"}, ev.date || (ev.article && ev.article.pub_date) || "—"),
        el("td", {}, actorLabel(ev.source)),
        el("td", {}, quadDot(ev.quad_class), " ", cameoLabel(ev.cameo), ev.plover ? el("span", {class: "muted"}, ` ${ev.plover}`) : null),
        el("td", {}, actorLabel(ev.target)),
        el("td", {}, statusBadge(ev.status)),
        el("td", {}, ev.location ? ev.location.name || ev.location.text : "—"),
        el("td", {class: "evidence-cell"}, ev.evidence.text),
        el("td", {}, articleLink(ev.doc, articleName(ev.article) || ev.doc)),
      )
    );
  }
  table.append(body);
  main.append(table);
  const pager = el("div", {class: "pager"});
  if (offset > 0) pager.append(el("a", {class: "button", href: "#/events" + query({...filters, offset: Math.max(0, offset - PAGE)})}, "← Previous"));
  if (offset + PAGE < data.total) pager.append(el("a", {class: "button", href: "#/events" + query({...filters, offset: offset + PAGE})}, "Next →"));
  main.append(pager);
}

// ----------------------------------------------------------------------------------------- articles

async function viewArticles(params) {
  main.append(el("h1", {}, "Articles"));
  const fields = [["q", "Search", 'words or "a phrase"'], ["outlet", "Outlet", "exact name"], ["since", "Published from", "YYYY-MM-DD"], ["until", "Published to", "YYYY-MM-DD"]];
  main.append(filterForm(params, fields, (values) => go("articles", values)));
  const offset = Number(params.offset || 0);
  let data;
  try {
    const {q, outlet, since, until} = params;
    data = await api("articles", {q, outlet, since, until, limit: PAGE, offset});
  } catch (err) {
    showError(main, err);
    return;
  }
  main.append(el("p", {class: "muted"}, `${data.total} articles`));
  const list = el("ol", {class: "articles", start: offset + 1});
  for (const a of data.items) {
    list.append(
      el("li", {"data-article": a.article_id},
        articleLink(a.article_id, a.title || a.url || a.article_id),
        el("span", {class: "muted"}, ` ${[a.outlet, a.pub_date, `${a.events} events`, a.status === "skipped" ? `skipped: ${a.skip_reason}` : null].filter(Boolean).join(" · ")}`),
        el("p", {class: "snippet"}, a.snippet),
      )
    );
  }
  main.append(list);
  const pager = el("div", {class: "pager"});
  const base = {q: params.q, outlet: params.outlet, since: params.since, until: params.until};
  if (offset > 0) pager.append(el("a", {class: "button", href: "#/articles" + query({...base, offset: Math.max(0, offset - PAGE)})}, "← Previous"));
  if (offset + PAGE < data.total) pager.append(el("a", {class: "button", href: "#/articles" + query({...base, offset: offset + PAGE})}, "Next →"));
  main.append(pager);
}

// -------------------------------------------------------------------------------------- one article

function eventSpans(ev) {
  const spans = [{...ev.evidence, kind: "evidence"}, {...ev.trigger, kind: "trigger"}];
  if (ev.source && !ev.source.implicit) spans.push({...ev.source, kind: "actor"});
  if (ev.target && !ev.target.implicit) spans.push({...ev.target, kind: "actor"});
  if (ev.location) spans.push({...ev.location, kind: "place"});
  if (ev.date_span) spans.push({...ev.date_span, kind: "date"});
  if (ev.attributed_to) spans.push({...ev.attributed_to, kind: "attribution"});
  for (const q of ev.quantities || []) spans.push({...q, kind: "quantity"});
  return spans.map((s) => ({start: s.start, end: s.end, kind: s.kind, event: ev.id}));
}

function highlightedText(text, events) {
  // split the text at every span boundary; each piece lists the events whose evidence covers it
  const spans = events.flatMap(eventSpans).filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const container = el("div", {class: "article-text", id: "article-text"});
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    const piece = text.slice(from, to);
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    if (!covering.length) {
      container.append(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const evidenceOf = [...new Set(covering.filter((s) => s.kind === "evidence").map((s) => s.event))];
    const marksOf = [...new Set(covering.filter((s) => s.kind !== "evidence").map((s) => s.event))];
    const seg = el("span", {
      class: "seg " + kinds.map((k) => "k-" + k).join(" "),
      "data-events": evidenceOf.join(" "),
      "data-marks": marksOf.join(" "),
      "data-kinds": kinds.join(" "),
      "data-start": from,
    }, piece);
    seg.addEventListener("click", () => selectEvent(evidenceOf[0] || marksOf[0]));
    container.append(seg);
  }
  return container;
}

function selectEvent(id) {
  if (!id) return;
  for (const node of document.querySelectorAll(".seg.active, .card.active")) node.classList.remove("active");
  for (const seg of document.querySelectorAll("#article-text .seg")) {
    if (seg.dataset.events.split(" ").includes(id)) seg.classList.add("active");
  }
  const card = document.getElementById("card-" + id);
  if (card) {
    card.classList.add("active");
    card.scrollIntoView({block: "nearest"});
  }
}

function field(label, ...value) {
  return el("div", {class: "field"}, el("dt", {}, label), el("dd", {}, ...value));
}

function eventCard(ev) {
  const card = el("article", {class: "card", id: "card-" + ev.id, "data-event": ev.id, tabindex: 0});
  card.append(
    el("header", {}, quadDot(ev.quad_class), " ", el("strong", {}, cameoLabel(ev.cameo)), ev.plover ? el("span", {class: "muted"}, ` ${ev.plover}`) : null, " ", statusBadge(ev.status)),
    el("dl", {},
      field("Who", actorLabel(ev.source)),
      field("What", ev.trigger.text),
      field("Whom", actorLabel(ev.target)),
      field("When", ev.date ? `${ev.date}${ev.date_precision ? ` (${ev.date_precision})` : ""}` : "—"),
      field("Where", ev.location ? `${ev.location.name || ev.location.text}${ev.location.country ? `, ${ev.location.country}` : ""}` : "—"),
      field("On whose word", ev.attributed_to ? ev.attributed_to.text : "the article"),
      ev.quantities && ev.quantities.length ? field("Quantities", ev.quantities.map((q) => `${q.text} = ${q.value} ${q.unit}${q.period ? " per " + q.period : ""}`).join("; ")) : null,
    ),
  );
  card.addEventListener("click", () => {
    selectEvent(ev.id);
    const first = [...document.querySelectorAll("#article-text .seg")].find((s) => s.dataset.events.split(" ").includes(ev.id));
    if (first) first.scrollIntoView({block: "center"});
  });
  return card;
}

async function viewArticle(articleId) {
  let a;
  try {
    a = await api("articles/" + encodeURIComponent(articleId));
  } catch (err) {
    showError(main, err);
    return;
  }
  const href = a.url && safeHref(a.url);
  main.append(
    el("h1", {id: "article-title"}, a.title || a.url || a.origin.split("/").pop() || a.article_id),
    el("p", {class: "muted"}, [a.outlet, a.author, a.pub_date, a.language, `version ${a.version}`].filter(Boolean).join(" · "), " ",
      href ? el("a", {href, rel: "noopener noreferrer nofollow", target: "_blank"}, "original page") : a.url ? el("span", {}, a.url) : null,
      a.next_id ? el("span", {}, " · ", articleLink(a.next_id, "newer version")) : null,
    ),
    el("p", {class: "legend"}, "Marked: ", ...["evidence", "trigger", "actor", "place", "date", "quantity", "attribution"].map((k) => el("span", {class: `key k-${k}`}, k)).flatMap((n) => [n, " "])),
  );
  const layout = el("div", {class: "article-layout"});
  layout.append(highlightedText(a.text, a.events));
  const cards = el("aside", {class: "cards", id: "event-cards"}, el("h2", {}, `${a.events.length} events`));
  for (const ev of a.events) cards.append(eventCard(ev));
  layout.append(cards);
  main.append(layout);
}

// --------------------------------------------------------------------------- timeline, network, map

async function loadModule(name) {
  if (!window.d3) throw new Error("the chart library is not built: run `npm ci --prefix web` and restart the server");
  return import(`./js/${name}.js`);
}

async function viewTimeline(params) {
  main.append(el("h1", {}, "Timeline"));
  const interval = el("select", {name: "interval", "aria-label": "Interval"}, ["month", "day", "year"].map((v) => el("option", {value: v, selected: params.interval === v}, v)));
  main.append(filterForm(params, [["actor", "Actor country", "ISO3, e.g. MLI"], ["partner", "Partner country", "optional, e.g. FRA"], ["since", "From", "YYYY-MM-DD"], ["until", "To", "YYYY-MM-DD"]], (values) => go("timeline", values), [el("label", {}, "Interval", interval)]));
  const box = el("div", {class: "chart", id: "timeline"});
  main.append(box);
  if (!params.actor) {
    box.append(el("p", {class: "muted"}, "Choose an actor country (and a partner for a pair)."));
    return;
  }
  try {
    const [mod, data] = await Promise.all([loadModule("timeline"), api("timeline", {...filterValues(params), interval: params.interval || "month"})]);
    mod.renderTimeline(box, data, {onSelect: (ev) => go("article", {}, ev.doc)});
  } catch (err) {
    showError(box, err);
  }
}

async function viewNetwork(params) {
  main.append(el("h1", {}, "Actor network"));
  main.append(filterForm(params, FILTERS.filter(([n]) => !["bbox", "partner"].includes(n)), (values) => go("network", values)));
  const box = el("div", {class: "chart", id: "network"});
  main.append(box);
  try {
    const [mod, graph] = await Promise.all([loadModule("network"), api("network", filterValues(params))]);
    mod.renderNetwork(box, graph, {onSelect: (id) => {
      const country = id.split(" ")[0];
      if (/^[A-Z]{3}$/.test(country)) go("timeline", {actor: country});
    }});
  } catch (err) {
    showError(box, err);
  }
}

async function viewMap(params) {
  main.append(el("h1", {}, "Map"));
  main.append(filterForm(params, FILTERS.filter(([n]) => n !== "partner"), (values) => go("map", values)));
  const box = el("div", {class: "chart", id: "map"});
  const list = el("div", {class: "place-events", id: "place-events"});
  main.append(box, list);
  try {
    const [mod, features] = await Promise.all([loadModule("map"), api("map", filterValues(params))]);
    await mod.renderMap(box, features, {onSelect: async (place, feats) => {
      // the place's events: the same filters, in a small box around the point
      const [lon, lat] = feats[0].geometry.coordinates;
      const d = 0.0005;
      const clamp = (x, m) => Math.max(-m, Math.min(m, x));
      const bbox = [clamp(lon - d, 180), clamp(lat - d, 90), clamp(lon + d, 180), clamp(lat + d, 90)].map((x) => x.toFixed(5)).join(",");
      list.replaceChildren(el("h2", {}, place));
      try {
        const data = await api("events", {...filterValues(params), bbox, limit: 100});
        list.firstChild.textContent = `${place}: ${data.total} events` + (data.total > 100 ? " (first 100)" : "");
        const ul = el("ul");
        for (const ev of data.items) {
          ul.append(el("li", {}, `${ev.date || (ev.article && ev.article.pub_date) || "undated"} · ${actorLabel(ev.source)} → ${actorLabel(ev.target)} · ${cameoLabel(ev.cameo)} · `, articleLink(ev.doc, ev.evidence.text)));
        }
        list.append(ul);
      } catch (err) {
        showError(list, err);
      }
    }});
  } catch (err) {
    showError(box, err);
  }
}

// ------------------------------------------------------------------------------------------- router

const VIEWS = {events: viewEvents, articles: viewArticles, article: (p, arg) => viewArticle(arg), timeline: viewTimeline, network: viewNetwork, map: viewMap};

async function route() {
  const {view, arg, params} = parseHash();
  const render = VIEWS[view] || VIEWS.events;
  for (const a of document.querySelectorAll("nav a[data-view]")) a.classList.toggle("current", a.dataset.view === view);
  main.replaceChildren();
  main.dataset.view = view;
  main.dataset.ready = "false";
  try {
    await render(params, arg);
  } catch (err) {
    showError(main, err);
  }
  main.dataset.ready = "true";
}

async function start() {
  try {
    const codes = await api("codes/cameo");
    cameoNames = new Map(codes.items.map((c) => [c.code, c.name]));
    const status = await api("status");
    document.getElementById("store-status").textContent = `${status.store}: ${status.counts.articles} articles, ${status.counts.events} events${status.watching.length ? " · watching" : ""}`;
  } catch (err) {
    showError(main, err);
  }
  window.addEventListener("hashchange", route);
  await route();
}

start();
