"""Cache Lab's parameters: the names ``hwviz shot --set`` takes, read from text and checked."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from hwviz.base.checks import whole, whole_text
from hwviz.base.errors import ConfigError
from hwviz.sim.config import PREFETCHERS, Hierarchy
from hwviz.sim.patterns import NAMES, Pattern, make
from hwviz.sim.presets import PRESETS, preset

MIN_DIM, MAX_DIM = 4, 128
ELEM_SIZES = (1, 2, 4, 8, 16, 32, 64)
#: the whole-number parameters' ranges (``ld`` also needs cols <= ld unless it is 0)
_RANGES = {"rows": (MIN_DIM, MAX_DIM), "cols": (MIN_DIM, MAX_DIM), "ld": (0, 2 * MAX_DIM),
           "tile": (1, MAX_DIM), "stride": (1, 4096)}


def opponent(pattern: str) -> str:
    """The default second pattern of a race against ``pattern``: its opposite loop order."""
    return "row-major" if pattern == "column-major" else "column-major"


@dataclass(frozen=True)
class LabParams:
    """Cache Lab's parameters; the names are those of ``hwviz shot --set``.

    Matrix multiplication runs on ``rows x rows`` matrices without tiling.
    """

    pattern: str = "row-major"
    rows: int = 32
    cols: int = 32
    elem: int = 8
    ld: int = 0
    tile: int = 8
    stride: int = 4
    preset: str = "classroom"
    prefetch: str = "none"
    race: bool = False
    race_pattern: str = "column-major"

    def validate(self) -> "LabParams":
        """Raise :class:`ConfigError` naming the first bad parameter."""
        for name in ("pattern", "race_pattern"):
            if getattr(self, name) not in NAMES:
                raise ConfigError(f"{name} {getattr(self, name)!r} is unknown (choose {', '.join(NAMES)})")
        for name, (lo, hi) in _RANGES.items():
            whole(getattr(self, name), name, lo, hi)
        if self.elem not in ELEM_SIZES:
            raise ConfigError(f"elem {self.elem} B is not one of {', '.join(map(str, ELEM_SIZES))}")
        if self.ld and not self.cols <= self.ld <= 2 * MAX_DIM:
            raise ConfigError(f"ld {self.ld} must be 0 (no padding) or from cols ({self.cols}) to {2 * MAX_DIM}")
        if self.preset not in PRESETS:
            raise ConfigError(f"preset {self.preset!r} is unknown (choose {', '.join(PRESETS)})")
        if self.prefetch not in PREFETCHERS:
            raise ConfigError(f"prefetch {self.prefetch!r} is unknown (choose {', '.join(PREFETCHERS)})")
        if self.race and self.race_pattern == self.pattern:
            raise ConfigError(f"race_pattern {self.race_pattern!r} is the same as pattern: a race needs two patterns")
        for name in (self.pattern,) + ((self.race_pattern,) if self.race else ()):
            self.pattern_for(name)
        return self

    def with_text(self, name: str, text: str) -> "LabParams":
        """Return a copy with parameter ``name`` parsed from ``text``, validated.

        A race needs two different patterns: when a change would make them equal, the other
        pattern takes this one's previous value (they swap), or for ``race`` = true the default
        opponent (:func:`opponent`).
        """
        types = {f.name: f.type for f in fields(self)}
        if name not in types:
            raise ConfigError(f"unknown parameter {name!r} (known: {', '.join(types)})")
        text = str(text).strip()
        kind = type(getattr(self, name))
        if kind is bool:
            if text.lower() not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
                raise ConfigError(f"{name} must be true or false, not {text[:40]!r}")
            value = text.lower() in ("true", "1", "yes", "on")
        elif kind is int:
            lo, hi = _RANGES.get(name, (0, 1 << 20))
            value = whole_text(text, name, lo, hi)
        else:
            value = text
        new = replace(self, **{name: value})
        if new.race and new.pattern == new.race_pattern:
            other = {"pattern": "race_pattern", "race_pattern": "pattern"}.get(name)
            new = (replace(new, **{other: getattr(self, name)}) if other
                   else replace(new, race_pattern=opponent(new.pattern)))
        return new.validate()

    def as_text(self) -> dict[str, str]:
        """Every parameter as the text :meth:`with_text` reads back."""
        return {f.name: str(getattr(self, f.name)).lower() if isinstance(getattr(self, f.name), bool)
                else str(getattr(self, f.name)) for f in fields(self)}

    def pattern_for(self, name: str) -> Pattern:
        """The :class:`Pattern` called ``name`` with this lab's sizes."""
        square = name.startswith("matmul")
        cols = self.rows if square else self.cols
        ld = self.ld if self.ld >= cols else 0
        tile = self.tile if name == "tiled" else 0
        if name == "tiled" and (self.rows % tile or cols % tile):
            raise ConfigError(f"tile {tile} must divide rows {self.rows} and cols {cols}")
        return make(name, rows=self.rows, cols=cols, elem=self.elem, ld=ld, tile=tile,
                    stride=self.stride)

    def hierarchy(self) -> Hierarchy:
        """The preset with the chosen prefetcher."""
        return preset(self.preset).with_prefetch(self.prefetch)
