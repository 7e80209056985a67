import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as M from '../../main/resources/static/js/wamp/messages.js';
import { deriveKey, wampcraSignature } from '../../main/resources/static/js/wamp/auth.js';
import { WampError, WampResult, WampSession } from '../../main/resources/static/js/wamp/session.js';

/** A WebSocket stand-in: records what the client sends, lets the test play the router. */
class FakeSocket {
  constructor(url, protocols) {
    this.url = url;
    this.protocols = protocols;
    this.sent = [];
    this.closed = false;
    queueMicrotask(() => this.onopen && this.onopen());
  }
  send(text) { this.sent.push(JSON.parse(text)); }
  close() { this.closed = true; }
  receive(message) { this.onmessage({ data: JSON.stringify(message) }); }
  drop() { this.onclose({ code: 1006, reason: 'gone' }); }
  last() { return this.sent[this.sent.length - 1]; }
}

function fakeRouter() {
  const sockets = [];
  return { sockets, transport: (url, protocols) => { const s = new FakeSocket(url, protocols); sockets.push(s); return s; } };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function openSession(options = {}) {
  const router = fakeRouter();
  const session = new WampSession({ url: 'ws://router/ws', realm: 'realm1', transport: router.transport,
    reconnect: { initialDelayMs: 1, maxDelayMs: 5, jitter: 0 }, ...options });
  const states = [];
  session.onstatechange = (state) => states.push(state);
  const opened = session.open();
  await tick();
  const socket = router.sockets[0];
  socket.receive([M.WELCOME, 4711, { roles: { broker: {}, dealer: {} } }]);
  await opened;
  return { session, socket, router, states };
}

test('encodes messages as JSON arrays without trailing empty payloads, and checks what it decodes', () => {
  assert.deepEqual(M.withPayload([M.CALL, 1, {}, 'a.b'], [], {}), [48, 1, {}, 'a.b']);
  assert.deepEqual(M.withPayload([M.CALL, 1, {}, 'a.b'], [1], {}), [48, 1, {}, 'a.b', [1]]);
  assert.deepEqual(M.withPayload([M.CALL, 1, {}, 'a.b'], [], { x: 1 }), [48, 1, {}, 'a.b', [], { x: 1 }]);
  assert.equal(M.encode([M.PUBLISH, 2, {}, 't', [null]]), '[16,2,{},"t",[null]]');
  assert.deepEqual(M.decode('[50,7,{},[1],{"a":2}]'), [50, 7, {}, [1], { a: 2 }]);
  assert.throws(() => M.decode('{"not":"a list"}'), M.ProtocolError);
  assert.throws(() => M.decode('[50]'), /needs 3 elements/);
  assert.throws(() => M.decode('[48,1,{},"x"]'), /not one a client receives/);
  assert.throws(() => M.decode('[50,7,{},{"a":1}]'), /Arguments must be a list/);
  assert.throws(() => M.decode('not json'), /not JSON/);
});

test('says HELLO with the realm, roles and the wamp.2.json subprotocol, and opens on WELCOME', async () => {
  const { session, socket, states } = await openSession();
  assert.deepEqual(socket.protocols, ['wamp.2.json']);
  const [type, realm, details] = socket.sent[0];
  assert.equal(type, M.HELLO);
  assert.equal(realm, 'realm1');
  assert.ok(details.roles.caller.features.progressive_call_results);
  assert.ok(details.roles.callee.features.shared_registration);
  assert.equal(session.sessionId, 4711);
  assert.deepEqual(states, ['connecting', 'open']);
});

test('a call resolves with args and kwargs, passing progressive results on the way', async () => {
  const { session, socket } = await openSession();
  const progress = [];
  const result = session.call('tsp.solve', [], { budgetMs: 2000 }, { timeout: 5000, onProgress: (a, kw) => progress.push(kw) });
  const [type, id, options, procedure, args, kwargs] = socket.last();
  assert.deepEqual([type, procedure, args, kwargs], [M.CALL, 'tsp.solve', [], { budgetMs: 2000 }]);
  assert.deepEqual(options, { timeout: 5000, receive_progress: true });
  socket.receive([M.RESULT, id, { progress: true }, [], { length: 9000 }]);
  socket.receive([M.RESULT, id, { progress: true }, [], { length: 8000 }]);
  socket.receive([M.RESULT, id, {}, [{ length: 7542 }], { length: 7542 }]);
  const { args: resultArgs, kwargs: resultKwargs } = await result;
  assert.deepEqual(progress, [{ length: 9000 }, { length: 8000 }]);
  assert.deepEqual(resultArgs, [{ length: 7542 }]);
  assert.deepEqual(resultKwargs, { length: 7542 });
});

test('an ERROR rejects the call with a WampError carrying URI, args and kwargs', async () => {
  const { session, socket } = await openSession();
  const result = session.call('tsp.solve', [], { budgetMs: 1 });
  const id = socket.last()[1];
  socket.receive([M.ERROR, M.CALL, id, {}, 'wamp.error.invalid_argument', ['budgetMs must be 100 … 600000'], { field: 'budgetMs' }]);
  await assert.rejects(result, (e) => e instanceof WampError && e.error === 'wamp.error.invalid_argument'
    && e.args[0] === 'budgetMs must be 100 … 600000' && e.kwargs.field === 'budgetMs'
    && e.message === 'wamp.error.invalid_argument: budgetMs must be 100 … 600000');
});

test('aborting a call sends CANCEL', async () => {
  const { session, socket } = await openSession();
  const controller = new AbortController();
  const result = session.call('slow', [], {}, { signal: controller.signal, cancelMode: 'kill' });
  const id = socket.last()[1];
  controller.abort();
  assert.deepEqual(socket.last(), [M.CANCEL, id, { mode: 'kill' }]);
  socket.receive([M.ERROR, M.CALL, id, {}, 'wamp.error.canceled']);
  await assert.rejects(result, { error: 'wamp.error.canceled' });
});

test('publishes, and delivers events to subscribers', async () => {
  const { session, socket } = await openSession();
  await session.publish('tsp.compute.load', [], { instanceId: 'b-1' });
  assert.deepEqual(socket.last().slice(2), [{}, 'tsp.compute.load', [], { instanceId: 'b-1' }]);
  const acknowledged = session.publish('t', [1], {}, { acknowledge: true });
  socket.receive([M.PUBLISHED, socket.last()[1], 99]);
  assert.equal(await acknowledged, 99);

  const events = [];
  const subscribing = session.subscribe('tsp.run.best', (args, kwargs, details) => events.push([kwargs, details.publication]));
  socket.receive([M.SUBSCRIBED, socket.last()[1], 555]);
  await subscribing;
  socket.receive([M.EVENT, 555, 1001, {}, [], { length: 7542 }]);
  socket.receive([M.EVENT, 556, 1002, {}, [], { length: 1 }]);
  assert.deepEqual(events, [[{ length: 7542 }, 1001]]);
});

test('registers with options, yields results and errors, honours INTERRUPT', async () => {
  const { session, socket } = await openSession();
  let signal;
  const registering = session.register('tsp.compute.anneal', async (args, kwargs, details) => {
    if (kwargs.fail) throw new WampError('wamp.error.invalid_argument', ['bad tour']);
    if (kwargs.crash) throw new Error('boom');
    if (kwargs.wait) {
      signal = details.signal;
      await new Promise((resolve) => details.signal.addEventListener('abort', resolve));
      return new WampResult([], { cancelled: true });
    }
    return new WampResult([{ length: 1 }], { length: 1 });
  }, { invoke: 'roundrobin', concurrency: 1 });
  const [type, id, options, procedure] = socket.last();
  assert.deepEqual([type, options, procedure], [M.REGISTER, { invoke: 'roundrobin', concurrency: 1 }, 'tsp.compute.anneal']);
  socket.receive([M.REGISTERED, id, 77]);
  await registering;

  socket.receive([M.INVOCATION, 1, 77, {}, [], { ok: true }]);
  await tick();
  assert.deepEqual(socket.last(), [M.YIELD, 1, {}, [{ length: 1 }], { length: 1 }]);
  socket.receive([M.INVOCATION, 2, 77, {}, [], { fail: true }]);
  await tick();
  assert.deepEqual(socket.last(), [M.ERROR, M.INVOCATION, 2, {}, 'wamp.error.invalid_argument', ['bad tour']]);
  socket.receive([M.INVOCATION, 3, 77, {}, [], { crash: true }]);
  await tick();
  assert.deepEqual(socket.last(), [M.ERROR, M.INVOCATION, 3, {}, 'wamp.error.runtime_error', ['boom']]);
  socket.receive([M.INVOCATION, 4, 77, {}, [], { wait: true }]);
  await tick();
  assert.equal(signal.aborted, false);
  socket.receive([M.INTERRUPT, 4, { mode: 'kill' }]);
  await tick();
  assert.deepEqual(socket.last(), [M.YIELD, 4, {}, [], { cancelled: true }]);
  socket.receive([M.INVOCATION, 5, 78, {}, []]);
  assert.deepEqual(socket.last(), [M.ERROR, M.INVOCATION, 5, {}, 'wamp.error.no_such_registration']);
});

test('reconnects with backoff after a lost connection and renews subscriptions and registrations', async () => {
  const { session, socket, router, states } = await openSession();
  const subscribing = session.subscribe('tsp.compute.load', () => {});
  socket.receive([M.SUBSCRIBED, socket.last()[1], 1]);
  await subscribing;
  const registering = session.register('tsp.compute.anneal', () => 1, { invoke: 'roundrobin' });
  socket.receive([M.REGISTERED, socket.last()[1], 2]);
  const registration = await registering;
  const pending = session.call('tsp.runs.list');

  socket.drop();
  await assert.rejects(pending, { error: 'wamp.error.network_failure' });
  assert.equal(session.state, 'reconnecting');
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = router.sockets[1];
  assert.ok(second, 'a new connection was opened');
  assert.equal(second.sent[0][0], M.HELLO);
  second.receive([M.WELCOME, 4712, {}]);
  await tick();
  const renewals = second.sent.slice(1).map((m) => [m[0], m[3]]);
  assert.deepEqual(renewals, [[M.SUBSCRIBE, 'tsp.compute.load'], [M.REGISTER, 'tsp.compute.anneal']]);
  second.receive([M.REGISTERED, second.sent[2][1], 20]);
  await tick();
  second.receive([M.INVOCATION, 9, 20, {}, []]);
  await tick();
  assert.deepEqual(second.last(), [M.YIELD, 9, {}, [1]]);
  assert.ok(registration.procedure === 'tsp.compute.anneal');
  assert.deepEqual(states, ['connecting', 'open', 'reconnecting', 'open']);
});

test('an ABORT ends the session without retrying', async () => {
  const router = fakeRouter();
  const session = new WampSession({ url: 'ws://router/ws', realm: 'nope', transport: router.transport });
  const opened = session.open();
  await tick();
  router.sockets[0].receive([M.ABORT, { message: 'no realm nope' }, 'wamp.error.no_such_realm']);
  await assert.rejects(opened, { error: 'wamp.error.no_such_realm' });
  assert.equal(session.state, 'closed');
});

test('ticket authentication sends the secret; wampcra signs the challenge, with salted secrets through PBKDF2', async () => {
  const ticket = fakeRouter();
  const session = new WampSession({ url: 'ws://r/ws', realm: 'r', authmethods: ['ticket'], authid: 'dash',
    secret: 's3cret', transport: ticket.transport });
  const opened = session.open();
  await tick();
  const socket = ticket.sockets[0];
  assert.deepEqual(socket.sent[0][2].authmethods, ['ticket']);
  assert.equal(socket.sent[0][2].authid, 'dash');
  socket.receive([M.CHALLENGE, 'ticket', {}]);
  await tick();
  assert.deepEqual(socket.last(), [M.AUTHENTICATE, 's3cret', {}]);
  socket.receive([M.WELCOME, 1, { authmethod: 'ticket' }]);
  await opened;

  // The values of the WAMP-CRA example in the advanced profile and Autobahn's tests: a salted secret is
  // PBKDF2-HMAC-SHA256 of the secret, Base64 encoded; the signature is Base64(HMAC-SHA256(key, challenge)).
  const derived = await deriveKey('secret123', 'salt123', 100, 16);
  const { createHmac, pbkdf2Sync } = await import('node:crypto');
  assert.equal(derived, pbkdf2Sync('secret123', 'salt123', 100, 16, 'sha256').toString('base64'));
  const challenge = '{"nonce":"LHRTC9zeOIrt_9U3","authprovider":"userdb","authid":"peter","timestamp":"2014-06-22T16:36:25.448Z","authrole":"user","authmethod":"wampcra","session":3251278072152162}';
  assert.equal(await wampcraSignature('secret1', { challenge }),
    createHmac('sha256', 'secret1').update(challenge).digest('base64'));
  assert.equal(await wampcraSignature('secret123', { challenge, salt: 'salt123', iterations: 100, keylen: 16 }),
    createHmac('sha256', derived).update(challenge).digest('base64'));
});
