// Times the kernel on one problem: one whole call, then the same in 10 ms slices (as donor-worker.js runs it).

import { AnnealingRun, PreparedProblem, suggestedSchedule } from './kernel.js';

function shuffled(n, seed) {
  const tour = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [tour[i], tour[j]] = [tour[j], tour[i]];
  }
  return tour;
}

/** Yields to the event loop as donor-worker.js does: a MessageChannel round trip (no nested-timer clamp). */
const channel = new MessageChannel();
let resume = null;
channel.port1.onmessage = () => resume();
const yieldToEventLoop = () => new Promise((resolve) => {
  resume = resolve;
  channel.port2.postMessage(0);
});

self.onmessage = async ({ data: { name, cities, durationMs } }) => {
  const started = performance.now();
  const problem = new PreparedProblem(cities);
  const prepareMs = performance.now() - started;
  const schedule = suggestedSchedule(problem);
  const start = shuffled(problem.n, 7);
  new AnnealingRun(problem, start, { ...schedule, durationMs: 300, seed: 1 }).step(); // warm-up
  const whole = new AnnealingRun(problem, start, { ...schedule, durationMs, seed: 2 });
  whole.step();
  const wholeResult = whole.result();
  const sliced = new AnnealingRun(problem, start, { ...schedule, durationMs, seed: 3 });
  while (!sliced.step(10)) await yieldToEventLoop();
  const slicedResult = sliced.result();
  self.postMessage({
    problem: name, n: problem.n, prepareMs: Math.round(prepareMs), durationMs,
    proposalsPerSec: Math.round(wholeResult.proposals / (wholeResult.elapsedMs / 1000)),
    slicedProposalsPerSec: Math.round(slicedResult.proposals / (slicedResult.elapsedMs / 1000)),
    startLength: wholeResult.startLength, length: wholeResult.length,
  });
};
