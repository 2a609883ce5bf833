"""Result objects and files: JSON ``hwviz.bench/1`` (atomic writes) and CSV."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from hwviz.base.errors import ConfigError
from hwviz.base.files import output_path, write_atomic

SCHEMA = "hwviz.bench/1"


@dataclass
class Result:
    """One experiment's points on one machine."""

    experiment: str
    machine: dict
    params: dict
    points: list[dict]
    created: str
    note: str = ""

    def to_dict(self) -> dict:
        """The JSON document."""
        return {"schema": SCHEMA, "experiment": self.experiment, "machine": self.machine,
                "params": self.params, "points": self.points, "created": self.created,
                "note": self.note}


def new_result(experiment: str, params: dict, points: list[dict], topology, note: str = "") -> Result:
    """A result stamped with this machine's description and the current time."""
    return Result(experiment, topology.to_dict(), params, points,
                  datetime.now(timezone.utc).isoformat(timespec="seconds"), note)


def json_text(obj, indent: int = 2) -> str:
    """``obj`` as JSON, with NaN and infinities written as ``null`` (JSON has no such numbers)."""
    return json.dumps(_finite(obj), indent=indent, allow_nan=False)


def _finite(obj):
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj


def check_outputs(paths: dict[str, str | None]) -> None:
    """Check output files named by options (``{"--json": path}``, None when not given): each
    must be writable and named (an empty name is refused), and no two may be the same file."""
    seen: dict[str, str] = {}
    for option, path in paths.items():
        if path is None:
            continue
        if not path.strip():
            raise ConfigError(f"{option} needs a file name, not an empty one")
        real = str(output_path(path).resolve())
        if real in seen:
            raise ConfigError(f"{seen[real]} and {option} name the same file {path}; give each its own")
        seen[real] = option


def save_json(results: list[Result], path: str | Path) -> None:
    """Write one result as a document, several as a list of documents."""
    docs = [r.to_dict() for r in results]
    write_atomic(path, json_text(docs[0] if len(docs) == 1 else docs, indent=1) + "\n")


def save_csv(results: list[Result], path: str | Path) -> None:
    """Write every point as a CSV row, with the experiment's name in the first column."""
    cols: list[str] = ["experiment"]
    for r in results:
        for p in r.points:
            cols += [k for k in p if k not in cols]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols)
    w.writeheader()
    for r in results:
        for p in r.points:
            w.writerow({"experiment": r.experiment, **{k: json.dumps(v) if isinstance(v, list) else v
                                                       for k, v in p.items()}})
    write_atomic(path, buf.getvalue())


def load_json(path: str | Path) -> list[Result]:
    """Read a result file (from this machine or another); raises ConfigError if it is not one."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"cannot read {p}: {e.strerror or e}") from None
    except json.JSONDecodeError as e:
        raise ConfigError(f"{p.name} is not JSON: {e}") from None
    docs = data if isinstance(data, list) else [data]
    out = []
    for d in docs:
        if not isinstance(d, dict) or d.get("schema") != SCHEMA:
            raise ConfigError(f"{p.name} is not a hwviz result file (schema {SCHEMA!r} expected)")
        try:
            out.append(Result(d["experiment"], d["machine"], d["params"], d["points"], d["created"],
                              d.get("note", "")))
        except KeyError as e:
            raise ConfigError(f"{p.name}: result lacks the field {e.args[0]!r}") from None
    return out
