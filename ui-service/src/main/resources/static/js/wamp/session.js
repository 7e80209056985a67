// A small WAMP v2 client for browsers (and workers): one session over a WebSocket with the JSON serializer.
// Caller (progressive results, cancel, timeout), callee (shared registrations, progressive invocations, interrupts),
// publisher and subscriber; ticket and wampcra authentication; reconnect with exponential backoff and jitter, after
// which every subscription and registration is made again under the same objects.
//
//   const session = new WampSession({ url: 'ws://localhost:8080/ws', realm: 'realm1' });
//   session.onstatechange = (state) => console.log(state);   // connecting, open, reconnecting, closed
//   await session.open();
//   const { args, kwargs } = await session.call('com.example.add', [2, 3]);
//   await session.subscribe('com.example.news', (args, kwargs, details) => { ... });
//   await session.register('com.example.echo', (args) => args[0], { invoke: 'roundrobin', concurrency: 1 });

import * as M from './messages.js';
import { answerChallenge } from './auth.js';
import { WampError, WampResult } from './errors.js';

export { WampError, WampResult };

const DEFAULT_RECONNECT = { initialDelayMs: 200, maxDelayMs: 15000, multiplier: 2, jitter: 0.5, maxAttempts: -1 };

export class WampSession {
  /**
   * @param options.url the router's WebSocket URL
   * @param options.realm the realm to join
   * @param options.authmethods e.g. ['ticket'] or ['wampcra']; anonymous when left out
   * @param options.authid the identity to authenticate as
   * @param options.secret the ticket or wampcra secret (kept in memory only)
   * @param options.reconnect {initialDelayMs, maxDelayMs, multiplier, jitter, maxAttempts} or false
   * @param options.transport (url, protocols) => a WebSocket-like object (tests pass a fake)
   */
  constructor(options) {
    this.options = options;
    this.reconnect = options.reconnect === false ? null : { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.transport = options.transport || ((url, protocols) => new WebSocket(url, protocols));
    this.state = 'closed';
    this.sessionId = null;
    this.details = null;
    this.onstatechange = null;
    this.onopen = null;
    this.onclose = null;
    this.socket = null;
    this.nextRequestId = 1;
    this.requests = new Map(); // request id -> {resolve, reject, kind, ...}
    this.subscriptions = new Map(); // local Subscription -> router id (null while not subscribed)
    this.eventHandlers = new Map(); // router subscription id -> Set<Subscription>
    this.registrations = new Map(); // local Registration -> router id
    this.procedures = new Map(); // router registration id -> Registration
    this.invocations = new Map(); // invocation request id -> AbortController
    this.attempts = 0;
    this.wanted = false;
    this.retryTimer = null;
  }

  /** Connects and joins; resolves with the WELCOME details of the first session. */
  open() {
    this.wanted = true;
    return new Promise((resolve, reject) => {
      this.firstOpen = { resolve, reject };
      this.#connect();
    });
  }

  /** Leaves (GOODBYE) and closes; no reconnect afterwards. */
  async close(reason = 'wamp.close.normal') {
    this.wanted = false;
    clearTimeout(this.retryTimer);
    if (this.state === 'open') {
      this.#send([M.GOODBYE, {}, reason]);
      await new Promise((resolve) => {
        this.goodbyeDone = resolve;
        setTimeout(resolve, 1000);
      });
    }
    this.#dropSocket(1000, 'closed');
    this.#failPending(new WampError('wamp.error.canceled', ['the session was closed']));
    this.#setState('closed', { reason });
  }

  get isOpen() {
    return this.state === 'open';
  }

  // ---- caller --------------------------------------------------------------------------------------------------

  /**
   * Calls a procedure. options: {timeout (ms), onProgress(args, kwargs), signal (AbortSignal: cancels), and any
   * other CALL.Options}. Resolves with {args, kwargs, details}; rejects with a WampError.
   */
  call(procedure, args = [], kwargs = {}, options = {}) {
    const { onProgress, signal, cancelMode = 'killnowait', ...wire } = options;
    if (onProgress) wire.receive_progress = true;
    return this.#request('call', (id) => M.withPayload([M.CALL, id, wire, procedure], args, kwargs), {
      onProgress,
      signal,
      onAbort: (id) => this.#send([M.CANCEL, id, { mode: cancelMode }]),
    });
  }

  // ---- publisher ----------------------------------------------------------------------------------------------

  /** Publishes; with {acknowledge: true} resolves on PUBLISHED with the publication id, otherwise at once. */
  publish(topic, args = [], kwargs = {}, options = {}) {
    if (!options.acknowledge) {
      if (!this.isOpen) return Promise.reject(new WampError('wamp.error.network_failure', ['not connected']));
      this.#send(M.withPayload([M.PUBLISH, this.nextRequestId++, options, topic], args, kwargs));
      return Promise.resolve(null);
    }
    return this.#request('publish', (id) => M.withPayload([M.PUBLISH, id, options, topic], args, kwargs));
  }

  // ---- subscriber ---------------------------------------------------------------------------------------------

  /** Subscribes handler(args, kwargs, details) to topic; kept across reconnects until unsubscribe(). */
  async subscribe(topic, handler, options = {}) {
    const subscription = { topic, handler, options, unsubscribe: () => this.#unsubscribe(subscription) };
    this.subscriptions.set(subscription, null);
    if (this.isOpen) await this.#subscribeNow(subscription);
    return subscription;
  }

  async #subscribeNow(subscription) {
    const id = await this.#request('subscribe',
      (request) => [M.SUBSCRIBE, request, subscription.options, subscription.topic]);
    if (!this.subscriptions.has(subscription)) return; // unsubscribed meanwhile
    this.subscriptions.set(subscription, id);
    if (!this.eventHandlers.has(id)) this.eventHandlers.set(id, new Set());
    this.eventHandlers.get(id).add(subscription);
  }

  async #unsubscribe(subscription) {
    const id = this.subscriptions.get(subscription);
    this.subscriptions.delete(subscription);
    const handlers = this.eventHandlers.get(id);
    if (!handlers) return;
    handlers.delete(subscription);
    if (handlers.size === 0) {
      this.eventHandlers.delete(id);
      if (this.isOpen) await this.#request('unsubscribe', (request) => [M.UNSUBSCRIBE, request, id]);
    }
  }

  // ---- callee -------------------------------------------------------------------------------------------------

  /**
   * Registers handler(args, kwargs, details) as a procedure; options are REGISTER.Options ({invoke, concurrency,
   * match}). details: {procedure, caller, progress(args, kwargs) when the caller accepts progress, signal (aborted
   * on INTERRUPT)}. The handler returns a value (sent as args[0]), a WampResult, or a promise of either; a thrown
   * WampError is sent as ERROR, anything else as wamp.error.runtime_error. Kept across reconnects.
   */
  async register(procedure, handler, options = {}) {
    const registration = { procedure, handler, options, unregister: () => this.#unregister(registration) };
    this.registrations.set(registration, null);
    try {
      if (this.isOpen) await this.#registerNow(registration);
    } catch (e) {
      this.registrations.delete(registration);
      throw e;
    }
    return registration;
  }

  async #registerNow(registration) {
    const id = await this.#request('register',
      (request) => [M.REGISTER, request, registration.options, registration.procedure]);
    this.registrations.set(registration, id);
    this.procedures.set(id, registration);
  }

  async #unregister(registration) {
    const id = this.registrations.get(registration);
    this.registrations.delete(registration);
    if (id === null || id === undefined) return;
    this.procedures.delete(id);
    if (this.isOpen) await this.#request('unregister', (request) => [M.UNREGISTER, request, id]);
  }

  // ---- connection ---------------------------------------------------------------------------------------------

  #setState(state, detail = {}) {
    if (this.state === state && state !== 'reconnecting') return;
    this.state = state;
    if (this.onstatechange) this.onstatechange(state, detail);
  }

  #connect() {
    if (this.attempts === 0) this.#setState('connecting');
    let socket;
    try {
      socket = this.transport(this.options.url, [M.SUBPROTOCOL]);
    } catch (e) {
      this.#lost(`cannot open ${this.options.url}: ${e.message}`);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const details = { roles: M.ROLES, agent: 'switchboard-js' };
      if (this.options.authmethods) details.authmethods = this.options.authmethods;
      if (this.options.authid) details.authid = this.options.authid;
      this.#send([M.HELLO, this.options.realm, details]);
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      let message;
      try {
        message = M.decode(event.data);
      } catch (e) {
        this.#protocolViolation(e.message);
        return;
      }
      this.#receive(message);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.#lost(event && event.reason ? event.reason : `connection closed (${event ? event.code : '?'})`);
    };
    socket.onerror = () => {}; // onclose follows
  }

  #send(message) {
    if (this.socket) this.socket.send(M.encode(message));
  }

  #dropSocket(code, reason) {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      try {
        socket.close(code, reason);
      } catch {
        // already closing
      }
    }
  }

  #protocolViolation(reason) {
    this.#send([M.ABORT, { message: reason }, 'wamp.error.protocol_violation']);
    this.#dropSocket(1002, 'protocol violation');
    this.#lost(`protocol violation: ${reason}`);
  }

  /** The connection is gone: fail what was pending, then reconnect with backoff if still wanted. */
  #lost(reason) {
    const wasOpen = this.state === 'open';
    this.sessionId = null;
    this.#failPending(new WampError('wamp.error.network_failure', [reason]));
    for (const subscription of this.subscriptions.keys()) this.subscriptions.set(subscription, null);
    this.eventHandlers.clear();
    for (const registration of this.registrations.keys()) this.registrations.set(registration, null);
    this.procedures.clear();
    for (const controller of this.invocations.values()) controller.abort();
    this.invocations.clear();
    if (wasOpen && this.onclose) this.onclose(reason);
    if (!this.wanted) return;
    const r = this.reconnect;
    if (!r || (r.maxAttempts >= 0 && this.attempts >= r.maxAttempts)) {
      this.wanted = false;
      this.#setState('closed', { reason });
      if (this.firstOpen) this.firstOpen.reject(new WampError('wamp.error.network_failure', [reason]));
      this.firstOpen = null;
      return;
    }
    const base = Math.min(r.maxDelayMs, r.initialDelayMs * Math.pow(r.multiplier, this.attempts));
    const delay = base * (1 - r.jitter * Math.random());
    this.attempts++;
    this.#setState('reconnecting', { reason, delayMs: Math.round(delay), attempt: this.attempts });
    this.retryTimer = setTimeout(() => this.wanted && this.#connect(), delay);
  }

  #failPending(error) {
    for (const request of this.requests.values()) request.reject(error);
    this.requests.clear();
  }

  async #welcomed(sessionId, details) {
    this.sessionId = sessionId;
    this.details = details;
    this.attempts = 0;
    this.#setState('open', details);
    const renewals = [];
    for (const subscription of this.subscriptions.keys()) renewals.push(this.#subscribeNow(subscription));
    for (const registration of this.registrations.keys()) renewals.push(this.#registerNow(registration));
    const outcomes = await Promise.allSettled(renewals);
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) console.warn('WAMP: a subscription or registration could not be renewed', failed.reason);
    if (this.firstOpen) this.firstOpen.resolve(details);
    this.firstOpen = null;
    if (this.onopen) this.onopen(details);
  }

  // ---- requests -----------------------------------------------------------------------------------------------

  #request(kind, build, extra = {}) {
    if (!this.isOpen) return Promise.reject(new WampError('wamp.error.network_failure', ['not connected']));
    const id = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const request = { kind, resolve, reject, onProgress: extra.onProgress };
      this.requests.set(id, request);
      if (extra.signal) {
        if (extra.signal.aborted) {
          this.requests.delete(id);
          reject(new WampError('wamp.error.canceled', ['canceled before it was sent']));
          return;
        }
        extra.signal.addEventListener('abort', () => {
          if (this.requests.has(id)) extra.onAbort(id);
        }, { once: true });
      }
      this.#send(build(id));
    });
  }

  #settle(id, outcome) {
    const request = this.requests.get(id);
    if (!request) return null;
    this.requests.delete(id);
    return { request, outcome };
  }

  // ---- receiving ----------------------------------------------------------------------------------------------

  #receive(message) {
    const [type] = message;
    switch (type) {
      case M.WELCOME:
        this.#welcomed(message[1], message[2]);
        break;
      case M.CHALLENGE:
        answerChallenge(message[1], message[2], this.options.secret)
          .then((signature) => this.#send([M.AUTHENTICATE, signature, {}]))
          .catch((e) => {
            this.#send([M.ABORT, { message: e.message }, 'wamp.error.cannot_authenticate']);
            this.#aborted('wamp.error.cannot_authenticate', { message: e.message });
          });
        break;
      case M.ABORT:
        this.#aborted(message[2], message[1]);
        break;
      case M.GOODBYE:
        if (this.goodbyeDone) {
          this.goodbyeDone();
          this.goodbyeDone = null;
        } else {
          this.#send([M.GOODBYE, {}, 'wamp.close.goodbye_and_out']);
          this.#dropSocket(1000, message[2]);
          this.#lost(`the router said goodbye: ${message[2]}`);
        }
        break;
      case M.ERROR: {
        const settled = this.#settle(message[2]);
        if (settled) settled.request.reject(new WampError(message[4], message[5] || [], message[6] || {}));
        break;
      }
      case M.RESULT: {
        const request = this.requests.get(message[1]);
        if (!request) break;
        const result = { args: message[3] || [], kwargs: message[4] || {}, details: message[2] || {} };
        if (result.details.progress) {
          if (request.onProgress) request.onProgress(result.args, result.kwargs, result.details);
        } else {
          this.requests.delete(message[1]);
          request.resolve(result);
        }
        break;
      }
      case M.PUBLISHED:
      case M.SUBSCRIBED:
      case M.REGISTERED: {
        const settled = this.#settle(message[1]);
        if (settled) settled.request.resolve(message[2]);
        break;
      }
      case M.UNSUBSCRIBED:
      case M.UNREGISTERED: {
        const settled = this.#settle(message[1]);
        if (settled) settled.request.resolve();
        if (message[1] === 0 && message[2] && message[2].registration !== undefined) {
          this.procedures.delete(message[2].registration); // revoked by the router
        }
        break;
      }
      case M.EVENT:
        this.#event(message);
        break;
      case M.INVOCATION:
        this.#invocation(message);
        break;
      case M.INTERRUPT: {
        const controller = this.invocations.get(message[1]);
        if (controller) controller.abort();
        break;
      }
      default:
        this.#protocolViolation(`unexpected message type ${type}`);
    }
  }

  #aborted(reason, details) {
    this.wanted = false; // an ABORT is an answer (wrong realm, not authorized): retrying would not change it
    this.#dropSocket(1000, reason);
    const error = new WampError(reason, details && details.message ? [details.message] : [], details || {});
    this.#failPending(error);
    this.#setState('closed', { reason, message: details && details.message });
    if (this.firstOpen) this.firstOpen.reject(error);
    this.firstOpen = null;
  }

  #event(message) {
    const handlers = this.eventHandlers.get(message[1]);
    if (!handlers) return;
    const details = { ...(message[3] || {}), publication: message[2] };
    for (const subscription of handlers) {
      try {
        subscription.handler(message[4] || [], message[5] || {}, { topic: subscription.topic, ...details });
      } catch (e) {
        console.error(`WAMP: the handler of ${subscription.topic} failed`, e);
      }
    }
  }

  async #invocation(message) {
    const [, request, registrationId, details = {}] = message;
    const registration = this.procedures.get(registrationId);
    if (!registration) {
      this.#send([M.ERROR, M.INVOCATION, request, {}, 'wamp.error.no_such_registration']);
      return;
    }
    const controller = new AbortController();
    this.invocations.set(request, controller);
    const socket = this.socket;
    const context = {
      ...details,
      procedure: details.procedure || registration.procedure,
      signal: controller.signal,
      progress: details.receive_progress
        ? (args = [], kwargs = {}) => this.#send(M.withPayload([M.YIELD, request, { progress: true }], args, kwargs))
        : null,
    };
    let reply;
    try {
      const value = await registration.handler(message[4] || [], message[5] || {}, context);
      reply = value instanceof WampResult
        ? M.withPayload([M.YIELD, request, {}], value.args, value.kwargs)
        : M.withPayload([M.YIELD, request, {}], value === undefined ? [] : [value], {});
    } catch (e) {
      reply = e instanceof WampError
        ? M.withPayload([M.ERROR, M.INVOCATION, request, {}, e.error], e.args, e.kwargs)
        : [M.ERROR, M.INVOCATION, request, {}, 'wamp.error.runtime_error', [String(e && e.message || e)]];
    } finally {
      this.invocations.delete(request);
    }
    if (this.socket === socket) this.#send(reply); // not into a newer session: the router forgot the request
  }
}
