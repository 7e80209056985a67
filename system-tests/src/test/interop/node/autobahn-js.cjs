'use strict';
// Autobahn|JS (npm "autobahn") against the router: every WAMP feature the client can express, over one serializer.
//   node autobahn-js.cjs --url ws://127.0.0.1:8080/ws --realm realm1 --serializer json|msgpack|cbor
// An rs://host:port URL runs the same checks over RawSocket (TCP), which Autobahn|JS speaks with JSON only.
// Prints one JSON line per check (see harness.cjs) and exits non-zero when a check failed.
//
// Autobahn|JS 26 uses the platform's WebSocket, which Node has built in only from version 22; on older Node the
// "ws" package stands in for it through its browser-compatible API. Like a browser's WebSocket, it must report a
// failed connection through its close event only (ws also emits an "error" event, fatal when nobody listens).
if (typeof globalThis.WebSocket === 'undefined') {
  const WebSocket = require('ws');
  globalThis.WebSocket = class BrowserLikeWebSocket extends WebSocket {
    constructor(...args) {
      super(...args);
      this.on('error', () => {});
    }
  };
}
const autobahn = require('autobahn');
if (!process.env.INTEROP_DEBUG) {
  require('autobahn/lib/log.js').warn = () => {}; // "connection closed" after every check; stderr stays readable
}
const { Suite, Inbox, latch, rejection, sleep, withTimeout, describe, assert, ARGS, KWARGS } = require('./harness.cjs');

const MSG_ERROR = 8;
const MSG_CALL = 48;
const MSG_UNREGISTERED = 67;
const MSG_INTERRUPT = 69;

const suite = new Suite('autobahn-js', autobahn.version, ['json', 'msgpack', 'cbor']);
const { serializer } = suite.options;
const rawsocket = /^rs:\/\/([^:/]+):(\d+)\/?$/.exec(suite.options.url);
if (rawsocket && serializer !== 'json') {
  process.stderr.write(`Autobahn|JS speaks RawSocket with JSON only, not ${serializer}\n`);
  process.exit(64);
}
const run = suite.prefix.slice(suite.prefix.lastIndexOf('.') + 1);

function newSerializer() {
  switch (serializer) {
    case 'json': return new autobahn.serializer.JSONSerializer();
    case 'msgpack': return new autobahn.serializer.MsgpackSerializer();
    case 'cbor': return new autobahn.serializer.CBORSerializer();
    default: throw new Error(`no serializer ${serializer}`);
  }
}

/**
 * Opens a session (closed again after the check). The peer records every message it receives in {@code received}
 * (to see what the router sent even where Autobahn|JS hides it), and {@code closed} resolves with the close reason.
 */
function open(t, { authid, realm } = {}) {
  return new Promise((resolve, reject) => {
    let joined = false;
    let markClosed;
    const closed = new Promise((r) => {
      markClosed = r;
    });
    const connection = new autobahn.Connection({
      url: suite.options.url,
      transports: rawsocket ? [{ type: 'rawsocket', host: rawsocket[1], port: Number(rawsocket[2]) }] : undefined,
      realm: realm || suite.options.realm,
      serializers: [newSerializer()],
      max_retries: 0,
      retry_if_unreachable: false,
      authid,
      authmethods: authid ? ['anonymous'] : undefined,
      on_user_error: (error, context) => process.stderr.write(`user error ${context}: ${describe(error)}\n`),
      on_internal_error: (error, context) => process.stderr.write(`internal error ${context}: ${describe(error)}\n`),
    });
    const peer = { connection, closed, received: new Inbox('messages received'), closeInfo: null };
    connection.onopen = (session, details) => {
      joined = true;
      Object.assign(peer, { session, details, id: session.id, authid: details.authid, authrole: details.authrole });
      resolve(peer);
    };
    connection.onclose = (reason, details) => {
      peer.closeInfo = { reason, details };
      markClosed(peer.closeInfo);
      if (!joined) {
        const error = new Error(`could not join: ${reason} ${describe(details)}`);
        error.closeReason = reason;
        error.closeDetails = details;
        reject(error);
      }
      return true; // never reconnect
    };
    connection.open();
    const session = connection._session;
    if (session && session._socket) {
      const dispatch = session._socket.onmessage;
      session._socket.onmessage = (message) => {
        peer.received.push(message);
        dispatch(message);
      };
    }
    t.cleanup(() => close(peer));
  });
}

async function close(peer) {
  if (peer.closeInfo === null) {
    try {
      peer.connection.close();
    } catch {
      // already closing
    }
    await withTimeout(peer.closed, 2000, 'close').catch(() => {});
  }
}

/** Registers {@code uri} on a new session whose endpoint answers with {@code name}. */
async function namedCallee(t, uri, name, options) {
  const peer = await open(t);
  await peer.session.register(uri, () => name, options);
  return peer;
}

/** A callee that holds each invocation until the check releases it. */
async function holdingCallee(t, uri, options) {
  const peer = await open(t);
  const hold = latch();
  const invocations = new Inbox('invocations');
  t.cleanup(() => hold.release());
  await peer.session.register(uri, (args, kwargs, details) => {
    invocations.push({ args, kwargs, details });
    return hold.promise.then(() => 'released');
  }, options);
  return { peer, hold, invocations };
}

async function subscriber(t, topic, options, { authid } = {}) {
  const peer = await open(t, { authid });
  const events = new Inbox(`events of ${authid || 'subscriber'}`);
  await peer.session.subscribe(topic, (args, kwargs, details) => events.push({ args, kwargs, details }), options);
  return { peer, events };
}

/**
 * Publishes ['test', n] with {@code options}, then a ['marker', n] event every subscriber gets; returns, per subscriber,
 * whether it received the test event. Events reach each subscriber in publication order, so once a subscriber has
 * the marker, a test event meant for it would have arrived.
 */
let rounds = 0;
async function deliveredTo(publisher, topic, options, subscribers) {
  const round = ++rounds;
  await publisher.session.publish(topic, ['test', round], {}, { ...options, acknowledge: true });
  await publisher.session.publish(topic, ['marker', round], {}, { acknowledge: true, exclude_me: false });
  const received = [];
  for (const s of subscribers) {
    const events = await s.events.until((items) => items.some((e) => e.args[0] === 'marker' && e.args[1] === round),
        3000, `marker ${round}`);
    received.push(events.some((e) => e.args[0] === 'test' && e.args[1] === round));
  }
  return received;
}

function errorUri(error) {
  return error && error.error;
}

/** The meta API features the router announces in WELCOME (advanced profile, "Session/Registration/... Meta API"). */
const META_FEATURES = {
  broker: ['session_meta_api', 'subscription_meta_api'],
  dealer: ['session_meta_api', 'registration_meta_api', 'testament_meta_api'],
};

