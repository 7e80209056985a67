'use strict';
// Wampy.js (npm "wampy") against the router: every WAMP feature the client can express, over one serializer.
//   node wampy.cjs --url ws://127.0.0.1:8080/ws --realm realm1 --serializer json|msgpack|cbor
// Prints one JSON line per check (see harness.cjs) and exits non-zero when a check failed.
//
// What Wampy cannot express is not checked here: REGISTER.Options.concurrency and force_reregister (it sends only
// match, invoke and "_custom" options), publishing or registering under "wamp." (refused client-side), and calls to
// progressive invocations of a callee that supports them (no client here announces that callee feature). Two checks
// are reported as not run, each on a precise account of what Wampy sent: pubsub.exclude_me_false and pubsub.retained
// (Wampy leaves those PUBLISH.Options out).
//
// The kill_by_authrole and kill_all checks end every other session with the authrole "anonymous" (all of them, on an
// open realm) in the realm: run by hand against a router that others use, leave them out, e.g. with
// --only '^(?!meta\.session\.kill_(all|by_authrole)$)'.
const WebSocket = require('ws');
const { Wampy } = require('wampy');
const { JsonSerializer } = require('wampy/JsonSerializer.js');
const { MsgpackSerializer } = require('wampy/MsgpackSerializer.js');
const { CborSerializer } = require('wampy/CborSerializer.js');
const { Suite, Skip, Inbox, latch, rejection, sleep, withTimeout, describe, assert, ARGS, KWARGS } = require('./harness.cjs');

const MSG_ABORT = 3;
const MSG_GOODBYE = 6;
const MSG_PUBLISH = 16;
const MSG_UNSUBSCRIBED = 35;
const MSG_EVENT = 36;
const MSG_SUBSCRIBE = 32;
const MSG_INTERRUPT = 69;

const suite = new Suite('wampy', new Wampy(null, { ws: WebSocket }).version, ['json', 'msgpack', 'cbor']);
const { serializer } = suite.options;
const run = suite.prefix.slice(suite.prefix.lastIndexOf('.') + 1);

function newSerializer() {
  switch (serializer) {
    case 'json': return new JsonSerializer();
    case 'msgpack': return new MsgpackSerializer();
    case 'cbor': return new CborSerializer();
    default: throw new Error(`no serializer ${serializer}`);
  }
}

/**
 * Opens a session (closed again after the check). The peer records the messages it receives ({@code received})
 * and sends ({@code sent}), to see what crossed the wire where Wampy hides it.
 */
async function open(t, { authid, realm } = {}) {
  const peer = { received: new Inbox('messages received'), sent: [], closed: false };
  const wampy = new Wampy(suite.options.url, {
    realm: realm || suite.options.realm,
    ws: WebSocket,
    serializer: newSerializer(),
    autoReconnect: false,
    // Wampy sends an authid only together with authmethods and a challenge handler.
    ...(authid ? {
      authid,
      authmethods: ['anonymous'],
      onChallenge: () => {
        throw new Error('anonymous authentication has no challenge');
      },
    } : {}),
    onClose: () => {
      peer.closed = true;
    },
    onError: (error) => process.stderr.write(`wampy error: ${describe(error)}\n`),
  });
  const dispatch = wampy._wsOnMessage.bind(wampy);
  wampy._wsOnMessage = (event) => {
    try {
      peer.received.push(wampy._decode(event.data));
    } catch {
      // recorded as far as it decodes; Wampy reports the rest
    }
    return dispatch(event);
  };
  const send = wampy._send.bind(wampy);
  wampy._send = (message) => {
    if (message) {
      peer.sent.push(message);
    }
    return send(message);
  };
  t.cleanup(() => close(peer));
  peer.wampy = wampy;
  peer.details = await wampy.connect();
  peer.id = wampy.getSessionId();
  peer.authid = peer.details.authid;
  peer.authrole = peer.details.authrole;
  return peer;
}

async function close(peer) {
  if (!peer.closed && peer.wampy.getSessionId()) {
    await withTimeout(peer.wampy.disconnect(), 2000, 'disconnect').catch(() => {});
  }
}

async function namedCallee(t, uri, name, options) {
  const peer = await open(t);
  await peer.wampy.register(uri, () => name, options);
  return peer;
}

/** A callee that holds each invocation until the check releases it. */
async function holdingCallee(t, uri, options) {
  const peer = await open(t);
  const hold = latch();
  const invocations = new Inbox('invocations');
  t.cleanup(() => hold.release());
  await peer.wampy.register(uri, (invocation) => {
    invocations.push(invocation);
    return hold.promise.then(() => 'released');
  }, options);
  return { peer, hold, invocations };
}

/**
 * SUBSCRIBE.Options with match and get_retained set. Wampy sends both even when not given, as undefined, which its
 * MessagePack and CBOR encoders write as an extension type and as CBOR "undefined" (see pubsub.subscribe.default_options).
 */
function subscribeOptions(options) {
  return { match: 'exact', get_retained: false, ...options };
}

async function subscriber(t, topic, options, { authid } = {}) {
  const peer = await open(t, { authid });
  const events = new Inbox(`events of ${authid || 'subscriber'}`);
  await peer.wampy.subscribe(topic, (event) => events.push(event), subscribeOptions(options));
  return { peer, events };
}

/** The first positional result of a call, as Autobahn would give it. */
async function call(peer, uri, payload, options) {
  const result = await peer.wampy.call(uri, payload, options);
  return result.argsList ? result.argsList[0] : undefined;
}

let rounds = 0;

/** Publishes ['test', n] with {@code options}, then ['marker', n]; returns, per subscriber, whether it got the test. */
async function deliveredTo(publisher, topic, options, subscribers) {
  const round = ++rounds;
  await publisher.wampy.publish(topic, ['test', round], options);
  await publisher.wampy.publish(topic, ['marker', round]);
  const received = [];
  for (const s of subscribers) {
    const events = await s.events.until((items) => items.some((e) => e.argsList[0] === 'marker' && e.argsList[1] === round),
        3000, `marker ${round}`);
    received.push(events.some((e) => e.argsList[0] === 'test' && e.argsList[1] === round));
  }
  return received;
}

/** The options of the last PUBLISH this peer sent. */
function lastPublishOptions(peer) {
  const publish = peer.sent.filter((m) => m[0] === MSG_PUBLISH).pop();
  return publish ? publish[2] : undefined;
}

