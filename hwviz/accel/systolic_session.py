"""What the systolic scene animates: a GEMM with small integer operands on an array, a cycle
position, and the batching curve (utilisation as rows of A are added). Pure Python and numpy."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from hwviz.accel.systolic.plan import DATAFLOWS, SystolicPlan, parse_array, parse_gemm
from hwviz.accel.systolic.timeline import ArrayState, SystolicTimeline
from hwviz.base.checks import whole_text
from hwviz.base.errors import ConfigError

#: the largest batch (rows of A) the batching curve goes to
MAX_BATCH = 512


@dataclass(frozen=True)
class SystolicParams:
    """The scene's parameters as the user types them."""

    array: str = "8x8"
    dataflow: str = "os"
    gemm: str = "12,10,16"
    seed: str = "1"

    def as_text(self) -> dict[str, str]:
        """Parameter -> text (the names ``hwviz shot --set`` takes)."""
        return {"array": self.array, "dataflow": self.dataflow, "gemm": self.gemm, "seed": self.seed}

    def with_text(self, name: str, text: str) -> "SystolicParams":
        """A copy with ``name`` set to ``text``; a :class:`ConfigError` for an unknown name."""
        if name not in self.as_text():
            raise ConfigError(f"unknown parameter {name!r} (known: {', '.join(self.as_text())})")
        return replace(self, **{name: str(text).strip()})


def build(params: SystolicParams) -> tuple[SystolicPlan, np.ndarray, np.ndarray]:
    """The plan and the operands ``a`` (M x K) and ``b`` (K x N) of ``params``: integers 0 to 9
    drawn from the seed, so every PE's value stays short and exact."""
    rows, cols = parse_array(params.array)
    if params.dataflow not in DATAFLOWS:
        raise ConfigError(f"dataflow {params.dataflow!r} must be one of {', '.join(DATAFLOWS)}")
    m, n, k = parse_gemm(params.gemm)
    seed = whole_text(params.seed, "seed", 0, 2**32 - 1)
    plan = SystolicPlan(rows, cols, m, n, k, params.dataflow)
    rng = np.random.default_rng(seed)
    return plan, rng.integers(0, 10, (m, k)).astype(float), rng.integers(0, 10, (k, n)).astype(float)


def batching_curve(plan: SystolicPlan, top: int = MAX_BATCH) -> tuple[np.ndarray, np.ndarray]:
    """``(batch, utilisation %)``: the plan's utilisation with M = 1 .. ``top`` rows of A (the
    batch), everything else equal, from SCALE-Sim v2's closed form."""
    batch = np.arange(1, top + 1)
    util = [SystolicPlan(plan.rows, plan.cols, int(m), plan.n, plan.k, plan.dataflow).utilization for m in batch]
    return batch, np.array(util)


class SystolicSession:
    """A plan, its operands, the timeline over its cycles, and the cycle on screen."""

    def __init__(self, params: SystolicParams | None = None):
        self.set_params(params or SystolicParams())

    def set_params(self, params: SystolicParams) -> None:
        """Rebuild for ``params`` (all checked before anything changes), back at cycle 0."""
        plan, a, b = build(params)
        timeline = SystolicTimeline(plan, a, b)
        self.params, self.plan, self.a, self.b, self.timeline = params, plan, a, b, timeline
        self.position = 0

    @property
    def length(self) -> int:
        """The last cycle: SCALE-Sim v2's total, ``folds x per-fold cycles - 1``."""
        return self.plan.cycles

    def seek(self, k: int) -> None:
        """Go to cycle ``k`` (clamped to the run)."""
        self.position = max(0, min(self.length, int(k)))

    def state(self) -> ArrayState:
        """The array at the current cycle."""
        return self.timeline.state_at(self.position)

    def output(self) -> tuple[np.ndarray, np.ndarray]:
        """``(values, complete)`` of C at the current cycle (see ``SystolicTimeline.output_at``)."""
        return self.timeline.output_at(self.position)

    def utilization_so_far(self, state: ArrayState) -> float:
        """Percent of the MAC slots used so far: useful MACs over (cycle index x R x C), counted as
        SCALE-Sim counts its total (the last cycle's index), so at the end it equals
        ``plan.utilization``."""
        slots = max(self.position, 1) * self.plan.rows * self.plan.cols
        return 100.0 * state.macs_done / slots
