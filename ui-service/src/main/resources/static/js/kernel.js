// The annealing kernel in JavaScript: the same algorithm as tsp-core's dev.switchboard.tsp.anneal (Annealer,
// AnnealingRun, Moves), so a browser tab can serve tsp.compute.anneal like a compute-service.
//
// - Moves join a random city a to one of its K nearest neighbours b: 2-opt (either direction) or Or-opt (the
//   segment of 1-3 cities starting at a, going either way, inserted on either side of b). Every delta is O(1);
//   accepted moves are applied as 2-opt reversals of whichever side of the tour is shorter.
// - The temperature falls geometrically from t0 to t1 over the budget (linear if either end is 0), driven by the
//   clock (or by the proposal count, which makes a seed repeatable).
// - Random numbers: xoshiro128** (32-bit, Math.imul) seeded through SplitMix32; two draws per proposal.
// - The result is the best tour seen, not the last one.
//
// No DOM, no WAMP: runs in a Worker, on the main thread and in node (the unit tests).

import { PreparedProblem, nint, requirePermutation } from './prepared-problem.js';

export { DEFAULT_MATRIX_LIMIT, DEFAULT_NEIGHBOURS, PreparedProblem, nint, requirePermutation } from './prepared-problem.js';

/** Proposals between clock and cancellation checks. */
export const CHECK_INTERVAL = 256;

export const NO_MOVE = 0x7fffffff;
const TWO_OPT = 0;
const OR_OPT_BEFORE = 1;
const OR_OPT_AFTER = 2;
const OR_OPT_FIRST_CODE = 2;

/** -ln(u) for 4096 slices of u in (0, 1): delta > 0 is accepted when delta < t * THRESHOLDS[12 random bits]. */
const THRESHOLDS = new Float64Array(4096);
for (let i = 0; i < THRESHOLDS.length; i++) {
  THRESHOLDS[i] = -Math.log((i + 0.5) / THRESHOLDS.length);
}

/** 256 move codes: half 2-opt (0 forward, 1 backward), half Or-opt with segment lengths 1, 2, 3 equally likely. */
const MOVE_CODES = (() => {
  const codes = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    if (i < 128) {
      codes[i] = i & 1;
      continue;
    }
    const orOpt = i - 128;
    const length = (orOpt >> 2) % 3;
    codes[i] = OR_OPT_FIRST_CODE + (length << 2) + (orOpt & 3);
  }
  return codes;
})();

/** The temperature after a fraction of the budget (clamped to 0..1). */
export function temperatureAt(t0, t1, fraction) {
  const f = Math.min(1, Math.max(0, fraction));
  if (t0 === t1) return t0;
  if (t0 === 0 || t1 === 0) return t0 + (t1 - t0) * f;
  return t0 * Math.pow(t1 / t0, f);
}