/** The features of {@code META_FEATURES} that a WELCOME's roles do not announce. */
function unannouncedMetaFeatures(roles) {
  return Object.entries(META_FEATURES).flatMap(([role, features]) => features
      .filter((feature) => !(roles && roles[role] && roles[role].features && roles[role].features[feature] === true))
      .map((feature) => `${role}.${feature}`));
}

/** Whether {@code text} is an ISO 8601 date and time (RegistrationDetails/SubscriptionDetails.created). */
function isIsoTime(text) {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text));
}

// --- session ---

suite.check('session.welcome', async (t) => {
  const peer = await open(t);
  const { details } = peer;
  assert.equal(typeof peer.id, 'number');
  assert.ok(peer.id > 0 && peer.id <= 2 ** 53, `session id ${peer.id} out of range`);
  assert.equal(details.transport.protocol, `wamp.2.${serializer}`, 'negotiated WebSocket subprotocol');
  assert.equal(details.authmethod, 'anonymous');
  assert.equal(typeof details.authid, 'string');
  assert.equal(typeof details.authrole, 'string');
  for (const feature of ['publisher_identification', 'publisher_exclusion', 'subscriber_blackwhite_listing',
    'pattern_based_subscription', 'event_retention', ...META_FEATURES.broker]) {
    assert.equal(details.roles.broker.features[feature], true, `broker feature ${feature}`);
  }
  for (const feature of ['caller_identification', 'progressive_call_results', 'call_timeout', 'call_canceling',
    'pattern_based_registration', 'shared_registration', 'registration_revocation', ...META_FEATURES.dealer]) {
    assert.equal(details.roles.dealer.features[feature], true, `dealer feature ${feature}`);
  }
  return `session ${peer.id}, authid ${details.authid}, authrole ${details.authrole}`;
});

suite.check('session.authid_requested', async (t) => {
  const peer = await open(t, { authid: `alice-${run}` });
  assert.equal(peer.details.authid, `alice-${run}`);
});

suite.check('session.no_such_realm', async () => {
  const error = await rejection(open({ cleanup() {} }, { realm: 'interop.no.such.realm' }), 'joining an unknown realm');
  assert.equal(error.closeDetails && error.closeDetails.reason, 'wamp.error.no_such_realm', describe(error.message));
});

suite.check('session.goodbye', async (t) => {
  const peer = await open(t);
  peer.connection.close();
  const { reason, details } = await withTimeout(peer.closed, 3000, 'the closing handshake');
  assert.equal(details.reason, 'wamp.close.goodbye_and_out', 'reason in the router\'s GOODBYE');
  assert.equal(reason, 'closed', 'the WebSocket closed cleanly');
});

// --- RPC ---

suite.check('rpc.args_kwargs', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('echo');
  await callee.session.register(uri, (args, kwargs) => new autobahn.Result(args, kwargs));
  const caller = await open(t);
  const result = await caller.session.call(uri, ARGS, KWARGS);
  assert.deepEqual(result.args, ARGS);
  assert.deepEqual(result.kwargs, KWARGS);
});

suite.check('rpc.single_result', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('single');
  await callee.session.register(uri, (args, kwargs) => ({ args, kwargs }));
  const caller = await open(t);
  assert.deepEqual(await caller.session.call(uri, [], { only: 'kwargs' }), { args: [], kwargs: { only: 'kwargs' } });
  assert.deepEqual(await caller.session.call(uri), { args: [], kwargs: {} });
});

suite.check('rpc.null_result', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('nothing');
  await callee.session.register(uri, () => null);
  const caller = await open(t);
  assert.equal(await caller.session.call(uri, [null]), null);
});

suite.check('rpc.application_error', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('fails');
  await callee.session.register(uri, () => {
    throw new autobahn.Error('interop.error.custom', [1, 'two', null, { deep: [null] }], { reason: null, nested: { a: [] } });
  });
  const caller = await open(t);
  const error = await rejection(caller.session.call(uri), 'calling a failing procedure');
  assert.equal(error.error, 'interop.error.custom');
  assert.deepEqual(error.args, [1, 'two', null, { deep: [null] }]);
  assert.deepEqual(error.kwargs, { reason: null, nested: { a: [] } });
});

suite.check('rpc.no_such_procedure', async (t) => {
  const caller = await open(t);
  const error = await rejection(caller.session.call(suite.uri('nobody.home')));
  assert.equal(errorUri(error), 'wamp.error.no_such_procedure');
});

suite.check('rpc.unregister', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('short.lived');
  const registration = await callee.session.register(uri, () => 'here');
  const caller = await open(t);
  assert.equal(await caller.session.call(uri), 'here');
  await callee.session.unregister(registration);
  assert.equal(errorUri(await rejection(caller.session.call(uri))), 'wamp.error.no_such_procedure');
});

suite.check('rpc.register.procedure_already_exists', async (t) => {
  const uri = suite.uri('taken');
  await namedCallee(t, uri, 'first');
  const second = await open(t);
  const error = await rejection(second.session.register(uri, () => 'second'), 'registering a taken procedure');
  assert.equal(errorUri(error), 'wamp.error.procedure_already_exists');
});

suite.check('rpc.register.different_invocation_policy', async (t) => {
  const uri = suite.uri('policies');
  await namedCallee(t, uri, 'a', { invoke: 'roundrobin' });
  const second = await open(t);
  const error = await rejection(second.session.register(uri, () => 'b', { invoke: 'random' }));
  assert.equal(errorUri(error), 'wamp.error.procedure_exists_with_different_invocation_policy');
});

suite.check('rpc.register.force_reregister', async (t) => {
  // Autobahn|JS passes REGISTER.Options through as given. The router revokes the first registration (UNREGISTERED
  // with request 0, "Registration Revocation") and gives the procedure to the second callee.
  const uri = suite.uri('forced');
  const first = await open(t);
  const original = await first.session.register(uri, () => 'first');
  await namedCallee(t, uri, 'second', { force_reregister: true });
  const caller = await open(t);
  assert.equal(await caller.session.call(uri), 'second', 'the call after force_reregister');
  const reason = await withTimeout(original.on_unregister, 3000, 'the revocation of the first registration');
  assert.equal(reason, 'wamp.registration.force_reregister', 'reason Autobahn|JS reports for the revocation');
  const revocation = first.received.items.find((m) => m[0] === MSG_UNREGISTERED && m[1] === 0);
  assert.ok(revocation, 'UNREGISTERED with request 0 at the first callee');
  assert.equal(revocation[2].registration, original.id, 'UNREGISTERED.Details.registration');
  assert.equal(first.closeInfo, null, 'the first callee session is still open');
});

suite.check('rpc.register.reserved_uri', async (t) => {
  const callee = await open(t);
  const error = await rejection(callee.session.register(`wamp.interop.${run}`, () => 0), 'registering under wamp.');
  assert.equal(errorUri(error), 'wamp.error.invalid_uri');
});