function errorUri(error) {
  return error && error.errorUri;
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

/**
 * Wampy's CBOR encoder (cbor-x) writes every JavaScript number from 2^32 up, and so most WAMP ids, as a float64 (the
 * major type 7 value 0xfb). That is exact up to 2^53, and the router reads an integral float64 as the id it equals
 * wherever WAMP messages carry ids (UNREGISTER, UNSUBSCRIBE, PUBLISH.Options.exclude/eligible, ...), so the checks
 * send ids as Wampy gives them, and a router that refuses one fails the check (see session.id_round_trip).
 */
function isFloat64OnTheWire(id) {
  return serializer === 'cbor' && newSerializer().encode(id)[0] === 0xfb;
}

/**
 * An id as this script passes it as an argument of a meta procedure: with CBOR as a BigInt, which cbor-x writes as an
 * integer, since the meta procedures take integers only (meta.session.get.float64_id checks a float64 id there).
 */
function wire(id) {
  return serializer === 'cbor' && typeof id === 'number' ? BigInt(id) : id;
}

const check = (name, fn, options) => suite.check(name, fn, options);

// --- session ---

check('session.welcome', async (t) => {
  const peer = await open(t);
  const { details } = peer;
  // Wampy's MessagePack decoder gives 64-bit integers (ids above 2^32) as BigInt.
  assert.ok(['number', 'bigint'].includes(typeof peer.id), `session id ${peer.id}`);
  assert.equal(peer.wampy._ws.protocol, `wamp.2.${serializer}`, 'negotiated WebSocket subprotocol');
  assert.equal(details.authmethod, 'anonymous');
  assert.equal(typeof details.authrole, 'string');
  for (const feature of ['publisher_identification', 'publisher_exclusion', 'subscriber_blackwhite_listing',
    'pattern_based_subscription', 'event_retention', ...META_FEATURES.broker]) {
    assert.equal(details.roles.broker.features[feature], true, `broker feature ${feature}`);
  }
  for (const feature of ['caller_identification', 'progressive_call_results', 'progressive_call_invocations',
    'call_timeout', 'call_canceling', 'pattern_based_registration', 'shared_registration', 'registration_revocation',
    ...META_FEATURES.dealer]) {
    assert.equal(details.roles.dealer.features[feature], true, `dealer feature ${feature}`);
  }
  return `session ${peer.id}, authid ${details.authid}`;
});

check('session.authid_requested', async (t) => {
  const peer = await open(t, { authid: `alice-${run}` });
  assert.equal(peer.details.authid, `alice-${run}`);
});

check('session.no_such_realm', async () => {
  const peers = [];
  const error = await rejection(open({ cleanup: (fn) => peers.push(fn) }, { realm: 'interop.no.such.realm' }));
  assert.equal(errorUri(error), 'wamp.error.no_such_realm', describe(error));
});

check('session.id_round_trip', async (t) => {
  // A session id exactly as Wampy hands it to the application, sent back in PUBLISH.Options.eligible: with CBOR, as
  // a float64 (see isFloat64OnTheWire), which the router must take for the id it equals.
  const topic = suite.uri('topic.id');
  const s = await subscriber(t, topic);
  const other = await subscriber(t, topic);
  const publisher = await open(t);
  try {
    await publisher.wampy.publish(topic, ['for you'], { eligible: [s.peer.id] });
  } catch (error) {
    const abort = publisher.received.items.find((m) => m[0] === MSG_ABORT);
    throw new assert.AssertionError({ message: `PUBLISH with eligible [${s.peer.id}] failed: ${describe(error)}`
        + (abort ? `; the router sent ABORT ${describe(abort.slice(1))}` : '') });
  }
  await s.events.count(1, 3000, 'the event for the eligible session');
  await publisher.wampy.publish(topic, ['marker']);
  await other.events.until((items) => items.some((e) => e.argsList[0] === 'marker'), 3000, 'the marker');
  assert.deepEqual(other.events.items.map((e) => e.argsList[0]), ['marker'], 'events of the session not eligible');
  return `session id ${s.peer.id} (${typeof s.peer.id}${isFloat64OnTheWire(s.peer.id) ? ', a float64 in CBOR' : ''})`;
});

check('session.goodbye', async (t) => {
  const peer = await open(t);
  await withTimeout(peer.wampy.disconnect(), 3000, 'the closing handshake');
  const goodbye = peer.received.items.find((m) => m[0] === MSG_GOODBYE);
  assert.ok(goodbye, 'the router answered GOODBYE');
  assert.equal(goodbye[2], 'wamp.close.goodbye_and_out');
});

// --- RPC ---

check('rpc.args_kwargs', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('echo');
  await callee.wampy.register(uri, ({ argsList, argsDict }) => ({ argsList, argsDict }));
  const caller = await open(t);
  const result = await caller.wampy.call(uri, { argsList: ARGS, argsDict: KWARGS });
  assert.deepEqual(result.argsList, ARGS);
  assert.deepEqual(result.argsDict, KWARGS);
});

check('rpc.args_or_kwargs_only', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('shape');
  await callee.wampy.register(uri, ({ argsList, argsDict }) => [argsList ?? 'none', argsDict ?? 'none']);
  const caller = await open(t);
  assert.deepEqual((await caller.wampy.call(uri, [null])).argsList, [[null], 'none']);
  assert.deepEqual((await caller.wampy.call(uri, { k: null })).argsList, [[], { k: null }]);
  assert.deepEqual((await caller.wampy.call(uri)).argsList, ['none', 'none']);
});

check('rpc.application_error', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('fails');
  await callee.wampy.register(uri, () => {
    const error = new Error('custom');
    Object.assign(error, { error: 'interop.error.custom', argsList: [1, 'two', null], argsDict: { reason: null, nested: { a: [] } } });
    throw error;
  });
  const caller = await open(t);
  const error = await rejection(caller.wampy.call(uri), 'calling a failing procedure');
  assert.equal(errorUri(error), 'interop.error.custom');
  assert.deepEqual(error.argsList, [1, 'two', null]);
  assert.deepEqual(error.argsDict, { reason: null, nested: { a: [] } });
});

check('rpc.no_such_procedure', async (t) => {
  const caller = await open(t);
  assert.equal(errorUri(await rejection(caller.wampy.call(suite.uri('nobody.home')))), 'wamp.error.no_such_procedure');
});

