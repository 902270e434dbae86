// Shared colours and names of the four CAMEO/PLOVER quad classes.
// Okabe-Ito palette (colour-blind safe): blues for cooperation, oranges for
// conflict, the material class of each pair darker than the verbal one.

export const QUAD_COLOURS = Object.freeze({
  1: "#56B4E9", // verbal cooperation: sky blue
  2: "#0072B2", // material cooperation: blue
  3: "#E69F00", // verbal conflict: orange
  4: "#D55E00", // material conflict: vermillion
});

export const QUAD_LABELS = Object.freeze({
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
});

export const QUADS = Object.freeze([1, 2, 3, 4]);

/** Colour used for a missing or unknown quad class. */
export const UNKNOWN_COLOUR = "#999999";

export function quadColour(quad) {
  return QUAD_COLOURS[Number(quad)] ?? UNKNOWN_COLOUR;
}

export function quadLabel(quad) {
  return QUAD_LABELS[Number(quad)] ?? "Unknown quad class";
}

/**
 * The quad class with the largest count in `counts` ({1: n, 2: n, ...}, keys
 * may be strings). Ties go to the higher (more conflictual) class. Returns
 * null when every count is zero or missing.
 */
export function dominantQuad(counts) {
  let best = null;
  let bestCount = 0;
  for (const q of QUADS) {
    const n = Number(counts?.[q] ?? counts?.[String(q)] ?? 0);
    if (n > 0 && n >= bestCount) {
      best = q;
      bestCount = n;
    }
  }
  return best;
}

/** The d3 global loaded by /static/vendor/d3.min.js. */
export function getD3() {
  const d3 = globalThis.d3;
  if (!d3) throw new Error("d3 is not loaded: include /static/vendor/d3.min.js before this module");
  return d3;
}

/** Replace the container's content with a text message; returns the element. */
export function showMessage(container, text, className) {
  const p = document.createElement("p");
  p.className = className;
  p.setAttribute("role", "status");
  p.textContent = text;
  container.replaceChildren(p);
  return p;
}

/** Width and height to draw at: the container's size, or the fallbacks. */
export function containerSize(container, fallbackWidth, aspect) {
  const rect = container.getBoundingClientRect();
  const width = Math.max(320, Math.round(rect.width) || fallbackWidth);
  const height = Math.max(200, Math.round(rect.height) || Math.round(width * aspect));
  return { width, height };
}
