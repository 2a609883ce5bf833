"""The cache-hierarchy simulator: configuration, patterns, engine, statistics. No Qt here."""

from hwviz.sim.config import CacheLevel, ConfigError, Hierarchy, Prefetcher, format_size, parse_size
from hwviz.sim.simulator import EVENT_DTYPE, Simulator, simulate
from hwviz.sim.stats import LevelSnapshot, LevelStats, Stats
from hwviz.sim.trace import Trace

__all__ = [
    "CacheLevel", "ConfigError", "EVENT_DTYPE", "Hierarchy", "LevelSnapshot", "LevelStats",
    "Prefetcher", "Simulator", "Stats", "Trace", "format_size", "parse_size", "simulate",
]
