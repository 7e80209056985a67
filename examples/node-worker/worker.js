#!/usr/bin/env node
'use strict';
// A Switchboard TSP compute worker in Node.js (Autobahn|JS, npm "autobahn").
// It registers tsp.compute.anneal on the router's shared registration (invoke roundrobin, concurrency 1), so the
// orchestrator's anneal calls reach it in turn with the Java compute instances; fetches each problem once with
// tsp.problem.get; and publishes its load on tsp.compute.load every second (kind "service").
//   npm install && node worker.js --url ws://127.0.0.1:8080/ws --realm realm1
//   SWITCHBOARD_TICKET=... node worker.js --authid service        # a realm with ticket authentication
// It reconnects when the router goes away and stops on SIGTERM or Ctrl-C.
if (typeof globalThis.WebSocket === 'undefined') {
  // Autobahn|JS uses the platform WebSocket, built into Node from version 22; before that the "ws" package stands in.
  const WebSocket = require('ws');
  globalThis.WebSocket = class extends WebSocket {
    constructor(...args) { super(...args); this.on('error', () => {}); }
  };
}
const os = require('node:os');
const crypto = require('node:crypto');
const { parseArgs } = require('node:util');
const autobahn = require('autobahn');
const annealer = require('./annealer.js');

const ANNEAL = 'tsp.compute.anneal';
const PROBLEM_GET = 'tsp.problem.get';
const LOAD = 'tsp.compute.load';
const INVALID_ARGUMENT = 'wamp.error.invalid_argument';
const MAX_DURATION_MS = 600000;
const CACHED_PROBLEMS = 4;

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.SWITCHBOARD_WAMP_URL || 'ws://127.0.0.1:8080/ws' },
    realm: { type: 'string', default: process.env.SWITCHBOARD_WAMP_REALM || 'realm1' },
    authid: { type: 'string', default: process.env.SWITCHBOARD_AUTHID },
    'instance-id': { type: 'string', default: `node-worker-${os.hostname()}-${crypto.randomBytes(3).toString('hex')}` },
  },
});
const instanceId = options['instance-id'];

const problems = new Map(); // problemId -> distance matrix, least recently used first
const load = { activeCalls: 0, proposals: 0 };

function invalid(message) {
  return new autobahn.Error(INVALID_ARGUMENT, [message]);
}

function parse(request) {
  const { problemId, tour, t0, t1, durationMs } = request || {};
  const seed = request && request.seed !== undefined ? Number(request.seed) : 0;
  if (typeof problemId !== 'string' || !Array.isArray(tour) || !(Number(t0) > 0) || !(Number(t1) > 0)
      || !Number.isFinite(Number(durationMs)) || !Number.isFinite(seed)) {
    throw invalid('expected {problemId, tour, t0, t1, durationMs, seed} with positive temperatures');
  }
  if (durationMs < 0 || durationMs > MAX_DURATION_MS) {
    throw invalid(`durationMs must be within 0..${MAX_DURATION_MS}`);
  }
  return { problemId, tour: tour.map(Number), t0: Number(t0), t1: Number(t1), durationMs: Number(durationMs), seed };
}

async function problem(session, problemId) {
  if (problems.has(problemId)) {
    const cached = problems.get(problemId);
    problems.delete(problemId);
    problems.set(problemId, cached);
    return cached;
  }
  let answer;
  try {
    answer = await session.call(PROBLEM_GET, [], { problemId });
  } catch (e) {
    throw invalid(`unknown problem ${problemId}: ${PROBLEM_GET} answered ${e.error || e}`);
  }
  if (answer instanceof autobahn.Result) {
    answer = answer.kwargs && Object.keys(answer.kwargs).length ? answer.kwargs : answer.args[0];
  }
  if (!answer || !Array.isArray(answer.cities) || answer.cities.length < 3) {
    throw invalid(`problem ${problemId} from ${PROBLEM_GET} has no cities`);
  }
  const matrix = annealer.distanceMatrix(answer.cities.map(([x, y]) => [Number(x), Number(y)]));
  problems.set(problemId, matrix);
  while (problems.size > CACHED_PROBLEMS) problems.delete(problems.keys().next().value);
  return matrix;
}