check('rpc.unregister', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('short.lived');
  await callee.wampy.register(uri, () => 'here');
  const caller = await open(t);
  assert.equal(await call(caller, uri), 'here');
  await callee.wampy.unregister(uri);
  assert.equal(errorUri(await rejection(caller.wampy.call(uri))), 'wamp.error.no_such_procedure');
});

check('rpc.register.procedure_already_exists', async (t) => {
  const uri = suite.uri('taken');
  await namedCallee(t, uri, 'first');
  const second = await open(t);
  const error = await rejection(second.wampy.register(uri, () => 'second'), 'registering a taken procedure');
  assert.equal(errorUri(error), 'wamp.error.procedure_already_exists');
});

check('rpc.register.different_invocation_policy', async (t) => {
  const uri = suite.uri('policies');
  await namedCallee(t, uri, 'a', { invoke: 'roundrobin' });
  const second = await open(t);
  const error = await rejection(second.wampy.register(uri, () => 'b', { invoke: 'last' }));
  assert.equal(errorUri(error), 'wamp.error.procedure_exists_with_different_invocation_policy');
});

async function sharedCalls(t, policy, calls) {
  const uri = suite.uri(`shared.${policy}`);
  await namedCallee(t, uri, 'a', { invoke: policy });
  await namedCallee(t, uri, 'b', { invoke: policy });
  const caller = await open(t);
  const answers = [];
  for (let i = 0; i < calls; i++) {
    answers.push(await call(caller, uri));
  }
  return answers;
}

check('rpc.shared.roundrobin', async (t) => {
  assert.deepEqual(await sharedCalls(t, 'roundrobin', 6), ['a', 'b', 'a', 'b', 'a', 'b']);
});

check('rpc.shared.first', async (t) => {
  assert.deepEqual(await sharedCalls(t, 'first', 4), ['a', 'a', 'a', 'a']);
});

check('rpc.shared.last', async (t) => {
  assert.deepEqual(await sharedCalls(t, 'last', 4), ['b', 'b', 'b', 'b']);
});

check('rpc.shared.random', async (t) => {
  const answers = await sharedCalls(t, 'random', 40);
  const a = answers.filter((x) => x === 'a').length;
  assert.ok(a >= 5 && a <= 35, `40 random calls went ${a} to a, ${40 - a} to b`);
  return `${a} × a, ${40 - a} × b`;
});

check('rpc.shared.callee_leaves', async (t) => {
  const uri = suite.uri('shared.leaving');
  const a = await namedCallee(t, uri, 'a', { invoke: 'first' });
  await namedCallee(t, uri, 'b', { invoke: 'first' });
  const caller = await open(t);
  assert.equal(await call(caller, uri), 'a');
  await close(a);
  assert.equal(await call(caller, uri), 'b', 'after the first callee left');
});

check('rpc.callee_gone', async (t) => {
  // The callee leaves while a call is pending at it: the caller still gets an answer, wamp.error.canceled.
  const uri = suite.uri('vanishing');
  const { peer: callee, invocations } = await holdingCallee(t, uri);
  const caller = await open(t);
  const answer = rejection(caller.wampy.call(uri), 'a call whose callee left');
  await invocations.count(1);
  await close(callee);
  assert.equal(errorUri(await answer), 'wamp.error.canceled');
  assert.ok(!caller.closed, 'the caller session is still open');
});

check('rpc.progressive_results', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('progress');
  let asked;
  await callee.wampy.register(uri, async ({ details, result_handler: progress }) => {
    // Wampy's callee does not announce progressive_call_results, so the router does not tell it that the caller
    // asked for them (no INVOCATION.Details.receive_progress); it sends progressive YIELDs all the same.
    asked = details.receive_progress;
    for (const step of [1, 2, 3]) {
      progress({ argsList: [step], argsDict: { step }, options: { progress: true } });
      await sleep(5);
    }
    return 'done';
  });
  const caller = await open(t);
  const progress = [];
  const result = await caller.wampy.call(uri, [], { progress_callback: (update) => progress.push(update) });
  assert.deepEqual(result.argsList, ['done']);
  assert.deepEqual(progress.map((p) => [p.argsList, p.argsDict]), [[[1], { step: 1 }], [[2], { step: 2 }], [[3], { step: 3 }]]);
  return `INVOCATION.Details.receive_progress: ${asked}`;
});

check('rpc.progressive_invocations.callee_without_support', async (t) => {
  // Wampy's callee does not announce progressive_call_invocations, so the router must refuse such a call.
  const callee = await open(t);
  const uri = suite.uri('chunks');
  const invocations = new Inbox('invocations');
  await callee.wampy.register(uri, (invocation) => {
    invocations.push(invocation);
    return 'unexpected';
  });
  const caller = await open(t);
  const { result } = caller.wampy.progressiveCall(uri, [1]);
  const error = await rejection(result, 'a progressive invocation of a callee that cannot take one');
  assert.equal(errorUri(error), 'wamp.error.feature_not_supported');
  assert.equal(invocations.items.length, 0);
});

for (const mode of ['skip', 'kill', 'killnowait']) {
  check(`rpc.cancel.${mode}`, async (t) => {
    // Wampy's callee does not announce call_canceling, so every mode acts as skip: the caller gets
    // wamp.error.canceled at once and the callee no INTERRUPT (it would drop the connection on one).
    const uri = suite.uri(`cancel.${mode}`);
    const { peer: callee, hold, invocations } = await holdingCallee(t, uri);
    const caller = await open(t);
    const pending = caller.wampy.call(uri);
    const requestId = caller.wampy.getOpStatus().reqId;
    await invocations.count(1);
    caller.wampy.cancel(requestId, { mode });
    const error = await rejection(pending, 'the canceled call');
    assert.equal(errorUri(error), 'wamp.error.canceled');
    hold.release();
    await sleep(100);
    assert.ok(!callee.received.items.some((m) => m[0] === MSG_INTERRUPT), 'the callee got an INTERRUPT');
    assert.ok(!callee.closed, 'the callee session is still open');
  });
}

check('rpc.timeout', async (t) => {
  const uri = suite.uri('slow');
  const { invocations } = await holdingCallee(t, uri);
  const caller = await open(t);
  const started = Date.now();
  const error = await rejection(caller.wampy.call(uri, [], { timeout: 300 }), 'a call that outlives its timeout');
  const elapsed = Date.now() - started;
  assert.equal(errorUri(error), 'wamp.error.timeout');
  assert.ok(elapsed >= 250, `timed out after ${elapsed} ms, before the 300 ms asked for`);
  assert.equal(invocations.items.length, 1);
  return `wamp.error.timeout after ${elapsed} ms`;
});

