// Donate CPU: turns this tab into compute instances, one Web Worker per chosen core, each with its own WAMP
// session serving tsp.compute.anneal (see donor-worker.js). Stopping, or closing the tab, removes them: a stopped
// worker says GOODBYE; a closed tab's sockets close, and the router drops their registrations.

export class Donor {
  /** @param onUpdate called with the summed stats whenever a worker reports */
  constructor(onUpdate) {
    this.onUpdate = onUpdate;
    this.workers = [];
    this.tabId = Math.random().toString(36).slice(2, 8);
    addEventListener('pagehide', () => this.#terminate());
  }

  static defaultWorkers() {
    return Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
  }

  get running() {
    return this.workers.length > 0;
  }

  /** Starts count workers connecting with these session options ({url, realm, authmethods, authid, secret}). */
  start(count, connection) {
    if (this.running) return;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./donor-worker.js', import.meta.url), { type: 'module' });
      const entry = { worker, state: 'connecting', stats: null };
      worker.onmessage = (event) => this.#report(entry, event.data);
      worker.onerror = (event) => {
        entry.state = 'failed';
        entry.reason = event.message;
        this.#update();
      };
      worker.postMessage({ type: 'start', connection, instanceId: `browser-${this.tabId}-${i + 1}` });
      this.workers.push(entry);
    }
    this.#update();
  }

  /** Asks every worker to leave its session, then ends them (after at most 2 s). */
  async stop() {
    const entries = this.workers;
    this.workers = [];
    await Promise.all(entries.map((entry) => new Promise((resolve) => {
      const done = () => {
        entry.worker.terminate();
        resolve();
      };
      entry.stopped = done;
      entry.worker.postMessage({ type: 'stop' });
      setTimeout(done, 2000);
    })));
    this.#update();
  }

  #terminate() {
    for (const entry of this.workers) entry.worker.terminate();
    this.workers = [];
  }

  #report(entry, message) {
    if (message.type === 'state') {
      entry.state = message.state;
      entry.reason = message.reason;
      if (message.state !== 'open') entry.registered = false;
    } else if (message.type === 'registered') {
      entry.registered = true;
    } else if (message.type === 'stats') {
      entry.stats = message;
    } else if (message.type === 'stopped' && entry.stopped) {
      entry.stopped();
    }
    this.#update();
  }

  #update() {
    const totals = { workers: this.workers.length, connected: 0, calls: 0, proposalsPerSec: 0, best: null, failed: null };
    for (const entry of this.workers) {
      if (entry.state === 'open' && entry.registered) totals.connected++;
      if (entry.state === 'failed' || entry.state === 'closed') totals.failed = entry.reason || entry.state;
      const stats = entry.stats;
      if (!stats) continue;
      totals.calls += stats.calls;
      totals.proposalsPerSec += stats.proposalsPerSec;
      if (stats.best && (!totals.best || stats.best.length < totals.best.length)) totals.best = stats.best;
    }
    this.onUpdate(totals);
  }
}
