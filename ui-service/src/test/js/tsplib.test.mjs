import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TspLibError, parseTspLib } from '../../main/resources/static/js/tsplib.js';

test('reads an EUC_2D file: name and cities in order', () => {
  const problem = parseTspLib(readFileSync(new URL('fixtures/berlin52.tsp', import.meta.url), 'utf8'));
  assert.equal(problem.name, 'berlin52');
  assert.equal(problem.cities.length, 52);
  assert.deepEqual(problem.cities[0], [565, 575]);
  assert.deepEqual(problem.cities[51], [1740, 245]);
});

test('accepts CRLF, missing NAME, exponents and no EOF line', () => {
  const text = 'TYPE : TSP\r\nDIMENSION : 3\r\nEDGE_WEIGHT_TYPE : EUC_2D\r\nNODE_COORD_SECTION\r\n1 0 0\r\n2 1.5e2 0\r\n3 0 4\r\n';
  assert.deepEqual(parseTspLib(text, 'mine.tsp'), { name: 'mine.tsp', cities: [[0, 0], [150, 0], [0, 4]] });
});

test('explains what is wrong with a file it cannot use', () => {
  const euc = (body, header = 'EDGE_WEIGHT_TYPE: EUC_2D\n') => () => parseTspLib(`NAME: x\n${header}NODE_COORD_SECTION\n${body}EOF\n`);
  assert.throws(euc('1 0 0\n2 1 1\n3 2 2\n', 'EDGE_WEIGHT_TYPE: GEO\n'), /GEO is not supported, only EUC_2D/);
  assert.throws(euc('1 0 0\n2 1 1\n3 2 2\n', ''), /\(missing\)/);
  assert.throws(euc('1 0 0\n2 x 1\n3 2 2\n'), /line 5: coordinates must be numbers/);
  assert.throws(euc('1 0 0\n2 1\n'), /line 5: expected "index x y"/);
  assert.throws(euc('1 0 0\n2 1 1\n'), /at least 3 cities/);
  assert.throws(euc('1 0 0\n2 1 1\n3 2 2\n', 'EDGE_WEIGHT_TYPE: EUC_2D\nDIMENSION: 4\n'), /DIMENSION says 4/);
  assert.throws(() => parseTspLib('hello world'), TspLibError);
  assert.throws(() => parseTspLib('NAME: a\nTYPE: ATSP\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n'), /ATSP is not supported/);
});