check('rpc.caller_disclosure', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('who');
  await callee.wampy.register(uri, ({ details }) => ({
    caller: details.caller ?? 'hidden', authid: details.caller_authid ?? 'hidden', authrole: details.caller_authrole ?? 'hidden',
  }));
  const caller = await open(t, { authid: `carol-${run}` });
  const disclosed = await caller.wampy.call(uri, [], { disclose_me: true });
  assert.deepEqual(disclosed.argsDict, { caller: caller.id, authid: `carol-${run}`, authrole: caller.authrole });
  const hidden = await caller.wampy.call(uri, []);
  assert.deepEqual(hidden.argsDict, { caller: 'hidden', authid: 'hidden', authrole: 'hidden' });
});

check('rpc.pattern.prefix', async (t) => {
  const callee = await open(t);
  const uri = suite.uri('pfx');
  await callee.wampy.register(uri, ({ details }) => details.procedure, { match: 'prefix' });
  const caller = await open(t);
  assert.equal(await call(caller, `${uri}.a.b`), `${uri}.a.b`);
});

check('rpc.pattern.wildcard', async (t) => {
  const callee = await open(t);
  await callee.wampy.register(suite.uri('wild..end'), ({ details }) => details.procedure, { match: 'wildcard' });
  const caller = await open(t);
  assert.equal(await call(caller, suite.uri('wild.x.end')), suite.uri('wild.x.end'));
  const error = await rejection(caller.wampy.call(suite.uri('wild.x.y.end')), 'a call with one component too many');
  assert.equal(errorUri(error), 'wamp.error.no_such_procedure');
});

check('rpc.pattern.precedence', async (t) => {
  // Exact before the longest prefix, before a shorter prefix, before a wildcard ("Pattern-based Registration").
  const callee = await open(t);
  await callee.wampy.register(suite.uri('prec.a.b.e'), () => 'exact');
  await callee.wampy.register(suite.uri('prec.a.b'), () => 'long prefix', { match: 'prefix' });
  await callee.wampy.register(suite.uri('prec.a'), () => 'short prefix', { match: 'prefix' });
  // a wildcard that also matches the long-prefix call, and one that also matches the short-prefix call
  await callee.wampy.register(suite.uri('prec..b.c'), () => 'wildcard', { match: 'wildcard' });
  await callee.wampy.register(suite.uri('prec..x.c'), () => 'wildcard', { match: 'wildcard' });
  const caller = await open(t);
  const answers = [];
  for (const procedure of ['prec.a.b.e', 'prec.a.b.c', 'prec.a.b', 'prec.a.x.c', 'prec.z.x.c']) {
    answers.push(await call(caller, suite.uri(procedure)));
  }
  assert.deepEqual(answers, ['exact', 'long prefix', 'long prefix', 'short prefix', 'wildcard']);
});

// --- publish and subscribe ---

check('pubsub.args_kwargs', async (t) => {
  const topic = suite.uri('topic.payload');
  const s = await subscriber(t, topic);
  const publisher = await open(t);
  await publisher.wampy.publish(topic, { argsList: ARGS, argsDict: KWARGS });
  const [event] = await s.events.count(1);
  assert.deepEqual(event.argsList, ARGS);
  assert.deepEqual(event.argsDict, KWARGS);
  assert.equal(event.details.publisher, undefined, 'publisher disclosed without asking');
});

check('pubsub.subscribe.default_options', async (t) => {
  // Wampy sends SUBSCRIBE.Options {match: undefined, get_retained: undefined}: its MessagePack encoder writes
  // undefined as extension type 0 and its CBOR encoder as the simple value undefined; the router reads both as null.
  const peer = await open(t);
  await peer.wampy.subscribe(suite.uri('topic.default'), () => {});
});

check('pubsub.acknowledge', async (t) => {
  const publisher = await open(t);
  const { publicationId } = await publisher.wampy.publish(suite.uri('topic.ack'), []);
  assert.ok(['number', 'bigint'].includes(typeof publicationId), `publication id ${publicationId}`);
  assert.ok(publicationId > 0);
});

check('pubsub.exclude_me', async (t) => {
  const topic = suite.uri('topic.me');
  const self = await subscriber(t, topic);
  const other = await subscriber(t, topic);
  const round = ++rounds;
  await self.peer.wampy.publish(topic, ['test', round]);
  await other.peer.wampy.publish(topic, ['marker', round]);
  await self.events.until((items) => items.some((e) => e.argsList[0] === 'marker'));
  await other.events.until((items) => items.some((e) => e.argsList[0] === 'test'));
  assert.ok(!self.events.items.some((e) => e.argsList[0] === 'test'), 'the publisher got its own event');
});

check('pubsub.exclude_me_false', async (t) => {
  const topic = suite.uri('topic.me.false');
  const self = await subscriber(t, topic);
  await self.peer.wampy.publish(topic, ['mine'], { exclude_me: false });
  if (lastPublishOptions(self.peer).exclude_me !== false) {
    throw new Skip(`Wampy ${suite.version} leaves exclude_me false out of PUBLISH.Options `
        + `(sent ${describe(lastPublishOptions(self.peer))}), so the router's default, exclude_me true, applies`);
  }
  await self.events.count(1);
});

async function threeSubscribers(t, topic) {
  const b = await subscriber(t, topic, undefined, { authid: `bob-${run}` });
  const c = await subscriber(t, topic, undefined, { authid: `carol-${run}` });
  const d = await subscriber(t, topic, undefined, { authid: `dave-${run}` });
  return [b, c, d];
}

check('pubsub.exclude', async (t) => {
  const topic = suite.uri('topic.exclude');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { exclude: [subs[0].peer.id, subs[2].peer.id] }, subs),
      [false, true, false]);
});

check('pubsub.eligible', async (t) => {
  const topic = suite.uri('topic.eligible');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible: [subs[1].peer.id] }, subs), [false, true, false]);
});

check('pubsub.exclude_authid', async (t) => {
  const topic = suite.uri('topic.exclude_authid');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { exclude_authid: `bob-${run}` }, subs), [false, true, true]);
});

