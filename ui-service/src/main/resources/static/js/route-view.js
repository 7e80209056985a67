// Draws the cities and the current best tour on a canvas. Updates only mark the view dirty; one
// requestAnimationFrame callback draws the latest tour, so a burst of tsp.run.best events costs one frame.

export class RouteView {
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.cities = null;
    this.tour = null;
    this.dirty = true;
    this.frames = 0;
    new ResizeObserver(() => this.#invalidate()).observe(canvas);
  }

  /** The cities as [[x, y], ...], or null to clear. */
  setCities(cities) {
    this.cities = cities;
    this.tour = null;
    this.#invalidate();
  }

  /** The tour (a permutation of the city indexes) to draw, or null. */
  setTour(tour) {
    this.tour = tour;
    this.#invalidate();
  }

  #invalidate() {
    if (this.dirty && this.scheduled) return;
    this.dirty = true;
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => {
        this.scheduled = false;
        if (this.dirty) this.#draw();
      });
    }
  }

  #draw() {
    this.dirty = false;
    this.frames++;
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const g = this.context;
    g.clearRect(0, 0, width, height);
    const cities = this.cities;
    if (!cities || cities.length === 0) return;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of cities) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const pad = 10 * ratio;
    const scale = Math.min((width - 2 * pad) / Math.max(maxX - minX, 1e-9), (height - 2 * pad) / Math.max(maxY - minY, 1e-9));
    const offsetX = (width - (maxX - minX) * scale) / 2;
    const offsetY = (height - (maxY - minY) * scale) / 2;
    const px = (x) => offsetX + (x - minX) * scale;
    const py = (y) => height - (offsetY + (y - minY) * scale); // y grows upwards, as on a map

    const tour = this.tour;
    if (tour && tour.length === cities.length) {
      g.beginPath();
      const [x0, y0] = cities[tour[0]];
      g.moveTo(px(x0), py(y0));
      for (let i = 1; i < tour.length; i++) {
        const [x, y] = cities[tour[i]];
        g.lineTo(px(x), py(y));
      }
      g.closePath();
      g.lineWidth = Math.max(1, ratio * (cities.length > 1000 ? 0.8 : 1.4));
      g.strokeStyle = '#2457c5';
      g.stroke();
    }
    const size = Math.max(1.5, ratio * (cities.length > 1000 ? 1.6 : 3));
    g.fillStyle = '#c0392b';
    for (const [x, y] of cities) g.fillRect(px(x) - size / 2, py(y) - size / 2, size, size);
  }
}
