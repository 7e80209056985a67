#!/usr/bin/python3
"""A Switchboard TSP compute worker in Python (Autobahn|Python on asyncio).

It registers tsp.compute.anneal on the router's shared registration (invoke roundrobin, concurrency 1), so the
orchestrator's anneal calls reach it in turn with the Java compute instances; fetches each problem once with
tsp.problem.get; and publishes its load on tsp.compute.load every second (kind "service").

  /usr/bin/python3 worker.py --url ws://127.0.0.1:8080/ws --realm realm1
  SWITCHBOARD_TICKET=... /usr/bin/python3 worker.py --authid service     # a realm with ticket authentication

Needs Debian's python3-autobahn (22.7 or newer). It connects again when the router goes away, and stops on SIGTERM or
Ctrl-C.
"""

import argparse
import asyncio
import collections
import concurrent.futures
import os
import secrets
import signal
import socket
import threading
import time

import txaio

txaio.use_asyncio()

from autobahn.asyncio.wamp import ApplicationSession  # noqa: E402
from autobahn.asyncio.websocket import WampWebSocketClientFactory  # noqa: E402
from autobahn.wamp.exception import ApplicationError  # noqa: E402
from autobahn.wamp.serializer import JsonSerializer, MsgPackSerializer  # noqa: E402
from autobahn.wamp.types import CallResult, ComponentConfig, RegisterOptions  # noqa: E402
from autobahn.websocket.util import parse_url  # noqa: E402

import annealer  # noqa: E402

ANNEAL = 'tsp.compute.anneal'
PROBLEM_GET = 'tsp.problem.get'
LOAD = 'tsp.compute.load'
INVALID_ARGUMENT = 'wamp.error.invalid_argument'
MAX_DURATION_MS = 600_000
CACHED_PROBLEMS = 4


class Load:
    """What the load events report: calls running, proposals made, CPU time, between two events."""

    def __init__(self):
        self.active_calls = 0
        self.proposals = 0
        self._last = (time.monotonic(), 0, _process_cpu(), _system_cpu())

    def sample(self):
        now, proposals, process_cpu, system_cpu = time.monotonic(), self.proposals, _process_cpu(), _system_cpu()
        then, proposals_then, process_then, system_then = self._last
        self._last = (now, proposals, process_cpu, system_cpu)
        wall = max(now - then, 1e-6)
        cores = os.cpu_count() or 1
        system = None
        if system_cpu and system_then:
            busy, total = system_cpu[0] - system_then[0], system_cpu[1] - system_then[1]
            system = round(busy / total, 4) if total > 0 else None
        return {'cpuProcess': round(min(1.0, (process_cpu - process_then) / wall / cores), 4),
                'cpuSystem': system, 'cores': cores, 'activeCalls': self.active_calls,
                'proposalsPerSec': int((proposals - proposals_then) / wall), 'heapUsed': _resident_bytes()}


def _process_cpu():
    times = os.times()
    return times.user + times.system


def _system_cpu():
    """(busy, total) jiffies of all CPUs from /proc/stat, or None where there is none."""
    try:
        with open('/proc/stat') as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)
        return sum(values) - idle, sum(values)
    except (OSError, ValueError, IndexError):
        return None


