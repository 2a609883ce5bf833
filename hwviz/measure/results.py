"""Result objects and files: JSON ``hwviz.bench/1`` (atomic writes) and CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from hwviz.base.errors import ConfigError

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


def _atomic_write(path: Path, text: str) -> None:
    check_writable(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as e:
        raise ConfigError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)   # readers see the old file or the whole new one, never a part
    except OSError as e:
        os.unlink(tmp)
        raise ConfigError(f"cannot write {path}: {e.strerror or e}") from None


def check_writable(path: str | Path) -> None:
    """Fail early, before a long run, if ``path`` cannot be written."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise ConfigError(f"cannot write {p}: it is a directory")
    if not folder.is_dir():
        raise ConfigError(f"cannot write {p}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise ConfigError(f"cannot write {p}: permission denied")


def save_json(results: list[Result], path: str | Path) -> None:
    """Write one result as a document, several as a list of documents."""
    docs = [r.to_dict() for r in results]
    _atomic_write(Path(path), json.dumps(docs[0] if len(docs) == 1 else docs, indent=1) + "\n")


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
    _atomic_write(Path(path), buf.getvalue())


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
