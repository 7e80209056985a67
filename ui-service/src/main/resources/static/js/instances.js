// The compute instances table: one row per instance that published tsp.compute.load in the last GONE_AFTER_MS,
// with a CPU sparkline of its last minute, proposals/s, active calls and when it joined; and the totals.

import { compact } from './charts.js';

export const GONE_AFTER_MS = 3000;
const SPARK_POINTS = 60;

export class Instances {
  constructor(tbody, totals) {
    this.tbody = tbody;
    this.totals = totals; // {count, cpu, pps, active}
    this.instances = new Map(); // instanceId -> {kind, cores, joined, heard, samples: [{cpu, pps, active}], row}
  }

  /** Seeds from tsp.ui.history's instances; serverNow is its `now` (the server's clock). */
  seed(instances, serverNow) {
    const shift = Date.now() - serverNow;
    for (const h of instances) {
      if (serverNow - h.lastSeen > GONE_AFTER_MS) continue; // left already
      const samples = h.samples.slice(-SPARK_POINTS).map(([, cpu, pps, active]) => ({ cpu, pps, active }));
      const known = this.instances.get(h.instanceId);
      if (known) {
        known.samples = samples.concat(known.samples).slice(-SPARK_POINTS);
        known.joined = Math.min(known.joined, h.firstSeen + shift);
      } else {
        this.instances.set(h.instanceId, { kind: h.kind, cores: h.cores, joined: h.firstSeen + shift,
          heard: h.lastSeen + shift, samples, row: null });
      }
    }
    this.render();
  }

  /** A tsp.compute.load event. */
  onLoad(load) {
    if (!load || typeof load.instanceId !== 'string') return;
    let instance = this.instances.get(load.instanceId);
    if (!instance) {
      instance = { joined: Date.now(), samples: [], row: null };
      this.instances.set(load.instanceId, instance);
    }
    instance.kind = load.kind === 'browser' ? 'browser' : 'service';
    instance.cores = load.cores;
    instance.heard = Date.now();
    instance.samples.push({ cpu: load.cpuProcess, pps: load.proposalsPerSec || 0, active: load.activeCalls || 0 });
    if (instance.samples.length > SPARK_POINTS) instance.samples.shift();
  }

  /** Drops instances not heard from for GONE_AFTER_MS (or all of them), then redraws. */
  prune(all = false) {
    const now = Date.now();
    for (const [id, instance] of this.instances) {
      if (all || now - instance.heard > GONE_AFTER_MS) {
        if (instance.row) instance.row.remove();
        this.instances.delete(id);
      }
    }
  }

  get count() {
    return this.instances.size;
  }

  /** The latest proposals/s summed over the live instances. */
  totalProposalsPerSec() {
    let sum = 0;
    for (const instance of this.instances.values()) sum += latest(instance).pps || 0;
    return sum;
  }

  render() {
    const ids = [...this.instances.keys()].sort();
    let cpuSum = 0, cpuCount = 0, pps = 0, active = 0;
    for (const id of ids) {
      const instance = this.instances.get(id);
      if (!instance.row) instance.row = this.#newRow(id);
      const last = latest(instance);
      const cells = instance.row.cells;
      cells[0].querySelector('.kind').textContent = instance.kind;
      cells[0].querySelector('.kind').className = `kind kind-${instance.kind}`;
      drawSpark(cells[1].firstChild, instance.samples.map((s) => s.cpu));
      cells[2].textContent = typeof last.cpu === 'number' ? `${Math.round(last.cpu * 100)}%` : '–';
      cells[3].textContent = compact(last.pps || 0);
      cells[4].textContent = String(last.active || 0);
      cells[5].textContent = joinedText(instance.joined);
      cells[5].title = new Date(instance.joined).toLocaleString();
      this.tbody.appendChild(instance.row); // keeps the rows sorted
      if (typeof last.cpu === 'number') {
        cpuSum += last.cpu;
        cpuCount++;
      }
      pps += last.pps || 0;
      active += last.active || 0;
    }
    const services = [...this.instances.values()].filter((i) => i.kind !== 'browser').length;
    this.totals.count.textContent = `${ids.length} (${services} service, ${ids.length - services} browser)`;
    this.totals.count.dataset.count = String(ids.length);
    this.totals.cpu.textContent = cpuCount ? `${Math.round((cpuSum / cpuCount) * 100)}% avg` : '–';
    this.totals.pps.textContent = compact(pps);
    this.totals.active.textContent = String(active);
  }

  #newRow(id) {
    const row = document.createElement('tr');
    row.dataset.instanceId = id;
    row.innerHTML = '<td><span class="id"></span><span class="kind"></span></td><td><canvas class="spark"></canvas></td>'
      + '<td class="num cpu"></td><td class="num pps"></td><td class="num active"></td><td class="joined"></td>';
    row.querySelector('.id').textContent = id;
    return row;
  }
}

function latest(instance) {
  return instance.samples[instance.samples.length - 1] || {};
}

function joinedText(joined) {
  const seconds = Math.max(0, Math.round((Date.now() - joined) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  return new Date(joined).toLocaleTimeString();
}

/** CPU (0..1) as a small line chart. */
function drawSpark(canvas, values) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(90 * ratio);
  const height = Math.round(22 * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, width, height);
  g.strokeStyle = '#dde1e8';
  g.strokeRect(0.5, 0.5, width - 1, height - 1);
  const points = values.map((v) => (typeof v === 'number' ? v : null));
  g.beginPath();
  let started = false;
  points.forEach((v, i) => {
    if (v === null) return;
    const x = width - (points.length - 1 - i) * (width / (SPARK_POINTS - 1));
    const y = height - 1 - Math.min(1, Math.max(0, v)) * (height - 2);
    if (started) g.lineTo(x, y);
    else g.moveTo(x, y);
    started = true;
  });
  g.strokeStyle = '#1c8a4a';
  g.lineWidth = ratio;
  g.stroke();
}