// The specification (basic profile, "Incorrect URIs"): a peer that gets an incorrect URI in a URI-based attribute
// "MUST respond with an ERROR message" wamp.error.invalid_uri. Autobahn|JS sends URIs as given, unchecked.

for (const [kind, request] of [
  ['register', (session, uri) => session.register(uri, () => 0)],
  ['subscribe', (session, uri) => session.subscribe(uri, () => {})],
  ['call', (session, uri) => session.call(uri)],
  ['publish', (session, uri) => session.publish(uri, [], {}, { acknowledge: true })],
]) {
  suite.check(`uri.invalid.${kind}`, async (t) => {
    const peer = await open(t);
    const answer = await Promise.race([
      rejection(request(peer.session, suite.uri('has space')), `${kind} with an invalid URI`),
      peer.closed.then((closed) => {
        const abort = peer.received.items.find((m) => m[0] === 3);
        throw new Error(`the router ended the session: ${describe(abort ? abort.slice(1) : closed)}`);
      }),
    ]);
    assert.equal(errorUri(answer), 'wamp.error.invalid_uri');
    assert.equal(peer.closeInfo, null, 'the session is still open');
  }, {});
}

suite.check('rpc.cancel.after_result', async (t) => {
  // CANCEL for a call already answered: the router ignores it, and the session goes on.
  const callee = await namedCallee(t, suite.uri('quick'), 'quick');
  const caller = await open(t);
  const call = caller.session.call(suite.uri('quick'));
  assert.equal(await call, 'quick');
  call.cancel({ mode: 'kill' });
  assert.equal(await caller.session.call(suite.uri('quick')), 'quick', 'a call after the late CANCEL');
  await sleep(50);
  assert.ok(!caller.received.items.some((m) => m[0] === 3 || m[0] === MSG_ERROR), 'an ABORT or ERROR for the late CANCEL');
  assert.equal(callee.closeInfo, null);
});

async function sharedCalls(t, policy, calls) {
  const uri = suite.uri(`shared.${policy}`);
  await namedCallee(t, uri, 'a', { invoke: policy });
  await namedCallee(t, uri, 'b', { invoke: policy });
  const caller = await open(t);
  const answers = [];
  for (let i = 0; i < calls; i++) {
    answers.push(await caller.session.call(uri));
  }
  return answers;
}

suite.check('rpc.shared.roundrobin', async (t) => {
  assert.deepEqual(await sharedCalls(t, 'roundrobin', 6), ['a', 'b', 'a', 'b', 'a', 'b']);
});

suite.check('rpc.shared.first', async (t) => {
  assert.deepEqual(await sharedCalls(t, 'first', 4), ['a', 'a', 'a', 'a']);
});

suite.check('rpc.shared.last', async (t) => {
  assert.deepEqual(await sharedCalls(t, 'last', 4), ['b', 'b', 'b', 'b']);
});

suite.check('rpc.shared.random', async (t) => {
  const answers = await sharedCalls(t, 'random', 40);
  const a = answers.filter((x) => x === 'a').length;
  assert.ok(a >= 5 && a <= 35, `40 random calls went ${a} to a, ${40 - a} to b`);
  return `${a} × a, ${40 - a} × b`;
});

suite.check('rpc.shared.callee_leaves', async (t) => {
  const uri = suite.uri('shared.leaving');
  const a = await namedCallee(t, uri, 'a', { invoke: 'first' });
  await namedCallee(t, uri, 'b', { invoke: 'first' });
  const caller = await open(t);
  assert.equal(await caller.session.call(uri), 'a');
  await close(a);
  assert.equal(await caller.session.call(uri), 'b', 'after the first callee left');
});

suite.check('rpc.callee_gone', async (t) => {
  // The callee leaves while a call is pending at it: the caller still gets an answer, wamp.error.canceled.
  const uri = suite.uri('vanishing');
  const { peer: callee, invocations } = await holdingCallee(t, uri);
  const caller = await open(t);
  const answer = rejection(caller.session.call(uri), 'a call whose callee left');
  await invocations.count(1);
  await close(callee);
  assert.equal(errorUri(await answer), 'wamp.error.canceled');
  assert.equal(caller.closeInfo, null, 'the caller session is still open');
});

suite.check('rpc.concurrency.max_concurrency_reached', async (t) => {
  const uri = suite.uri('concurrency.one');
  const { hold, invocations } = await holdingCallee(t, uri, { concurrency: 1 });
  const caller = await open(t);
  const first = caller.session.call(uri);
  await invocations.count(1);
  const error = await rejection(caller.session.call(uri), 'a second call while the only callee is busy');
  assert.equal(errorUri(error), 'crossbar.error.max_concurrency_reached');
  hold.release();
  assert.equal(await first, 'released');
  assert.equal(await caller.session.call(uri), 'released', 'a call after the slot was freed');
});

suite.check('rpc.concurrency.busy_callee_skipped', async (t) => {
  const uri = suite.uri('concurrency.skip');
  const a = await holdingCallee(t, uri, { invoke: 'first', concurrency: 1 });
  const b = await holdingCallee(t, uri, { invoke: 'first', concurrency: 1 });
  const caller = await open(t);
  const first = caller.session.call(uri);
  await a.invocations.count(1);
  const second = caller.session.call(uri);
  await b.invocations.count(1, 3000, 'the second call at the second callee');
  const third = await rejection(caller.session.call(uri), 'a third call while both callees are busy');
  assert.equal(errorUri(third), 'crossbar.error.max_concurrency_reached');
  a.hold.release();
  b.hold.release();
  assert.deepEqual([await first, await second], ['released', 'released']);
});

suite.check('rpc.progressive_results', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('progress');
  await callee.session.register(uri, async (args, kwargs, details) => {
    assert.equal(typeof details.progress, 'function', 'the invocation asks for progressive results');
    for (const step of [1, 2, 3]) {
      details.progress([step], { step });
      await sleep(5);
    }
    return 'done';
  });
  const caller = await open(t);
  const progress = [];
  const result = await caller.session.call(uri, [], {}, { receive_progress: true })
      .then((value) => value, undefined, (update) => progress.push(update));
  assert.equal(result, 'done');
  assert.deepEqual(progress.map((p) => [p.args, p.kwargs]), [[[1], { step: 1 }], [[2], { step: 2 }], [[3], { step: 3 }]]);
});

