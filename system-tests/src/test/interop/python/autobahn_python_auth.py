#!/usr/bin/python3
"""Autobahn|Python (Debian's python3-autobahn, on asyncio) against a router realm with authentication and
authorization configured (see AuthInteropIT): ticket, WAMP-CRA (plain and salted) and WAMP-Cryptosign (needs
python3-nacl), the refused cases (wrong secret, unknown authid, unauthorized key, replayed signature), a requested
role the principal does not have (refused), a role without rules (denied everything), and the authorization
matrix (allowed and denied call, register, publish, subscribe, and disclosure forced by a role's rule).

  AUTH_TICKET=… AUTH_CRA_SECRET=… AUTH_CRA_SALTED_SECRET=… AUTH_CS_SEED=<64 hex> \\
  /usr/bin/python3 autobahn_python_auth.py --url ws://127.0.0.1:8080/ws --realm authrealm --serializer json

The realm must have (as AuthInteropIT configures it): ticket principals "service" (role service, AUTH_TICKET) and
"ghost" (role ghost, which has no rules, AUTH_TICKET too); WAMP-CRA users "alice" (role dashboard, AUTH_CRA_SECRET)
and "salty" (role dashboard, AUTH_CRA_SALTED_SECRET, salted); cryptosign principal "signer" (role service, the public
key of AUTH_CS_SEED); role service: everything under "auth." with publisher disclosure; role dashboard: call under
"auth.rpc." with caller disclosure and subscribe under "auth.topic.".

Every refused session connects from a loopback address of its own (127.x.y.z), because the router slows down
repeated authentication failures from one address.
"""

import asyncio
import os
import random

import txaio

txaio.use_asyncio()

import autobahn  # noqa: E402
from autobahn.asyncio.rawsocket import WampRawSocketClientFactory, WampRawSocketClientProtocol  # noqa: E402
from autobahn.asyncio.wamp import ApplicationSession  # noqa: E402
from autobahn.asyncio.websocket import WampWebSocketClientFactory  # noqa: E402
from autobahn.wamp import auth  # noqa: E402
from autobahn.wamp.exception import ApplicationError  # noqa: E402
from autobahn.wamp.serializer import CBORSerializer, JsonSerializer, MsgPackSerializer  # noqa: E402
from autobahn.wamp.types import ComponentConfig, PublishOptions, RegisterOptions, SubscribeOptions  # noqa: E402
from autobahn.rawsocket.util import parse_url as parse_rawsocket_url  # noqa: E402
from autobahn.websocket.util import parse_url as parse_websocket_url  # noqa: E402

from interop_harness import CheckFailed, Inbox, Skip, Suite, check_equal, check_true  # noqa: E402

suite = Suite('autobahn-python', autobahn.__version__, ['json', 'msgpack', 'cbor'], check_timeout=10.0)
SERIALIZER = suite.options.serializer
RUN = suite.run_id
RAWSOCKET = suite.options.url.startswith(('rs://', 'rss://'))
TICKET = os.environ.get('AUTH_TICKET', '')
CRA_SECRET = os.environ.get('AUTH_CRA_SECRET', '')
CRA_SALTED_SECRET = os.environ.get('AUTH_CRA_SALTED_SECRET', '')
CS_SEED = os.environ.get('AUTH_CS_SEED', '')
AUTHENTICATION_FAILED = 'wamp.error.authentication_failed'
NOT_AUTHORIZED = 'wamp.error.not_authorized'

try:
    from autobahn.wamp.cryptosign import CryptosignKey
    import nacl.signing  # noqa: F401
    CRYPTOSIGN = None
except ImportError as missing:
    CRYPTOSIGN = f'cryptosign needs PyNaCl (Debian python3-nacl): {missing}'

if not hasattr(WampRawSocketClientProtocol, 'transport_details'):
    # Autobahn|Python 22.7 lacks this on its asyncio RawSocket protocol (see autobahn_python.py).
    WampRawSocketClientProtocol.transport_details = property(lambda self: None)


def new_serializer():
    return {'json': JsonSerializer, 'msgpack': MsgPackSerializer, 'cbor': CBORSerializer}[SERIALIZER]()


