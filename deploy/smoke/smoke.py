#!/usr/bin/python3
"""Smoke checks of a running Switchboard suite through the router's public WebSocket (scripts/docker-smoke.sh).

  smoke.py callees --url ws://127.0.0.1:8080/ws --expect 3      # waits until 3 sessions serve tsp.compute.anneal
  smoke.py solve   --url ws://127.0.0.1:8080/ws                 # solves berlin52 as a browser would, checks the tour

"callees" joins as the "service" principal (ticket in $SWITCHBOARD_TICKET), since only services may use the meta API;
"solve" joins anonymously, with the dashboard role. Prints one JSON line per result; exits 0 when the check passed,
1 when it failed. Needs Debian's python3-autobahn.
"""

import argparse
import asyncio
import json
import math
import os
import sys
import time

import txaio

txaio.use_asyncio()

from autobahn.asyncio.wamp import ApplicationSession  # noqa: E402
from autobahn.asyncio.websocket import WampWebSocketClientFactory  # noqa: E402
from autobahn.wamp.exception import ApplicationError  # noqa: E402
from autobahn.wamp.serializer import JsonSerializer  # noqa: E402
from autobahn.wamp.types import CallResult, ComponentConfig  # noqa: E402
from autobahn.websocket.util import parse_url  # noqa: E402

ANNEAL = 'tsp.compute.anneal'


class Session(ApplicationSession):

    def __init__(self, config, authid):
        super().__init__(config)
        self.join_as = authid
        self.ready = asyncio.get_running_loop().create_future()

    def onConnect(self):
        if self.join_as:
            self.join(self.config.realm, authmethods=["ticket"], authid=self.join_as)
        else:
            self.join(self.config.realm)

    def onChallenge(self, challenge):
        return os.environ.get('SWITCHBOARD_TICKET', '')

    def onJoin(self, details):
        if not self.ready.done():
            self.ready.set_result(self)

    def onLeave(self, details):
        if not self.ready.done():
            self.ready.set_exception(ConnectionError(f'not joined: {details.reason} {details.message or ""}'))
        super().onLeave(details)

    def onDisconnect(self):
        if not self.ready.done():
            self.ready.set_exception(ConnectionError('disconnected before joining'))


async def open_session(url, realm, authid, deadline):
    """Joins the realm, retrying until the deadline while the router is not there yet."""
    secure, host, port, _, _, _ = parse_url(url)
    while True:
        session = Session(ComponentConfig(realm=realm), authid)
        factory = WampWebSocketClientFactory(lambda: session, url=url, serializers=[JsonSerializer()])
        try:
            await asyncio.get_running_loop().create_connection(factory, host, port, ssl=secure or None)
            return await asyncio.wait_for(session.ready, 10)
        except (OSError, ConnectionError, asyncio.TimeoutError) as e:
            if time.monotonic() > deadline:
                raise ConnectionError(f'cannot join {realm} at {url}: {e}')
            await asyncio.sleep(1)


def kwargs_of(answer):
    if isinstance(answer, CallResult):
        return answer.kwresults or (answer.results[0] if answer.results else {})
    return answer


async def callees(options):
    deadline = time.monotonic() + options.timeout
    session = await open_session(options.url, options.realm, 'service', deadline)
    count = 0
    try:
        while True:
            registration = await session.call('wamp.registration.lookup', ANNEAL)
            count = await session.call('wamp.registration.count_callees', registration) if registration else 0
            if count == options.expect or time.monotonic() > deadline:
                break
            await asyncio.sleep(1)
    finally:
        session.leave()
    report('callees', count == options.expect, expected=options.expect, callees=count)
    return count == options.expect


async def solve(options):
    deadline = time.monotonic() + options.timeout
    session = await open_session(options.url, options.realm, None, deadline)
    try:
        problem = kwargs_of(await session.call('tsp.problem.get', problemId='tsplib:' + options.tsplib))
        while True:
            try:
                result = kwargs_of(await session.call('tsp.solve', problem={'tsplib': options.tsplib},
                                                      budgetMs=options.budget_ms))
                break
            except ApplicationError as e:   # the orchestrator or the compute instances may not be there yet
                if e.error not in ('wamp.error.no_such_procedure', 'tsp.error.no_compute') \
                        or time.monotonic() > deadline:
                    raise
                await asyncio.sleep(1)
    finally:
        session.leave()
    cities = problem['cities']
    tour = result.get('tour') or []
    n = len(cities)
    exact = sum(int(math.sqrt((cities[tour[k - 1]][0] - cities[tour[k]][0]) ** 2
                              + (cities[tour[k - 1]][1] - cities[tour[k]][1]) ** 2) + 0.5) for k in range(len(tour)))
    instances = [i.get('instanceId') for i in result.get('instances') or []]
    passed = sorted(tour) == list(range(n)) and result.get('length') == exact and len(instances) >= options.min_instances
    report('solve', passed, problem=options.tsplib, length=result.get('length'), exactLength=exact,
           state=result.get('state'), computeCalls=result.get('computeCalls'), instances=instances)
    return passed


def report(check, passed, **details):
    print(json.dumps({'check': check, 'status': 'pass' if passed else 'fail', **details}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('check', choices=['callees', 'solve'])
    parser.add_argument('--url', default='ws://127.0.0.1:8080/ws')
    parser.add_argument('--realm', default='realm1')
    parser.add_argument('--expect', type=int, default=1, help='callees: how many sessions must serve anneal calls')
    parser.add_argument('--tsplib', default='berlin52', help='solve: the TSPLIB instance')
    parser.add_argument('--budget-ms', type=int, default=3000, help='solve: the budget')
    parser.add_argument('--min-instances', type=int, default=1, help='solve: compute instances that must contribute')
    parser.add_argument('--timeout', type=float, default=120, help='seconds to wait for the suite')
    options = parser.parse_args()
    try:
        passed = asyncio.run(callees(options) if options.check == 'callees' else solve(options))
    except Exception as e:  # any failure is the check's failure, reported as such
        report(options.check, False, error=f'{type(e).__name__}: {e}')
        passed = False
    sys.exit(0 if passed else 1)


if __name__ == '__main__':
    main()
