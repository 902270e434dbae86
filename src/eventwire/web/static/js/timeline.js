// Timeline: stacked bars of event counts per period and quad class, and below
// it the list of events in date order.
//
// Needs the classic script /static/vendor/d3.min.js (global d3).
// All data strings are untrusted: they only reach the page through
// .text() / textContent / setAttribute.

import { QUADS, QUAD_LABELS, containerSize, getD3, quadColour, showMessage } from "./colours.js";

export { QUAD_COLOURS, QUAD_LABELS, quadColour } from "./colours.js";

export const EMPTY_MESSAGE = "No events match these filters.";

/** Parse "YYYY-MM" or "YYYY-MM-DD" to a UTC Date (null if neither). */
function parsePeriod(period) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(String(period ?? ""));
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  return Number.isNaN(date.getTime()) ? null : date;
}

function textSpan(className, text) {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}

function renderEventList(events, onSelect) {
  const ol = document.createElement("ol");
  ol.className = "timeline-events";
  ol.style.listStyle = "none";
  ol.style.margin = "12px 0 0";
  ol.style.padding = "0";

  // keep the API's order: by the first day of each event's date, an undated event on its article's
  // publication day, events with no day at all last (sorting the date strings here would put "--09-01"
  // and undated events first)
  const sorted = events.filter((ev) => ev != null).map((ev) => ({ ev }));

  for (const { ev } of sorted) {
    const li = document.createElement("li");
    li.className = "timeline-event";
    if (ev.id != null) li.setAttribute("data-id", String(ev.id));
    if (ev.quad_class != null) li.setAttribute("data-quad", String(ev.quad_class));
    li.tabIndex = 0;
    li.setAttribute("role", "button");
    li.style.borderLeft = `4px solid ${quadColour(ev.quad_class)}`;
    li.style.padding = "4px 8px";
    li.style.margin = "0 0 6px";
    li.style.cursor = "pointer";

    const head = document.createElement("div");
    head.className = "event-head";
    const time = document.createElement("time");
    time.className = "event-date";
    time.textContent = String(ev.date ?? "");
    if (ev.date != null) time.setAttribute("datetime", String(ev.date));
    time.style.fontWeight = "bold";
    const code = [ev.cameo, ev.plover].filter((v) => v != null && v !== "").join(" / ");
    head.append(
      time,
      " ",
      textSpan("event-actors", `${ev.source_label ?? "?"} \u2192 ${ev.target_label ?? "?"}`),
      " \u00b7 ",
      textSpan("event-code", code ? `CAMEO ${code}` : "CAMEO ?"),
      " \u00b7 ",
      textSpan("event-status", String(ev.status ?? "")),
    );
    const evidence = document.createElement("div");
    evidence.className = "event-evidence";
    evidence.textContent = String(ev.evidence ?? "");
    evidence.style.color = "#444444";
    evidence.style.fontSize = "0.92em";
    li.append(head, evidence);

    const select = () => {
      if (typeof onSelect === "function") onSelect(ev);
    };
    li.addEventListener("click", select);
    li.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select();
      }
    });
    ol.append(li);
  }
  return ol;
}

/**
 * Render `data` ({interval, items, events}) inside `container`: a stacked bar
 * chart per period and quad class, a legend, and the list of events.
 * Clicking an event of the list calls onSelect(event).
 * Returns the <svg> element, or null when there is no chart to draw.
 */
