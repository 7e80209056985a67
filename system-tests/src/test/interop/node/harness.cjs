'use strict';
// The runner shared by the Node interop scenarios. A scenario declares named checks; the runner prints one JSON
// line per check on stdout and exits non-zero when any check failed:
//   {"client":"autobahn-js","serializer":"json","url":"ws://…","plan":["rpc.args_kwargs",…]}   first line
//   {"check":"rpc.args_kwargs","status":"pass"|"fail"|"skip","ms":12,"detail":"…"}            one per check
//   {"summary":{"pass":40,"fail":0,"skip":9}}                                                 last line
// Every check has its own timeout, and the whole run a hard one, so a scenario never hangs.
// Command line: --url ws://127.0.0.1:8080/ws --realm realm1 --serializer json|msgpack|cbor [--only regex]
// (or the environment variables WAMP_URL, WAMP_REALM, WAMP_SERIALIZER, INTEROP_ONLY).

const assert = require('node:assert/strict');

function parseOptions(defaults) {
  const options = {
    url: process.env.WAMP_URL,
    realm: process.env.WAMP_REALM || 'realm1',
    serializer: process.env.WAMP_SERIALIZER || 'json',
    only: process.env.INTEROP_ONLY,
    hardTimeoutMs: Number(process.env.INTEROP_HARD_TIMEOUT_MS || defaults.hardTimeoutMs),
  };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!match) {
      usage(`unexpected argument ${argv[i]}`);
    }
    const value = match[2] !== undefined ? match[2] : argv[++i];
    if (value === undefined) {
      usage(`--${match[1]} needs a value`);
    }
    switch (match[1]) {
      case 'url': options.url = value; break;
      case 'realm': options.realm = value; break;
      case 'serializer': options.serializer = value; break;
      case 'only': options.only = value; break;
      case 'hard-timeout-ms': options.hardTimeoutMs = Number(value); break;
      default: usage(`unknown option --${match[1]}`);
    }
  }
  if (!options.url) {
    usage('no router URL (--url or WAMP_URL)');
  }
  if (!defaults.serializers.includes(options.serializer)) {
    usage(`serializer ${options.serializer} is not one of ${defaults.serializers.join(', ')}`);
  }
  return options;
}

function usage(problem) {
  process.stderr.write(`${problem}\nusage: node ${process.argv[1]} --url ws://host:port/ws [--realm realm1] `
      + '[--serializer json|msgpack|cbor] [--only regex]\n');
  process.exit(64);
}

