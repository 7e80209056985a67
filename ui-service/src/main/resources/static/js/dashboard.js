// The dashboard page: connects to the router named in /config.json, shows the running run (route, figures,
// charts), the compute instances and the recent runs, starts and stops runs, and donates this tab's CPU.
// Everything arrives over WAMP: tsp.* procedures of the orchestrator, tsp.ui.history of the ui-service backend
// (what happened before this page opened), and the tsp.run.* and tsp.compute.load topics.

import { WampSession } from './wamp/session.js';
import { parseTspLib } from './tsplib.js';
import { RouteView } from './route-view.js';
import { Charts } from './charts.js';
import { Instances } from './instances.js';
import { RunsTable } from './runs-table.js';
import { Donor } from './donor.js';
import { gapOf, integer, percent, seconds } from './format.js';

const $ = (id) => document.getElementById(id);
const NO_COMPUTE_GRACE_MS = 3500;

/** A result's or event's dict: its kwargs, or args[0] for publishers that send no kwargs. */
const dictOf = (args, kwargs) => (kwargs && Object.keys(kwargs).length > 0 ? kwargs : (args && args[0]) || {});

const config = await fetch('config.json').then((response) => {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}).catch((e) => {
  $('banner-connection').hidden = false;
  $('banner-connection').textContent = `The dashboard's settings (config.json) could not be loaded: ${e.message}. Reload the page.`;
  $('connection-state').textContent = 'not connected';
  throw e;
});
// a path (e.g. /ws behind an Ingress) means the router is reached through the page's own host
config.routerUrl = new URL(config.routerUrl, location.href.replace(/^http/, 'ws')).href;
const route = new RouteView($('route-canvas'));
const charts = new Charts($('chart-best'), $('chart-rate'));
const instances = new Instances($('instances-body'), {
  count: $('instance-count'), cpu: $('total-cpu'), pps: $('total-pps'), active: $('total-active'),
});
const runs = new RunsTable($('history-body'));
const donor = new Donor(showDonation);
const problems = new Map(); // problemId -> Promise<cities>
let session = null;
let connection = null; // the session options, for the donor workers too
let joinedAt = 0;
let current = null; // the run on screen: its latest state, plus its best tour
let ownRun = false; // whether this page started the run on screen and waits for its result
let callError = null; // why this page's last tsp.solve failed without a run state saying so

// ---- connecting -----------------------------------------------------------------------------------------------

function connect(credentials) {
  connection = { url: config.routerUrl, realm: config.realm };
  if (credentials) Object.assign(connection, { authmethods: [config.auth.method], ...credentials });
  session = new WampSession(connection);
  session.onstatechange = showConnection;
  session.onopen = joined;
  session.subscribe('tsp.compute.load', (args, kwargs) => instances.onLoad(dictOf(args, kwargs)));
  session.subscribe('tsp.run.started', (args, kwargs) => onRunState(dictOf(args, kwargs)));
  session.subscribe('tsp.run.progress', (args, kwargs) => onRunState(dictOf(args, kwargs)));
  session.subscribe('tsp.run.finished', (args, kwargs) => onRunState(dictOf(args, kwargs)));
  session.subscribe('tsp.run.best', (args, kwargs) => onBest(dictOf(args, kwargs)));
  session.open().catch((e) => {
    if (credentials) {
      $('login').hidden = false;
      $('login-error').hidden = false;
      $('login-error').textContent = `Could not sign in: ${e.message}`;
    }
  });
}

function showConnection(state, detail) {
  const pill = $('connection-state');
  pill.dataset.state = state;
  pill.className = `pill pill-${state}`;
  const banner = $('banner-connection');
  if (state === 'open') {
    pill.textContent = `connected to ${config.realm}`;
    banner.hidden = true;
  } else if (state === 'connecting') {
    pill.textContent = 'connecting…';
  } else if (state === 'reconnecting') {
    pill.textContent = 'reconnecting…';
    banner.hidden = false;
    banner.textContent = `The connection to the router (${config.routerUrl}) was lost: ${detail.reason || ''}. `
      + `Reconnecting${detail.delayMs !== undefined ? ` in ${seconds(detail.delayMs)}` : ''} (attempt ${detail.attempt || 1})…`;
  } else {
    pill.textContent = 'not connected';
    banner.hidden = false;
    banner.textContent = `Not connected to the router: ${detail.message || detail.reason || 'closed'}.`;
  }
  $('start').disabled = state !== 'open' || ownRun;
}