/** Four 32-bit words of xoshiro128** state from a seed (a number, possibly beyond 2^53, or a decimal string). */
export function seedState(seed) {
  let lo;
  let hi;
  if (typeof seed === 'bigint' || typeof seed === 'string') {
    const big = BigInt.asUintN(64, BigInt(seed));
    lo = Number(big & 0xffffffffn);
    hi = Number(big >> 32n);
  } else {
    const value = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    lo = value >>> 0;
    hi = Math.floor(value / 4294967296) >>> 0;
  }
  let z = (lo ^ Math.imul(hi, 0x9e3779b9)) >>> 0;
  const state = new Int32Array(4);
  for (let i = 0; i < 4; i++) { // SplitMix32
    z = (z + 0x9e3779b9) | 0;
    let t = z ^ (z >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    state[i] = t ^ (t >>> 15);
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

/**
 * One annealing call, resumable: step(sliceMs) runs whole chunks of proposals until the slice, the budget or a
 * cancel ends it, so a Worker can return to its event loop (and see an INTERRUPT) between slices.
 */
export class AnnealingRun {
  /**
   * @param problem a PreparedProblem
   * @param startTour a permutation of 0..n-1 (copied)
   * @param options {t0, t1, seed, durationMs} or {t0, t1, seed, proposals} (a proposal budget is repeatable)
   */
  constructor(problem, startTour, { t0, t1, seed = 0, durationMs, proposals, now = () => performance.now() }) {
    requirePermutation(startTour, problem.n);
    if (!(t0 >= 0) || !(t1 >= 0) || !Number.isFinite(t0) || !Number.isFinite(t1)) {
      throw new RangeError(`temperatures must be finite and at least 0, got ${t0}, ${t1}`);
    }
    if (durationMs === undefined && proposals === undefined) throw new RangeError('a budget is needed');
    if (!((durationMs ?? proposals) >= 0)) throw new RangeError('the budget must be at least 0');
    this.problem = problem;
    this.t0 = t0;
    this.t1 = t1;
    this.now = now;
    this.durationMs = durationMs;
    this.maxProposals = proposals;
    this.startedAt = now();
    this.rng = seedState(seed);
    const n = problem.n;
    this.cities = Int32Array.from(startTour);
    this.positions = new Int32Array(n);
    for (let i = 0; i < n; i++) this.positions[this.cities[i]] = i;
    this.bestCities = new Int32Array(n);
    this.startLength = problem.length(this.cities);
    this.current = this.startLength;
    this.best = this.startLength;
    this.currentIsBest = true;
    this.proposals = 0;
    this.accepted = 0;
    this.temperature = t0;
    this.cancelled = false;
    this.done = n < 4;
    this.move = new Int32Array(7); // kind, then the cities of the move last evaluated
  }

  /** Asks the run to stop; the next check (at most CHECK_INTERVAL proposals later) ends it. */
  cancel() {
    this.cancelRequested = true;
  }

  /** Runs for up to sliceMs (or to the end); returns whether the run is done. */
  step(sliceMs = Infinity) {
    const sliceEnd = this.now() + sliceMs;
    while (!this.done) {
      let chunk = CHECK_INTERVAL;
      let fraction;
      const now = this.now();
      if (this.durationMs !== undefined) {
        const elapsed = now - this.startedAt;
        if (elapsed >= this.durationMs) {
          this.done = true;
          break;
        }
        fraction = elapsed / this.durationMs;
      } else {
        if (this.proposals >= this.maxProposals) {
          this.done = true;
          break;
        }
        fraction = this.proposals / this.maxProposals;
        chunk = Math.min(chunk, this.maxProposals - this.proposals);
      }
      if (this.cancelRequested) {
        this.cancelled = true;
        this.done = true;
        break;
      }
      if (now >= sliceEnd) return false;
      this.temperature = temperatureAt(this.t0, this.t1, fraction);
      this.#chunk(chunk, this.temperature);
    }
    return true;
  }

  /** The proposal loop: allocation-free, one Metropolis test per proposal. */
  #chunk(count, temperature) {
    const rng = this.rng;
    let s0 = rng[0], s1 = rng[1], s2 = rng[2], s3 = rng[3];
    const n = this.problem.n;
    let current = this.current;
    let best = this.best;
    let currentIsBest = this.currentIsBest;
    let accepted = 0;
    for (let i = 0; i < count; i++) {
      // xoshiro128**, twice
      let r1 = Math.imul(s1, 5);
      r1 = Math.imul((r1 << 7) | (r1 >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      let r2 = Math.imul(s1, 5);
      r2 = Math.imul((r2 << 7) | (r2 >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);

      const a = ((r1 >>> 0) * n / 4294967296) | 0;
      const delta = this.evaluate(a, r2);
      if (delta > 0) {
        if (delta === NO_MOVE || delta >= temperature * THRESHOLDS[(r2 >>> 18) & 0xfff]) continue;
        if (currentIsBest) {
          this.bestCities.set(this.cities);
          currentIsBest = false;
        }
      }
      this.apply();
      current += delta;
      accepted++;
      if (current <= best) {
        best = current;
        currentIsBest = true;
      }
    }
    rng[0] = s0; rng[1] = s1; rng[2] = s2; rng[3] = s3;
    this.current = current;
    this.best = best;
    this.currentIsBest = currentIsBest;
    this.accepted += accepted;
    this.proposals += count;
  }

  /** The length change of the move that city a and the random bits r2 name, or NO_MOVE; remembered for apply. */
  evaluate(a, r2) {
    const p = this.problem;
    const k = p.k;
    const slot = a * k + (((r2 & 0x3ff) * k) >>> 10);
    const b = p.neighbourCities[slot];
    const ab = p.neighbourDistances[slot];
    let code = MOVE_CODES[(r2 >>> 10) & 0xff];
    if (code < OR_OPT_FIRST_CODE) return this.#twoOpt(a, b, ab, code === 0 ? 1 : -1);
    code -= OR_OPT_FIRST_CODE;
    return this.#orOpt(a, b, ab, 1 + (code >> 2), (code & 1) === 0 ? 1 : -1, (code & 2) === 0 ? 1 : -1);
  }

  #wrap(position) {
    const n = this.problem.n;
    return position < 0 ? position + n : position >= n ? position - n : position;
  }

  /** With a' and b' one step after a and b: replace (a,a'), (b,b') by (a,b), (a',b'). */
  #twoOpt(a, b, ab, step) {
    const cities = this.cities;
    const positions = this.positions;
    const a1 = cities[this.#wrap(positions[a] + step)];
    const b1 = cities[this.#wrap(positions[b] + step)];
    if (a1 === b || b1 === a) return NO_MOVE;
    const m = this.move;
    m[0] = TWO_OPT; m[1] = a; m[2] = a1; m[3] = b; m[4] = b1;
    const p = this.problem;
    return ab + p.distance(a1, b1) - p.distance(a, a1) - p.distance(b, b1);
  }

  /**
   * Walking in direction step the tour reads p [a .. e] q (length cities); c is the city side from b.
   * Replace (p,a), (e,q), (b,c) by (p,q), (b,a), (e,c).
   */
  #orOpt(a, b, ab, length, step, side) {
    const n = this.problem.n;
    const cities = this.cities;
    const pa = this.positions[a];
    const pb = this.positions[b];
    let offset = (pb - pa) * step;
    if (offset < 0) offset += n;
    const offsetC = side === step ? offset + 1 : offset - 1;
    if (offset < length || offsetC < length || offsetC === n) return NO_MOVE;
    const e = cities[this.#wrap(pa + step * (length - 1))];
    const p = cities[this.#wrap(pa - step)];
    const q = cities[this.#wrap(pa + step * length)];
    const c = cities[this.#wrap(pb + side)];
    const m = this.move;
    m[0] = side === step ? OR_OPT_AFTER : OR_OPT_BEFORE;
    m[1] = a; m[2] = e; m[3] = p; m[4] = q; m[5] = b; m[6] = c;
    const d = this.problem;
    return d.distance(p, q) - d.distance(p, a) - d.distance(e, q) + ab + d.distance(e, c) - d.distance(b, c);
  }

  /** Performs the move evaluated last (which must not have been NO_MOVE). */
  apply() {
    const m = this.move;
    if (m[0] === TWO_OPT) {
      this.#twoOptMove(m[1], m[2], m[3], m[4]);
    } else if (m[0] === OR_OPT_BEFORE) {
      // p a..e q..c b  ->  p c..q e..a b  ->  p q..c e..a b
      this.#twoOptMove(m[3], m[1], m[6], m[5]);
      this.#twoOptMove(m[3], m[6], m[4], m[2]);
    } else {
      // p a..e q..b c  ->  p b..q e..a c  ->  p q..b e..a c  ->  p q..b a..e c
      this.#twoOptMove(m[3], m[1], m[5], m[6]);
      this.#twoOptMove(m[3], m[5], m[4], m[2]);
      if (m[1] !== m[2]) this.#twoOptMove(m[5], m[2], m[1], m[6]);
    }
  }

  /** Replaces (t1,t2), (t3,t4) by (t1,t3), (t2,t4), where t2 follows t1 and t4 follows t3 in one direction. */
  #twoOptMove(t1, t2, t3, t4) {
    const n = this.problem.n;
    const p1 = this.positions[t1];
    if (this.cities[p1 + 1 === n ? 0 : p1 + 1] === t2) {
      this.#reverse(this.positions[t2], this.positions[t3]);
    } else {
      this.#reverse(p1, this.positions[t4]);
    }
  }

  /** Reverses positions from..to (circular), or the rest of the tour when that is shorter. */
  #reverse(from, to) {
    const n = this.problem.n;
    let length = to - from;
    if (length < 0) length += n;
    length++;
    let i = from;
    let j = to;
    if (2 * length > n) {
      i = to + 1 === n ? 0 : to + 1;
      j = from === 0 ? n - 1 : from - 1;
      length = n - length;
    }
    const tour = this.cities;
    const position = this.positions;
    for (let swaps = length >> 1; swaps > 0; swaps--) {
      const ci = tour[i];
      const cj = tour[j];
      tour[i] = cj;
      position[cj] = i;
      tour[j] = ci;
      position[ci] = j;
      if (++i === n) i = 0;
      if (--j < 0) j = n - 1;
    }
  }

  /** The current tour (a copy) and its tracked length. */
  currentTour() {
    return { tour: Array.from(this.cities), length: this.current };
  }

  /** {tour, length, startLength, proposals, accepted, elapsedMs, cancelled}: the best tour seen. */
  result() {
    const cities = this.currentIsBest ? this.cities : this.bestCities;
    return {
      tour: Array.from(cities),
      length: this.problem.length(cities),
      startLength: this.startLength,
      proposals: this.proposals,
      accepted: this.accepted,
      elapsedMs: Math.round(this.now() - this.startedAt),
      cancelled: this.cancelled,
    };
  }
}

/** Runs a whole call synchronously (tests, benchmarks); see AnnealingRun for the options. */
export function anneal(problem, startTour, options) {
  const run = new AnnealingRun(problem, startTour, options);
  run.step();
  return run.result();
}

/** The suggested whole-solve schedule: t0 = 1, t1 = 0.01 times the mean nearest-neighbour distance. */
export function suggestedSchedule(problem) {
  const scale = Math.max(problem.meanNearestDistance(), 1);
  return { t0: scale, t1: 0.01 * scale };
}
