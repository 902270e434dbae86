// Directed actor network: nodes are actors, edges are source -> target event
// counts coloured by quad class.
//
// Needs the classic script /static/vendor/d3.min.js (global d3).
// All data strings are untrusted: they only reach the page through
// .text() / textContent / setAttribute.

import { QUADS, QUAD_LABELS, containerSize, getD3, quadColour, showMessage } from "./colours.js";

export { QUAD_COLOURS, QUAD_LABELS, quadColour } from "./colours.js";

export const EMPTY_MESSAGE = "No events match these filters.";
const TICKS = 300;
const ARROW_SCALE = 3.5; // arrowhead length in edge stroke widths

let renderCount = 0;

function nodeTitle(n) {
  const lines = [String(n.label ?? n.id)];
  const kind = [n.country, n.type].filter((v) => v != null && v !== "").join(" ");
  if (kind && kind !== lines[0]) lines.push(kind);
  lines.push(`${n.events ?? 0} event${n.events === 1 ? "" : "s"}`);
  return lines.join("\n");
}

function edgeTitle(e) {
  const lines = [`${e.sourceId} \u2192 ${e.targetId}: ${e.count} event${e.count === 1 ? "" : "s"}`];
  for (const q of QUADS) {
    const n = Number(e.by_quad?.[q] ?? e.by_quad?.[String(q)] ?? 0);
    if (n) lines.push(`${QUAD_LABELS[q]}: ${n}`);
  }
  return lines.join("\n");
}

/** SVG path of an edge: straight, or curved when the reverse edge exists, or a loop. */
function edgePath(e) {
  const s = e.source;
  const t = e.target;
  const rs = e.rs;
  const rt = e.rt + 1;
  if (s === t) {
    // Self-loop above the node.
    const a0 = -Math.PI / 2 - 0.5;
    const a1 = -Math.PI / 2 + 0.5;
    const x0 = s.x + rs * Math.cos(a0);
    const y0 = s.y + rs * Math.sin(a0);
    const x1 = s.x + rt * Math.cos(a1);
    const y1 = s.y + rt * Math.sin(a1);
    const lift = rs + 26;
    return `M${x0},${y0}C${s.x - lift},${s.y - lift * 1.6} ${s.x + lift},${s.y - lift * 1.6} ${x1},${y1}`;
  }
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len = Math.hypot(dx, dy) || 1;
  // Control point: offset perpendicular to the chord when the reverse edge exists.
  const bend = e.curved ? Math.min(40, len * 0.2) : 0;
  const cx = (s.x + t.x) / 2 + (-dy / len) * bend;
  const cy = (s.y + t.y) / 2 + (dx / len) * bend;
  const ux0 = cx - s.x;
  const uy0 = cy - s.y;
  const l0 = Math.hypot(ux0, uy0) || 1;
  const ux1 = t.x - cx;
  const uy1 = t.y - cy;
  const l1 = Math.hypot(ux1, uy1) || 1;
  const x0 = s.x + (ux0 / l0) * rs;
  const y0 = s.y + (uy0 / l0) * rs;
  const x1 = t.x - (ux1 / l1) * rt;
  const y1 = t.y - (uy1 / l1) * rt;
  return e.curved ? `M${x0},${y0}Q${cx},${cy} ${x1},${y1}` : `M${x0},${y0}L${x1},${y1}`;
}

/**
 * Render `graph` ({nodes, edges}) as a directed force layout inside
 * `container`. Clicking a node calls onSelect(nodeId).
 * Returns the <svg> element, or null when the graph is empty.
 */