async function joined() {
  joinedAt = Date.now();
  await Promise.allSettled([loadHistory(), loadProblems(), loadRuns()]);
}

/** What the ui-service backend heard before this page opened: load, runs, the running run's best tour. */
async function loadHistory() {
  let history;
  try {
    const { args, kwargs } = await session.call('tsp.ui.history', [], {}, { timeout: 5000 });
    history = dictOf(args, kwargs);
  } catch (e) {
    console.info('no dashboard history', e.message);
    return;
  }
  instances.seed(history.instances || [], history.now);
  const perSecond = new Map();
  for (const instance of history.instances || []) {
    for (const [t, , pps] of instance.samples) {
      const second = Math.floor(t / 1000);
      perSecond.set(second, (perSecond.get(second) || 0) + (pps || 0));
    }
  }
  const shift = (Date.now() - history.now) / 1000;
  charts.setRate([...perSecond.entries()].sort((a, b) => a[0] - b[0]).map(([s, pps]) => [s + shift, pps]));
  runs.merge(history.runs || []);
  const newest = (history.runs || [])[0];
  if (newest && (!current || current.runId === newest.runId)) {
    showRun(newest);
    const best = history.best;
    if (best && best.runId === newest.runId) onBest(best);
    if (history.bestSeriesRunId === newest.runId) {
      charts.resetBest((history.bestSeries || []).map(([t, length]) => [(t - newest.startedAt) / 1000, length]));
    }
  }
}

async function loadProblems() {
  const select = $('tsplib-select');
  try {
    const { args, kwargs } = await session.call('tsp.problems.list', [], {}, { timeout: 5000 });
    const list = dictOf(args, kwargs).problems || [];
    const chosen = select.value || 'berlin52';
    select.replaceChildren(...list.map((p) => {
      const option = new Option(`${p.name} (${p.n} cities${p.optimum ? `, optimum ${integer(p.optimum)}` : ''})`, p.name);
      option.selected = p.name === chosen;
      return option;
    }));
  } catch (e) {
    select.replaceChildren(new Option('no orchestrator answers tsp.problems.list', ''));
    setTimeout(() => session.isOpen && loadProblems(), 5000);
  }
}

async function loadRuns() {
  try {
    const { args, kwargs } = await session.call('tsp.runs.list', [], { limit: 20 }, { timeout: 5000 });
    const list = dictOf(args, kwargs).runs || [];
    runs.merge(list);
    const running = list.find((r) => r.state === 'running' || r.state === 'queued');
    if (running && (!current || current.runId !== running.runId)) showRun(running);
    if (running && !current.tour) {
      const full = await session.call('tsp.runs.get', [], { runId: running.runId }, { timeout: 5000 });
      onRunState(dictOf(full.args, full.kwargs));
    }
  } catch (e) {
    console.info('tsp.runs.list failed', e.message);
  }
}

// ---- the run on screen ----------------------------------------------------------------------------------------

function cities(problemId) {
  if (!problems.has(problemId)) {
    problems.set(problemId, session.call('tsp.problem.get', [], { problemId }, { timeout: 10000 })
      .then(({ args, kwargs }) => dictOf(args, kwargs).cities)
      .catch((e) => {
        problems.delete(problemId);
        throw e;
      }));
  }
  return problems.get(problemId);
}