def own_address():
    """A loopback address no other refused session of this run uses."""
    return f'127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(1, 254)}'


class JoinRefused(Exception):
    def __init__(self, details):
        super().__init__(f'join refused: {details.reason} {details.message}')
        self.details = details


class AuthPeer(ApplicationSession):
    """A session that joins with the given authentication and answers CHALLENGE with {@code answer(challenge)}."""

    def __init__(self, config, authmethods, authid, answer, authrole=None, authextra=None):
        super().__init__(config)
        loop = asyncio.get_running_loop()
        self.requested_authmethods = authmethods
        self.requested_authid = authid
        self.requested_authrole = authrole
        self.requested_authextra = authextra
        self.answer = answer
        self.challenges = []
        self.signatures = []
        self.joined = loop.create_future()
        self.closed = loop.create_future()
        self.close_details = None
        self.details = None

    def onConnect(self):
        self.join(self.config.realm, authmethods=self.requested_authmethods, authid=self.requested_authid,
                  authrole=self.requested_authrole, authextra=self.requested_authextra)

    async def onChallenge(self, challenge):
        self.challenges.append(challenge)
        signature = self.answer(challenge)
        if asyncio.isfuture(signature) or asyncio.iscoroutine(signature):
            signature = await signature
        self.signatures.append(signature)
        return signature

    def onJoin(self, details):
        self.details = details
        if not self.joined.done():
            self.joined.set_result(details)

    def onLeave(self, details):
        self.close_details = details
        if not self.joined.done():
            self.joined.set_exception(JoinRefused(details))
        self.disconnect()

    def onDisconnect(self):
        if not self.joined.done():
            self.joined.set_exception(ConnectionError('disconnected before joining'))
        if not self.closed.done():
            self.closed.set_result(self.close_details)

    @property
    def id(self):
        return self.details.session


async def connect(t, authmethods, authid, answer, authrole=None, authextra=None, source=None):
    """Opens a session (closed again after the check); {@code joined} says how the opening ended."""
    peer = AuthPeer(ComponentConfig(realm=suite.options.realm), authmethods, authid, answer, authrole, authextra)
    if RAWSOCKET:
        factory = WampRawSocketClientFactory(lambda: peer, serializer=new_serializer())
        _, host, port = parse_rawsocket_url(suite.options.url)
    else:
        factory = WampWebSocketClientFactory(lambda: peer, url=suite.options.url, serializers=[new_serializer()])
        _, host, port, _, _, _ = parse_websocket_url(suite.options.url)
    await asyncio.get_running_loop().create_connection(factory, host, port,
                                                       local_addr=(source, 0) if source else None)
    t.cleanup(lambda: close(peer))
    return peer


async def close(peer):
    if peer.closed.done():
        return
    if peer.is_attached():
        peer.leave()
    elif peer._transport is not None:
        peer._transport.close()
    try:
        await asyncio.wait_for(asyncio.shield(peer.closed), 2.0)
    except asyncio.TimeoutError:
        pass


async def joined(t, authmethods, authid, answer, **kwargs):
    peer = await connect(t, authmethods, authid, answer, **kwargs)
    await asyncio.wait_for(asyncio.shield(peer.joined), 5.0)
    return peer


async def refused(t, authmethods, authid, answer, **kwargs):
    """Opens a session from an address of its own and expects ABORT wamp.error.authentication_failed."""
    peer = await connect(t, authmethods, authid, answer, source=own_address(), **kwargs)
    try:
        details = await asyncio.wait_for(asyncio.shield(peer.joined), 8.0)
    except JoinRefused as refusal:
        check_equal(refusal.details.reason, AUTHENTICATION_FAILED, 'ABORT reason')
        check_true(len(peer.challenges) == 1, f'one CHALLENGE before the ABORT, got {len(peer.challenges)}')
        return peer
    raise CheckFailed(f'welcomed as {details.authid}/{details.authrole} instead of being refused')


def ticket(value):
    return lambda challenge: value


def wampcra(secret):
    def answer(challenge):
        key = secret.encode('utf8')
        if 'salt' in challenge.extra:
            key = auth.derive_key(secret, challenge.extra['salt'], challenge.extra.get('iterations'),
                                  challenge.extra.get('keylen'))
        return auth.compute_wcs(key, challenge.extra['challenge'].encode('utf8')).decode('ascii')
    return answer