function annealEndpoint(session) {
  return async (args, kwargs) => {
    const request = kwargs && Object.keys(kwargs).length ? kwargs : (args || [])[0];
    const { problemId, tour, t0, t1, durationMs, seed } = parse(request);
    const matrix = await problem(session, problemId);
    if (!annealer.isPermutation(tour, matrix.n)) {
      throw invalid(`tour is not a permutation of 0..${matrix.n - 1}`);
    }
    load.activeCalls++;
    let counted = 0;
    try {
      const result = await annealer.anneal(matrix, tour, t0, t1, durationMs, seed, () => !session.isOpen,
        (total) => { load.proposals += total - counted; counted = total; });
      result.instanceId = instanceId;
      return new autobahn.Result([result], result);
    } finally {
      load.activeCalls--;
    }
  };
}

function loadSampler() {
  let last = { at: performance.now(), proposals: 0, cpu: process.cpuUsage(), system: systemCpu() };
  return () => {
    const now = { at: performance.now(), proposals: load.proposals, cpu: process.cpuUsage(), system: systemCpu() };
    const wallMs = Math.max(now.at - last.at, 1);
    const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
    const cpuMicros = now.cpu.user - last.cpu.user + now.cpu.system - last.cpu.system;
    const busy = now.system.busy - last.system.busy;
    const total = now.system.total - last.system.total;
    const sample = {
      instanceId, kind: 'service',
      cpuProcess: Math.min(1, cpuMicros / 1000 / wallMs / cores),
      cpuSystem: total > 0 ? busy / total : null,
      cores, activeCalls: load.activeCalls,
      proposalsPerSec: Math.floor((now.proposals - last.proposals) * 1000 / wallMs),
      heapUsed: process.memoryUsage().heapUsed,
    };
    last = now;
    return sample;
  };
}

function systemCpu() {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, idle, irq } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + idle + irq;
  }
  return { busy, total };
}

const connection = new autobahn.Connection({
  url: options.url,
  realm: options.realm,
  ...(options.authid ? {
    authmethods: ['ticket'],
    authid: options.authid,
    onchallenge: (session, method) => {
      if (method === 'ticket') return process.env.SWITCHBOARD_TICKET || '';
      throw new Error(`cannot answer ${method}`);
    },
  } : {}),
  max_retries: -1,
  max_retry_delay: 10,
});

let loadTimer;
let stopping = false;
connection.onopen = async (session) => {
  try {
    await session.register(ANNEAL, annealEndpoint(session), { invoke: 'roundrobin', concurrency: 1 });
    console.log(`${instanceId}: registered ${ANNEAL} on ${options.realm}`);
  } catch (e) {
    console.error(`${instanceId}: cannot register ${ANNEAL}: ${e.error || e}`);
    connection.close();
    process.exitCode = 1;
    return;
  }
  const sample = loadSampler();
  clearInterval(loadTimer);
  loadTimer = setInterval(() => {
    if (session.isOpen) {
      const event = sample();
      session.publish(LOAD, [event], event);
    }
  }, 1000);
};
connection.onclose = (reason, details) => {
  clearInterval(loadTimer);
  if (!stopping && !details.will_retry) {
    // Autobahn|JS retries lost connections itself, but not one the router closed (e.g. GOODBYE on its shutdown)
    console.log(`${instanceId}: connection closed (${details.reason || reason}); connecting again in 2 s`);
    setTimeout(() => { if (!stopping) connection.open(); }, 2000);
  }
  return stopping; // true: no automatic retry
};

function stop() {
  stopping = true;
  clearInterval(loadTimer);
  try { connection.close(); } catch (e) { /* not open */ }
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
connection.open();
