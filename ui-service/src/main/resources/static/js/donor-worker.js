// A browser compute instance: one Web Worker with its own WAMP session that serves tsp.compute.anneal with the
// JavaScript kernel on the shared registration (invoke: roundrobin, concurrency: 1), fetches problems with
// tsp.problem.get (cached), and publishes tsp.compute.load with kind "browser" every second.
//
// The kernel runs in slices of SLICE_MS and returns to the event loop between them, so an INTERRUPT (the
// orchestrator cancelling the call) is seen and the call stops well within 50 ms.
//
// Messages from the page: {type: 'start', connection, instanceId}, {type: 'stop'}.
// Messages to the page:   {type: 'state', state, reason?}, {type: 'registered'}, {type: 'stats', ...} every second,
//                          {type: 'stopped'}.

import { WampError, WampResult, WampSession } from './wamp/session.js';
import { AnnealingRun, PreparedProblem } from './kernel.js';

const SLICE_MS = 10;
const CACHED_PROBLEMS = 3;
const MAX_DURATION_MS = 600000;
const ANNEAL = 'tsp.compute.anneal';

let session = null;
let instanceId = null;
let loadTimer = null;
let registered = false; // load is published only by a worker that serves
const problems = new Map(); // problemId -> Promise<PreparedProblem>, least recently used first
const stats = { calls: 0, failed: 0, activeCalls: 0, proposals: 0, busyMs: 0, best: null };
let lastSample = { at: performance.now(), proposals: 0, busyMs: 0 };

/** Yields to the event loop without the 4 ms clamp of nested timers. */
const channel = new MessageChannel();
const yielders = [];
channel.port1.onmessage = () => yielders.shift()();
const yieldToEventLoop = () => new Promise((resolve) => {
  yielders.push(resolve);
  channel.port2.postMessage(0);
});

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'start') {
    instanceId = message.instanceId;
    start(message.connection);
  } else if (message.type === 'stop') {
    clearInterval(loadTimer);
    if (session) await session.close().catch(() => {});
    self.postMessage({ type: 'stopped' });
  }
};

function start(connection) {
  session = new WampSession(connection);
  session.onstatechange = (state, detail) => self.postMessage({ type: 'state', state, reason: detail.reason });
  // registered once the session is open (so a refusal is reported); the client renews it after a reconnect
  session.open()
    .then(() => session.register(ANNEAL, anneal, { invoke: 'roundrobin', concurrency: 1 }))
    .then(() => {
      registered = true;
      self.postMessage({ type: 'registered' });
    })
    .catch((e) => self.postMessage({ type: 'state', state: 'failed', reason: e.message }));
  loadTimer = setInterval(publishLoad, 1000);
}

function invalid(message) {
  return new WampError('wamp.error.invalid_argument', [message]);
}

/** Reads {problemId, tour, t0, t1, durationMs, seed} from kwargs (or a dict in args[0]). */
function parseRequest(args, kwargs) {
  const request = Object.keys(kwargs).length > 0 ? kwargs : args[0];
  if (!request || typeof request !== 'object') {
    throw invalid(`${ANNEAL} needs kwargs {problemId, tour, t0, t1, durationMs, seed}`);
  }
  const { problemId, tour, t0, t1, durationMs, seed = 0 } = request;
  if (typeof problemId !== 'string' || problemId.trim() === '') throw invalid('problemId must be a non-empty string');
  if (!Array.isArray(tour)) throw invalid('tour must be a list of city indexes');
  for (const name of ['t0', 't1', 'durationMs']) {
    if (typeof request[name] !== 'number' || !Number.isFinite(request[name])) throw invalid(`${name} must be a number`);
  }
  if (!Number.isInteger(durationMs) || durationMs < 0 || durationMs > MAX_DURATION_MS) {
    throw invalid(`durationMs must be a whole number from 0 to ${MAX_DURATION_MS}, got ${durationMs}`);
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw invalid('seed must be an integer');
  return { problemId, tour, t0, t1, durationMs, seed };
}

/** The prepared problem, fetched with tsp.problem.get on first sight. */
function problem(problemId) {
  let entry = problems.get(problemId);
  if (entry) {
    problems.delete(problemId);
    problems.set(problemId, entry);
    return entry;
  }
  entry = session.call('tsp.problem.get', [], { problemId }, { timeout: 30000 }).then(({ args, kwargs }) => {
    const payload = Object.keys(kwargs).length > 0 ? kwargs : args[0];
    if (!payload || !Array.isArray(payload.cities)) throw new Error('the answer has no cities');
    return new PreparedProblem(payload.cities);
  }).catch((e) => {
    problems.delete(problemId);
    throw invalid(`unknown problem ${problemId}: ${e.message}`);
  });
  problems.set(problemId, entry);
  while (problems.size > CACHED_PROBLEMS) problems.delete(problems.keys().next().value);
  return entry;
}

async function anneal(args, kwargs, details) {
  const request = parseRequest(args, kwargs);
  stats.activeCalls++;
  try {
    const prepared = await problem(request.problemId);
    let run;
    try {
      run = new AnnealingRun(prepared, request.tour, request);
    } catch (e) {
      throw invalid(`problem ${request.problemId} has ${prepared.n} cities: ${e.message}`);
    }
    const cancel = () => run.cancel();
    details.signal.addEventListener('abort', cancel);
    try {
      let done = false;
      while (!done) {
        const before = run.proposals;
        const sliceStart = performance.now();
        done = run.step(SLICE_MS);
        stats.busyMs += performance.now() - sliceStart;
        stats.proposals += run.proposals - before;
        if (!done) await yieldToEventLoop();
      }
    } finally {
      details.signal.removeEventListener('abort', cancel);
    }
    const outcome = run.result();
    stats.calls++;
    if (!stats.best || stats.best.problemId !== request.problemId || outcome.length < stats.best.length) {
      stats.best = { problemId: request.problemId, length: outcome.length, tour: outcome.tour };
    }
    const result = {
      tour: outcome.tour, length: outcome.length, proposals: outcome.proposals, accepted: outcome.accepted,
      elapsedMs: outcome.elapsedMs, instanceId,
    };
    return new WampResult([result], result);
  } catch (e) {
    stats.failed++;
    throw e;
  } finally {
    stats.activeCalls--;
  }
}

function publishLoad() {
  const now = performance.now();
  const seconds = Math.max(0.001, (now - lastSample.at) / 1000);
  const proposalsPerSec = Math.round((stats.proposals - lastSample.proposals) / seconds);
  const cpuProcess = Math.min(1, (stats.busyMs - lastSample.busyMs) / (seconds * 1000));
  lastSample = { at: now, proposals: stats.proposals, busyMs: stats.busyMs };
  const load = {
    instanceId, kind: 'browser', cpuProcess, cpuSystem: null, cores: 1, activeCalls: stats.activeCalls,
    proposalsPerSec, heapUsed: null, calls: stats.calls,
  };
  if (registered && session && session.isOpen) session.publish('tsp.compute.load', [load], load).catch(() => {});
  self.postMessage({
    type: 'stats', calls: stats.calls, failed: stats.failed, activeCalls: stats.activeCalls, proposalsPerSec,
    cpu: cpuProcess, best: stats.best,
  });
}