export function renderNetwork(container, graph, { onSelect } = {}) {
  const d3 = getD3();
  container.replaceChildren();

  const nodes = [];
  const byId = new Map();
  for (const n of graph?.nodes ?? []) {
    if (n == null || n.id == null) continue;
    const id = String(n.id);
    if (byId.has(id)) continue;
    const copy = { ...n, id, events: Number(n.events) || 0 };
    byId.set(id, copy);
    nodes.push(copy);
  }
  if (nodes.length === 0) {
    showMessage(container, EMPTY_MESSAGE, "network-empty");
    return null;
  }

  const pairs = new Set();
  const edges = [];
  for (const e of graph?.edges ?? []) {
    if (e == null) continue;
    const sourceId = String(e.source);
    const targetId = String(e.target);
    if (!byId.has(sourceId) || !byId.has(targetId)) continue;
    edges.push({ ...e, sourceId, targetId, source: sourceId, target: targetId, count: Number(e.count) || 0 });
    pairs.add(`${sourceId}\u0000${targetId}`);
  }
  for (const e of edges) {
    e.curved = e.sourceId !== e.targetId && pairs.has(`${e.targetId}\u0000${e.sourceId}`);
  }

  const { width, height } = containerSize(container, 960, 0.6);
  const maxEvents = d3.max(nodes, (n) => n.events) || 1;
  const radius = d3.scaleSqrt().domain([0, maxEvents]).range([5, 24]);
  for (const n of nodes) n.r = radius(n.events);
  const maxCount = d3.max(edges, (e) => e.count) || 1;
  const edgeWidth = d3.scaleSqrt().domain([0, maxCount]).range([1.5, 5]);

  // Deterministic layout: d3-force places nodes on a phyllotaxis spiral and
  // uses a fixed-seed random source, so the same graph gives the same picture.
  const simulation = d3
    .forceSimulation(nodes)
    .force(
      "link",
      d3
        .forceLink(edges.filter((e) => e.sourceId !== e.targetId))
        .id((n) => n.id)
        .distance((e) => 90 + e.source.r + e.target.r)
        .strength(0.5),
    )
    .force("charge", d3.forceManyBody().strength(-500))
    .force("collide", d3.forceCollide((n) => n.r + 18))
    .force("x", d3.forceX(width / 2).strength(0.06))
    .force("y", d3.forceY(height / 2).strength(0.08))
    .stop();
  simulation.tick(TICKS);

  for (const e of edges) {
    e.source = byId.get(e.sourceId);
    e.target = byId.get(e.targetId);
    e.rs = e.source.r;
    e.rt = e.target.r;
  }

  // View box: the laid-out graph and its labels, widened to the container's
  // aspect ratio, and never smaller than half the container (a tiny graph is
  // not blown up).
  const pad = 20;
  let x0 = d3.min(nodes, (n) => n.x - n.r) - pad;
  let x1 = d3.max(nodes, (n) => n.x + n.r + 8 + 7 * String(n.label ?? n.id).length) + pad;
  let y0 = d3.min(nodes, (n) => n.y - n.r - (edges.some((e) => e.source === n && e.target === n) ? n.r + 50 : 0)) - pad;
  let y1 = d3.max(nodes, (n) => n.y + n.r) + pad;
  let vw = Math.max(x1 - x0, width / 2);
  let vh = Math.max(y1 - y0, height / 2);
  if (vw / vh < width / height) vw = (vh * width) / height;
  else vh = (vw * height) / width;
  x0 = (x0 + x1) / 2 - vw / 2;
  y0 = (y0 + y1) / 2 - vh / 2;

  const svg = d3
    .select(container)
    .append("svg")
    .attr("class", "network")
    .attr("viewBox", `${x0} ${y0} ${vw} ${vh}`)
    .attr("width", "100%")
    .attr("preserveAspectRatio", "xMidYMid meet")
    .attr("role", "img")
    .attr("aria-label", `Network of ${nodes.length} actors and ${edges.length} links`);
  svg.style("display", "block").style("max-width", "100%").style("height", "auto");

  // One arrowhead marker per quad colour; ids unique per render.
  const prefix = `ew-net-${++renderCount}`;
  const markerId = (q) => `${prefix}-arrow-${QUADS.includes(Number(q)) ? Number(q) : 0}`;
  svg
    .append("defs")
    .selectAll("marker")
    .data([0, ...QUADS])
    .join("marker")
    .attr("id", markerId)
    .attr("viewBox", "0 -5 10 10")
    .attr("refX", 10)
    .attr("refY", 0)
    .attr("markerUnits", "strokeWidth")
    .attr("markerWidth", ARROW_SCALE)
    .attr("markerHeight", ARROW_SCALE)
    .attr("orient", "auto")
    .append("path")
    .attr("d", "M0,-5L10,0L0,5Z")
    .attr("fill", (q) => quadColour(q));

  const zoomLayer = svg.append("g").attr("class", "zoom-layer");

  const edgeSel = zoomLayer
    .append("g")
    .attr("class", "edges")
    .attr("fill", "none")
    .selectAll("path")
    .data(edges)
    .join("path")
    .attr("class", "edge")
    .attr("data-source", (e) => e.sourceId)
    .attr("data-target", (e) => e.targetId)
    .attr("data-count", (e) => e.count)
    .attr("data-quad", (e) => e.quad_class ?? "")
    .attr("d", edgePath)
    .attr("stroke", (e) => quadColour(e.quad_class))
    .attr("stroke-width", (e) => edgeWidth(e.count))
    .attr("stroke-opacity", 0.75)
    .attr("stroke-linecap", "round")
    .attr("marker-end", (e) => `url(#${markerId(e.quad_class)})`);
  edgeSel.append("title").text(edgeTitle);

  const nodeSel = zoomLayer
    .append("g")
    .attr("class", "nodes")
    .selectAll("g")
    .data(nodes)
    .join("g")
    .attr("class", "node")
    .attr("data-id", (n) => n.id)
    .attr("data-events", (n) => n.events)
    .attr("transform", (n) => `translate(${n.x},${n.y})`)
    .attr("tabindex", 0)
    .attr("role", "button")
    .attr("aria-label", (n) => `${n.label ?? n.id}: ${n.events} event${n.events === 1 ? "" : "s"}`)
    .style("cursor", "pointer");
  nodeSel
    .append("circle")
    .attr("r", (n) => n.r)
    .attr("fill", "#4a5866")
    .attr("stroke", "#ffffff")
    .attr("stroke-width", 1.5);
  nodeSel
    .append("text")
    .attr("class", "node-label")
    .attr("x", (n) => n.r + 4)
    .attr("y", 4)
    .attr("font-family", "sans-serif")
    .attr("font-size", 12)
    .attr("fill", "#1f2933")
    .attr("stroke", "#ffffff")
    .attr("stroke-width", 3)
    .attr("stroke-linejoin", "round")
    .attr("paint-order", "stroke")
    .text((n) => String(n.label ?? n.id));
  nodeSel.append("title").text(nodeTitle);

  const select = (event, n) => {
    if (typeof onSelect === "function") onSelect(n.id);
  };
  nodeSel.on("click", select).on("keydown", (event, n) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(event, n);
    }
  });

  // Drag a node to move it (the layout does not restart); a drag suppresses the click.
  nodeSel.call(
    d3
      .drag()
      .on("drag", function (event, n) {
        n.x = event.x;
        n.y = event.y;
        d3.select(this).attr("transform", `translate(${n.x},${n.y})`);
        edgeSel.filter((e) => e.source === n || e.target === n).attr("d", edgePath);
      }),
  );

  svg.call(
    d3
      .zoom()
      .scaleExtent([0.25, 8])
      .on("zoom", (event) => zoomLayer.attr("transform", event.transform)),
  );
  svg.on("dblclick.zoom", null);

  return svg.node();
}
