"""The cache-hierarchy simulator: configuration, patterns, engine, statistics. No Qt here.

The names below load on first use, so importing a light module of this package (its
configuration, its patterns) does not compile or even import numba.
"""

import importlib

_WHERE = {
    "CacheLevel": "hwviz.sim.config", "Hierarchy": "hwviz.sim.config", "Prefetcher": "hwviz.sim.config",
    "ConfigError": "hwviz.base.errors", "format_size": "hwviz.base.units", "parse_size": "hwviz.base.units",
    "EVENT_DTYPE": "hwviz.sim.simulator", "Simulator": "hwviz.sim.simulator", "simulate": "hwviz.sim.simulator",
    "LevelSnapshot": "hwviz.sim.stats", "LevelStats": "hwviz.sim.stats", "Stats": "hwviz.sim.stats",
    "Trace": "hwviz.sim.trace",
}
__all__ = sorted(_WHERE)


def __getattr__(name):
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'hwviz.sim' has no attribute {name!r}")