suite.check('rpc.cancel.kill', async (t) => {
  // Autobahn|JS does not announce call_canceling as a callee, so the router must cancel in skip mode: the caller
  // gets wamp.error.canceled at once, and the callee gets no INTERRUPT (which it could not handle).
  const uri = suite.uri('cancel.kill');
  const { peer: callee, hold, invocations } = await holdingCallee(t, uri);
  const caller = await open(t);
  const call = caller.session.call(uri);
  await invocations.count(1);
  call.cancel({ mode: 'kill' });
  const error = await rejection(call, 'the canceled call');
  assert.equal(errorUri(error), 'wamp.error.canceled');
  hold.release();
  await sleep(100);
  assert.ok(!callee.received.items.some((m) => m[0] === MSG_INTERRUPT), 'the callee got an INTERRUPT it never asked for');
  assert.equal(callee.closeInfo, null, 'the callee session is still open');
});

for (const mode of ['skip', 'killnowait']) {
  suite.check(`rpc.cancel.${mode}`, async (t) => {
    const uri = suite.uri(`cancel.${mode}`);
    const { hold, invocations } = await holdingCallee(t, uri);
    const caller = await open(t);
    const call = caller.session.call(uri);
    await invocations.count(1);
    call.cancel({ mode });
    await rejection(call, 'the canceled call');
    // Autobahn|JS settles the call itself in these modes; the router's answer is what matters here.
    const messages = await caller.received.until((items) => items.some((m) => m[0] === MSG_ERROR && m[1] === MSG_CALL),
        3000, 'the router\'s ERROR for the canceled CALL');
    const answer = messages.find((m) => m[0] === MSG_ERROR && m[1] === MSG_CALL);
    assert.equal(answer[4], 'wamp.error.canceled');
    hold.release();
    await sleep(50);
    return caller.closeInfo
      ? `router answered ${answer[4]}; Autobahn|JS then dropped its transport (it had already forgotten the call)`
      : `router answered ${answer[4]}`;
  });
}

suite.check('rpc.timeout', async (t) => {
  const uri = suite.uri('slow');
  const { peer: callee, invocations } = await holdingCallee(t, uri);
  const caller = await open(t);
  const started = Date.now();
  const error = await rejection(caller.session.call(uri, [], {}, { timeout: 300 }), 'a call that outlives its timeout');
  const elapsed = Date.now() - started;
  assert.equal(errorUri(error), 'wamp.error.timeout');
  assert.ok(elapsed >= 250, `timed out after ${elapsed} ms, before the 300 ms asked for`);
  assert.equal(invocations.items.length, 1);
  assert.ok(!callee.received.items.some((m) => m[0] === MSG_INTERRUPT), 'INTERRUPT sent to a callee without call_canceling');
  return `wamp.error.timeout after ${elapsed} ms`;
});

suite.check('rpc.timeout.frees_concurrency_slot', async (t) => {
  const uri = suite.uri('slow.limited');
  const { invocations } = await holdingCallee(t, uri, { concurrency: 1 });
  const caller = await open(t);
  const first = await rejection(caller.session.call(uri, [], {}, { timeout: 200 }));
  assert.equal(errorUri(first), 'wamp.error.timeout');
  const second = await rejection(caller.session.call(uri, [], {}, { timeout: 200 }));
  assert.equal(errorUri(second), 'wamp.error.timeout', 'the second call reached the callee whose first call timed out');
  assert.equal(invocations.items.length, 2);
});

suite.check('rpc.caller_disclosure', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('who');
  await callee.session.register(uri, (args, kwargs, details) => new autobahn.Result([], {
    caller: details.caller ?? 'hidden', authid: details.caller_authid ?? 'hidden', authrole: details.caller_authrole ?? 'hidden',
  }));
  const caller = await open(t, { authid: `carol-${run}` });
  const disclosed = await caller.session.call(uri, [], {}, { disclose_me: true });
  assert.deepEqual(disclosed.kwargs, { caller: caller.id, authid: `carol-${run}`, authrole: caller.authrole });
  const hidden = await caller.session.call(uri, [], {}, {});
  assert.deepEqual(hidden.kwargs, { caller: 'hidden', authid: 'hidden', authrole: 'hidden' });
});

suite.check('rpc.register.disclose_caller', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('who.always');
  await callee.session.register(uri, (args, kwargs, details) => details.caller ?? 'hidden', { disclose_caller: true });
  const caller = await open(t);
  assert.equal(await caller.session.call(uri), caller.id);
});

suite.check('rpc.pattern.prefix', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('pfx');
  await callee.session.register(uri, (args, kwargs, details) => details.procedure, { match: 'prefix' });
  const caller = await open(t);
  assert.equal(await caller.session.call(`${uri}.a.b`), `${uri}.a.b`);
  assert.equal(await caller.session.call(uri), uri);
});

suite.check('rpc.pattern.wildcard', async (t) => {
  const callee = await open(t);
  const pattern = suite.uri('wild..end');
  await callee.session.register(pattern, (args, kwargs, details) => details.procedure, { match: 'wildcard' });
  const caller = await open(t);
  assert.equal(await caller.session.call(suite.uri('wild.x.end')), suite.uri('wild.x.end'));
  const error = await rejection(caller.session.call(suite.uri('wild.x.y.end')), 'a call with one component too many');
  assert.equal(errorUri(error), 'wamp.error.no_such_procedure');
});

suite.check('rpc.pattern.precedence', async (t) => {
  // Exact before the longest prefix, before a shorter prefix, before a wildcard ("Pattern-based Registration").
  const callee = await open(t);
  await callee.session.register(suite.uri('prec.a.b.e'), () => 'exact');
  await callee.session.register(suite.uri('prec.a.b'), () => 'long prefix', { match: 'prefix' });
  await callee.session.register(suite.uri('prec.a'), () => 'short prefix', { match: 'prefix' });
  // a wildcard that also matches the long-prefix call, and one that also matches the short-prefix call
  await callee.session.register(suite.uri('prec..b.c'), () => 'wildcard', { match: 'wildcard' });
  await callee.session.register(suite.uri('prec..x.c'), () => 'wildcard', { match: 'wildcard' });
  const caller = await open(t);
  const answers = [];
  for (const procedure of ['prec.a.b.e', 'prec.a.b.c', 'prec.a.b', 'prec.a.x.c', 'prec.z.x.c']) {
    answers.push(await caller.session.call(suite.uri(procedure)));
  }
  assert.deepEqual(answers, ['exact', 'long prefix', 'long prefix', 'short prefix', 'wildcard']);
});

// --- publish and subscribe ---

suite.check('pubsub.args_kwargs', async (t) => {
  const topic = suite.uri('topic.payload');
  const s = await subscriber(t, topic);
  const publisher = await open(t);
  await publisher.session.publish(topic, ARGS, KWARGS, { acknowledge: true });
  const [event] = await s.events.count(1);
  assert.deepEqual(event.args, ARGS);
  assert.deepEqual(event.kwargs, KWARGS);
  assert.equal(event.details.topic, topic);
  assert.equal(event.details.publisher, undefined, 'publisher disclosed without asking');
});