check('pubsub.eligible_authid', async (t) => {
  const topic = suite.uri('topic.eligible_authid');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible_authid: [`bob-${run}`, `dave-${run}`] }, subs),
      [true, false, true]);
});

check('pubsub.authrole_lists', async (t) => {
  const topic = suite.uri('topic.authrole');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  const role = subs[0].peer.authrole;
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible_authrole: role }, subs), [true, true, true],
      `eligible_authrole ${role}`);
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible_authrole: 'interop-nobody' }, subs),
      [false, false, false], 'eligible_authrole of another role');
  assert.deepEqual(await deliveredTo(publisher, topic, { exclude_authrole: [role] }, subs), [false, false, false],
      `exclude_authrole [${role}]`);
});

check('pubsub.lists_combined', async (t) => {
  const topic = suite.uri('topic.combined');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  const options = { eligible: [subs[0].peer.id, subs[1].peer.id], exclude_authid: [`carol-${run}`] };
  assert.deepEqual(await deliveredTo(publisher, topic, options, subs), [true, false, false]);
});

check('pubsub.publisher_disclosure', async (t) => {
  const topic = suite.uri('topic.disclose');
  const s = await subscriber(t, topic);
  const publisher = await open(t, { authid: `erin-${run}` });
  await publisher.wampy.publish(topic, ['disclosed'], { disclose_me: true });
  await publisher.wampy.publish(topic, ['hidden']);
  const [disclosed, hidden] = await s.events.count(2);
  assert.equal(disclosed.details.publisher, publisher.id);
  assert.equal(disclosed.details.publisher_authid, `erin-${run}`);
  assert.equal(disclosed.details.publisher_authrole, publisher.authrole);
  assert.equal(hidden.details.publisher, undefined);
});

check('pubsub.pattern.prefix', async (t) => {
  const prefix = suite.uri('pfx');
  const s = await subscriber(t, prefix, { match: 'prefix' });
  const publisher = await open(t);
  await publisher.wampy.publish(`${prefix}.a.b`, [1]);
  const [event] = await s.events.count(1);
  assert.equal(event.details.topic, `${prefix}.a.b`);
});

check('pubsub.pattern.wildcard', async (t) => {
  const s = await subscriber(t, suite.uri('wc..x'), { match: 'wildcard' });
  const publisher = await open(t);
  await publisher.wampy.publish(suite.uri('wc.any.y'), ['miss']);
  await publisher.wampy.publish(suite.uri('wc.any.x'), ['hit']);
  await publisher.wampy.publish(suite.uri('wc.end.x'), ['end']);
  const events = await s.events.until((items) => items.some((e) => e.argsList[0] === 'end'));
  assert.deepEqual(events.map((e) => [e.argsList[0], e.details.topic]),
      [['hit', suite.uri('wc.any.x')], ['end', suite.uri('wc.end.x')]]);
});

check('pubsub.pattern.every_match', async (t) => {
  const peer = await open(t);
  const events = new Inbox('events');
  const topic = suite.uri('all.a.b');
  for (const [uri, match] of [[topic, 'exact'], [suite.uri('all'), 'prefix'], [suite.uri('all..b'), 'wildcard']]) {
    await peer.wampy.subscribe(uri, () => events.push(match), subscribeOptions({ match }));
  }
  const publisher = await open(t);
  await publisher.wampy.publish(topic, []);
  await events.count(3);
  await sleep(50);
  assert.deepEqual([...events.items].sort(), ['exact', 'prefix', 'wildcard']);
});

check('pubsub.unsubscribe', async (t) => {
  const topic = suite.uri('topic.unsub');
  const marker = suite.uri('topic.unsub.marker');
  const peer = await open(t);
  const events = new Inbox('events');
  const { subscriptionId } = await peer.wampy.subscribe(topic, (e) => events.push(e.argsList[0]), subscribeOptions());
  await peer.wampy.subscribe(marker, (e) => events.push(e.argsList[0]), subscribeOptions());
  const publisher = await open(t);
  await publisher.wampy.publish(topic, ['before']);
  await events.count(1);
  // Wampy 8 files a subscription made with options under a key it does not find again when UNSUBSCRIBED comes,
  // so its promise never settles: the router's UNSUBSCRIBED and the EVENTs on the wire tell what happened.
  let settled = false;
  peer.wampy.unsubscribe(subscriptionId).then(() => { settled = true; }, () => {});
  const answers = await peer.received.until((items) => items.some((m) => m[0] === MSG_UNSUBSCRIBED || m[0] === MSG_ABORT),
      3000, 'UNSUBSCRIBED');
  assert.ok(answers.some((m) => m[0] === MSG_UNSUBSCRIBED), `the router answered ${describe(answers.at(-1))}`);
  await publisher.wampy.publish(topic, ['after']);
  await publisher.wampy.publish(marker, ['marker']);
  await events.until((items) => items.includes('marker'));
  const eventsOnSubscription = peer.received.items.filter((m) => m[0] === MSG_EVENT && m[1] === subscriptionId);
  assert.equal(eventsOnSubscription.length, 1, 'EVENTs on the subscription, including after UNSUBSCRIBED');
  return settled ? undefined : 'Wampy\'s unsubscribe() promise did not settle (client bug); the router answered UNSUBSCRIBED';
});

check('pubsub.retained', async (t) => {
  const topic = suite.uri('topic.retained');
  const publisher = await open(t);
  await publisher.wampy.publish(topic, ['latest'], { retain: true });
  if (lastPublishOptions(publisher).retain !== true) {
    throw new Skip(`Wampy ${suite.version} leaves retain out of PUBLISH.Options `
        + `(sent ${describe(lastPublishOptions(publisher))}), so it cannot publish a retained event`);
  }
  const late = await subscriber(t, topic, { get_retained: true });
  const [event] = await late.events.count(1, 3000, 'the retained event');
  assert.deepEqual(event.argsList, ['latest']);
  assert.equal(event.details.retained, true);
});

check('pubsub.retained.none', async (t) => {
  // get_retained on a topic without a retained event delivers nothing, and SUBSCRIBE still succeeds.
  const topic = suite.uri('topic.never.retained');
  const late = await subscriber(t, topic, { get_retained: true });
  const publisher = await open(t);
  await publisher.wampy.publish(topic, ['fresh']);
  const events = await late.events.count(1);
  assert.deepEqual(events.map((e) => [e.argsList[0], e.details.retained ?? false]), [['fresh', false]]);
});

