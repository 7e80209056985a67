import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  AnnealingRun, NO_MOVE, PreparedProblem, anneal, nint, requirePermutation, seedState, suggestedSchedule,
  temperatureAt,
} from '../../main/resources/static/js/kernel.js';
import { parseTspLib } from '../../main/resources/static/js/tsplib.js';

const berlin52 = parseTspLib(readFileSync(new URL('fixtures/berlin52.tsp', import.meta.url), 'utf8'));

function randomCities(n, seed) {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  return Array.from({ length: n }, () => [Math.round(next() * 1000), Math.round(next() * 1000)]);
}

function identity(n) {
  return Array.from({ length: n }, (_, i) => i);
}

/** The shortest tour by trying every permutation that starts at city 0 (n ≤ 9). */
function bruteForceOptimum(problem) {
  const n = problem.n;
  let best = Infinity;
  const tour = identity(n);
  const permute = (k) => {
    if (k === n) {
      best = Math.min(best, problem.length(tour));
      return;
    }
    for (let i = k; i < n; i++) {
      [tour[k], tour[i]] = [tour[i], tour[k]];
      permute(k + 1);
      [tour[k], tour[i]] = [tour[i], tour[k]];
    }
  };
  permute(1);
  return best;
}

test('distances are TSPLIB nint and lengths sum them', () => {
  assert.equal(nint(0, 0, 3, 4), 5);
  assert.equal(nint(0, 0, 1, 1), 1); // 1.414
  assert.equal(nint(0, 0, 1.5, 2), 3); // 2.5 rounds up
  const problem = new PreparedProblem(berlin52.cities);
  const text = readFileSync(new URL('fixtures/berlin52.opt.tour', import.meta.url), 'utf8');
  const optimal = text.slice(text.indexOf('TOUR_SECTION') + 12).split(/\s+/).map(Number)
    .filter((c) => c > 0).map((c) => c - 1);
  assert.equal(problem.length(optimal), 7542);
});

test('neighbour lists hold the k nearest cities, nearest first', () => {
  const problem = new PreparedProblem(randomCities(200, 3));
  assert.equal(problem.k, 10);
  for (let c = 0; c < problem.n; c++) {
    const others = identity(problem.n).filter((o) => o !== c)
      .map((o) => problem.distance(c, o)).sort((x, y) => x - y);
    for (let r = 0; r < problem.k; r++) {
      assert.equal(problem.neighbourDistances[c * problem.k + r], others[r], `city ${c} rank ${r}`);
    }
  }
  assert.equal(new PreparedProblem(randomCities(5, 1)).k, 4);
});

test('every move\'s delta equals the recomputed change of length, and tours stay permutations', () => {
  for (const [n, matrixLimit] of [[12, 3000], [60, 3000], [300, 0]]) {
    const problem = new PreparedProblem(randomCities(n, n), { matrixLimit });
    const run = new AnnealingRun(problem, identity(n), { t0: 1, t1: 1, proposals: 1 });
    const state = seedState(n);
    let checked = 0;
    for (let i = 0; i < 20000; i++) {
      state[0] = Math.imul(state[0] ^ (state[0] >>> 15), 0x2c1b3c6d) + i;
      const a = ((state[0] >>> 0) * n / 4294967296) | 0;
      const r2 = Math.imul(state[0], 0x297a2d39) ^ (i << 7);
      const before = problem.length(run.cities);
      const delta = run.evaluate(a, r2);
      if (delta === NO_MOVE) continue;
      run.apply();
      assert.equal(problem.length(run.cities), before + delta, `n=${n} move ${i}`);
      checked++;
    }
    requirePermutation(Array.from(run.cities), n);
    for (let p = 0; p < n; p++) assert.equal(run.positions[run.cities[p]], p);
    assert.ok(checked > 5000, `only ${checked} moves were valid`);
  }
});