def cryptosign_key(seed_hex=None):
    if CRYPTOSIGN:
        raise Skip(CRYPTOSIGN)
    return CryptosignKey.from_bytes(bytes.fromhex(seed_hex) if seed_hex else os.urandom(32))


def cryptosign(key):
    return lambda challenge: key.sign_challenge(challenge)


def welcomed_as(peer, authid, authrole, authmethod):
    check_equal([peer.details.authid, peer.details.authrole, peer.details.authmethod], [authid, authrole, authmethod],
                'WELCOME authid, authrole, authmethod')


async def expect_not_authorized(request, what):
    try:
        await request
    except ApplicationError as error:
        check_equal(error.error, NOT_AUTHORIZED, f'error of the denied {what}')
        return
    raise CheckFailed(f'the {what} was allowed')


# ------------------------------------------------------------------------------------------------------------ ticket

@suite.check('auth.ticket.accepted')
async def _(t):
    peer = await joined(t, ['ticket'], 'service', ticket(TICKET))
    welcomed_as(peer, 'service', 'service', 'ticket')


@suite.check('auth.ticket.wrong_ticket_refused')
async def _(t):
    await refused(t, ['ticket'], 'service', ticket(TICKET + '-wrong'))


@suite.check('auth.ticket.unknown_authid_refused')
async def _(t):
    await refused(t, ['ticket'], 'nobody-' + RUN, ticket(TICKET))


@suite.check('auth.ticket.other_role_requested_refused')
async def _(t):
    # HELLO.Details.authrole names a role the principal does not have: refused like a wrong ticket
    await refused(t, ['ticket'], 'service', ticket(TICKET), authrole='admin')


# ----------------------------------------------------------------------------------------------------------- wampcra

@suite.check('auth.wampcra.accepted')
async def _(t):
    peer = await joined(t, ['wampcra'], 'alice', wampcra(CRA_SECRET))
    welcomed_as(peer, 'alice', 'dashboard', 'wampcra')
    check_true('salt' not in peer.challenges[0].extra, 'an unsalted user gets no salt')


@suite.check('auth.wampcra.salted_accepted')
async def _(t):
    peer = await joined(t, ['wampcra'], 'salty', wampcra(CRA_SALTED_SECRET))
    welcomed_as(peer, 'salty', 'dashboard', 'wampcra')
    extra = peer.challenges[0].extra
    check_true({'salt', 'iterations', 'keylen'} <= set(extra), f'salt, iterations, keylen in {sorted(extra)}')


@suite.check('auth.wampcra.wrong_secret_refused')
async def _(t):
    await refused(t, ['wampcra'], 'alice', wampcra(CRA_SECRET + '-wrong'))


@suite.check('auth.wampcra.salted_without_deriving_refused')
async def _(t):
    # the plain secret used as the key of a salted user: not the key the router derived
    await refused(t, ['wampcra'], 'salty', lambda c: auth.compute_wcs(
        CRA_SALTED_SECRET.encode('utf8'), c.extra['challenge'].encode('utf8')).decode('ascii'))


@suite.check('auth.wampcra.unknown_authid_refused')
async def _(t):
    await refused(t, ['wampcra'], 'nobody-' + RUN, wampcra(CRA_SECRET))


# -------------------------------------------------------------------------------------------------------- cryptosign

@suite.check('auth.cryptosign.accepted')
async def _(t):
    key = cryptosign_key(CS_SEED)
    peer = await joined(t, ['cryptosign'], None, cryptosign(key), authextra={'pubkey': key.public_key()})
    welcomed_as(peer, 'signer', 'service', 'cryptosign')


@suite.check('auth.cryptosign.accepted_with_authid')
async def _(t):
    key = cryptosign_key(CS_SEED)
    peer = await joined(t, ['cryptosign'], 'signer', cryptosign(key), authextra={'pubkey': key.public_key()})
    welcomed_as(peer, 'signer', 'service', 'cryptosign')


@suite.check('auth.cryptosign.unknown_key_refused')
async def _(t):
    key = cryptosign_key()
    await refused(t, ['cryptosign'], None, cryptosign(key), authextra={'pubkey': key.public_key()})