export function renderTimeline(container, data, { onSelect } = {}) {
  const d3 = getD3();
  container.replaceChildren();

  const interval = data?.interval === "day" ? d3.utcDay : d3.utcMonth;
  const events = Array.isArray(data?.events) ? data.events : [];

  // period -> {period, date, 1: n, 2: n, 3: n, 4: n, total}
  const periods = new Map();
  for (const item of data?.items ?? []) {
    const q = Number(item?.quad_class);
    const count = Number(item?.count) || 0;
    const date = parsePeriod(item?.period);
    if (!date || !QUADS.includes(q) || count <= 0) continue;
    const key = String(item.period);
    let p = periods.get(key);
    if (!p) {
      p = { period: key, date, 1: 0, 2: 0, 3: 0, 4: 0, total: 0 };
      periods.set(key, p);
    }
    p[q] += count;
    p.total += count;
  }
  const rows = [...periods.values()].sort((a, b) => a.date - b.date);

  if (rows.length === 0 && events.length === 0) {
    showMessage(container, EMPTY_MESSAGE, "timeline-empty");
    return null;
  }

  let svgNode = null;
  if (rows.length > 0) {
    const { width } = containerSize(container, 960, 0.35);
    const height = Math.max(200, Math.min(320, Math.round(width * 0.32)));
    const margin = { top: 34, right: 16, bottom: 30, left: 40 };

    const start = interval.floor(rows[0].date);
    const end = interval.offset(interval.floor(rows[rows.length - 1].date), 1);
    const x = d3
      .scaleUtc()
      .domain([start, end])
      .range([margin.left, width - margin.right]);
    const maxTotal = d3.max(rows, (r) => r.total) || 1;
    const y = d3
      .scaleLinear()
      .domain([0, maxTotal])
      .nice(5)
      .range([height - margin.bottom, margin.top]);

    const svg = d3
      .select(container)
      .append("svg")
      .attr("class", "timeline")
      .attr("viewBox", `0 0 ${width} ${height}`)
      .attr("width", "100%")
      .attr("preserveAspectRatio", "xMidYMid meet")
      .attr("role", "img")
      .attr("aria-label", `Events per ${data?.interval === "day" ? "day" : "month"} by quad class`);
    svg.style("display", "block").style("max-width", "100%").style("height", "auto");

    // Stack: one rect per (period, quad), cooperation at the bottom.
    const segments = [];
    for (const row of rows) {
      let y0 = 0;
      for (const q of QUADS) {
        const n = row[q];
        if (n > 0) segments.push({ row, quad: q, count: n, y0, y1: y0 + n });
        y0 += n;
      }
    }
    const barX = (s) => x(interval.floor(s.row.date));
    const barW = (s) => {
      const a = x(interval.floor(s.row.date));
      const b = x(interval.offset(interval.floor(s.row.date), 1));
      const w = b - a;
      return Math.max(1, w - Math.min(2, w * 0.15));
    };
    svg
      .append("g")
      .attr("class", "bars")
      .selectAll("rect")
      .data(segments)
      .join("rect")
      .attr("class", "bar")
      .attr("data-period", (s) => s.row.period)
      .attr("data-quad", (s) => s.quad)
      .attr("data-count", (s) => s.count)
      .attr("x", barX)
      .attr("width", barW)
      .attr("y", (s) => y(s.y1))
      .attr("height", (s) => Math.max(0, y(s.y0) - y(s.y1)))
      .attr("fill", (s) => quadColour(s.quad))
      .append("title")
      .text((s) => `${s.row.period}\n${QUAD_LABELS[s.quad]}: ${s.count}\nAll events: ${s.row.total}`);

    // Ticks only on period boundaries (no "12 PM" ticks inside a day), every
    // `step`-th period from the first; the first tick and each January name the year.
    const maxTicks = Math.max(2, Math.floor((width - margin.left - margin.right) / 80));
    const step = Math.max(1, Math.ceil(interval.count(start, end) / maxTicks));
    const tickValues = interval.range(start, interval.offset(end, 1), step);
    const isDay = interval === d3.utcDay;
    const fmtShort = d3.utcFormat(isDay ? "%b %-d" : "%b");
    const fmtLong = d3.utcFormat(isDay ? "%b %-d %Y" : "%b %Y");
    let lastYear = null;
    const labels = tickValues.map((d) => {
      const year = d.getUTCFullYear();
      const label = year !== lastYear ? fmtLong(d) : fmtShort(d);
      lastYear = year;
      return label;
    });
    const xAxis = d3
      .axisBottom(x)
      .tickValues(tickValues)
      .tickFormat((d, i) => labels[i])
      .tickSizeOuter(0);
    svg
      .append("g")
      .attr("class", "axis axis-x")
      .attr("transform", `translate(0,${height - margin.bottom})`)
      .call(xAxis);
    const yTicks = y.ticks(Math.min(5, y.domain()[1])).filter(Number.isInteger);
    svg
      .append("g")
      .attr("class", "axis axis-y")
      .attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).tickValues(yTicks).tickFormat(d3.format("d")));

    // Legend across the top.
    const legend = svg.append("g").attr("class", "legend").attr("transform", `translate(${margin.left},8)`);
    let offset = 0;
    for (const q of QUADS) {
      const item = legend
        .append("g")
        .attr("class", "legend-item")
        .attr("data-quad", q)
        .attr("transform", `translate(${offset},0)`);
      item.append("rect").attr("width", 12).attr("height", 12).attr("fill", quadColour(q));
      item
        .append("text")
        .attr("x", 16)
        .attr("y", 10)
        .attr("font-family", "sans-serif")
        .attr("font-size", 11)
        .attr("fill", "#333333")
        .text(QUAD_LABELS[q]);
      offset += 16 + QUAD_LABELS[q].length * 6.2 + 14;
    }
    svgNode = svg.node();
  } else {
    const p = document.createElement("p");
    p.className = "timeline-empty";
    p.textContent = "No counts to chart for these filters.";
    container.append(p);
  }

  if (events.length > 0) {
    container.append(renderEventList(events, onSelect));
  }
  return svgNode;
}
