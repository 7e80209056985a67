'use strict';
// Checks of the annealer alone:  node --test   (in this directory)
const test = require('node:test');
const assert = require('node:assert');
const { distanceMatrix, tourLength, isPermutation, anneal } = require('./annealer.js');

const random = (() => { let s = 3; return () => ((s = (s * 16807) % 2147483647) / 2147483647); })();
const cities = Array.from({ length: 60 }, () => [random() * 1000, random() * 1000]);
const problem = distanceMatrix(cities);
const identity = Array.from({ length: 60 }, (_, k) => k);

test('distances are TSPLIB nint', () => {
  const { matrix } = distanceMatrix([[0, 0], [3, 4], [1, 1]]);
  assert.deepStrictEqual([matrix[1], matrix[2], matrix[5]], [5, 1, 4]);
});

test('returns a permutation whose length is exact and no worse than the start', async () => {
  const result = await anneal(problem, identity, 100, 1, 200, 7);
  assert.ok(isPermutation(result.tour, 60));
  assert.strictEqual(result.length, tourLength(problem, result.tour));
  assert.ok(result.length <= tourLength(problem, identity));
  assert.ok(result.accepted > 0 && result.proposals > result.accepted);
  assert.ok(result.elapsedMs >= 200);
});

test('stops when told', async () => {
  const result = await anneal(problem, identity, 10, 1, 10000, 1, () => true);
  assert.ok(result.elapsedMs < 100);
});
