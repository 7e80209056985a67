"""Simulated annealing for the TSP with 2-opt moves: no WAMP here, only the algorithm.

Lengths are TSPLIB integers: d(i, j) = nint(sqrt(dx^2 + dy^2)), so every length is exact integer arithmetic.
"""

import math
import random
import time


def distance_matrix(cities):
    """The TSPLIB EUC_2D distances between every pair of cities ([x, y] each), as lists of ints."""
    n = len(cities)
    matrix = [[0] * n for _ in range(n)]
    for i in range(n):
        xi, yi = cities[i]
        row = matrix[i]
        for j in range(i + 1, n):
            dx = xi - cities[j][0]
            dy = yi - cities[j][1]
            d = int(math.sqrt(dx * dx + dy * dy) + 0.5)
            row[j] = d
            matrix[j][i] = d
    return matrix


def tour_length(dist, tour):
    """The length of the closed tour."""
    return sum(dist[tour[k - 1]][tour[k]] for k in range(len(tour)))


def is_permutation(tour, n):
    return len(tour) == n and sorted(tour) == list(range(n))


def anneal(dist, tour, t0, t1, duration_ms, seed, stopped=lambda: False, progress=lambda proposals: None):
    """Anneals from `tour` for `duration_ms` milliseconds and returns the best tour seen.

    Each proposal reverses a random segment tour[i..j] (a 2-opt move), which replaces the edges (a, b) and (c, d) with
    (a, c) and (b, d): delta = d(a,c) + d(b,d) - d(a,b) - d(c,d). A worse tour is accepted with the Metropolis
    probability exp(-delta / T). T falls geometrically from t0 to t1 over the duration, by the clock:
    T = t0 * (t1 / t0) ** (elapsed / duration). The clock is read every 256 proposals, and so are `stopped()` (true
    ends the run early) and `progress(n)` (told the proposals made since its last call).
    Returns {tour, length, proposals, accepted, elapsedMs}.
    """
    n = len(tour)
    current = list(tour)
    length = tour_length(dist, current)
    best, best_length = list(current), length
    proposals = accepted = reported = 0
    rng = random.Random(seed)
    started = time.monotonic()
    duration = duration_ms / 1000.0
    ratio = t1 / t0
    temperature = t0
    randrange, uniform, exp = rng.randrange, rng.random, math.exp
    while n > 3:
        if proposals & 255 == 0:
            elapsed = time.monotonic() - started
            if elapsed >= duration or stopped():
                break
            temperature = t0 * ratio ** (elapsed / duration)
            progress(proposals - reported)
            reported = proposals
        proposals += 1
        i = randrange(1, n - 1)            # 1 .. n-2
        j = randrange(i + 1, n)            # i+1 .. n-1
        a, b, c, d = current[i - 1], current[i], current[j], current[(j + 1) % n]
        delta = dist[a][c] + dist[b][d] - dist[a][b] - dist[c][d]
        if delta <= 0 or uniform() < exp(-delta / temperature):
            current[i:j + 1] = current[i:j + 1][::-1]
            length += delta
            accepted += 1
            if length < best_length:
                best, best_length = list(current), length
    progress(proposals - reported)
    return {'tour': best, 'length': best_length, 'proposals': proposals, 'accepted': accepted,
            'elapsedMs': int((time.monotonic() - started) * 1000)}