// --- meta API ---
// The router announces the session, registration, subscription and testament meta APIs in WELCOME, so every meta
// check needs them: if the router does not announce them, or does not answer wamp.session.count, each check fails with
// that account (a broken meta API must not pass for a missing optional feature).

suite.requirement('meta', async () => {
  const probe = await open({ cleanup() {} });
  try {
    const unannounced = unannouncedMetaFeatures(probe.details.roles);
    if (unannounced.length > 0) {
      return `WELCOME does not announce ${unannounced.join(', ')}`;
    }
    await probe.wampy.call('wamp.session.count');
    return null;
  } catch (error) {
    return `wamp.session.count answered ${errorUri(error) || describe(error)}`;
  } finally {
    await close(probe);
  }
});

check('meta.session.count', async (t) => {
  const a = await open(t);
  const before = await call(a, 'wamp.session.count');
  const b = await open(t);
  assert.equal(await call(a, 'wamp.session.count'), before + 1, 'after a session joined');
  await close(b);
  assert.equal(await call(a, 'wamp.session.count'), before, 'after it left');
}, { needs: 'meta' });

check('meta.session.list_get', async (t) => {
  const a = await open(t);
  const b = await open(t, { authid: `grace-${run}` });
  const list = await call(a, 'wamp.session.list');
  assert.ok(list.includes(a.id) && list.includes(b.id), `${describe(list)} lacks ${a.id} or ${b.id}`);
  const details = await call(a, 'wamp.session.get', [wire(b.id)]);
  assert.equal(details.session, b.id);
  assert.equal(details.authid, `grace-${run}`);
  const error = await rejection(a.wampy.call('wamp.session.get', [1]), 'wamp.session.get of an unknown session');
  assert.equal(errorUri(error), 'wamp.error.no_such_session');
}, { needs: 'meta' });

check('meta.session.get.float64_id', async (t) => {
  // A session id exactly as Wampy hands it to the application, as a meta procedure's argument: with CBOR a float64
  // (see isFloat64OnTheWire). The router reads an integral float64 as the id it equals in every message field; a
  // meta procedure's id argument should be no different (Crossbar.io takes it, as Python's 2.0 == 2).
  const a = await open(t);
  const b = await open(t);
  const float64 = isFloat64OnTheWire(b.id);
  let details;
  try {
    details = await call(a, 'wamp.session.get', [b.id]);
  } catch (error) {
    throw new assert.AssertionError({ message: `wamp.session.get(${b.id}${float64 ? ', sent as a CBOR float64' : ''}) `
        + `answered ${describe(error)}` });
  }
  assert.equal(details.session, b.id);
  return float64 ? `session id ${b.id} sent as a CBOR float64` : `session id ${b.id} sent as an integer`;
}, { needs: 'meta' });

check('meta.session.on_join_on_leave', async (t) => {
  const watcher = await open(t);
  const joins = new Inbox('on_join');
  const leaves = new Inbox('on_leave');
  await watcher.wampy.subscribe('wamp.session.on_join', (e) => joins.push(e.argsList), subscribeOptions());
  await watcher.wampy.subscribe('wamp.session.on_leave', (e) => leaves.push(e.argsList), subscribeOptions());
  const b = await open(t);
  await joins.until((items) => items.some((args) => args[0] && args[0].session === b.id), 3000, `on_join of ${b.id}`);
  await close(b);
  await leaves.until((items) => items.some((args) => args[0] === b.id), 3000, `on_leave of ${b.id}`);
}, { needs: 'meta' });

check('meta.registration', async (t) => {
  const uri = suite.uri('meta.shared');
  const a = await open(t);
  const { registrationId } = await a.wampy.register(uri, () => 'a', { invoke: 'roundrobin' });
  const b = await namedCallee(t, uri, 'b', { invoke: 'roundrobin' });
  const prefix = await a.wampy.register(suite.uri('meta.pfx'), () => 'p', { match: 'prefix' });
  const caller = await open(t);
  assert.equal(await call(caller, 'wamp.registration.lookup', [uri]), registrationId, 'lookup');
  assert.equal(await call(caller, 'wamp.registration.lookup', [suite.uri('meta.pfx'), { match: 'prefix' }]),
      prefix.registrationId, 'lookup of a prefix registration');
  assert.equal(await call(caller, 'wamp.registration.lookup', [suite.uri('meta.none')]), null, 'lookup of nothing');
  assert.equal(await call(caller, 'wamp.registration.match', [suite.uri('meta.pfx.x')]), prefix.registrationId, 'match');
  assert.equal(await call(caller, 'wamp.registration.match', [suite.uri('meta.none')]), null, 'match of nothing');
  assert.deepEqual([...await call(caller, 'wamp.registration.list_callees', [wire(registrationId)])].sort(),
      [a.id, b.id].sort(), 'list_callees');
  assert.equal(await call(caller, 'wamp.registration.count_callees', [wire(registrationId)]), 2, 'count_callees');
}, { needs: 'meta' });

check('meta.registration.list_get', async (t) => {
  const callee = await open(t);
  const registrations = [];
  for (const [uri, options, invoke] of [['meta.lg.exact', { invoke: 'first' }, 'first'],
    ['meta.lg.pfx', { match: 'prefix' }, 'single'], ['meta.lg..w', { match: 'wildcard' }, 'single']]) {
    const { registrationId } = await callee.wampy.register(suite.uri(uri), () => 0, options);
    registrations.push({ id: registrationId, uri: suite.uri(uri), match: options.match || 'exact', invoke });
  }
  const caller = await open(t);
  const lists = await call(caller, 'wamp.registration.list');
  assert.deepEqual(Object.keys(lists).sort(), ['exact', 'prefix', 'wildcard'], 'RegistrationLists');
  for (const registration of registrations) {
    assert.deepEqual(['exact', 'prefix', 'wildcard'].filter((match) => lists[match].includes(registration.id)),
        [registration.match], `the lists that hold ${registration.uri}`);
    const details = await call(caller, 'wamp.registration.get', [wire(registration.id)]);
    assert.deepEqual({ id: details.id, uri: details.uri, match: details.match, invoke: details.invoke }, registration,
        `RegistrationDetails of ${registration.uri}`);
    assert.ok(isIsoTime(details.created), `RegistrationDetails.created ${describe(details.created)}`);
  }
  const error = await rejection(caller.wampy.call('wamp.registration.get', [1]), 'get of an unknown registration');
  assert.equal(errorUri(error), 'wamp.error.no_such_registration');
}, { needs: 'meta' });