suite.check('pubsub.acknowledge', async (t) => {
  const publisher = await open(t);
  const publication = await publisher.session.publish(suite.uri('topic.ack'), [], {}, { acknowledge: true });
  assert.equal(typeof publication.id, 'number');
  assert.ok(publication.id > 0);
});

suite.check('pubsub.exclude_me', async (t) => {
  const topic = suite.uri('topic.me');
  const self = await subscriber(t, topic);
  const other = await subscriber(t, topic);
  assert.deepEqual(await deliveredTo(self.peer, topic, {}, [self, other]), [false, true], 'by default');
  assert.deepEqual(await deliveredTo(self.peer, topic, { exclude_me: false }, [self, other]), [true, true],
      'with exclude_me false');
});

async function threeSubscribers(t, topic) {
  const b = await subscriber(t, topic, undefined, { authid: `bob-${run}` });
  const c = await subscriber(t, topic, undefined, { authid: `carol-${run}` });
  const d = await subscriber(t, topic, undefined, { authid: `dave-${run}` });
  return [b, c, d];
}

suite.check('pubsub.exclude', async (t) => {
  const topic = suite.uri('topic.exclude');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { exclude: [subs[0].peer.id, subs[2].peer.id] }, subs),
      [false, true, false]);
});

suite.check('pubsub.eligible', async (t) => {
  const topic = suite.uri('topic.eligible');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible: [subs[1].peer.id] }, subs), [false, true, false]);
});

suite.check('pubsub.exclude_authid', async (t) => {
  const topic = suite.uri('topic.exclude_authid');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { exclude_authid: [`bob-${run}`] }, subs), [false, true, true]);
});

suite.check('pubsub.eligible_authid', async (t) => {
  const topic = suite.uri('topic.eligible_authid');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible_authid: [`bob-${run}`, `dave-${run}`] }, subs),
      [true, false, true]);
});

suite.check('pubsub.authrole_lists', async (t) => {
  const topic = suite.uri('topic.authrole');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  const role = subs[0].peer.authrole;
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible_authrole: [role] }, subs), [true, true, true],
      `eligible_authrole [${role}]`);
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible_authrole: ['interop-nobody'] }, subs),
      [false, false, false], 'eligible_authrole of another role');
  assert.deepEqual(await deliveredTo(publisher, topic, { exclude_authrole: [role] }, subs), [false, false, false],
      `exclude_authrole [${role}]`);
});

suite.check('pubsub.lists_combined', async (t) => {
  const topic = suite.uri('topic.combined');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  const options = { eligible: [subs[0].peer.id, subs[1].peer.id], exclude_authid: [`carol-${run}`] };
  assert.deepEqual(await deliveredTo(publisher, topic, options, subs), [true, false, false]);
});

suite.check('pubsub.publisher_disclosure', async (t) => {
  const topic = suite.uri('topic.disclose');
  const s = await subscriber(t, topic);
  const publisher = await open(t, { authid: `erin-${run}` });
  await publisher.session.publish(topic, ['disclosed'], {}, { acknowledge: true, disclose_me: true });
  await publisher.session.publish(topic, ['hidden'], {}, { acknowledge: true });
  const [disclosed, hidden] = await s.events.count(2);
  assert.equal(disclosed.details.publisher, publisher.id);
  assert.equal(disclosed.details.publisher_authid, `erin-${run}`);
  assert.equal(disclosed.details.publisher_authrole, publisher.authrole);
  assert.equal(hidden.details.publisher, undefined);
});

suite.check('pubsub.pattern.prefix', async (t) => {
  const prefix = suite.uri('pfx');
  const s = await subscriber(t, prefix, { match: 'prefix' });
  const publisher = await open(t);
  await publisher.session.publish(`${prefix}.a.b`, [1], {}, { acknowledge: true });
  const [event] = await s.events.count(1);
  assert.equal(event.details.topic, `${prefix}.a.b`);
  assert.deepEqual(event.args, [1]);
});

suite.check('pubsub.pattern.wildcard', async (t) => {
  const s = await subscriber(t, suite.uri('wc..x'), { match: 'wildcard' });
  const publisher = await open(t);
  await publisher.session.publish(suite.uri('wc.any.y'), ['miss'], {}, { acknowledge: true });
  await publisher.session.publish(suite.uri('wc.any.x'), ['hit'], {}, { acknowledge: true });
  await publisher.session.publish(suite.uri('wc.any.x.more'), ['miss'], {}, { acknowledge: true });
  await publisher.session.publish(suite.uri('wc.end.x'), ['end'], {}, { acknowledge: true });
  const events = await s.events.until((items) => items.some((e) => e.args[0] === 'end'));
  assert.deepEqual(events.map((e) => [e.args[0], e.details.topic]),
      [['hit', suite.uri('wc.any.x')], ['end', suite.uri('wc.end.x')]]);
});

suite.check('pubsub.pattern.every_match', async (t) => {
  const peer = await open(t);
  const events = new Inbox('events');
  const topic = suite.uri('all.a.b');
  for (const [uri, match] of [[topic, 'exact'], [suite.uri('all'), 'prefix'], [suite.uri('all..b'), 'wildcard']]) {
    await peer.session.subscribe(uri, (args, kwargs, details) => events.push(match), { match });
  }
  const publisher = await open(t);
  await publisher.session.publish(topic, [], {}, { acknowledge: true });
  const got = await events.count(3);
  await sleep(50);
  assert.deepEqual([...events.items].sort(), ['exact', 'prefix', 'wildcard']);
  return `delivered through ${got.length} subscriptions`;
});

suite.check('pubsub.unsubscribe', async (t) => {
  const topic = suite.uri('topic.unsub');
  const marker = suite.uri('topic.unsub.marker');
  const peer = await open(t);
  const events = new Inbox('events');
  const subscription = await peer.session.subscribe(topic, (args) => events.push(args[0]));
  await peer.session.subscribe(marker, (args) => events.push(args[0]));
  const publisher = await open(t);
  await publisher.session.publish(topic, ['before'], {}, { acknowledge: true });
  await events.count(1);
  await peer.session.unsubscribe(subscription);
  await publisher.session.publish(topic, ['after'], {}, { acknowledge: true });
  await publisher.session.publish(marker, ['marker'], {}, { acknowledge: true });
  await events.until((items) => items.includes('marker'));
  assert.deepEqual(events.items, ['before', 'marker']);
});