function emit(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

function json(value) {
  try {
    return JSON.stringify(value, (key, v) => (typeof v === 'bigint' ? `${v}n` : v));
  } catch {
    return String(value);
  }
}

/** A readable account of an error or value, with the WAMP error URI and payload where the client keeps them. */
function describe(error) {
  if (error instanceof Error) {
    const uri = error.errorUri || (typeof error.error === 'string' ? error.error : undefined);
    if (uri) {
      const args = error.argsList || error.args;
      const kwargs = error.argsDict || error.kwargs;
      return `${error.name || 'Error'} ${uri} ${json(args ?? [])} ${json(kwargs ?? {})}`;
    }
    return error.message || String(error);
  }
  return json(error);
}

/**
 * A check the third-party client itself cannot express (it leaves out an option it was given, say), with the reason:
 * reported as "skip", not as a failure. Never for a router that misbehaves: that is a failure, whatever the cause.
 */
class Skip extends Error {
}

/** What a check needs: a place to register cleanups and its deadline. */
class CheckContext {
  constructor(name) {
    this.name = name;
    this.cleanups = [];
  }

  /** Runs {@code fn} after the check, passed or failed (latest first). */
  cleanup(fn) {
    this.cleanups.push(fn);
  }

  skip(reason) {
    throw new Skip(reason);
  }
}

class Suite {
  /**
   * @param client      the client's name in the output
   * @param version     the client library's version
   * @param serializers the serializers this client supports
   */
  constructor(client, version, serializers, { hardTimeoutMs = 60000, checkTimeoutMs = 5000 } = {}) {
    this.client = client;
    this.version = version;
    this.options = parseOptions({ serializers, hardTimeoutMs });
    this.checkTimeoutMs = checkTimeoutMs;
    this.checks = [];
    this.requirements = new Map();
    this.results = { pass: 0, fail: 0, skip: 0 };
    this.running = null;
    // URIs unique to this run, so runs of several clients and serializers never meet in the shared realm.
    this.prefix = `interop.${client.replace(/[^a-z0-9]/g, '_')}.${this.options.serializer}.`
        + Math.random().toString(36).slice(2, 10);
  }

  /** A URI under this run's prefix. */
  uri(suffix) {
    return `${this.prefix}.${suffix}`;
  }

  /**
   * A named precondition, probed once before the first check that needs it; the probe returns null or why it is
   * unmet. An unmet requirement fails every check that needs it (with the probe's account): requirements are what the
   * router announces, so a router that does not meet one is broken, not missing an optional feature.
   */
  requirement(name, probe) {
    this.requirements.set(name, { probe, outcome: undefined });
  }

  /** Declares a check, optionally with its own timeout and a requirement (e.g. 'meta') it needs. */
  check(name, fn, { timeoutMs, needs } = {}) {
    this.checks.push({ name, fn, timeoutMs: timeoutMs || this.checkTimeoutMs, needs });
  }

  async run() {
    const hardTimer = setTimeout(() => {
      emit({ fatal: `hard timeout of ${this.options.hardTimeoutMs} ms reached`, running: this.running });
      process.exit(3);
    }, this.options.hardTimeoutMs);
    process.on('unhandledRejection', (reason) => {
      process.stderr.write(`unhandled rejection (ignored) during ${this.running}: ${describe(reason)}\n`);
    });
    process.on('uncaughtException', (error) => {
      process.stderr.write(`uncaught exception (ignored) during ${this.running}: ${error && error.stack}\n`);
    });
    const only = this.options.only ? new RegExp(this.options.only) : null;
    const selected = this.checks.filter((c) => !only || only.test(c.name));
    emit({
      client: this.client, version: this.version, serializer: this.options.serializer, url: this.options.url,
      realm: this.options.realm, prefix: this.prefix, plan: selected.map((c) => c.name),
    });
    for (const check of selected) {
      this.running = check.name;
      await this.runOne(check);
    }
    this.running = null;
    clearTimeout(hardTimer);
    emit({ summary: this.results });
    // Sockets of clients that do not close cleanly must not keep the process alive.
    process.exit(this.results.fail > 0 ? 1 : 0);
  }

  async runOne(check) {
    const started = Date.now();
    const context = new CheckContext(check.name);
    let status = 'pass';
    let detail;
    try {
      if (check.needs) {
        const unmet = await this.unmet(check.needs);
        if (unmet) {
          throw new Error(`requirement ${check.needs} unmet: ${unmet}`);
        }
      }
      detail = await withTimeout(check.fn(context), check.timeoutMs, `check ${check.name}`);
    } catch (error) {
      status = error instanceof Skip ? 'skip' : 'fail';
      detail = describe(error);
    }
    for (const cleanup of context.cleanups.reverse()) {
      try {
        await withTimeout(Promise.resolve().then(cleanup), 2000, 'cleanup');
      } catch (error) {
        process.stderr.write(`cleanup of ${check.name} failed: ${describe(error)}\n`);
      }
    }
    this.results[status]++;
    const line = { check: check.name, status, ms: Date.now() - started };
    if (detail !== undefined) {
      line.detail = typeof detail === 'string' ? detail : describe(detail);
    }
    if (check.needs) {
      line.needs = check.needs;
    }
    emit(line);
  }

  /** Why requirement {@code name} is unmet, or null; throws (failing the check) when its probe fails. */
  async unmet(name) {
    const requirement = this.requirements.get(name);
    if (!requirement) {
      throw new Error(`unknown requirement ${name}`);
    }
    if (requirement.outcome === undefined) {
      requirement.outcome = withTimeout(Promise.resolve().then(requirement.probe), 3000, `probe of ${name}`);
    }
    return requirement.outcome;
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Collects what arrives (events, invocations) and waits until it satisfies a condition. */
class Inbox {
  constructor(name) {
    this.name = name;
    this.items = [];
    this.waiters = [];
  }

  push(item) {
    this.items.push(item);
    this.waiters = this.waiters.filter((waiter) => !waiter());
  }

  /** Resolves with the items once {@code condition(items)} holds; rejects after {@code ms}. */
  until(condition, ms = 3000, what = 'the expected messages') {
    return new Promise((resolve, reject) => {
      const test = () => {
        if (condition(this.items)) {
          clearTimeout(timer);
          resolve(this.items);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== test);
        reject(new Error(`${this.name}: timed out after ${ms} ms waiting for ${what}; got ${describe(this.items)}`));
      }, ms);
      if (!test()) {
        this.waiters.push(test);
      }
    });
  }

  count(n, ms, what) {
    return this.until((items) => items.length >= n, ms, what || `${n} item(s)`);
  }
}

/** A promise with its resolve function exposed: lets a callee hold an invocation until the check releases it. */
function latch() {
  let release;
  const promise = new Promise((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

/** Expects {@code promise} to reject; returns the rejection. */
async function rejection(promise, what = 'the request') {
  try {
    const value = await promise;
    throw new assert.AssertionError({ message: `${what} succeeded with ${describe(value)}, expected an error` });
  } catch (error) {
    if (error instanceof assert.AssertionError) {
      throw error;
    }
    return error;
  }
}

// Payloads with the values that trip serializers: null at every depth, empty containers, nested lists and maps,
// negative and large integers (up to 2^53, the largest a WAMP id may be), floats, booleans and non-ASCII text.
const ARGS = [1, -2, 3.25, 'text ✓ ünïcödé 日本', true, false, null, [], {}, [1, [2, [3, null]]],
  { nested: { deeper: [null, { x: 1 }] } }, 9007199254740991];
const KWARGS = { n: null, list: [1, 'a', null], obj: { a: { b: { c: null } } }, empty: {}, text: '∑ ≠ ∞', big: 4294967296 };

module.exports = { Suite, Skip, Inbox, latch, rejection, sleep, withTimeout, describe, json, assert, ARGS, KWARGS };