check('meta.registration.events', async (t) => {
  // on_create, then on_register for the first callee; on_register for the second; on_unregister when it unregisters;
  // on_unregister, then on_delete when the last callee leaves (a MUST each: "Registration Meta Events").
  const watcher = await open(t);
  const events = new Inbox('registration meta events');
  for (const kind of ['on_create', 'on_register', 'on_unregister', 'on_delete']) {
    await watcher.wampy.subscribe(`wamp.registration.${kind}`, (e) => events.push([kind, ...e.argsList]),
        subscribeOptions());
  }
  const uri = suite.uri('meta.events.proc');
  const a = await open(t);
  await a.wampy.register(uri, () => 'a', { invoke: 'roundrobin' });
  const b = await open(t);
  const { registrationId } = await b.wampy.register(uri, () => 'b', { invoke: 'roundrobin' });
  await b.wampy.unregister(uri);
  await close(a);
  const ours = (items) => items.filter(([kind, , x]) => (kind === 'on_create' ? x && x.uri === uri : x === registrationId));
  const got = ours(await events.until((items) => ours(items).some(([kind]) => kind === 'on_delete'), 3000,
      `on_delete of ${uri}`));
  assert.deepEqual(got.map(([kind, session]) => [kind, session]), [['on_create', a.id], ['on_register', a.id],
    ['on_register', b.id], ['on_unregister', b.id], ['on_unregister', a.id], ['on_delete', a.id]]);
  const details = got[0][2];
  assert.deepEqual({ id: details.id, uri: details.uri, match: details.match, invoke: details.invoke },
      { id: registrationId, uri, match: 'exact', invoke: 'roundrobin' }, 'on_create RegistrationDetails');
  assert.ok(isIsoTime(details.created), `RegistrationDetails.created ${describe(details.created)}`);
}, { needs: 'meta' });

check('meta.subscription', async (t) => {
  const topic = suite.uri('meta.topic');
  const a = await subscriber(t, topic);
  const b = await subscriber(t, topic);
  const caller = await open(t);
  const id = await call(caller, 'wamp.subscription.lookup', [topic]);
  assert.ok(['number', 'bigint'].includes(typeof id), `wamp.subscription.lookup answered ${describe(id)}`);
  assert.equal(await call(caller, 'wamp.subscription.lookup', [topic, { match: 'prefix' }]), null,
      'lookup of the topic as a prefix');
  assert.equal(await call(caller, 'wamp.subscription.lookup', [suite.uri('meta.none')]), null, 'lookup of nothing');
  assert.ok((await call(caller, 'wamp.subscription.match', [topic])).includes(id), 'match');
  assert.equal(await call(caller, 'wamp.subscription.match', [suite.uri('meta.none')]), null, 'match of nothing');
  assert.deepEqual([...await call(caller, 'wamp.subscription.list_subscribers', [wire(id)])].sort(),
      [a.peer.id, b.peer.id].sort(), 'list_subscribers');
  assert.equal(await call(caller, 'wamp.subscription.count_subscribers', [wire(id)]), 2, 'count_subscribers');
  const error = await rejection(caller.wampy.call('wamp.subscription.count_subscribers', [1]));
  assert.equal(errorUri(error), 'wamp.error.no_such_subscription');
}, { needs: 'meta' });

check('meta.subscription.list_get', async (t) => {
  const peer = await open(t);
  const subscriptions = [];
  for (const [uri, match] of [['meta.lg.topic', 'exact'], ['meta.lg.tpfx', 'prefix'], ['meta.lg..t', 'wildcard']]) {
    const { subscriptionId } = await peer.wampy.subscribe(suite.uri(uri), () => {}, subscribeOptions({ match }));
    subscriptions.push({ id: subscriptionId, uri: suite.uri(uri), match });
  }
  const caller = await open(t);
  const lists = await call(caller, 'wamp.subscription.list');
  assert.deepEqual(Object.keys(lists).sort(), ['exact', 'prefix', 'wildcard'], 'SubscriptionLists');
  for (const subscription of subscriptions) {
    assert.deepEqual(['exact', 'prefix', 'wildcard'].filter((match) => lists[match].includes(subscription.id)),
        [subscription.match], `the lists that hold ${subscription.uri}`);
    const details = await call(caller, 'wamp.subscription.get', [wire(subscription.id)]);
    assert.deepEqual({ id: details.id, uri: details.uri, match: details.match }, subscription,
        `SubscriptionDetails of ${subscription.uri}`);
    assert.ok(isIsoTime(details.created), `SubscriptionDetails.created ${describe(details.created)}`);
  }
  const error = await rejection(caller.wampy.call('wamp.subscription.get', [1]), 'get of an unknown subscription');
  assert.equal(errorUri(error), 'wamp.error.no_such_subscription');
}, { needs: 'meta' });

check('meta.subscription.events', async (t) => {
  // The same lifecycle as meta.registration.events, for a prefix subscription ("Subscription Meta Events").
  const watcher = await open(t);
  const events = new Inbox('subscription meta events');
  for (const kind of ['on_create', 'on_subscribe', 'on_unsubscribe', 'on_delete']) {
    await watcher.wampy.subscribe(`wamp.subscription.${kind}`, (e) => events.push([kind, ...e.argsList]),
        subscribeOptions());
  }
  const topic = suite.uri('meta.events.topic');
  const a = await open(t);
  await a.wampy.subscribe(topic, () => {}, subscribeOptions({ match: 'prefix' }));
  const b = await open(t);
  const { subscriptionId } = await b.wampy.subscribe(topic, () => {}, subscribeOptions({ match: 'prefix' }));
  // Wampy's unsubscribe() promise never settles for a subscription made with options (see pubsub.unsubscribe):
  // the meta events tell what the router did.
  b.wampy.unsubscribe(subscriptionId).catch(() => {});
  await b.received.until((items) => items.some((m) => m[0] === MSG_UNSUBSCRIBED), 3000, 'UNSUBSCRIBED');
  await close(a);
  const ours = (items) => items.filter(([kind, , x]) => (kind === 'on_create' ? x && x.uri === topic : x === subscriptionId));
  const got = ours(await events.until((items) => ours(items).some(([kind]) => kind === 'on_delete'), 3000,
      `on_delete of ${topic}`));
  assert.deepEqual(got.map(([kind, session]) => [kind, session]), [['on_create', a.id], ['on_subscribe', a.id],
    ['on_subscribe', b.id], ['on_unsubscribe', b.id], ['on_unsubscribe', a.id], ['on_delete', a.id]]);
  const details = got[0][2];
  assert.deepEqual({ id: details.id, uri: details.uri, match: details.match },
      { id: subscriptionId, uri: topic, match: 'prefix' }, 'on_create SubscriptionDetails');
  assert.ok(isIsoTime(details.created), `SubscriptionDetails.created ${describe(details.created)}`);
}, { needs: 'meta' });