test('the result is the best tour seen, a permutation whose length is exact', () => {
  const problem = new PreparedProblem(berlin52.cities);
  const start = identity(52);
  const result = anneal(problem, start, { t0: 100, t1: 1, proposals: 200_000, seed: 42 });
  requirePermutation(result.tour, 52);
  assert.equal(result.length, problem.length(result.tour));
  assert.ok(result.length < problem.length(start));
  assert.ok(result.length <= 7542 * 1.08, `berlin52 after 200k proposals: ${result.length}`);
  assert.equal(result.proposals, 200_000);
  assert.ok(result.accepted > 0 && result.accepted <= result.proposals);
  assert.equal(result.cancelled, false);
});

test('finds the optimum of a tiny instance', () => {
  const problem = new PreparedProblem(randomCities(9, 11));
  const optimum = bruteForceOptimum(problem);
  const result = anneal(problem, identity(9), { t0: 50, t1: 0.5, proposals: 50_000, seed: 1 });
  assert.equal(result.length, optimum);
});

test('the same seed gives the same result, another seed another walk', () => {
  const problem = new PreparedProblem(randomCities(150, 5));
  const options = { t0: 30, t1: 0.3, proposals: 100_000 };
  const a = anneal(problem, identity(150), { ...options, seed: 7 });
  const b = anneal(problem, identity(150), { ...options, seed: 7 });
  const c = anneal(problem, identity(150), { ...options, seed: 8 });
  assert.deepEqual(a.tour, b.tour);
  assert.equal(a.accepted, b.accepted);
  assert.notEqual(a.accepted, c.accepted);
  // seeds beyond 2^53 (Java longs) work too
  assert.deepEqual(seedState('9007199254740993'), seedState(9007199254740993n));
});

test('a time budget ends the call on time; a cancel stops it at the next check', () => {
  const problem = new PreparedProblem(randomCities(500, 9));
  const started = performance.now();
  const timed = anneal(problem, identity(500), { t0: 10, t1: 0.1, durationMs: 100, seed: 3 });
  const elapsed = performance.now() - started;
  assert.ok(elapsed >= 100 && elapsed < 160, `a 100 ms call took ${elapsed} ms`);
  assert.ok(timed.proposals > 0);

  const run = new AnnealingRun(problem, identity(500), { t0: 10, t1: 0.1, durationMs: 10_000, seed: 3 });
  assert.equal(run.step(20), false);
  run.cancel();
  const stopped = performance.now();
  assert.equal(run.step(), true);
  assert.ok(performance.now() - stopped < 5);
  assert.equal(run.result().cancelled, true);
});

test('temperatures fall geometrically from t0 to t1, linearly when an end is 0', () => {
  assert.equal(temperatureAt(100, 1, 0), 100);
  assert.ok(Math.abs(temperatureAt(100, 1, 0.5) - 10) < 1e-9);
  assert.ok(Math.abs(temperatureAt(100, 1, 1) - 1) < 1e-9);
  assert.equal(temperatureAt(10, 0, 0.5), 5);
  assert.equal(temperatureAt(10, 1, 7), 1);
  const schedule = suggestedSchedule(new PreparedProblem(berlin52.cities));
  assert.ok(schedule.t0 > 0 && Math.abs(schedule.t1 - schedule.t0 / 100) < 1e-9);
});

test('bad input is refused with a clear message', () => {
  const problem = new PreparedProblem(randomCities(10, 1));
  assert.throws(() => anneal(problem, [0, 1, 2], { t0: 1, t1: 1, proposals: 1 }), /all 10 cities/);
  assert.throws(() => anneal(problem, [0, 1, 2, 3, 4, 5, 6, 7, 8, 8], { t0: 1, t1: 1, proposals: 1 }), /twice/);
  assert.throws(() => anneal(problem, identity(10), { t0: -1, t1: 1, proposals: 1 }), /temperatures/);
  assert.throws(() => new PreparedProblem([[0, 0], [1, 1]]), /at least 3/);
  assert.throws(() => new PreparedProblem([[0, 0], [1, 1], [NaN, 2]]), /finite/);
});
