// World map of events: one circle per place (events at the same coordinates).
//
// Needs the classic scripts /static/vendor/d3.min.js and
// /static/vendor/topojson-client.min.js (globals d3, topojson).
// All data strings are untrusted: they only reach the page through
// .text() / textContent / setAttribute.

import {
  QUADS,
  QUAD_LABELS,
  containerSize,
  dominantQuad,
  getD3,
  quadColour,
} from "./colours.js";

export { QUAD_COLOURS } from "./colours.js";

export const WORLD_URL = "/static/vendor/countries-110m.json";

let worldPromise = null;

function loadWorld(d3) {
  if (!worldPromise) {
    worldPromise = d3.json(WORLD_URL).catch((error) => {
      worldPromise = null; // let a later render try again
      throw error;
    });
  }
  return worldPromise;
}

// Latest render per container, so a slow earlier render never overwrites a later one.
const renders = new WeakMap();

function validPoint(feature) {
  const g = feature?.geometry;
  if (!g || g.type !== "Point" || !Array.isArray(g.coordinates)) return null;
  const lon = Number(g.coordinates[0]);
  const lat = Number(g.coordinates[1]);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return null;
  return [lon, lat];
}

/** Group point features by coordinates (rounded to 1e-4 degrees). */
export function groupPlaces(featureCollection) {
  const places = new Map();
  for (const feature of featureCollection?.features ?? []) {
    const coords = validPoint(feature);
    if (!coords) continue;
    const key = `${coords[0].toFixed(4)},${coords[1].toFixed(4)}`;
    let place = places.get(key);
    if (!place) {
      place = { key, coords, features: [], total: 0, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, names: new Map() };
      places.set(key, place);
    }
    place.features.push(feature);
    const props = feature.properties ?? {};
    // a feature is one event, or (from /api/map) one place with its count and QuadClass split
    const n = Number.isFinite(props.count) && props.count > 0 ? props.count : 1;
    place.total += n;
    if (props.by_quad && typeof props.by_quad === "object") {
      for (const q of [1, 2, 3, 4]) place.byQuad[q] += Number(props.by_quad[q]) || 0;
    } else {
      const q = Number(props.quad_class);
      if (q in place.byQuad) place.byQuad[q] += 1;
    }
    const name = typeof props.location_name === "string" ? props.location_name.trim() : "";
    if (name) place.names.set(name, (place.names.get(name) ?? 0) + n);
  }
  return [...places.values()].map((p) => {
    // The most frequent location name at these coordinates (first seen on ties).
    let name = "";
    let best = 0;
    for (const [n, c] of p.names) {
      if (c > best) {
        name = n;
        best = c;
      }
    }
    if (!name) name = `${p.coords[1].toFixed(2)}, ${p.coords[0].toFixed(2)}`;
    return {
      key: p.key,
      name,
      coords: p.coords,
      count: p.total,
      byQuad: p.byQuad,
      quad: dominantQuad(p.byQuad),
      features: p.features,
    };
  });
}

function placeTitle(place) {
  const lines = [`${place.name}: ${place.count} event${place.count === 1 ? "" : "s"}`];
  for (const q of QUADS) {
    if (place.byQuad[q]) lines.push(`${QUAD_LABELS[q]}: ${place.byQuad[q]}`);
  }
  return lines.join("\n");
}

function drawLegend(svg) {
  const legend = svg.append("g").attr("class", "legend").attr("transform", "translate(10,10)");
  legend
    .append("rect")
    .attr("x", -4)
    .attr("y", -4)
    .attr("width", 150)
    .attr("height", QUADS.length * 16 + 6)
    .attr("rx", 3)
    .attr("fill", "#ffffff")
    .attr("fill-opacity", 0.85);
  const item = legend
    .selectAll("g.legend-item")
    .data(QUADS)
    .join("g")
    .attr("class", "legend-item")
    .attr("data-quad", (q) => q)
    .attr("transform", (q, i) => `translate(0,${i * 16})`);
  item.append("circle").attr("cx", 6).attr("cy", 6).attr("r", 5).attr("fill", (q) => quadColour(q));
  item
    .append("text")
    .attr("x", 16)
    .attr("y", 10)
    .attr("font-size", 11)
    .attr("font-family", "sans-serif")
    .attr("fill", "#333333")
    .text((q) => QUAD_LABELS[q]);
}

/**
 * Render `featureCollection` (GeoJSON points with event properties) on a world
 * map inside `container`. Clicking a place calls onSelect(placeName, features).
 * Returns the <svg> element, or null if the render was superseded.
 */