suite.check('pubsub.retained', async (t) => {
  const topic = suite.uri('topic.retained');
  const publisher = await open(t, { authid: `frank-${run}` });
  await publisher.session.publish(topic, ['old'], {}, { acknowledge: true, retain: true });
  await publisher.session.publish(topic, ['latest'], { k: null }, { acknowledge: true, retain: true, disclose_me: true });
  const late = await subscriber(t, topic, { get_retained: true });
  const [event] = await late.events.count(1, 3000, 'the retained event');
  assert.deepEqual(event.args, ['latest']);
  assert.deepEqual(event.kwargs, { k: null });
  assert.equal(event.details.retained, true);
  assert.equal(event.details.publisher, publisher.id, 'the retained event keeps its publisher disclosure');
  const uninterested = await subscriber(t, topic);
  await deliveredTo(publisher, topic, {}, [uninterested, late]);
  assert.deepEqual(uninterested.events.items.map((e) => e.args[0]), ['test', 'marker'],
      'events of a subscriber that did not ask for the retained one');
  assert.equal(late.events.items.filter((e) => e.details.retained).length, 1, 'the retained event came once');
});

suite.check('pubsub.retained.pattern', async (t) => {
  const publisher = await open(t);
  await publisher.session.publish(suite.uri('retained.p.one'), ['one'], {}, { acknowledge: true, retain: true });
  await publisher.session.publish(suite.uri('retained.p.two'), ['two'], {}, { acknowledge: true, retain: true });
  const s = await subscriber(t, suite.uri('retained.p'), { match: 'prefix', get_retained: true });
  const events = await s.events.count(2, 3000, 'both retained events');
  assert.deepEqual(events.map((e) => e.args[0]).sort(), ['one', 'two']);
  assert.ok(events.every((e) => e.details.retained === true && e.details.topic.startsWith(suite.uri('retained.p.'))));
});

suite.check('pubsub.reserved_topic', async (t) => {
  const publisher = await open(t);
  const error = await rejection(publisher.session.publish(`wamp.interop.${run}`, [], {}, { acknowledge: true }));
  assert.equal(errorUri(error), 'wamp.error.invalid_uri');
});

// --- meta API ---
// The router announces the session, registration, subscription and testament meta APIs in WELCOME, so every meta
// check needs them: if the router does not announce them, or does not answer wamp.session.count, each check fails with
// that account (a broken meta API must not pass for a missing optional feature).
//
// The kill_by_authrole and kill_all checks end every other session with the authrole "anonymous" (all of them, on an
// open realm) in the realm: run by hand against a router that others use, leave them out, e.g. with
// --only '^(?!meta\.session\.kill_(all|by_authrole)$)'.

suite.requirement('meta', async () => {
  const probe = await open({ cleanup() {} });
  try {
    const unannounced = unannouncedMetaFeatures(probe.details.roles);
    if (unannounced.length > 0) {
      return `WELCOME does not announce ${unannounced.join(', ')}`;
    }
    await probe.session.call('wamp.session.count');
    return null;
  } catch (error) {
    return `wamp.session.count answered ${errorUri(error) || describe(error)}`;
  } finally {
    await close(probe);
  }
});

suite.check('meta.session.count', async (t) => {
  const a = await open(t);
  const before = await a.session.call('wamp.session.count');
  const b = await open(t);
  assert.equal(await a.session.call('wamp.session.count'), before + 1, 'after a session joined');
  await close(b);
  assert.equal(await a.session.call('wamp.session.count'), before, 'after it left');
}, { needs: 'meta' });

suite.check('meta.session.list', async (t) => {
  const a = await open(t);
  const b = await open(t);
  const list = await a.session.call('wamp.session.list');
  assert.ok(Array.isArray(list), `wamp.session.list answered ${describe(list)}`);
  assert.ok(list.includes(a.id) && list.includes(b.id), `${describe(list)} lacks ${a.id} or ${b.id}`);
}, { needs: 'meta' });

suite.check('meta.session.get', async (t) => {
  const a = await open(t);
  const b = await open(t, { authid: `grace-${run}` });
  const details = await a.session.call('wamp.session.get', [b.id]);
  assert.equal(details.session, b.id);
  assert.equal(details.authid, `grace-${run}`);
  assert.equal(details.authrole, b.authrole);
  assert.equal(details.authmethod, 'anonymous');
  const error = await rejection(a.session.call('wamp.session.get', [1]), 'wamp.session.get of an unknown session');
  assert.equal(errorUri(error), 'wamp.error.no_such_session');
}, { needs: 'meta' });

suite.check('meta.session.on_join_on_leave', async (t) => {
  const watcher = await open(t);
  const joins = new Inbox('on_join');
  const leaves = new Inbox('on_leave');
  await watcher.session.subscribe('wamp.session.on_join', (args) => joins.push(args));
  await watcher.session.subscribe('wamp.session.on_leave', (args) => leaves.push(args));
  const b = await open(t, { authid: `heidi-${run}` });
  const joined = await joins.until((items) => items.some((args) => args[0] && args[0].session === b.id));
  const info = joined.find((args) => args[0].session === b.id)[0];
  assert.equal(info.authid, `heidi-${run}`);
  await close(b);
  await leaves.until((items) => items.some((args) => args[0] === b.id), 3000, `on_leave of ${b.id}`);
}, { needs: 'meta' });

suite.check('meta.registration', async (t) => {
  const uri = suite.uri('meta.shared');
  const a = await open(t);
  const registration = await a.session.register(uri, () => 'a', { invoke: 'roundrobin' });
  const b = await namedCallee(t, uri, 'b', { invoke: 'roundrobin' });
  const prefix = await a.session.register(suite.uri('meta.pfx'), () => 'p', { match: 'prefix' });
  const caller = await open(t);
  const call = (procedure, ...args) => caller.session.call(procedure, args);
  assert.equal(await call('wamp.registration.lookup', uri), registration.id, 'lookup');
  assert.equal(await call('wamp.registration.lookup', suite.uri('meta.pfx'), { match: 'prefix' }), prefix.id,
      'lookup of a prefix registration');
  assert.equal(await call('wamp.registration.lookup', suite.uri('meta.pfx')), null,
      'lookup of the prefix registration\'s URI as exact');
  assert.equal(await call('wamp.registration.lookup', suite.uri('meta.none')), null, 'lookup of nothing');
  assert.equal(await call('wamp.registration.match', suite.uri('meta.pfx.x')), prefix.id, 'match');
  assert.equal(await call('wamp.registration.match', suite.uri('meta.none')), null, 'match of nothing');
  assert.deepEqual([...await call('wamp.registration.list_callees', registration.id)].sort(), [a.id, b.id].sort(),
      'list_callees');
  assert.equal(await call('wamp.registration.count_callees', registration.id), 2, 'count_callees');
  const error = await rejection(call('wamp.registration.count_callees', 1));
  assert.equal(errorUri(error), 'wamp.error.no_such_registration');
}, { needs: 'meta' });