/** Puts a run on screen (a newer run replaces the one shown). */
function showRun(state) {
  current = { ...state, tour: state.tour || null };
  charts.resetBest();
  route.setCities(null);
  $('run-name').textContent = `${state.name || state.problemId}${state.n ? ` · ${state.n} cities` : ''}`;
  cities(state.problemId).then((list) => {
    if (current && current.problemId === state.problemId) {
      route.setCities(list);
      if (current.tour) route.setTour(current.tour);
    }
  }).catch((e) => console.warn(`cities of ${state.problemId}`, e.message));
  renderRun();
}

function isNewer(state) {
  return !current || (state.startedAt || 0) > (current.startedAt || 0);
}

function onRunState(state) {
  if (!state || !state.runId) return;
  runs.merge([state]);
  if (!current || state.runId !== current.runId) {
    if (!isNewer(state)) return;
    showRun(state);
  }
  const tour = state.tour || current.tour;
  current = { ...current, ...state, tour };
  if (state.tour) route.setTour(state.tour);
  if (typeof state.length === 'number') charts.addBest((state.elapsedMs || 0) / 1000, state.length);
  renderRun();
}

function onBest(best) {
  if (!best || !best.runId) return;
  if (!current || best.runId !== current.runId) return; // its run's state comes first
  if (typeof current.length === 'number' && best.length > current.length) return; // an older event
  Object.assign(current, { length: best.length, tour: best.tour });
  if (typeof best.gap === 'number') current.gap = best.gap;
  route.setTour(best.tour);
  charts.addBest((best.elapsedMs || 0) / 1000, best.length);
  renderRun();
}

function showFailure() {
  const failed = $('banner-failed');
  const runFailed = current && current.state === 'failed';
  failed.hidden = !runFailed && !callError;
  if (runFailed) failed.textContent = `Run ${current.runId} failed: ${current.error || 'no reason given'}`;
  else if (callError) failed.textContent = `The run failed: ${callError}`;
}

function renderRun() {
  const run = current;
  showFailure();
  if (!run) return;
  $('best-length').textContent = integer(run.length);
  $('best-length').dataset.length = typeof run.length === 'number' ? String(run.length) : '';
  $('gap').textContent = percent(gapOf(run));
  $('elapsed').textContent = `${seconds(run.elapsedMs)} / ${seconds(run.budgetMs)}`;
  $('temperature').textContent = typeof run.temperature === 'number' ? run.temperature.toPrecision(3) : '–';
  $('run-state').textContent = run.state || '–';
  $('run-state').className = `state-${run.state}`;
  $('callees').textContent = `${run.callees ?? '–'} / ${run.callsInFlight ?? '–'}`;
  $('callees').dataset.callees = run.callees ?? '';
  showFailure();
  $('stop').disabled = !(run.state === 'running' || run.state === 'queued');
}

// ---- starting and stopping ------------------------------------------------------------------------------------

function formError(message) {
  $('form-error').hidden = !message;
  $('form-error').textContent = message || '';
}

/** The tsp.solve kwargs from the form, or throws an Error saying what to fix. */
async function readForm() {
  const budget = Number($('budget').value);
  if (!(budget >= 0.1 && budget <= 240)) throw new Error('The budget must be between 0.1 and 240 seconds.');
  const kwargs = { budgetMs: Math.round(budget * 1000), strategy: $('strategy').value };
  const source = document.querySelector('input[name=source]:checked').value;
  if (source === 'tsplib') {
    if (!$('tsplib-select').value) throw new Error('Choose a TSPLIB instance (none is offered yet: is the orchestrator running?).');
    kwargs.problem = { tsplib: $('tsplib-select').value };
  } else if (source === 'random') {
    const n = Number($('random-n').value);
    const seed = Number($('random-seed').value);
    if (!Number.isInteger(n) || n < 3 || n > 100000) throw new Error('n must be a whole number from 3 to 100,000.');
    if (!Number.isSafeInteger(seed)) throw new Error('The seed must be a whole number.');
    kwargs.problem = { random: { n, seed } };
  } else {
    const file = $('file-input').files[0];
    if (!file) throw new Error('Choose a .tsp file to upload.');
    if (file.size > 20 * 1024 * 1024) throw new Error('The file is larger than 20 MB.');
    try {
      kwargs.problem = parseTspLib(await file.text(), file.name.replace(/\.tsp$/i, ''));
    } catch (e) {
      throw new Error(`${file.name}: ${e.message}`);
    }
  }
  return kwargs;
}

