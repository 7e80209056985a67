// The dashboard's own browser WAMP client (ui-service/src/main/resources/static/js/wamp/) on Node.js against the
// router, over WebSocket with JSON (its only serializer), in a realm with authentication (see SwitchboardJsInteropIT):
// ticket, WAMP-CRA plain and salted (PBKDF2 through WebCrypto), a wrong secret refused; then, as the ticket
// principal "service" (allowed everything under "auth."), RPC with progressive results, errors, a shared round-robin
// registration with concurrency 1, cancel (kill, killnowait) reaching the callee as INTERRUPT, and pub/sub.
//   AUTH_TICKET=… AUTH_CRA_SECRET=… AUTH_CRA_SALTED_SECRET=… \
//   node switchboard-js.mjs --url ws://127.0.0.1:8080/ws --realm authrealm --serializer json
// Prints one JSON line per check (see harness.cjs) and exits non-zero when a check failed.
import { createRequire } from 'node:module';
import { WampError, WampResult, WampSession } from '../../../../../ui-service/src/main/resources/static/js/wamp/session.js';

const require = createRequire(import.meta.url);
const WebSocket = require('ws');
const { Suite, Inbox, rejection, assert } = require('./harness.cjs');

const suite = new Suite('switchboard-js', 'ui-service', ['json'], { checkTimeoutMs: 10000 });
const { url, realm } = suite.options;
const run = suite.prefix.slice(suite.prefix.lastIndexOf('.') + 1);
const uri = (name) => `auth.js.${run}.${name}`;

function transport(target, protocols) {
  const socket = new WebSocket(target, protocols);
  socket.on('error', () => {}); // reported through onclose, as a browser's WebSocket does
  return socket;
}

async function join(t, authmethods, authid, secret) {
  const session = new WampSession({ url, realm, authmethods, authid, secret, transport, reconnect: false });
  t.cleanup(() => session.close());
  const details = await session.open();
  return { session, details };
}

const service = (t) => join(t, ['ticket'], 'service', process.env.AUTH_TICKET);

suite.check('auth.ticket.accepted', async (t) => {
  const { details } = await service(t);
  assert.deepEqual([details.authid, details.authrole, details.authmethod], ['service', 'service', 'ticket']);
});

suite.check('auth.wampcra.accepted', async (t) => {
  const { details } = await join(t, ['wampcra'], 'alice', process.env.AUTH_CRA_SECRET);
  assert.deepEqual([details.authid, details.authrole, details.authmethod], ['alice', 'dashboard', 'wampcra']);
});

suite.check('auth.wampcra.salted_accepted', async (t) => {
  const { details } = await join(t, ['wampcra'], 'salty', process.env.AUTH_CRA_SALTED_SECRET);
  assert.deepEqual([details.authid, details.authrole, details.authmethod], ['salty', 'dashboard', 'wampcra']);
});

suite.check('auth.wampcra.wrong_secret_refused', async (t) => {
  const error = await rejection(join(t, ['wampcra'], 'alice', 'not the secret'));
  assert.equal(error.error, 'wamp.error.authentication_failed');
});

suite.check('rpc.progress_and_result', async (t) => {
  const callee = await service(t);
  await callee.session.register(uri('count'), (args, kwargs, details) => {
    for (let i = 1; i <= 3; i++) details.progress([i], {});
    return new WampResult(['done'], { n: args[0] });
  }, { invoke: 'roundrobin', concurrency: 1 });
  const caller = await service(t);
  const progress = [];
  const result = await caller.session.call(uri('count'), [3], {}, { onProgress: (args) => progress.push(args[0]) });
  assert.deepEqual(progress, [1, 2, 3]);
  assert.deepEqual([result.args, result.kwargs], [['done'], { n: 3 }]);
});

suite.check('rpc.application_error', async (t) => {
  const callee = await service(t);
  await callee.session.register(uri('fail'), () => {
    throw new WampError('auth.js.error.bad', ['no'], { why: 'test' });
  });
  const caller = await service(t);
  const error = await rejection(caller.session.call(uri('fail')));
  assert.deepEqual([error.error, error.args, error.kwargs], ['auth.js.error.bad', ['no'], { why: 'test' }]);
});

for (const mode of ['kill', 'killnowait']) {
  suite.check(`rpc.cancel_${mode}_interrupts_the_callee`, async (t) => {
    const callee = await service(t);
    const interrupted = new Inbox('interrupts');
    await callee.session.register(uri(`slow_${mode}`), (args, kwargs, details) => new Promise((resolve) => {
      details.signal.addEventListener('abort', () => {
        interrupted.push('interrupted');
        resolve('stopped early');
      });
    }));
    const caller = await service(t);
    const controller = new AbortController();
    const call = caller.session.call(uri(`slow_${mode}`), [], {}, { signal: controller.signal, cancelMode: mode });
    setTimeout(() => controller.abort(), 100);
    if (mode === 'kill') {
      // the dealer waits for the callee, whose answer to the INTERRUPT reaches the caller
      assert.deepEqual((await call).args, ['stopped early']);
    } else {
      assert.equal((await rejection(call)).error, 'wamp.error.canceled');
    }
    await interrupted.count(1, 3000, 'the INTERRUPT');
  });
}

suite.check('pubsub.subscribe_and_publish', async (t) => {
  const subscriber = await service(t);
  const events = new Inbox('events');
  await subscriber.session.subscribe(uri('news'), (args, kwargs) => events.push([args, kwargs]));
  const publisher = await service(t);
  const publication = await publisher.session.publish(uri('news'), [1], { a: 2 }, { acknowledge: true });
  assert.equal(typeof publication, 'number');
  const [event] = await events.count(1, 3000, 'the event');
  assert.deepEqual(event, [[1], { a: 2 }]);
});

suite.run();
