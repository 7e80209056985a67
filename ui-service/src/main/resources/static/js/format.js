// Number and time formats shared by the dashboard's views.

export function integer(value) {
  return value === null || value === undefined ? '–' : Math.round(value).toLocaleString('en-US');
}

export function seconds(ms) {
  return ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
}

export function percent(value) {
  return value === null || value === undefined ? '–' : `${value.toFixed(2)} %`;
}

export function clock(epochMs) {
  return epochMs ? new Date(epochMs).toLocaleTimeString() : '–';
}

/** The gap in percent, from the state's gap or its length and optimum. */
export function gapOf(state) {
  if (typeof state.gap === 'number') return state.gap;
  if (typeof state.length === 'number' && typeof state.optimum === 'number' && state.optimum > 0) {
    return ((state.length - state.optimum) / state.optimum) * 100;
  }
  return null;
}
