// Runs a refresh now and then every few seconds, one at a time, until the page is left.

export function every(millis, refresh) {
  let stopped = false;
  let timer = null;
  const run = async () => {
    try {
      await refresh();
    } finally {
      if (!stopped) {
        timer = setTimeout(run, millis);
      }
    }
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Per-second rates from two readings of counters: null until a second reading. */
export class Rates {
  constructor() {
    this.last = null;
  }

  /** `counters` maps a name to a count; answers name to events per second since the last call. */
  next(counters) {
    const now = performance.now();
    const rates = {};
    if (this.last) {
      const seconds = (now - this.last.at) / 1000;
      for (const [name, count] of Object.entries(counters)) {
        const before = this.last.counters[name];
        rates[name] = before === undefined || seconds <= 0 ? null : Math.max(0, (count - before) / seconds);
      }
    }
    this.last = { at: now, counters };
    return rates;
  }
}

export function rate(value) {
  return value === null || value === undefined ? '—' : `${value.toFixed(value < 10 ? 1 : 0)}/s`;
}
