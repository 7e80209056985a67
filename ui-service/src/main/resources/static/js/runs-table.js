// The recent runs table: tsp.runs.list at start, then every run state heard (started, progress, finished).

import { clock, gapOf, integer, percent, seconds } from './format.js';

const MAX_ROWS = 20;

export class RunsTable {
  constructor(tbody) {
    this.tbody = tbody;
    this.runs = new Map(); // runId -> summary
  }

  /** Merges run summaries (newest first or any order) and redraws. */
  merge(states) {
    for (const state of states) {
      if (!state || !state.runId) continue;
      this.runs.set(state.runId, { ...this.runs.get(state.runId), ...state });
    }
    this.render();
  }

  render() {
    const rows = [...this.runs.values()].sort((a, b) => (b.startedAt || 0) - (a.startedAt || 0)).slice(0, MAX_ROWS);
    for (const runId of [...this.runs.keys()]) {
      if (!rows.some((r) => r.runId === runId)) this.runs.delete(runId);
    }
    this.tbody.replaceChildren(...rows.map((run) => {
      const row = document.createElement('tr');
      row.dataset.runId = run.runId;
      const cells = [
        clock(run.startedAt),
        `${run.name || run.problemId || '?'}${run.n ? ` (${run.n})` : ''}`,
        seconds(run.budgetMs),
        run.callees ?? '–',
        run.state || '?',
        integer(run.length),
        percent(gapOf(run)),
      ];
      cells.forEach((text, i) => {
        const cell = document.createElement('td');
        cell.textContent = String(text);
        if ([2, 3, 5, 6].includes(i)) cell.className = 'num';
        if (i === 4) cell.className = `state-${run.state}`;
        if (i === 4 && run.error) cell.title = run.error;
        row.appendChild(cell);
      });
      return row;
    }));
  }
}