async function startRun(event) {
  event.preventDefault();
  formError(null);
  let kwargs;
  try {
    kwargs = await readForm();
  } catch (e) {
    formError(e.message);
    return;
  }
  ownRun = true;
  callError = null;
  $('start').disabled = true;
  try {
    const { args, kwargs: result } = await session.call('tsp.solve', [], kwargs, {
      timeout: kwargs.budgetMs + 120000,
      onProgress: (a, kw) => onRunState(dictOf(a, kw)),
    });
    onRunState(dictOf(args, result));
  } catch (e) {
    if (e.error === 'wamp.error.invalid_argument') {
      formError(e.args[0] || e.message);
    } else if (e.error === 'tsp.error.no_compute') {
      $('banner-no-compute').hidden = false;
      formError('No compute instance answered: start a compute-service or press Donate CPU.');
    } else {
      callError = e.message;
      showFailure();
    }
  } finally {
    ownRun = false;
    $('start').disabled = !session.isOpen;
  }
}

async function stopRun() {
  if (!current) return;
  try {
    const { args, kwargs } = await session.call('tsp.stop', [], { runId: current.runId }, { timeout: 5000 });
    onRunState(dictOf(args, kwargs));
  } catch (e) {
    formError(`Stop failed: ${e.message}`);
  }
}

// ---- donating -------------------------------------------------------------------------------------------------

function showDonation(totals) {
  const button = $('donate-button');
  button.textContent = donor.running ? 'Stop donating' : 'Donate CPU';
  button.classList.toggle('active', donor.running);
  $('donate-cores').disabled = donor.running;
  $('donate-workers').textContent = `${totals.connected} / ${totals.workers}`;
  $('donate-workers').dataset.connected = String(totals.connected);
  $('donate-calls').textContent = integer(totals.calls);
  $('donate-calls').dataset.calls = String(totals.calls);
  $('donate-pps').textContent = integer(totals.proposalsPerSec);
  $('donate-best').textContent = totals.best ? `${integer(totals.best.length)} (${totals.best.problemId})` : '–';
  $('donate-error').hidden = !(totals.failed && donor.running);
  $('donate-error').textContent = totals.failed ? `A worker could not serve: ${totals.failed}` : '';
}

async function toggleDonation() {
  if (donor.running) {
    await donor.stop();
    return;
  }
  const count = Number($('donate-cores').value);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    formError('Workers must be a whole number from 1 to 64.');
    return;
  }
  donor.start(count, connection);
}

// ---- wiring ---------------------------------------------------------------------------------------------------

$('run-form').addEventListener('submit', startRun);
$('stop').addEventListener('click', stopRun);
$('donate-button').addEventListener('click', toggleDonation);
$('donate-cores').value = String(Donor.defaultWorkers());
$('file-input').addEventListener('change', () => {
  document.querySelector('input[name=source][value=file]').checked = true;
});
for (const id of ['random-n', 'random-seed']) {
  $(id).addEventListener('input', () => {
    document.querySelector('input[name=source][value=random]').checked = true;
  });
}

setInterval(() => {
  instances.prune(!session || !session.isOpen);
  instances.render();
  charts.addRate(Date.now() / 1000, instances.totalProposalsPerSec());
  const noCompute = session && session.isOpen && Date.now() - joinedAt > NO_COMPUTE_GRACE_MS && instances.count === 0;
  $('banner-no-compute').hidden = !noCompute;
  renderRun();
}, 1000);

if (config.auth.method === 'anonymous') {
  connect(null);
} else {
  $('login').hidden = false;
  $('login-authid').value = config.auth.authid || '';
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    $('login').hidden = true;
    connect({ authid: $('login-authid').value, secret: $('login-secret').value });
    $('login-secret').value = '';
  });
}
