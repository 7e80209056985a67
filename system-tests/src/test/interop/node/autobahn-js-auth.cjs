'use strict';
// Autobahn|JS (npm "autobahn") against a router realm with authentication and authorization configured (see
// AuthInteropIT): ticket, WAMP-CRA (plain and salted) and WAMP-Cryptosign (through tweetnacl, a dependency of the
// autobahn package), the refused cases (wrong secret, unknown authid, unauthorized key, replayed signature), and the
// authorization matrix (allowed and denied call, register, publish, subscribe; disclosure forced by a role's rule).
//   AUTH_TICKET=… AUTH_CRA_SECRET=… AUTH_CRA_SALTED_SECRET=… AUTH_CS_SEED=<64 hex> \
//   node autobahn-js-auth.cjs --url ws://127.0.0.1:8080/ws --realm authrealm --serializer json
// The realm's principals and roles are those autobahn_python_auth.py describes. WebSocket only: every refused session
// connects from a loopback address of its own (127.x.y.z, through the "ws" package's localAddress), because the
// router slows down repeated authentication failures from one address.
// Prints one JSON line per check (see harness.cjs) and exits non-zero when a check failed.
const WebSocketImpl = require('ws');

let nextLocalAddress;
globalThis.WebSocket = class LocalAddressWebSocket extends WebSocketImpl {
  constructor(url, protocols) {
    super(url, protocols, nextLocalAddress ? { localAddress: nextLocalAddress } : {});
    nextLocalAddress = undefined;
    this.on('error', () => {}); // reported through the close event, as a browser's WebSocket does
  }
};
const autobahn = require('autobahn');
if (!process.env.INTEROP_DEBUG) {
  require('autobahn/lib/log.js').warn = () => {};
}
const { Suite, Inbox, rejection, withTimeout, describe, assert } = require('./harness.cjs');

const suite = new Suite('autobahn-js', autobahn.version, ['json', 'msgpack', 'cbor'], { checkTimeoutMs: 10000 });
const { serializer } = suite.options;
if (!suite.options.url.startsWith('ws')) {
  process.stderr.write('the auth checks run over WebSocket only\n');
  process.exit(64);
}
const run = suite.prefix.slice(suite.prefix.lastIndexOf('.') + 1);
const TICKET = process.env.AUTH_TICKET || '';
const CRA_SECRET = process.env.AUTH_CRA_SECRET || '';
const CRA_SALTED_SECRET = process.env.AUTH_CRA_SALTED_SECRET || '';
const CS_SEED = process.env.AUTH_CS_SEED || '';
const AUTHENTICATION_FAILED = 'wamp.error.authentication_failed';
const NOT_AUTHORIZED = 'wamp.error.not_authorized';

function newSerializer() {
  switch (serializer) {
    case 'json': return new autobahn.serializer.JSONSerializer();
    case 'msgpack': return new autobahn.serializer.MsgpackSerializer();
    case 'cbor': return new autobahn.serializer.CBORSerializer();
    default: throw new Error(`no serializer ${serializer}`);
  }
}

function ownAddress() {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `127.${byte()}.${byte()}.${byte()}`;
}

/**
 * Opens a session with the given authentication (closed again after the check); {@code onchallenge(method, extra)}
 * answers the CHALLENGE. Resolves when the opening ends: {@code joined} true with the WELCOME details, or false with
 * the close reason and details (ABORT reason in {@code closeDetails.reason}).
 */
function connect(t, { authmethods, authid, authextra, onchallenge, source }) {
  return new Promise((resolve) => {
    const peer = { joined: false, challenges: [], signatures: [] };
    let markClosed;
    peer.closed = new Promise((r) => {
      markClosed = r;
    });
    const connection = new autobahn.Connection({
      url: suite.options.url,
      realm: suite.options.realm,
      serializers: [newSerializer()],
      max_retries: 0,
      retry_if_unreachable: false,
      authmethods,
      authid,
      authextra,
      onchallenge: async (session, method, extra) => {
        peer.challenges.push({ method, extra });
        const signature = await onchallenge(method, extra);
        peer.signatures.push(signature);
        return signature;
      },
      on_user_error: (error, context) => process.stderr.write(`user error ${context}: ${describe(error)}\n`),
      on_internal_error: (error, context) => process.stderr.write(`internal error ${context}: ${describe(error)}\n`),
    });
    peer.connection = connection;
    connection.onopen = (session, details) => {
      Object.assign(peer, { joined: true, session, details, id: session.id });
      resolve(peer);
    };
    connection.onclose = (reason, details) => {
      peer.closeReason = reason;
      peer.closeDetails = details;
      markClosed();
      resolve(peer);
      return true; // never reconnect
    };
    nextLocalAddress = source;
    connection.open();
    t.cleanup(() => close(peer));
  });
}