// wamp.session.kill*: the router sends the killed session GOODBYE with the reason and message asked for, then closes
// the connection once the GOODBYE is written; so every kill check asserts the GOODBYE the killed client got.

/** Waits for the GOODBYE {@code peer} gets and for its connection to close; returns the GOODBYE's reason and message. */
async function goodbyeOf(peer, what) {
  const received = await peer.received.until((items) => items.some((m) => m[0] === MSG_GOODBYE), 3000,
      `GOODBYE at ${what}`);
  const goodbye = received.find((m) => m[0] === MSG_GOODBYE);
  for (let waited = 0; !peer.closed && waited < 2000; waited += 20) {
    await sleep(20);
  }
  assert.ok(peer.closed, `${what} closed its connection`);
  return [goodbye[2], goodbye[1].message];
}

check('meta.session.kill', async (t) => {
  const a = await open(t);
  const b = await open(t);
  await a.wampy.call('wamp.session.kill', { argsList: [wire(b.id)], argsDict: { reason: 'interop.close.killed', message: 'bye' } });
  assert.deepEqual(await goodbyeOf(b, 'the killed session'), ['interop.close.killed', 'bye'],
      'GOODBYE reason and message the killed session got');
  const error = await rejection(a.wampy.call('wamp.session.kill', [wire(a.id)]), 'killing the caller itself');
  assert.equal(errorUri(error), 'wamp.error.no_such_session');
}, { needs: 'meta' });

check('meta.session.kill_by_authid', async (t) => {
  const authid = `ivan-${run}`;
  const caller = await open(t, { authid });
  const victims = [await open(t, { authid }), await open(t, { authid })];
  const bystander = await open(t);
  const killed = await call(caller, 'wamp.session.kill_by_authid',
      { argsList: [authid], argsDict: { reason: 'interop.close.by_authid', message: 'all of them' } });
  assert.equal(killed, 2, 'sessions killed (the caller, of the same authid, is not)');
  for (const victim of victims) {
    assert.deepEqual(await goodbyeOf(victim, 'a killed session'), ['interop.close.by_authid', 'all of them']);
  }
  assert.equal(await call(caller, 'wamp.session.kill_by_authid', [`nobody-${run}`]), 0, 'kill of no authid');
  assert.ok(!caller.closed, 'the caller is still open');
  assert.ok(!bystander.closed, 'the session of another authid is still open');
}, { needs: 'meta' });

check('meta.session.kill_by_authrole', async (t) => {
  const caller = await open(t);
  const victims = [await open(t), await open(t)];
  const role = caller.authrole;
  assert.equal(await call(caller, 'wamp.session.kill_by_authrole', [`interop-nobody-${run}`]), 0,
      'kill of a role no session has');
  assert.deepEqual(victims.map((v) => v.closed), [false, false], 'sessions closed after killing nobody');
  const sameRole = await call(caller, 'wamp.session.count', [[role]]);
  const killed = await call(caller, 'wamp.session.kill_by_authrole',
      { argsList: [role], argsDict: { reason: 'interop.close.by_authrole', message: role } });
  assert.ok(killed >= victims.length && killed <= sameRole - 1,
      `killed ${killed} sessions of role ${role}; ${sameRole} had it, the caller among them`);
  for (const victim of victims) {
    assert.deepEqual(await goodbyeOf(victim, 'a killed session'), ['interop.close.by_authrole', role]);
  }
  assert.ok(!caller.closed, 'the caller, of the same role, is still open');
  return `killed ${killed}`;
}, { needs: 'meta' });

check('meta.session.kill_all', async (t) => {
  const caller = await open(t);
  const victims = [await open(t), await open(t)];
  const before = await call(caller, 'wamp.session.count');
  const killed = await call(caller, 'wamp.session.kill_all',
      { argsList: [], argsDict: { reason: 'interop.close.all', message: 'all' } });
  assert.ok(killed >= victims.length && killed <= before - 1, `killed ${killed} of ${before} sessions`);
  for (const victim of victims) {
    assert.deepEqual(await goodbyeOf(victim, 'a killed session'), ['interop.close.all', 'all']);
  }
  assert.ok(!caller.closed, 'the caller is still open');
  assert.ok(await call(caller, 'wamp.session.count') >= 1, 'the caller can still call');
  return `killed ${killed}`;
}, { needs: 'meta' });

check('meta.session.testament', async (t) => {
  const topic = suite.uri('testament');
  const s = await subscriber(t, topic);
  const b = await open(t);
  await b.wampy.call('wamp.session.add_testament', [topic, ['gone', `session ${b.id}`], { last: null }]);
  await close(b);
  const [event] = await s.events.count(1, 3000, 'the testament');
  assert.deepEqual([event.argsList, event.argsDict], [['gone', `session ${b.id}`], { last: null }]);
}, { needs: 'meta' });

check('meta.session.flush_testaments', async (t) => {
  // flush_testaments (scope "destroyed" by default) removes that scope's testaments only; a "detached" one stays.
  const topic = suite.uri('testament.flushed');
  const s = await subscriber(t, topic);
  const b = await open(t);
  await b.wampy.call('wamp.session.add_testament', [topic, ['destroyed, flushed']]);
  await b.wampy.call('wamp.session.add_testament', { argsList: [topic, ['detached, kept']], argsDict: { scope: 'detached' } });
  await b.wampy.call('wamp.session.flush_testaments');
  await close(b);
  await s.events.count(1, 3000, 'the detached testament');
  const publisher = await open(t);
  await publisher.wampy.publish(topic, ['marker']);
  const events = await s.events.until((items) => items.some((e) => e.argsList[0] === 'marker'), 3000, 'the marker');
  assert.deepEqual(events.map((e) => e.argsList[0]), ['detached, kept', 'marker'], 'events after the session left');
}, { needs: 'meta' });

suite.run();
