// The two charts, with uPlot (loaded from its WebJar as the global uPlot): the current run's best length over its
// elapsed time, and the proposals per second summed over every compute instance over the last minutes.

const RATE_WINDOW_S = 600;

function size(element) {
  return { width: Math.max(200, element.clientWidth), height: 200 };
}

export class Charts {
  constructor(bestElement, rateElement) {
    this.bestData = [[], []];
    this.rateData = [[], []];
    this.best = new uPlot({
      ...size(bestElement),
      title: 'Best length',
      scales: { x: { time: false } },
      axes: [{ label: 'elapsed s' }, { size: 70 }],
      series: [{ label: 's' }, { label: 'length', stroke: '#2457c5', width: 2, points: { show: false } }],
    }, this.bestData, bestElement);
    this.rate = new uPlot({
      ...size(rateElement),
      title: 'Proposals/s, all instances',
      axes: [{}, { size: 70, values: (u, values) => values.map(compact) }],
      series: [{}, { label: 'proposals/s', stroke: '#7b3fbf', fill: 'rgba(123,63,191,.08)', width: 2,
        points: { show: false }, value: (u, v) => (v == null ? '–' : compact(v)) }],
    }, this.rateData, rateElement);
    new ResizeObserver(() => {
      this.best.setSize(size(bestElement));
      this.rate.setSize(size(rateElement));
    }).observe(bestElement);
  }

  /** Starts the best-length chart over for a run (points are [elapsedSeconds, length]). */
  resetBest(points = []) {
    this.bestData = [points.map((p) => p[0]), points.map((p) => p[1])];
    this.best.setData(this.bestData);
  }

  addBest(elapsedSeconds, length) {
    const [xs, ys] = this.bestData;
    if (ys.length > 0 && ys[ys.length - 1] === length) return;
    if (xs.length > 0 && elapsedSeconds < xs[xs.length - 1]) elapsedSeconds = xs[xs.length - 1];
    xs.push(elapsedSeconds);
    ys.push(length);
    this.best.setData(this.bestData);
  }

  /** Sets the rate series from [[epochSeconds, proposalsPerSec], ...] (the history). */
  setRate(points) {
    this.rateData = [points.map((p) => p[0]), points.map((p) => p[1])];
    this.rate.setData(this.rateData);
  }

  addRate(epochSeconds, proposalsPerSec) {
    const [xs, ys] = this.rateData;
    xs.push(epochSeconds);
    ys.push(proposalsPerSec);
    while (xs.length > 0 && xs[0] < epochSeconds - RATE_WINDOW_S) {
      xs.shift();
      ys.shift();
    }
    this.rate.setData(this.rateData);
  }
}

export function compact(value) {
  if (value >= 1e9) return `${(value / 1e9).toFixed(1)}G`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(0)}k`;
  return String(Math.round(value));
}