@suite.check('auth.cryptosign.known_key_wrong_signer_refused')
async def _(t):
    # announces the authorized public key but signs with another private key
    key = cryptosign_key(CS_SEED)
    other = cryptosign_key()
    await refused(t, ['cryptosign'], 'signer', cryptosign(other), authextra={'pubkey': key.public_key()})


@suite.check('auth.cryptosign.replayed_signature_refused')
async def _(t):
    key = cryptosign_key(CS_SEED)
    first = await joined(t, ['cryptosign'], 'signer', cryptosign(key), authextra={'pubkey': key.public_key()})
    recorded = first.signatures[0]
    check_true(isinstance(recorded, str) and len(recorded) in (128, 192), f'a signature was recorded: {recorded!r}')
    second = await refused(t, ['cryptosign'], 'signer', lambda challenge: recorded,
                           authextra={'pubkey': key.public_key()})
    check_true(second.challenges[0].extra['challenge'] != first.challenges[0].extra['challenge'],
               'the second session got a fresh challenge')


# ----------------------------------------------------------------------------------------------------- authorization

async def service(t):
    return await joined(t, ['ticket'], 'service', ticket(TICKET))


async def dashboard(t):
    return await joined(t, ['wampcra'], 'alice', wampcra(CRA_SECRET))


@suite.check('authz.call_allowed_caller_disclosed_by_role_rule')
async def _(t):
    procedure = f'auth.rpc.{RUN}.{SERIALIZER}.whoami'
    callee = await service(t)
    await callee.register(lambda details: [details.caller, details.caller_authid, details.caller_authrole],
                          procedure, RegisterOptions(details_arg='details'))
    caller = await dashboard(t)
    result = await caller.call(procedure)  # the caller does not ask to be disclosed
    check_equal(result, [caller.id, 'alice', 'dashboard'], 'caller disclosed to the callee')


@suite.check('authz.register_denied')
async def _(t):
    caller = await dashboard(t)
    await expect_not_authorized(caller.register(lambda: None, f'auth.rpc.{RUN}.{SERIALIZER}.mine'), 'register')


@suite.check('authz.call_denied')
async def _(t):
    caller = await dashboard(t)
    await expect_not_authorized(caller.call(f'auth.topic.{RUN}.{SERIALIZER}.not_a_procedure'), 'call')


@suite.check('authz.publish_denied')
async def _(t):
    publisher = await dashboard(t)
    await expect_not_authorized(publisher.publish(f'auth.topic.{RUN}.{SERIALIZER}.news',
                                                  options=PublishOptions(acknowledge=True)), 'publish')


@suite.check('authz.subscribe_denied')
async def _(t):
    subscriber = await dashboard(t)
    await expect_not_authorized(subscriber.subscribe(lambda: None, f'auth.rpc.{RUN}.{SERIALIZER}.events'), 'subscribe')


@suite.check('authz.subscribe_allowed_publisher_disclosed_by_role_rule')
async def _(t):
    topic = f'auth.topic.{RUN}.{SERIALIZER}.news'
    subscriber = await dashboard(t)
    events = Inbox('events')
    await subscriber.subscribe(lambda *args, details=None: events.push([list(args), details.publisher,
                                                                         details.publisher_authrole]),
                               topic, SubscribeOptions(details_arg='details'))
    publisher = await service(t)
    await publisher.publish(topic, 'hello', options=PublishOptions(acknowledge=True))  # not asking to be disclosed
    [event] = await events.count(1, 3.0, 'the event')
    check_equal(event, [['hello'], publisher.id, 'service'], 'event args, publisher, publisher_authrole')


@suite.check('authz.role_without_rules_denied_everything')
async def _(t):
    ghost = await joined(t, ['ticket'], 'ghost', ticket(TICKET))
    welcomed_as(ghost, 'ghost', 'ghost', 'ticket')
    await expect_not_authorized(ghost.call(f'auth.rpc.{RUN}.{SERIALIZER}.whoami'), 'call')
    await expect_not_authorized(ghost.subscribe(lambda: None, f'auth.topic.{RUN}.{SERIALIZER}.news'), 'subscribe')


suite.run()