suite.check('meta.registration.list_get', async (t) => {
  const callee = await open(t);
  const exact = await callee.session.register(suite.uri('meta.lg.exact'), () => 0, { invoke: 'first' });
  const prefix = await callee.session.register(suite.uri('meta.lg.pfx'), () => 0, { match: 'prefix' });
  const wildcard = await callee.session.register(suite.uri('meta.lg..w'), () => 0, { match: 'wildcard' });
  const caller = await open(t);
  const lists = await caller.session.call('wamp.registration.list');
  assert.deepEqual(Object.keys(lists).sort(), ['exact', 'prefix', 'wildcard'], 'RegistrationLists');
  assert.deepEqual(['exact', 'prefix', 'wildcard'].map((match) => lists[match].includes(exact.id)), [true, false, false],
      'the exact registration listed under exact only');
  assert.deepEqual(['exact', 'prefix', 'wildcard'].map((match) => lists[match].includes(prefix.id)), [false, true, false],
      'the prefix registration listed under prefix only');
  assert.deepEqual(['exact', 'prefix', 'wildcard'].map((match) => lists[match].includes(wildcard.id)),
      [false, false, true], 'the wildcard registration listed under wildcard only');
  const get = (id) => caller.session.call('wamp.registration.get', [id]);
  for (const [registration, uri, match, invoke] of [[exact, 'meta.lg.exact', 'exact', 'first'],
    [prefix, 'meta.lg.pfx', 'prefix', 'single'], [wildcard, 'meta.lg..w', 'wildcard', 'single']]) {
    const details = await get(registration.id);
    assert.deepEqual({ id: details.id, uri: details.uri, match: details.match, invoke: details.invoke },
        { id: registration.id, uri: suite.uri(uri), match, invoke }, `RegistrationDetails of ${uri}`);
    assert.ok(isIsoTime(details.created), `RegistrationDetails.created ${describe(details.created)}`);
  }
  const error = await rejection(get(1), 'wamp.registration.get of an unknown registration');
  assert.equal(errorUri(error), 'wamp.error.no_such_registration');
}, { needs: 'meta' });

suite.check('meta.registration.events', async (t) => {
  // on_create, then on_register for the first callee; on_register for the second; on_unregister when it unregisters;
  // on_unregister, then on_delete when the last callee leaves (a MUST each: "Registration Meta Events").
  const watcher = await open(t);
  const events = new Inbox('registration meta events');
  for (const kind of ['on_create', 'on_register', 'on_unregister', 'on_delete']) {
    await watcher.session.subscribe(`wamp.registration.${kind}`, (args) => events.push([kind, ...args]));
  }
  const uri = suite.uri('meta.events.proc');
  const a = await open(t);
  await a.session.register(uri, () => 'a', { invoke: 'roundrobin' });
  const b = await open(t);
  const registration = await b.session.register(uri, () => 'b', { invoke: 'roundrobin' });
  await b.session.unregister(registration);
  await close(a);
  const ours = (items) => items.filter(([kind, , x]) => (kind === 'on_create' ? x && x.uri === uri : x === registration.id));
  const got = ours(await events.until((items) => ours(items).some(([kind]) => kind === 'on_delete'), 3000,
      `on_delete of ${uri}`));
  assert.deepEqual(got.map(([kind, session]) => [kind, session]), [['on_create', a.id], ['on_register', a.id],
    ['on_register', b.id], ['on_unregister', b.id], ['on_unregister', a.id], ['on_delete', a.id]]);
  const details = got[0][2];
  assert.deepEqual({ id: details.id, uri: details.uri, match: details.match, invoke: details.invoke },
      { id: registration.id, uri, match: 'exact', invoke: 'roundrobin' }, 'on_create RegistrationDetails');
  assert.ok(isIsoTime(details.created), `RegistrationDetails.created ${describe(details.created)}`);
}, { needs: 'meta' });

suite.check('meta.subscription', async (t) => {
  const topic = suite.uri('meta.topic');
  const a = await subscriber(t, topic);
  const b = await subscriber(t, topic);
  const caller = await open(t);
  const call = (procedure, ...args) => caller.session.call(procedure, args);
  const id = await call('wamp.subscription.lookup', topic);
  assert.equal(typeof id, 'number', `wamp.subscription.lookup answered ${describe(id)}`);
  assert.equal(await call('wamp.subscription.lookup', topic, { match: 'prefix' }), null,
      'lookup of the topic as a prefix');
  assert.equal(await call('wamp.subscription.lookup', suite.uri('meta.none')), null, 'lookup of nothing');
  assert.equal(await call('wamp.subscription.match', topic).then((ids) => ids.includes(id)), true, 'match');
  assert.equal(await call('wamp.subscription.match', suite.uri('meta.none')), null, 'match of nothing');
  assert.deepEqual([...await call('wamp.subscription.list_subscribers', id)].sort(), [a.peer.id, b.peer.id].sort(),
      'list_subscribers');
  assert.equal(await call('wamp.subscription.count_subscribers', id), 2, 'count_subscribers');
  const error = await rejection(call('wamp.subscription.count_subscribers', 1));
  assert.equal(errorUri(error), 'wamp.error.no_such_subscription');
}, { needs: 'meta' });

suite.check('meta.subscription.list_get', async (t) => {
  const peer = await open(t);
  const exact = await peer.session.subscribe(suite.uri('meta.lg.topic'), () => {});
  const prefix = await peer.session.subscribe(suite.uri('meta.lg.tpfx'), () => {}, { match: 'prefix' });
  const wildcard = await peer.session.subscribe(suite.uri('meta.lg..t'), () => {}, { match: 'wildcard' });
  const caller = await open(t);
  const lists = await caller.session.call('wamp.subscription.list');
  assert.deepEqual(Object.keys(lists).sort(), ['exact', 'prefix', 'wildcard'], 'SubscriptionLists');
  for (const [subscription, expected] of [[exact, [true, false, false]], [prefix, [false, true, false]],
    [wildcard, [false, false, true]]]) {
    assert.deepEqual(['exact', 'prefix', 'wildcard'].map((match) => lists[match].includes(subscription.id)), expected,
        `the lists of ${subscription.topic}`);
  }
  const get = (id) => caller.session.call('wamp.subscription.get', [id]);
  for (const [subscription, uri, match] of [[exact, 'meta.lg.topic', 'exact'], [prefix, 'meta.lg.tpfx', 'prefix'],
    [wildcard, 'meta.lg..t', 'wildcard']]) {
    const details = await get(subscription.id);
    assert.deepEqual({ id: details.id, uri: details.uri, match: details.match },
        { id: subscription.id, uri: suite.uri(uri), match }, `SubscriptionDetails of ${uri}`);
    assert.ok(isIsoTime(details.created), `SubscriptionDetails.created ${describe(details.created)}`);
  }
  const error = await rejection(get(1), 'wamp.subscription.get of an unknown subscription');
  assert.equal(errorUri(error), 'wamp.error.no_such_subscription');
}, { needs: 'meta' });

