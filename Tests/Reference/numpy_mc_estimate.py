#!/usr/bin/env python3
"""Estimate of a vectorised NumPy Monte Carlo of example-v2 (the issue's yardstick), for `make bench`.

Not a second implementation of the contract: it does the array work such an implementation cannot
avoid for example-v2's shape (2 workloads, 4 options, 3 strategies, 60 months, 6 drawn inputs) over
runs x months arrays: trends by pow, routed requests, API costs, GPU demand and its ceiling, the fleet
plan (a loop over months, vectorised over runs), energy, staff, tax and discounting. Loans per server
and the one-time costs are left out, so a full NumPy implementation is at least this slow: the
comparison with tco's figure is conservative. Prints seconds for RUNS runs x SCENARIOS scenarios.
"""
import sys
import time

import numpy as np

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
SCENARIOS = 5
MONTHS = 60


def trend(rate, months=MONTHS):
    """(1 + x)^((m - 1) / 12) for each run's rate x (runs x months)."""
    m = np.arange(months)[None, :]
    return np.power(1 + rate[:, None], m / 12.0)


def scenario(rng):
    u = rng.random((RUNS, 6))
    growth = 0.05 + 0.55 * u[:, 0]
    price_change = -0.5 + 0.45 * u[:, 1]
    decode = 1000 + 1000 * np.sqrt(u[:, 2])  # triangular-ish
    escalation = 0.05 + 0.25 * u[:, 3]
    staff_cost = 200e3 + 100e3 * u[:, 4]
    pue = 1.15 + 0.45 * u[:, 5]
    disc = np.power(1.09, -np.arange(1, MONTHS + 1) / 12.0)[None, :]
    req = np.stack([300e3 * trend(np.full(RUNS, 0.6)), 40e3 * trend(growth)])  # workloads x runs x months
    api_trend = trend(price_change)
    per_request = np.array([(12000 * 1.2e-6 + 1500 * 15e-6), (250e3 * 3.6e-6 + 800 * 22.5e-6)])
    total = np.zeros((3, RUNS))
    for s in range(3):
        share_api = 1.0 if s == 0 else 0.15
        api = (req * per_request[:, None, None]).sum(0) * api_trend * share_api
        if s > 0:
            api = api + escalation[:, None] * 0.85 * (req[0] * per_request[0]) * api_trend
        seconds = 12000 / 15000 + 1500 / decode
        busy = req.sum(0) * 0.85 * seconds[:, None] / (730.5 * 3600)
        peak = busy * 3 / 0.65
        gpus = np.ceil(peak - 1e-9)
        servers = np.ceil(gpus / 8 - 1e-9)
        running = np.zeros(RUNS)
        in_service = np.zeros((RUNS, MONTHS))
        capex = np.zeros((RUNS, MONTHS))
        for m in range(3, MONTHS):  # lead time 3 months, life 48 months
            shortfall = np.maximum(servers[:, m] - running, 0)
            running = running + shortfall
            capex[:, m - 3] += shortfall * 350e3
            in_service[:, m] = running
        share = np.minimum(1, busy / np.maximum(in_service * 8, 1))
        energy = in_service * (3 + 7 * share) * 730.5 * pue[:, None]
        power = energy * 0.1 * trend(np.full(RUNS, 0.03))
        staff = (staff_cost[:, None] * trend(np.full(RUNS, 0.04)) * 2 + 150e3 * 0.25) / 12
        depreciation = in_service * (350e3 * 0.85 / 48)
        cash = api + capex + power + staff + in_service * 350e3 * 0.06 / 12
        pnl = api + power + staff + depreciation
        total[s] = ((cash - 0.25 * pnl) * disc).sum(1)
    return total


rng = np.random.default_rng(7)
t0 = time.perf_counter()
for _ in range(SCENARIOS):
    scenario(rng)
seconds = time.perf_counter() - t0
print(f"{seconds:.3f}")
