'use strict';
// Simulated annealing for the TSP with 2-opt moves: no WAMP here, only the algorithm.
// Lengths are TSPLIB integers: d(i, j) = nint(sqrt(dx^2 + dy^2)), so every length is exact integer arithmetic.

/** The TSPLIB EUC_2D distances between every pair of cities ([x, y] each), row-major in an Int32Array. */
function distanceMatrix(cities) {
  const n = cities.length;
  const matrix = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = cities[i][0] - cities[j][0];
      const dy = cities[i][1] - cities[j][1];
      const d = Math.floor(Math.sqrt(dx * dx + dy * dy) + 0.5);
      matrix[i * n + j] = d;
      matrix[j * n + i] = d;
    }
  }
  return { n, matrix };
}

function tourLength({ n, matrix }, tour) {
  let length = 0;
  for (let k = 0; k < tour.length; k++) {
    length += matrix[tour[(k + tour.length - 1) % tour.length] * n + tour[k]];
  }
  return length;
}

function isPermutation(tour, n) {
  if (!Array.isArray(tour) || tour.length !== n) return false;
  const seen = new Uint8Array(n);
  for (const city of tour) {
    if (!Number.isInteger(city) || city < 0 || city >= n || seen[city]) return false;
    seen[city] = 1;
  }
  return true;
}

/** A small seeded generator (mulberry32), so a seed gives the same proposals every time. */
function random32(seed) {
  let state = Number(BigInt.asUintN(32, BigInt(Math.trunc(seed)))) >>> 0;
  return () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Anneals from `tour` for `durationMs` and resolves to the best tour seen: {tour, length, proposals, accepted,
 * elapsedMs}. Each proposal reverses a random segment tour[i..j] (a 2-opt move), which replaces the edges (a, b) and
 * (c, d) with (a, c) and (b, d): delta = d(a,c) + d(b,d) - d(a,b) - d(c,d). A worse tour is accepted with the
 * Metropolis probability exp(-delta / T); T falls geometrically from t0 to t1 over the duration, by the clock:
 * T = t0 * (t1 / t0) ** (elapsed / duration). The work runs in slices of about 20 ms with the event loop free in
 * between, so the WAMP session keeps answering; `stopped()` ends it early, `progress(n)` hears of the proposals made.
 */
async function anneal(problem, tour, t0, t1, durationMs, seed, stopped = () => false, progress = () => {}) {
  const { n, matrix } = problem;
  const current = Int32Array.from(tour);
  let length = tourLength(problem, tour);
  let best = Int32Array.from(current);
  let bestLength = length;
  let proposals = 0;
  let accepted = 0;
  const random = random32(seed);
  const started = performance.now();
  const ratio = t1 / t0;
  let temperature = t0;
  let sliceEnd = started + 20;
  while (n > 3) {
    if ((proposals & 255) === 0) {
      const now = performance.now();
      const elapsed = now - started;
      if (elapsed >= durationMs || stopped()) break;
      temperature = t0 * ratio ** (elapsed / durationMs);
      if (now >= sliceEnd) {
        progress(proposals);
        await new Promise((resolve) => setImmediate(resolve));
        sliceEnd = performance.now() + 20;
      }
    }
    proposals++;
    const i = 1 + Math.floor(random() * (n - 2));          // 1 .. n-2
    const j = i + 1 + Math.floor(random() * (n - 1 - i));  // i+1 .. n-1
    const a = current[i - 1], b = current[i], c = current[j], d = current[(j + 1) % n];
    const delta = matrix[a * n + c] + matrix[b * n + d] - matrix[a * n + b] - matrix[c * n + d];
    if (delta <= 0 || random() < Math.exp(-delta / temperature)) {
      for (let lo = i, hi = j; lo < hi; lo++, hi--) {
        const swap = current[lo]; current[lo] = current[hi]; current[hi] = swap;
      }
      length += delta;
      accepted++;
      if (length < bestLength) {
        bestLength = length;
        best = Int32Array.from(current);
      }
    }
  }
  progress(proposals);
  return {
    tour: Array.from(best), length: bestLength, proposals, accepted,
    elapsedMs: Math.floor(performance.now() - started),
  };
}

module.exports = { distanceMatrix, tourLength, isPermutation, anneal };
