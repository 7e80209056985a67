"""Checks of the annealer alone:  /usr/bin/python3 -m unittest test_annealer  (in this directory)."""

import random
import unittest

import annealer


class AnnealerTest(unittest.TestCase):

    def setUp(self):
        rng = random.Random(3)
        self.cities = [[rng.uniform(0, 1000), rng.uniform(0, 1000)] for _ in range(60)]
        self.dist = annealer.distance_matrix(self.cities)

    def test_distances_are_tsplib_nint(self):
        dist = annealer.distance_matrix([[0, 0], [3, 4], [1, 1]])
        self.assertEqual(dist[0][1], 5)
        self.assertEqual(dist[0][2], 1)      # sqrt(2) = 1.41 rounds down
        self.assertEqual(dist[1][2], 4)      # sqrt(13) = 3.61 rounds up

    def test_returns_a_permutation_whose_length_is_exact_and_no_worse(self):
        start = list(range(len(self.cities)))
        result = annealer.anneal(self.dist, start, 100.0, 1.0, 200, 7)
        self.assertTrue(annealer.is_permutation(result['tour'], len(start)))
        self.assertEqual(result['length'], annealer.tour_length(self.dist, result['tour']))
        self.assertLessEqual(result['length'], annealer.tour_length(self.dist, start))
        self.assertGreater(result['proposals'], result['accepted'])
        self.assertGreater(result['accepted'], 0)
        self.assertGreaterEqual(result['elapsedMs'], 200)

    def test_every_accepted_move_keeps_the_running_length_exact(self):
        # at a high temperature nearly every move is accepted; the best must still be measured exactly
        result = annealer.anneal(self.dist, list(range(60)), 1e6, 1e5, 50, 1)
        self.assertEqual(result['length'], annealer.tour_length(self.dist, result['tour']))

    def test_stops_when_told(self):
        result = annealer.anneal(self.dist, list(range(60)), 10.0, 1.0, 10_000, 1, stopped=lambda: True)
        self.assertLess(result['elapsedMs'], 100)


if __name__ == '__main__':
    unittest.main()
