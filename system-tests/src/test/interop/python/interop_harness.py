"""The runner of the Python interop scenarios, on asyncio; the same output as the Node runner (node/harness.cjs).

A scenario declares named checks; the runner prints one JSON line per check on stdout and exits non-zero when any
check failed:
  {"client": "autobahn-python", "serializer": "json", "url": "ws://…", "plan": ["rpc.args_kwargs", …]}   first line
  {"check": "rpc.args_kwargs", "status": "pass"|"fail"|"skip", "ms": 12, "detail": "…"}                 one per check
  {"summary": {"pass": 40, "fail": 0, "skip": 9}}                                                      last line
Every check has its own timeout, and the whole run a hard one, so a scenario never hangs.
Command line: --url ws://127.0.0.1:8080/ws --realm realm1 --serializer json|msgpack|cbor [--only regex]
(or the environment variables WAMP_URL, WAMP_REALM, WAMP_SERIALIZER, INTEROP_ONLY).
"""

import argparse
import asyncio
import json
import os
import random
import re
import string
import sys
import time
import traceback

# Payloads with the values that trip serializers: null at every depth, empty containers, nested lists and maps,
# negative and large integers (up to 2^53, the largest a WAMP id may be), floats, booleans and non-ASCII text.
ARGS = [1, -2, 3.25, 'text ✓ ünïcödé 日本', True, False, None, [], {}, [1, [2, [3, None]]],
        {'nested': {'deeper': [None, {'x': 1}]}}, 9007199254740991]
KWARGS = {'n': None, 'list': [1, 'a', None], 'obj': {'a': {'b': {'c': None}}}, 'empty': {}, 'text': '∑ ≠ ∞',
          'big': 4294967296}


class Skip(Exception):
    """A check the third-party client itself cannot express (or a client prerequisite that is not installed), with
    the reason: reported as "skip", not as a failure. Never for a router that misbehaves: that is a failure."""


class CheckFailed(AssertionError):
    pass