def _resident_bytes():
    try:
        with open('/proc/self/statm') as statm:
            return int(statm.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
    except (OSError, ValueError, IndexError):
        return None


class Worker(ApplicationSession):

    def __init__(self, config, options, instance_id, pool):
        super().__init__(config)
        self.disconnected = asyncio.get_running_loop().create_future()
        self.was_joined = False
        self.options = options
        self.instance_id = instance_id
        self.pool = pool
        self.problems = collections.OrderedDict()   # problemId -> distance matrix, least recently used first
        self.load = Load()
        self.load_task = None

    def onConnect(self):
        if self.options.authid:
            self.join(self.config.realm, authmethods=['ticket'], authid=self.options.authid)
        else:
            self.join(self.config.realm)

    def onChallenge(self, challenge):
        if challenge.method == 'ticket':
            return os.environ.get('SWITCHBOARD_TICKET', '')
        raise ApplicationError('wamp.error.authentication_failed', f'cannot answer {challenge.method}')

    async def onJoin(self, details):
        self.was_joined = True
        await self.register(self.anneal, ANNEAL, options=RegisterOptions(invoke='roundrobin', concurrency=1))
        self.load_task = asyncio.ensure_future(self.publish_load())
        print(f'{self.instance_id}: registered {ANNEAL} on {self.config.realm}', flush=True)

    def onLeave(self, details):
        if self.load_task:
            self.load_task.cancel()
        print(f'{self.instance_id}: left the realm: {details.reason} {details.message or ""}', flush=True)
        super().onLeave(details)

    def onDisconnect(self):
        if not self.disconnected.done():
            self.disconnected.set_result(None)

    async def publish_load(self):
        while True:
            await asyncio.sleep(1.0)
            event = {'instanceId': self.instance_id, 'kind': 'service', **self.load.sample()}
            try:
                self.publish(LOAD, event, **event)
            except Exception:   # not attached any more: the session is going away
                return

    async def anneal(self, *args, **kwargs):
        request = kwargs or (args[0] if args and isinstance(args[0], dict) else {})
        problem_id, tour, t0, t1, duration_ms, seed = _parse(request)
        dist = await self.problem(problem_id)
        if not annealer.is_permutation(tour, len(dist)):
            raise ApplicationError(INVALID_ARGUMENT, f'tour is not a permutation of 0..{len(dist) - 1}')
        stop = threading.Event()
        self.load.active_calls += 1
        try:
            result = await asyncio.get_running_loop().run_in_executor(
                self.pool, lambda: annealer.anneal(dist, tour, t0, t1, duration_ms, seed, stop.is_set,
                                                   self._count))
        except asyncio.CancelledError:   # the caller cancelled (INTERRUPT): stop the kernel too
            stop.set()
            raise
        finally:
            self.load.active_calls -= 1
        result['instanceId'] = self.instance_id
        return CallResult(result, **result)

    def _count(self, proposals):
        self.load.proposals += proposals

    async def problem(self, problem_id):
        if problem_id in self.problems:
            self.problems.move_to_end(problem_id)
            return self.problems[problem_id]
        try:
            answer = await self.call(PROBLEM_GET, problemId=problem_id)
        except ApplicationError as e:
            raise ApplicationError(INVALID_ARGUMENT, f'unknown problem {problem_id}: {PROBLEM_GET} answered {e.error}')
        if isinstance(answer, CallResult):
            answer = answer.kwresults or (answer.results[0] if answer.results else None)
        cities = answer.get('cities') if isinstance(answer, dict) else None
        if not cities or len(cities) < 3:
            raise ApplicationError(INVALID_ARGUMENT, f'problem {problem_id} from {PROBLEM_GET} has no cities')
        dist = annealer.distance_matrix([(float(x), float(y)) for x, y in cities])
        self.problems[problem_id] = dist
        while len(self.problems) > CACHED_PROBLEMS:
            self.problems.popitem(last=False)
        return dist


def _parse(request):
    try:
        problem_id = str(request['problemId'])
        tour = [int(city) for city in request['tour']]
        t0, t1 = float(request['t0']), float(request['t1'])
        duration_ms = int(request['durationMs'])
        seed = int(request.get('seed', 0))
    except (KeyError, TypeError, ValueError) as e:
        raise ApplicationError(INVALID_ARGUMENT, f'expected {{problemId, tour, t0, t1, durationMs, seed}}: {e!r}')
    if not (t0 > 0 and t1 > 0):
        raise ApplicationError(INVALID_ARGUMENT, 't0 and t1 must be positive')
    if not 0 <= duration_ms <= MAX_DURATION_MS:
        raise ApplicationError(INVALID_ARGUMENT, f'durationMs must be within 0..{MAX_DURATION_MS}')
    return problem_id, tour, t0, t1, duration_ms, seed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--url', default=os.environ.get('SWITCHBOARD_WAMP_URL', 'ws://127.0.0.1:8080/ws'))
    parser.add_argument('--realm', default=os.environ.get('SWITCHBOARD_WAMP_REALM', 'realm1'))
    parser.add_argument('--authid', default=os.environ.get('SWITCHBOARD_AUTHID'),
                        help='join with ticket authentication as this authid (ticket in $SWITCHBOARD_TICKET)')
    parser.add_argument('--serializer', choices=['json', 'msgpack'], default='json')
    parser.add_argument('--instance-id', default=f'python-worker-{socket.gethostname()}-{secrets.token_hex(3)}')
    options = parser.parse_args()
    try:
        asyncio.run(serve(options))
    except KeyboardInterrupt:
        pass


async def serve(options):
    """Connects, serves until the connection ends, and connects again (backoff up to 10 s) until SIGTERM."""
    loop = asyncio.get_running_loop()
    stopping = loop.create_future()
    for signal_name in ('SIGTERM', 'SIGINT'):
        loop.add_signal_handler(getattr(signal, signal_name), lambda: stopping.done() or stopping.set_result(None))
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix='anneal')
    secure, host, port, _, _, _ = parse_url(options.url)
    delay = 0.5
    while not stopping.done():
        serializer = JsonSerializer() if options.serializer == 'json' else MsgPackSerializer()
        session = Worker(ComponentConfig(realm=options.realm), options, options.instance_id, pool)
        factory = WampWebSocketClientFactory(lambda: session, url=options.url, serializers=[serializer])
        try:
            await loop.create_connection(factory, host, port, ssl=secure or None)
            await asyncio.wait([session.disconnected, stopping], return_when=asyncio.FIRST_COMPLETED)
            if session.was_joined:
                delay = 0.5
        except OSError as e:
            print(f'{options.instance_id}: cannot connect to {options.url}: {e}', flush=True)
        if stopping.done():
            if session.is_attached():
                session.leave()
                await asyncio.wait([session.disconnected], timeout=2)
            break
        await asyncio.wait([stopping], timeout=delay)
        delay = min(delay * 2, 10.0)
    pool.shutdown(wait=False, cancel_futures=True)


if __name__ == '__main__':
    main()
