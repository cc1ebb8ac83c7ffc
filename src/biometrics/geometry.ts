/** Plane geometry shared by the fingerprint matcher: angles and convex hulls. */

export const TWO_PI = Math.PI * 2;

/** Angle difference folded into [-π, π). */
export function angleDiff(a: number, b: number): number {
  let d = (a - b) % TWO_PI;
  if (d < -Math.PI) d += TWO_PI;
  else if (d >= Math.PI) d -= TWO_PI;
  return d;
}

/** Angle folded into [0, 2π). */
export function normalizeAngle(a: number): number {
  const r = a % TWO_PI;
  return r < 0 ? r + TWO_PI : r;
}

/** Counter-clockwise convex hull (Andrew's monotone chain) as flat [x0, y0, x1, y1, …]. */
export function convexHull(xs: ArrayLike<number>, ys: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: xs.length }, (_, i) => i).sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b]);
  if (idx.length < 3) return Float64Array.from(idx.flatMap((i) => [xs[i], ys[i]]));
  const cross = (o: number, a: number, b: number): number => (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
  const lower: number[] = [];
  for (const i of idx) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], i) <= 0) lower.pop();
    lower.push(i);
  }
  const upper: number[] = [];
  for (let k = idx.length - 1; k >= 0; k--) {
    const i = idx[k];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], i) <= 0) upper.pop();
    upper.push(i);
  }
  const hull = lower.slice(0, -1).concat(upper.slice(0, -1));
  return Float64Array.from(hull.flatMap((i) => [xs[i], ys[i]]));
}

/** Distance from a point to a counter-clockwise convex polygon: 0 inside, else to the nearest edge. */
export function distanceToHull(hull: Float64Array, px: number, py: number): number {
  const n = hull.length / 2;
  if (n === 0) return Infinity;
  if (n === 1) return Math.sqrt((px - hull[0]) ** 2 + (py - hull[1]) ** 2);
  let inside = n >= 3;
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const ax = hull[2 * i];
    const ay = hull[2 * i + 1];
    const j = i + 1 === n ? 0 : 2 * i + 2;
    const ex = hull[j] - ax;
    const ey = hull[j + 1] - ay;
    const qx = px - ax;
    const qy = py - ay;
    if (ex * qy - ey * qx < 0) inside = false;
    const len2 = ex * ex + ey * ey;
    let t = len2 === 0 ? 0 : (qx * ex + qy * ey) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const dx = qx - t * ex;
    const dy = qy - t * ey;
    const d2 = dx * dx + dy * dy;
    if (d2 < best) best = d2;
  }
  return inside ? 0 : Math.sqrt(best);
}

/** Error function (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7): enough for Gaussian sector areas. */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-x * x));
}

/** Logistic function used by MCC: ~1 far below μ when τ < 0, ~1 far above μ when τ > 0. */
export function sigmoid(v: number, mu: number, tau: number): number {
  return 1 / (1 + Math.exp(-tau * (v - mu)));
}
