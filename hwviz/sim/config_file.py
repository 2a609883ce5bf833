"""Hierarchy configuration files: TOML with one ``[[level]]`` table per level and ``[memory]``.

Example::

    name = "my laptop"
    inclusion = "nine"            # nine | inclusive | exclusive

    [[level]]
    name = "L1"
    size = "48KiB"
    ways = 12
    line = 64
    policy = "lru"                # lru | fifo | random | plru
    write = "back"                # back | through
    latency_ns = 1.0
    index = "modulo"              # modulo | hash

    [memory]
    latency_ns = 90.0

    [prefetch]                    # optional
    kind = "next-line"            # none | next-line | stride | stream
    degree = 1
"""

from __future__ import annotations

from pathlib import Path

from hwviz.base.checks import whole
from hwviz.base.errors import ConfigError
from hwviz.base.toml_file import read_toml
from hwviz.base.units import MAX_SIZE, format_size, parse_size
from hwviz.sim.config import CacheLevel, Hierarchy, Prefetcher

_LEVEL_KEYS = {"name", "size", "ways", "line", "policy", "write", "latency_ns", "index"}
_TOP_KEYS = {"name", "note", "inclusion", "seed", "level", "memory", "prefetch"}
_PREFETCH_KEYS = {"kind", "degree", "distance", "table"}
#: a hierarchy file is a few hundred bytes; anything far larger is the wrong file
MAX_CONFIG_BYTES = 1 << 20


def _check_keys(table: dict, allowed: set, where: str) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise ConfigError(f"{where}: unknown key {extra[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _text(table: dict, key: str, default: str, where: str) -> str:
    """A string value: a name or note given as a number, a table or a list is refused."""
    v = table.get(key, default)
    if not isinstance(v, str):
        raise ConfigError(f"{where}: {key} must be a string in quotes, not {type(v).__name__} {v!r:.40}")
    return v


def hierarchy_from_dict(d: dict, source: str = "config") -> Hierarchy:
    """Build and validate a hierarchy from parsed TOML."""
    _check_keys(d, _TOP_KEYS, source)
    tables = d.get("level")
    if not isinstance(tables, list) or not tables:
        raise ConfigError(f"{source}: no [[level]] tables; add one per cache level, L1 first")
    levels = []
    for i, t in enumerate(tables, 1):
        if not isinstance(t, dict):
            raise ConfigError(f"{source}: level {i} is not a table")
        _check_keys(t, _LEVEL_KEYS, f"{source}: level {i}")
        name = _text(t, "name", f"L{i}", f"{source}: level {i}")
        for key in ("size", "ways"):
            if key not in t:
                raise ConfigError(f"{source}: {name} has no {key}")
        levels.append(CacheLevel(
            name=name,
            size=parse_size(t["size"], f"{name} size"),
            ways=whole(t["ways"], f"{name} ways", 1, MAX_SIZE // 8),  # at most one line a way
            line=parse_size(t.get("line", 64), f"{name} line"),
            policy=t.get("policy", "lru"),
            write=t.get("write", "back"),
            latency_ns=t.get("latency_ns", 1.0),
            index=t.get("index", "modulo"),
        ))
    mem = d.get("memory", {})
    if not isinstance(mem, dict):
        raise ConfigError(f"{source}: [memory] must be a table")
    _check_keys(mem, {"latency_ns"}, f"{source}: [memory]")
    pf = d.get("prefetch", {})
    if not isinstance(pf, dict):
        raise ConfigError(f"{source}: [prefetch] must be a table")
    _check_keys(pf, _PREFETCH_KEYS, f"{source}: [prefetch]")
    return Hierarchy(
        levels=tuple(levels),
        memory_latency_ns=mem.get("latency_ns", 100.0),
        inclusion=d.get("inclusion", "nine"),
        prefetch=Prefetcher(**pf),
        seed=whole(d.get("seed", 0), f"{source}: seed", 0, (1 << 63) - 1),
        name=_text(d, "name", source, source),
        note=_text(d, "note", "", source),
    ).validate()


def load_hierarchy(path: str | Path) -> Hierarchy:
    """Read a hierarchy from a TOML file.

    Raises
    ------
    ConfigError
        If the file is missing, is not TOML, or describes an invalid hierarchy.
    """
    data, _ = read_toml(path, "config file", MAX_CONFIG_BYTES)
    return hierarchy_from_dict(data, Path(path).name)


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dump_hierarchy(h: Hierarchy) -> str:
    """Return the TOML text of ``h`` (what :func:`load_hierarchy` reads back)."""
    out = [f"name = {_q(h.name)}"]
    if h.note:
        out.append(f"note = {_q(h.note)}")
    out += [f"inclusion = {_q(h.inclusion)}", f"seed = {h.seed}", ""]
    for lvl in h.levels:
        out += [
            "[[level]]", f"name = {_q(lvl.name)}", f"size = {_q(format_size(lvl.size))}",
            f"ways = {lvl.ways}", f"line = {lvl.line}", f"policy = {_q(lvl.policy)}",
            f"write = {_q(lvl.write)}", f"latency_ns = {float(lvl.latency_ns)!r}",
            f"index = {_q(lvl.index)}", "",
        ]
    out += ["[memory]", f"latency_ns = {float(h.memory_latency_ns)!r}", ""]
    pf = h.prefetch
    out += ["[prefetch]", f"kind = {_q(pf.kind)}", f"degree = {pf.degree}",
            f"distance = {pf.distance}", f"table = {pf.table}", ""]
    return "\n".join(out)


def save_hierarchy(h: Hierarchy, path: str | Path) -> None:
    """Write ``h`` as TOML to ``path``."""
    Path(path).write_text(dump_hierarchy(h), encoding="utf-8")
