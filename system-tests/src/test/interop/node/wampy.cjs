'use strict';
// Wampy.js (npm "wampy") against the router: every WAMP feature the client can express, over one serializer.
//   node wampy.cjs --url ws://127.0.0.1:8080/ws --realm realm1 --serializer json|msgpack|cbor
// Prints one JSON line per check (see harness.cjs) and exits non-zero when a check failed.
//
// What Wampy cannot express is not checked here: REGISTER.Options.concurrency (it sends only match, invoke and
// "_custom" options), publishing or registering under "wamp." (refused client-side), and calls to progressive
// invocations of a callee that supports them (no client here announces that callee feature).
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
  if (t.peers) {
    t.peers.push(peer);
  }
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

/**
 * A session or registration id as this script sends it back to the router. Wampy's CBOR encoder (cbor-x) writes
 * every JavaScript number from 2^32 up as a float64, and the router takes only integers as ids, so with CBOR the ids
 * go out as BigInt, which cbor-x writes as an integer (see session.id_round_trip).
 */
function wire(id) {
  return serializer === 'cbor' && typeof id === 'number' ? BigInt(id) : id;
}

/**
 * A check; with CBOR, one that fails because the router refused an id that Wampy itself sent as a float64 (it does
 * so for every id from 2^32 up, e.g. in UNREGISTER and UNSUBSCRIBE) is reported as skipped, with the router's ABORT.
 */
function check(name, fn, options) {
  suite.check(name, async (t) => {
    t.peers = [];
    try {
      return await fn(t);
    } catch (error) {
      const refused = serializer === 'cbor' && !(error instanceof Skip) && floatIdRefused(t.peers);
      if (refused) {
        throw new Skip(`Wampy's CBOR encoder sent an id as a float64 (${refused.sent}); the router refused it `
            + `and aborted the session: ${refused.abort}`);
      }
      throw error;
    }
  }, options);
}

function floatIdRefused(peers) {
  for (const peer of peers) {
    const abort = peer.received.items.find((m) => m[0] === MSG_ABORT && /\bids?\b/.test(describe(m[1])));
    const sent = peer.sent.find((m) => m.slice(0, 3).some((x) => typeof x === 'number' && Number.isInteger(x) && x >= 2 ** 32)
        || (m[0] === MSG_PUBLISH && /"(exclude|eligible)":\[[^\]]*\d{10}/.test(describe(m[2]))));
    if (abort && sent) {
      return { abort: describe(abort.slice(1)), sent: describe(sent.slice(0, 3)) };
    }
  }
  return null;
}

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
    'pattern_based_subscription', 'event_retention']) {
    assert.equal(details.roles.broker.features[feature], true, `broker feature ${feature}`);
  }
  for (const feature of ['caller_identification', 'progressive_call_results', 'progressive_call_invocations',
    'call_timeout', 'call_canceling', 'pattern_based_registration', 'shared_registration']) {
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
  // A session id exactly as Wampy hands it to the application, sent back in PUBLISH.Options.eligible.
  const s = await subscriber(t, suite.uri('topic.id'));
  const publisher = await open(t);
  try {
    await publisher.wampy.publish(suite.uri('topic.id'), ['for you'], { eligible: [s.peer.id] });
  } catch (error) {
    const abort = publisher.received.items.find((m) => m[0] === MSG_ABORT);
    if (serializer === 'cbor' && abort && s.peer.id >= 2 ** 32) {
      throw new Skip(`Wampy's CBOR encoder writes the session id ${s.peer.id} as a float64; the router refuses a `
          + `non-integer id and aborts the session: ${describe(abort.slice(1))}`);
    }
    throw error;
  }
  await s.events.count(1);
  return `session id ${s.peer.id} (${typeof s.peer.id})`;
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
  const callee = await open(t);
  await callee.wampy.register(suite.uri('prec.a.b'), () => 'exact');
  await callee.wampy.register(suite.uri('prec.a'), () => 'prefix', { match: 'prefix' });
  await callee.wampy.register(suite.uri('prec..b'), () => 'wildcard', { match: 'wildcard' });
  const caller = await open(t);
  assert.equal(await call(caller, suite.uri('prec.a.b')), 'exact');
  assert.equal(await call(caller, suite.uri('prec.a.c')), 'prefix');
  assert.equal(await call(caller, suite.uri('prec.z.b')), 'wildcard');
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
  assert.deepEqual(await deliveredTo(publisher, topic, { exclude: [wire(subs[0].peer.id), wire(subs[2].peer.id)] }, subs),
      [false, true, false]);
});

check('pubsub.eligible', async (t) => {
  const topic = suite.uri('topic.eligible');
  const subs = await threeSubscribers(t, topic);
  const publisher = await open(t);
  assert.deepEqual(await deliveredTo(publisher, topic, { eligible: [wire(subs[1].peer.id)] }, subs), [false, true, false]);
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
  const options = { eligible: [wire(subs[0].peer.id), wire(subs[1].peer.id)], exclude_authid: [`carol-${run}`] };
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

// --- meta API (runs once the router answers wamp.session.count) ---

suite.requirement('meta', async () => {
  const probe = await open({ cleanup() {} });
  try {
    await probe.wampy.call('wamp.session.count');
    return null;
  } catch (error) {
    return `meta API not available: wamp.session.count answered ${errorUri(error) || describe(error)}`;
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
  const caller = await open(t);
  assert.equal(await call(caller, 'wamp.registration.lookup', [uri]), registrationId, 'lookup');
  assert.deepEqual([...await call(caller, 'wamp.registration.list_callees', [wire(registrationId)])].sort(),
      [a.id, b.id].sort(), 'list_callees');
  assert.equal(await call(caller, 'wamp.registration.count_callees', [wire(registrationId)]), 2, 'count_callees');
}, { needs: 'meta' });

// wamp.session.kill: the router queues GOODBYE and closes the connection, and the GOODBYE often never arrives (seen
// in about a third of kills over WebSocket, a sixth over RawSocket): the killed client sees a bare close.

check('meta.session.kill', async (t) => {
  const a = await open(t);
  const b = await open(t);
  await a.wampy.call('wamp.session.kill', { argsList: [wire(b.id)], argsDict: { reason: 'interop.close.killed' } });
  const goodbyes = await b.received.until((items) => items.some((m) => m[0] === MSG_GOODBYE), 3000, 'GOODBYE');
  assert.equal(goodbyes.find((m) => m[0] === MSG_GOODBYE)[2], 'interop.close.killed');
  for (let waited = 0; !b.closed && waited < 2000; waited += 20) {
    await sleep(20);
  }
  assert.ok(b.closed, 'the killed session closed its connection');
}, { needs: 'meta' });

suite.run();