export async function renderMap(container, featureCollection, { onSelect } = {}) {
  const d3 = getD3();
  const token = {};
  renders.set(container, token);

  let world = null;
  let loadError = null;
  try {
    world = await loadWorld(d3);
    if (!world?.objects?.countries) throw new Error("no 'countries' object in the world file");
    if (!globalThis.topojson) throw new Error("topojson-client is not loaded");
  } catch (error) {
    loadError = error;
    world = null;
  }
  if (renders.get(container) !== token) return null;

  container.replaceChildren();
  // Measure the empty container: its CSS height if it has one, else an aspect ratio.
  const { width, height } = containerSize(container, 960, 0.52);
  if (loadError) {
    const p = document.createElement("p");
    p.className = "map-message map-error";
    p.setAttribute("role", "alert");
    p.textContent = `The world map could not be loaded (${WORLD_URL}): ${loadError.message ?? loadError}. Event places are drawn without country outlines.`;
    container.append(p);
  }

  const places = groupPlaces(featureCollection);
  const projection = d3.geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    { type: "Sphere" },
  );
  const path = d3.geoPath(projection);

  const svg = d3
    .select(container)
    .append("svg")
    .attr("class", "map")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", "100%")
    .attr("preserveAspectRatio", "xMidYMid meet")
    .attr("role", "img")
    .attr("aria-label", `Map of ${places.length} event place${places.length === 1 ? "" : "s"}`);
  svg.style("display", "block").style("max-width", "100%").style("height", "auto");

  const zoomLayer = svg.append("g").attr("class", "zoom-layer");
  zoomLayer
    .append("path")
    .attr("class", "sphere")
    .attr("d", path({ type: "Sphere" }))
    .attr("fill", "#eef4f8")
    .attr("stroke", "#c8d3db")
    .attr("vector-effect", "non-scaling-stroke");

  if (world) {
    const countries = globalThis.topojson.feature(world, world.objects.countries);
    zoomLayer
      .append("g")
      .attr("class", "countries")
      .selectAll("path")
      .data(countries.features)
      .join("path")
      .attr("class", "country")
      .attr("d", path)
      .attr("fill", "#f7f7f7")
      .attr("stroke", "#c4c4c4")
      .attr("stroke-width", 0.5)
      .attr("vector-effect", "non-scaling-stroke")
      .append("title")
      .text((f) => f.properties?.name ?? "");
  }

  const maxCount = d3.max(places, (p) => p.count) ?? 1;
  const radius = d3.scaleSqrt().domain([0, Math.max(maxCount, 10)]).range([0, 22]);
  const r = (p) => Math.max(3.5, radius(p.count));

  const circles = zoomLayer
    .append("g")
    .attr("class", "places")
    .selectAll("circle")
    .data(
      places
        .map((p) => ({ ...p, xy: projection(p.coords) }))
        .filter((p) => p.xy && Number.isFinite(p.xy[0]) && Number.isFinite(p.xy[1]))
        // Big circles first so small ones stay on top and clickable.
        .sort((a, b) => b.count - a.count || d3.ascending(a.key, b.key)),
    )
    .join("circle")
    .attr("class", "place")
    .attr("data-place", (p) => p.name)
    .attr("data-count", (p) => p.count)
    .attr("data-quad", (p) => p.quad ?? "")
    .attr("cx", (p) => p.xy[0])
    .attr("cy", (p) => p.xy[1])
    .attr("r", r)
    .attr("fill", (p) => quadColour(p.quad))
    .attr("fill-opacity", 0.8)
    .attr("stroke", "#ffffff")
    .attr("stroke-width", 1)
    .attr("tabindex", 0)
    .attr("role", "button")
    .attr("aria-label", (p) => `${p.name}: ${p.count} event${p.count === 1 ? "" : "s"}`)
    .style("cursor", "pointer");
  circles.append("title").text(placeTitle);

  const select = (event, p) => {
    if (typeof onSelect === "function") onSelect(p.name, p.features);
  };
  circles.on("click", select).on("keydown", (event, p) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(event, p);
    }
  });

  const zoom = d3
    .zoom()
    .scaleExtent([1, 16])
    .translateExtent([
      [0, 0],
      [width, height],
    ])
    .on("zoom", (event) => {
      const k = event.transform.k;
      zoomLayer.attr("transform", event.transform);
      // Keep circles the same size on screen while zooming.
      circles.attr("r", (p) => r(p) / k).attr("stroke-width", 1 / k);
    });
  svg.call(zoom);
  svg.on("dblclick.zoom", null);

  drawLegend(svg);

  if (places.length === 0) {
    svg
      .append("text")
      .attr("class", "map-empty")
      .attr("x", width / 2)
      .attr("y", height - 16)
      .attr("text-anchor", "middle")
      .attr("font-family", "sans-serif")
      .attr("font-size", 13)
      .attr("fill", "#555555")
      .text("No located events match these filters.");
  }
  return svg.node();
}