def canonical(value):
    """JSON text that tells apart what == does not: True from 1, 1.0 from 1."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


def check_equal(actual, expected, what='value'):
    if canonical(actual) != canonical(expected):
        raise CheckFailed(f'{what}: expected {canonical(expected)}, got {canonical(actual)}')


def check_true(condition, what):
    if not condition:
        raise CheckFailed(what)


def describe(error):
    error_uri = getattr(error, 'error', None)
    if isinstance(error_uri, str):
        return f'{type(error).__name__} {error_uri} {canonical(list(getattr(error, "args", [])))} ' \
               f'{canonical(getattr(error, "kwargs", {}) or {})}'
    if isinstance(error, asyncio.TimeoutError):
        return 'timed out'
    return f'{type(error).__name__}: {error}' if str(error) else type(error).__name__


class Inbox:
    """Collects what arrives (events, invocations, messages) and waits until it satisfies a condition."""

    def __init__(self, name):
        self.name = name
        self.items = []
        self._changed = asyncio.Event()

    def push(self, item):
        self.items.append(item)
        self._changed.set()

    async def until(self, condition, timeout=3.0, what='the expected messages'):
        deadline = time.monotonic() + timeout
        while not condition(self.items):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CheckFailed(f'{self.name}: timed out after {timeout} s waiting for {what}; '
                                  f'got {canonical(self.items)[:1500]}')
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except asyncio.TimeoutError:
                pass
        return self.items

    async def count(self, n, timeout=3.0, what=None):
        return await self.until(lambda items: len(items) >= n, timeout, what or f'{n} item(s)')


class CheckContext:
    """What a check needs: a place to register cleanups (run latest first, passed or failed)."""

    def __init__(self, name):
        self.name = name
        self.cleanups = []

    def cleanup(self, fn):
        self.cleanups.append(fn)


def parse_options(serializers):
    parser = argparse.ArgumentParser(description='WAMP interop checks')
    parser.add_argument('--url', default=os.environ.get('WAMP_URL'))
    parser.add_argument('--realm', default=os.environ.get('WAMP_REALM', 'realm1'))
    parser.add_argument('--serializer', default=os.environ.get('WAMP_SERIALIZER', 'json'), choices=serializers)
    parser.add_argument('--only', default=os.environ.get('INTEROP_ONLY'))
    parser.add_argument('--hard-timeout-ms', type=int, default=int(os.environ.get('INTEROP_HARD_TIMEOUT_MS', 60000)))
    options = parser.parse_args()
    if not options.url:
        parser.error('no router URL (--url or WAMP_URL)')
    return options


def emit(line):
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + '\n')
    sys.stdout.flush()


class Suite:
    def __init__(self, client, version, serializers, check_timeout=5.0):
        self.client = client
        self.version = version
        self.options = parse_options(serializers)
        self.check_timeout = check_timeout
        self.checks = []
        self.requirements = {}
        self.results = {'pass': 0, 'fail': 0, 'skip': 0}
        self.running = None
        self.run_id = ''.join(random.choices(string.ascii_lowercase + string.digits, k=8))
        # URIs unique to this run, so runs of several clients and serializers never meet in the shared realm.
        self.prefix = f'interop.{re.sub("[^a-z0-9]", "_", client)}.{self.options.serializer}.{self.run_id}'

    def uri(self, suffix):
        return f'{self.prefix}.{suffix}'

    def requirement(self, name, probe):
        """A named precondition, probed once before the first check that needs it; the probe returns None or why it is
        unmet. An unmet requirement fails every check that needs it (with the probe's account): requirements are what
        the router announces, so a router that does not meet one is broken, not missing an optional feature."""
        self.requirements[name] = {'probe': probe, 'outcome': None}

    def check(self, name, timeout=None, needs=None):
        """Decorator: registers an async function taking a CheckContext as a check."""
        def register(fn):
            self.checks.append({'name': name, 'fn': fn, 'timeout': timeout or self.check_timeout, 'needs': needs})
            return fn
        return register

    def run(self):
        asyncio.run(self._run())

    async def _run(self):
        loop = asyncio.get_running_loop()

        def hard_timeout():
            emit({'fatal': f'hard timeout of {self.options.hard_timeout_ms} ms reached', 'running': self.running})
            os._exit(3)

        loop.call_later(self.options.hard_timeout_ms / 1000, hard_timeout)
        loop.set_exception_handler(lambda _, context: sys.stderr.write(
            f'asyncio (ignored) during {self.running}: {context.get("message")} {context.get("exception")!r}\n'))
        only = re.compile(self.options.only) if self.options.only else None
        selected = [c for c in self.checks if not only or only.search(c['name'])]
        emit({'client': self.client, 'version': self.version, 'serializer': self.options.serializer,
              'url': self.options.url, 'realm': self.options.realm, 'prefix': self.prefix,
              'plan': [c['name'] for c in selected]})
        for check in selected:
            self.running = check['name']
            await self._run_one(check)
        self.running = None
        emit({'summary': self.results})
        sys.stdout.flush()
        sys.stderr.flush()
        # Transports of clients that do not close cleanly must not keep the process alive.
        os._exit(1 if self.results['fail'] else 0)

    async def _run_one(self, check):
        started = time.monotonic()
        context = CheckContext(check['name'])
        status, detail = 'pass', None
        try:
            if check['needs']:
                unmet = await self._unmet(check['needs'])
                if unmet:
                    raise CheckFailed(f'requirement {check["needs"]} unmet: {unmet}')
            detail = await asyncio.wait_for(check['fn'](context), check['timeout'])
        except Skip as skip:
            status, detail = 'skip', str(skip)
        except asyncio.TimeoutError:
            status, detail = 'fail', f'check {check["name"]} timed out after {check["timeout"]} s'
        except Exception as error:  # noqa: BLE001 - every failure of a check is reported, none ends the run
            status, detail = 'fail', describe(error)
            if not isinstance(error, CheckFailed):
                sys.stderr.write(f'{check["name"]}: {traceback.format_exc()}\n')
        for cleanup in reversed(context.cleanups):
            try:
                await asyncio.wait_for(cleanup(), 2.0)
            except Exception as error:  # noqa: BLE001
                sys.stderr.write(f'cleanup of {check["name"]} failed: {describe(error)}\n')
        self.results[status] += 1
        line = {'check': check['name'], 'status': status, 'ms': round((time.monotonic() - started) * 1000)}
        if detail is not None:
            line['detail'] = str(detail)
        if check['needs']:
            line['needs'] = check['needs']
        emit(line)

    async def _unmet(self, name):
        requirement = self.requirements[name]
        if requirement['outcome'] is None:
            requirement['outcome'] = asyncio.ensure_future(asyncio.wait_for(requirement['probe'](), 3.0))
        return await asyncio.shield(requirement['outcome'])