suite.check('meta.subscription.events', async (t) => {
  // The same lifecycle as meta.registration.events, for a prefix subscription ("Subscription Meta Events").
  const watcher = await open(t);
  const events = new Inbox('subscription meta events');
  for (const kind of ['on_create', 'on_subscribe', 'on_unsubscribe', 'on_delete']) {
    await watcher.session.subscribe(`wamp.subscription.${kind}`, (args) => events.push([kind, ...args]));
  }
  const topic = suite.uri('meta.events.topic');
  const a = await open(t);
  await a.session.subscribe(topic, () => {}, { match: 'prefix' });
  const b = await open(t);
  const subscription = await b.session.subscribe(topic, () => {}, { match: 'prefix' });
  await b.session.unsubscribe(subscription);
  await close(a);
  const ours = (items) => items.filter(([kind, , x]) => (kind === 'on_create' ? x && x.uri === topic : x === subscription.id));
  const got = ours(await events.until((items) => ours(items).some(([kind]) => kind === 'on_delete'), 3000,
      `on_delete of ${topic}`));
  assert.deepEqual(got.map(([kind, session]) => [kind, session]), [['on_create', a.id], ['on_subscribe', a.id],
    ['on_subscribe', b.id], ['on_unsubscribe', b.id], ['on_unsubscribe', a.id], ['on_delete', a.id]]);
  const details = got[0][2];
  assert.deepEqual({ id: details.id, uri: details.uri, match: details.match },
      { id: subscription.id, uri: topic, match: 'prefix' }, 'on_create SubscriptionDetails');
  assert.ok(isIsoTime(details.created), `SubscriptionDetails.created ${describe(details.created)}`);
}, { needs: 'meta' });

// wamp.session.kill*: the router sends the killed session GOODBYE with the reason and message asked for, then closes
// the connection once the GOODBYE is written; so every kill check asserts the GOODBYE the killed client got.

/** Waits for {@code peer} to be closed, and returns the reason and message of the GOODBYE it got. */
async function goodbyeOf(peer, what) {
  const { details } = await withTimeout(peer.closed, 3000, `${what} to close`);
  return [details.reason, details.message];
}

suite.check('meta.session.kill', async (t) => {
  const a = await open(t);
  const b = await open(t);
  await a.session.call('wamp.session.kill', [b.id], { reason: 'interop.close.killed', message: 'bye' });
  assert.deepEqual(await goodbyeOf(b, 'the killed session'), ['interop.close.killed', 'bye'],
      'GOODBYE reason and message the killed session got');
  const error = await rejection(a.session.call('wamp.session.kill', [a.id]), 'killing the caller itself');
  assert.equal(errorUri(error), 'wamp.error.no_such_session');
}, { needs: 'meta' });

suite.check('meta.session.kill_by_authid', async (t) => {
  const authid = `ivan-${run}`;
  const caller = await open(t, { authid });
  const victims = [await open(t, { authid }), await open(t, { authid })];
  const bystander = await open(t);
  const killed = await caller.session.call('wamp.session.kill_by_authid', [authid],
      { reason: 'interop.close.by_authid', message: 'all of them' });
  assert.equal(killed, 2, 'sessions killed (the caller, of the same authid, is not)');
  for (const victim of victims) {
    assert.deepEqual(await goodbyeOf(victim, 'a killed session'), ['interop.close.by_authid', 'all of them']);
  }
  assert.equal(await caller.session.call('wamp.session.kill_by_authid', [`nobody-${run}`]), 0, 'kill of no authid');
  assert.equal(caller.closeInfo, null, 'the caller is still open');
  assert.equal(bystander.closeInfo, null, 'the session of another authid is still open');
}, { needs: 'meta' });

suite.check('meta.session.kill_by_authrole', async (t) => {
  const caller = await open(t);
  const victims = [await open(t), await open(t)];
  const role = caller.authrole;
  assert.equal(await caller.session.call('wamp.session.kill_by_authrole', [`interop-nobody-${run}`]), 0,
      'kill of a role no session has');
  assert.deepEqual(victims.map((v) => v.closeInfo), [null, null], 'sessions open after killing nobody');
  const sameRole = await caller.session.call('wamp.session.count', [[role]]);
  const killed = await caller.session.call('wamp.session.kill_by_authrole', [role],
      { reason: 'interop.close.by_authrole', message: role });
  assert.ok(killed >= victims.length && killed <= sameRole - 1,
      `killed ${killed} sessions of role ${role}; ${sameRole} had it, the caller among them`);
  for (const victim of victims) {
    assert.deepEqual(await goodbyeOf(victim, 'a killed session'), ['interop.close.by_authrole', role]);
  }
  assert.equal(caller.closeInfo, null, 'the caller, of the same role, is still open');
  return `killed ${killed}`;
}, { needs: 'meta' });

suite.check('meta.session.kill_all', async (t) => {
  const caller = await open(t);
  const victims = [await open(t), await open(t)];
  const before = await caller.session.call('wamp.session.count');
  const killed = await caller.session.call('wamp.session.kill_all', [], { reason: 'interop.close.all', message: 'all' });
  assert.ok(killed >= victims.length && killed <= before - 1, `killed ${killed} of ${before} sessions`);
  for (const victim of victims) {
    assert.deepEqual(await goodbyeOf(victim, 'a killed session'), ['interop.close.all', 'all']);
  }
  assert.equal(caller.closeInfo, null, 'the caller is still open');
  assert.ok(await caller.session.call('wamp.session.count') >= 1, 'the caller can still call');
  return `killed ${killed}`;
}, { needs: 'meta' });

suite.check('meta.session.testament', async (t) => {
  const topic = suite.uri('testament');
  const s = await subscriber(t, topic);
  const b = await open(t);
  await b.session.call('wamp.session.add_testament', [topic, ['gone', b.id], { last: null }]);
  await close(b);
  const [event] = await s.events.count(1, 3000, 'the testament');
  assert.deepEqual([event.args, event.kwargs], [['gone', b.id], { last: null }]);
}, { needs: 'meta' });

suite.check('meta.session.flush_testaments', async (t) => {
  // flush_testaments (scope "destroyed" by default) removes that scope's testaments only; a "detached" one stays.
  const topic = suite.uri('testament.flushed');
  const s = await subscriber(t, topic);
  const b = await open(t);
  await b.session.call('wamp.session.add_testament', [topic, ['destroyed, flushed']]);
  await b.session.call('wamp.session.add_testament', [topic, ['detached, kept']], { scope: 'detached' });
  await b.session.call('wamp.session.flush_testaments');
  await close(b);
  await s.events.count(1, 3000, 'the detached testament');
  const publisher = await open(t);
  await publisher.session.publish(topic, ['marker'], {}, { acknowledge: true });
  const events = await s.events.until((items) => items.some((e) => e.args[0] === 'marker'), 3000, 'the marker');
  assert.deepEqual(events.map((e) => e.args[0]), ['detached, kept', 'marker'], 'events after the session left');
}, { needs: 'meta' });

suite.run();
