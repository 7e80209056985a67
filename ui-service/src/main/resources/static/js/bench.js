// The kernel benchmark page: times the JavaScript kernel in a Worker on TSPLIB problems fetched from the
// orchestrator, and prints one JSON line per problem (proposals per second, whole call and sliced).

import { WampSession } from './wamp/session.js';

const params = new URLSearchParams(location.search);
const names = (params.get('problems') || 'berlin52,pr1002').split(',');
const seconds = Number(params.get('seconds') || 2);
const results = document.getElementById('results');

async function run() {
  document.getElementById('run').disabled = true;
  results.dataset.done = 'false';
  results.textContent = '';
  const config = await fetch('config.json').then((r) => r.json());
  config.routerUrl = new URL(config.routerUrl, location.href.replace(/^http/, 'ws')).href;
  const session = new WampSession({ url: config.routerUrl, realm: config.realm, reconnect: false });
  await session.open();
  const worker = new Worker(new URL('./bench-worker.js', import.meta.url), { type: 'module' });
  for (const name of names) {
    const { args, kwargs } = await session.call('tsp.problem.get', [], { problemId: `tsplib:${name}` });
    const problem = Object.keys(kwargs).length ? kwargs : args[0];
    const line = await new Promise((resolve) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.postMessage({ name, cities: problem.cities, durationMs: seconds * 1000 });
    });
    results.textContent += `${JSON.stringify(line)}\n`;
  }
  worker.terminate();
  await session.close();
  results.dataset.done = 'true';
  document.getElementById('run').disabled = false;
}

document.getElementById('run').addEventListener('click', run);
if (params.has('auto')) run();
