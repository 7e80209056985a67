// A problem prepared for the annealing kernel (as tsp-core's PreparedProblem): coordinates, the distance matrix when
// it fits, and each city's nearest neighbours. Shared by every call on the problem; never changed after construction.

/** The neighbour-list length the Java kernel uses by default. */
export const DEFAULT_NEIGHBOURS = 10;
/** The largest problem that gets a distance matrix (4 n² bytes). */
export const DEFAULT_MATRIX_LIMIT = 3000;

/** The TSPLIB EUC_2D distance: the Euclidean distance rounded to the nearest integer. */
export function nint(x1, y1, x2, y2) {
  const dx = x1 - x2;
  const dy = y1 - y2;
  return Math.floor(Math.sqrt(dx * dx + dy * dy) + 0.5);
}

/** Throws unless tour is a permutation of 0..n-1. */
export function requirePermutation(tour, n) {
  if (!tour || tour.length !== n) {
    throw new RangeError(`a tour must list all ${n} cities, got ${tour ? tour.length : tour}`);
  }
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const city = tour[i];
    if (!Number.isInteger(city) || city < 0 || city >= n) {
      throw new RangeError(`city ${city} at position ${i} is not in 0..${n - 1}`);
    }
    if (seen[city]) {
      throw new RangeError(`city ${city} appears twice`);
    }
    seen[city] = 1;
  }
}

/**
 * A problem with what the kernel needs, computed once: coordinates, the distance matrix when it fits, and for each
 * city its k nearest other cities (nearest first, ties by index) with their distances.
 */
export class PreparedProblem {
  /** @param cities [[x, y], ...] with finite coordinates, at least 3 */
  constructor(cities, { neighbours = DEFAULT_NEIGHBOURS, matrixLimit = DEFAULT_MATRIX_LIMIT } = {}) {
    const n = cities.length;
    if (n < 3) throw new RangeError(`a problem needs at least 3 cities, got ${n}`);
    this.n = n;
    this.xy = new Float64Array(2 * n);
    cities.forEach(([x, y], i) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`city ${i} has no finite coordinates`);
      this.xy[2 * i] = x;
      this.xy[2 * i + 1] = y;
    });
    this.matrix = n <= matrixLimit ? this.#buildMatrix() : null;
    this.k = Math.min(neighbours, n - 1);
    this.#buildNeighbours();
  }

  #buildMatrix() {
    const { n, xy } = this;
    const matrix = new Int32Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = nint(xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]);
        matrix[i * n + j] = d;
        matrix[j * n + i] = d;
      }
    }
    return matrix;
  }

  /** Brute force, O(n² k): 2,392 cities take some tens of milliseconds. */
  #buildNeighbours() {
    const { n, k, xy } = this;
    this.neighbourCities = new Int32Array(n * k);
    this.neighbourDistances = new Int32Array(n * k);
    const bestCity = new Int32Array(k);
    const bestSquare = new Float64Array(k);
    for (let c = 0; c < n; c++) {
      let found = 0;
      const x = xy[2 * c];
      const y = xy[2 * c + 1];
      for (let o = 0; o < n; o++) {
        if (o === c) continue;
        const dx = xy[2 * o] - x;
        const dy = xy[2 * o + 1] - y;
        const square = dx * dx + dy * dy;
        if (found === k && square >= bestSquare[k - 1]) continue; // ties keep the lower index, seen first
        let i = found < k ? found++ : k - 1;
        while (i > 0 && bestSquare[i - 1] > square) {
          bestSquare[i] = bestSquare[i - 1];
          bestCity[i] = bestCity[i - 1];
          i--;
        }
        bestSquare[i] = square;
        bestCity[i] = o;
      }
      for (let r = 0; r < k; r++) {
        this.neighbourCities[c * k + r] = bestCity[r];
        this.neighbourDistances[c * k + r] = this.distance(c, bestCity[r]);
      }
    }
  }

  distance(i, j) {
    if (this.matrix) return this.matrix[i * this.n + j];
    const xy = this.xy;
    return nint(xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]);
  }

  /** The length of a closed tour (a permutation of 0..n-1). */
  length(tour) {
    let length = 0;
    let previous = tour[this.n - 1];
    for (let i = 0; i < this.n; i++) {
      length += this.distance(previous, tour[i]);
      previous = tour[i];
    }
    return length;
  }

  /** The mean distance from a city to its nearest neighbour: the natural unit of temperature. */
  meanNearestDistance() {
    let sum = 0;
    for (let c = 0; c < this.n; c++) sum += this.neighbourDistances[c * this.k];
    return sum / this.n;
  }
}
