// Reads a TSPLIB .tsp file of type EUC_2D into {name, cities: [[x, y], ...]}, the inline problem of tsp.solve.
// Errors are TspLibError with a message a user can act on (which line, what is wrong).

export class TspLibError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TspLibError';
  }
}

/** Parses the text of a .tsp file; fallbackName is used when the file has no NAME. */
export function parseTspLib(text, fallbackName = 'uploaded') {
  const lines = String(text).split(/\r?\n/);
  const header = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' ) continue;
    if (/^NODE_COORD_SECTION\b/i.test(line)) break;
    if (/^EOF\b/i.test(line)) throw new TspLibError('the file ends before its NODE_COORD_SECTION');
    if (/^(EDGE_WEIGHT_SECTION|DISPLAY_DATA_SECTION|DEMAND_SECTION)\b/i.test(line)) {
      throw new TspLibError(`line ${i + 1}: ${line.split(/\s/)[0]} is not supported, only EUC_2D coordinates`);
    }
    const match = /^([A-Z_]+)\s*:?\s*(.*)$/i.exec(line);
    if (!match) throw new TspLibError(`line ${i + 1}: expected "KEY : value", got "${line.slice(0, 40)}"`);
    header[match[1].toUpperCase()] = match[2].trim();
  }
  if (i === lines.length) throw new TspLibError('no NODE_COORD_SECTION: is this a TSPLIB .tsp file?');
  if (header.TYPE && !/^TSP\b/i.test(header.TYPE)) {
    throw new TspLibError(`TYPE ${header.TYPE} is not supported, only TSP`);
  }
  const weightType = (header.EDGE_WEIGHT_TYPE || '').toUpperCase();
  if (weightType !== 'EUC_2D') {
    throw new TspLibError(`EDGE_WEIGHT_TYPE ${weightType || '(missing)'} is not supported, only EUC_2D`);
  }
  const dimension = header.DIMENSION === undefined ? undefined : Number(header.DIMENSION);
  if (dimension !== undefined && !(Number.isInteger(dimension) && dimension > 0)) {
    throw new TspLibError(`DIMENSION must be a positive whole number, got "${header.DIMENSION}"`);
  }
  const cities = [];
  for (i++; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (/^EOF\b/i.test(line)) break;
    const parts = line.split(/\s+/);
    if (parts.length < 3) throw new TspLibError(`line ${i + 1}: expected "index x y", got "${line.slice(0, 40)}"`);
    const x = Number(parts[1]);
    const y = Number(parts[2]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new TspLibError(`line ${i + 1}: coordinates must be numbers, got "${parts[1]}" and "${parts[2]}"`);
    }
    cities.push([x, y]);
  }
  if (dimension !== undefined && cities.length !== dimension) {
    throw new TspLibError(`DIMENSION says ${dimension} cities but the file lists ${cities.length}`);
  }
  if (cities.length < 3) throw new TspLibError(`a problem needs at least 3 cities, the file has ${cities.length}`);
  return { name: header.NAME || fallbackName, cities };
}