async function close(peer) {
  if (peer.closeReason === undefined) {
    try {
      peer.connection.close();
    } catch {
      // already closing
    }
    await withTimeout(peer.closed, 2000, 'close').catch(() => {});
  }
}

async function joined(t, options) {
  const peer = await withTimeout(connect(t, options), 5000, 'the session to open');
  assert.ok(peer.joined, `not welcomed: ${peer.closeReason} ${describe(peer.closeDetails)}`);
  return peer;
}

/** Opens a session from an address of its own and expects ABORT wamp.error.authentication_failed. */
async function refused(t, options) {
  const peer = await withTimeout(connect(t, { ...options, source: ownAddress() }), 8000, 'the refusal');
  const { details } = peer;
  assert.ok(!peer.joined, `welcomed as ${details && details.authid}/${details && details.authrole}`);
  assert.equal(peer.closeDetails && peer.closeDetails.reason, AUTHENTICATION_FAILED,
      `ABORT reason (closed: ${peer.closeReason} ${describe(peer.closeDetails)})`);
  assert.equal(peer.challenges.length, 1, 'one CHALLENGE before the ABORT');
  return peer;
}

function welcomedAs(peer, authid, authrole, authmethod) {
  const { details } = peer;
  assert.deepEqual([details.authid, details.authrole, details.authmethod], [authid, authrole, authmethod],
      'WELCOME authid, authrole, authmethod');
}

const ticket = (value) => () => value;

function wampcra(secret) {
  return (method, extra) => {
    const { salt, iterations, keylen } = extra;
    const key = salt ? autobahn.auth_cra.derive_key(secret, salt, iterations, keylen) : secret;
    return autobahn.auth_cra.sign(key, extra.challenge);
  };
}

function keyPair(seedHex) {
  const seed = seedHex ? Uint8Array.from(Buffer.from(seedHex, 'hex')) : autobahn.nacl.randomBytes(32);
  return autobahn.nacl.sign.keyPair.fromSeed(seed);
}

function cryptosignOptions(pair, authid, signer = pair) {
  return {
    authmethods: ['cryptosign'],
    authid,
    authextra: { pubkey: autobahn.auth_cryptosign.public_key(pair) },
    onchallenge: (method, extra) => autobahn.auth_cryptosign.sign_challenge(signer, extra),
  };
}

async function notAuthorized(promise, what) {
  const error = await rejection(promise, what);
  assert.equal(error.error, NOT_AUTHORIZED, `error of the denied ${what}: ${describe(error)}`);
}

// ------------------------------------------------------------------------------------------------------------ ticket

suite.check('auth.ticket.accepted', async (t) => {
  const peer = await joined(t, { authmethods: ['ticket'], authid: 'service', onchallenge: ticket(TICKET) });
  welcomedAs(peer, 'service', 'service', 'ticket');
});

suite.check('auth.ticket.wrong_ticket_refused', async (t) => {
  await refused(t, { authmethods: ['ticket'], authid: 'service', onchallenge: ticket(`${TICKET}-wrong`) });
});

suite.check('auth.ticket.unknown_authid_refused', async (t) => {
  await refused(t, { authmethods: ['ticket'], authid: `nobody-${run}`, onchallenge: ticket(TICKET) });
});

// ----------------------------------------------------------------------------------------------------------- wampcra

suite.check('auth.wampcra.accepted', async (t) => {
  const peer = await joined(t, { authmethods: ['wampcra'], authid: 'alice', onchallenge: wampcra(CRA_SECRET) });
  welcomedAs(peer, 'alice', 'dashboard', 'wampcra');
  assert.equal(peer.challenges[0].extra.salt, undefined, 'an unsalted user gets no salt');
});

suite.check('auth.wampcra.salted_accepted', async (t) => {
  const peer = await joined(t, { authmethods: ['wampcra'], authid: 'salty', onchallenge: wampcra(CRA_SALTED_SECRET) });
  welcomedAs(peer, 'salty', 'dashboard', 'wampcra');
  const { extra } = peer.challenges[0];
  assert.ok(extra.salt && extra.iterations && extra.keylen, `salt, iterations, keylen in ${describe(extra)}`);
});

suite.check('auth.wampcra.wrong_secret_refused', async (t) => {
  await refused(t, { authmethods: ['wampcra'], authid: 'alice', onchallenge: wampcra(`${CRA_SECRET}-wrong`) });
});

suite.check('auth.wampcra.unknown_authid_refused', async (t) => {
  await refused(t, { authmethods: ['wampcra'], authid: `nobody-${run}`, onchallenge: wampcra(CRA_SECRET) });
});

// -------------------------------------------------------------------------------------------------------- cryptosign

suite.check('auth.cryptosign.accepted', async (t) => {
  const peer = await joined(t, cryptosignOptions(keyPair(CS_SEED)));
  welcomedAs(peer, 'signer', 'service', 'cryptosign');
});

suite.check('auth.cryptosign.unknown_key_refused', async (t) => {
  await refused(t, cryptosignOptions(keyPair()));
});

suite.check('auth.cryptosign.known_key_wrong_signer_refused', async (t) => {
  await refused(t, cryptosignOptions(keyPair(CS_SEED), 'signer', keyPair()));
});

suite.check('auth.cryptosign.replayed_signature_refused', async (t) => {
  const pair = keyPair(CS_SEED);
  const first = await joined(t, cryptosignOptions(pair, 'signer'));
  const [recorded] = first.signatures;
  assert.ok(typeof recorded === 'string' && recorded.length === 192, `a signature was recorded: ${describe(recorded)}`);
  const second = await refused(t, { ...cryptosignOptions(pair, 'signer'), onchallenge: () => recorded });
  assert.notEqual(second.challenges[0].extra.challenge, first.challenges[0].extra.challenge, 'a fresh challenge');
});

// ----------------------------------------------------------------------------------------------------- authorization

const service = (t) => joined(t, { authmethods: ['ticket'], authid: 'service', onchallenge: ticket(TICKET) });
const dashboard = (t) => joined(t, { authmethods: ['wampcra'], authid: 'alice', onchallenge: wampcra(CRA_SECRET) });

suite.check('authz.call_allowed_caller_disclosed_by_role_rule', async (t) => {
  const procedure = `auth.rpc.${run}.${serializer}.whoami`;
  const callee = await service(t);
  await callee.session.register(procedure, (args, kwargs, details) =>
    [details.caller, details.caller_authid, details.caller_authrole]);
  const caller = await dashboard(t);
  const result = await caller.session.call(procedure); // the caller does not ask to be disclosed
  assert.deepEqual(result, [caller.id, 'alice', 'dashboard'], 'caller disclosed to the callee');
});

suite.check('authz.register_denied', async (t) => {
  const peer = await dashboard(t);
  await notAuthorized(peer.session.register(`auth.rpc.${run}.${serializer}.mine`, () => null), 'register');
});

suite.check('authz.call_denied', async (t) => {
  const peer = await dashboard(t);
  await notAuthorized(peer.session.call(`auth.topic.${run}.${serializer}.not_a_procedure`), 'call');
});

suite.check('authz.publish_denied', async (t) => {
  const peer = await dashboard(t);
  await notAuthorized(peer.session.publish(`auth.topic.${run}.${serializer}.news`, [], {}, { acknowledge: true }),
      'publish');
});

suite.check('authz.subscribe_denied', async (t) => {
  const peer = await dashboard(t);
  await notAuthorized(peer.session.subscribe(`auth.rpc.${run}.${serializer}.events`, () => {}), 'subscribe');
});

suite.check('authz.subscribe_allowed_publisher_disclosed_by_role_rule', async (t) => {
  const topic = `auth.topic.${run}.${serializer}.news`;
  const subscriber = await dashboard(t);
  const events = new Inbox('events');
  await subscriber.session.subscribe(topic, (args, kwargs, details) =>
    events.push([args, details.publisher, details.publisher_authrole]));
  const publisher = await service(t);
  await publisher.session.publish(topic, ['hello'], {}, { acknowledge: true }); // not asking to be disclosed
  const [event] = await events.count(1, 3000, 'the event');
  assert.deepEqual(event, [['hello'], publisher.id, 'service'], 'event args, publisher, publisher_authrole');
});

suite.run();
