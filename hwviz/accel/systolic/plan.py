"""How a GEMM folds onto a systolic array, and what it costs: SCALE-Sim v2's closed form.

C = A B with A of M x K and B of K x N runs on an R x C array of multiply-accumulate cells
(PEs) in one of three dataflows, named after what stays in a PE while the rest streams past:

==========  ==================  ===========  ===========  ================
dataflow    stays in each PE    array rows   array cols   streams in time
==========  ==================  ===========  ===========  ================
``os``      an output C[m, n]   Sr = M       Sc = N       T = K
``ws``      a weight B[k, n]    Sr = K       Sc = N       T = M
``is``      an input A[m, k]    Sr = K       Sc = M       T = N
==========  ==================  ===========  ===========  ================

When Sr > R or Sc > C the problem is cut into ``ceil(Sr/R) x ceil(Sc/C)`` tiles, *folds*, run
one after another, column folds outermost (SCALE-Sim's loop order); the last tile of each side
is padded to the array's size, and the padded PEs idle. Per fold SCALE-Sim v2's code
(``scalesim/compute/systolic_compute_{os,ws,is}.py``) counts

- ``os``: R + C + T - 2 cycles (operands skew in; the outputs drain while the next fold
  starts, so no drain is counted, unlike the paper's 2R + C + T - 2);
- ``ws`` and ``is``: 2R + C + T - 2 cycles (R to shift the stationary tile in, then the
  skewed stream and the partial sums leaving the bottom row).

Its total is the index of the last cycle, ``folds x per-fold - 1`` (one below counting the
cycles), and its report (``scalesim/single_layer_sim.py``) gives

- utilisation ("Overall Util %") = 100 M N K / (total x R x C),
- mapping efficiency = the mean over folds of the share of PEs a fold maps,
- compute utilisation = the mean over folds of used MACs / (R C x per-fold cycles), with
  per-fold cycles of R + C + T - 2 (``os``) or 2R + 2C + T - 3 (``ws``, ``is``: the filter
  or input demand matrix's rows plus columns less one).

Pure Python integers, so a 10^6-sided GEMM on a 1 x 1 array is as quick as a small one.
"""

from __future__ import annotations

from dataclasses import dataclass

from hwviz.base.checks import whole, whole_text
from hwviz.base.errors import ConfigError

DATAFLOWS = ("os", "ws", "is")
DATAFLOW_NAMES = {"os": "output stationary", "ws": "weight stationary", "is": "input stationary"}
#: the largest array side and GEMM dimension accepted (a TPU v4 MXU is 128 x 128)
MAX_SIDE = 1024
MAX_DIM = 10**6
#: which GEMM dimension lies along the array's rows, its columns, and in time, per dataflow
AXES = {"os": ("M", "N", "K"), "ws": ("K", "N", "M"), "is": ("K", "M", "N")}


@dataclass(frozen=True)
class Fold:
    """One tile of the problem on the array: which rows and columns of Sr x Sc it maps, and when."""

    index: int          #: run order, 0 first
    row_fold: int       #: tile row (along Sr)
    col_fold: int       #: tile column (along Sc)
    row_start: int      #: first of Sr mapped to array row 0
    rows_used: int      #: array rows this tile maps (the rest are padding)
    col_start: int      #: first of Sc mapped to array column 0
    cols_used: int
    start_cycle: int    #: first cycle of this fold
    cycles: int         #: cycles it lasts


@dataclass(frozen=True)
class SystolicPlan:
    """A GEMM ``m x k`` times ``k x n`` on a ``rows x cols`` array in ``dataflow``."""

    rows: int
    cols: int
    m: int
    n: int
    k: int
    dataflow: str

    def __post_init__(self):
        for what, v, hi in (("array rows", self.rows, MAX_SIDE), ("array columns", self.cols, MAX_SIDE),
                            ("M", self.m, MAX_DIM), ("N", self.n, MAX_DIM), ("K", self.k, MAX_DIM)):
            whole(v, what, 1, hi)
        if self.dataflow not in DATAFLOWS:
            raise ConfigError(f"dataflow {self.dataflow!r} must be one of {', '.join(DATAFLOWS)}")

    @property
    def spatial(self) -> tuple[int, int, int]:
        """``(Sr, Sc, T)``: the sizes along the array's rows and columns and in time."""
        dims = {"M": self.m, "N": self.n, "K": self.k}
        return tuple(dims[a] for a in AXES[self.dataflow])

    @property
    def row_folds(self) -> int:
        """Tiles along the array's rows: ``ceil(Sr / R)``."""
        return -(-self.spatial[0] // self.rows)

    @property
    def col_folds(self) -> int:
        """Tiles along the array's columns: ``ceil(Sc / C)``."""
        return -(-self.spatial[1] // self.cols)

    @property
    def folds(self) -> int:
        """Number of tiles run one after another."""
        return self.row_folds * self.col_folds

    @property
    def fold_cycles(self) -> int:
        """Cycles of one fold: R + C + T - 2 (os) or 2R + C + T - 2 (ws, is)."""
        extra = 0 if self.dataflow == "os" else self.rows
        return extra + self.rows + self.cols + self.spatial[2] - 2

    @property
    def cycles(self) -> int:
        """SCALE-Sim's total: the index of the last cycle, ``folds x fold_cycles - 1``."""
        return self.folds * self.fold_cycles - 1

    @property
    def macs(self) -> int:
        """Useful multiply-accumulates, M N K."""
        return self.m * self.n * self.k

    @property
    def utilization(self) -> float:
        """Percent of the array's MAC slots doing useful work over the run ("Overall Util %").

        Above 100 only for a 1 x 1 array in ``os``, where the one-below total undercounts.
        """
        return 100.0 * self.macs / (self.cycles * self.rows * self.cols)

    @property
    def mapping_efficiency(self) -> float:
        """Percent of PEs mapped, averaged over folds: what padding to the array's size loses."""
        sr, sc, _ = self.spatial
        return 100.0 * sr * sc / (self.folds * self.rows * self.cols)

    @property
    def compute_utilization(self) -> float:
        """SCALE-Sim's "Compute Util %": used MACs per fold over R C x its own per-fold count."""
        sr, sc, t = self.spatial
        per_fold = self.fold_cycles if self.dataflow == "os" else 2 * (self.rows + self.cols) + t - 3
        return 100.0 * sr * sc * t / (self.folds * self.rows * self.cols * per_fold)

    def fold(self, index: int) -> Fold:
        """The ``index``-th fold in run order (column folds outermost, as SCALE-Sim loops)."""
        whole(index, "fold", 0, self.folds - 1)
        sr, sc, _ = self.spatial
        col_fold, row_fold = divmod(index, self.row_folds)
        r0, c0 = row_fold * self.rows, col_fold * self.cols
        return Fold(index, row_fold, col_fold, r0, min(self.rows, sr - r0), c0, min(self.cols, sc - c0),
                    index * self.fold_cycles, self.fold_cycles)

    def fold_at(self, cycle: int) -> Fold:
        """The fold running at ``cycle`` (0 to :attr:`cycles`)."""
        whole(cycle, "cycle", 0, self.cycles)
        return self.fold(cycle // self.fold_cycles)

    def fold_grid(self) -> list[list[int]]:
        """The fold map: ``grid[row_fold][col_fold]`` is when that tile runs (0 first)."""
        if self.folds > 1 << 16:
            raise ConfigError(f"{self.folds:,} folds are too many to draw (at most {1 << 16:,})")
        return [[cf * self.row_folds + rf for cf in range(self.col_folds)] for rf in range(self.row_folds)]

    def to_dict(self) -> dict:
        """The figures ``hwviz systolic --json`` prints (percentages from 0 to 100)."""
        return {"cycles": self.cycles, "utilization": self.utilization,
                "mapping_efficiency": self.mapping_efficiency, "folds": self.folds}


def parse_array(text: str) -> tuple[int, int]:
    """``"RxC"`` (e.g. ``"32x32"``) as ``(rows, cols)``, each from 1 to :data:`MAX_SIDE`."""
    parts = str(text).lower().replace(" ", "").split("x")
    if len(parts) != 2:
        raise ConfigError(f"array {str(text)[:40]!r} must be ROWSxCOLS, e.g. 32x32")
    return (whole_text(parts[0], "array rows", 1, MAX_SIDE), whole_text(parts[1], "array columns", 1, MAX_SIDE))


def parse_gemm(text: str) -> tuple[int, int, int]:
    """``"M,N,K"`` (e.g. ``"1024,1024,1024"``) as ``(m, n, k)``, each from 1 to :data:`MAX_DIM`."""
    parts = str(text).replace(" ", "").split(",")
    if len(parts) != 3:
        raise ConfigError(f"GEMM {str(text)[:40]!r} must be M,N,K (A is M x K, B is K x N), e.g. 1024,1024,1024")
    return tuple(whole_text(p, name, 1, MAX_DIM) for p, name in zip(parts, "MNK"))


def format_plan(plan: SystolicPlan) -> str:
    """A short report of ``plan`` for the terminal."""
    sr, sc, t = plan.spatial
    rows_axis, cols_axis, time_axis = AXES[plan.dataflow]
    return "\n".join([
        f"GEMM {plan.m} x {plan.k} times {plan.k} x {plan.n} on a {plan.rows} x {plan.cols} array, "
        f"{DATAFLOW_NAMES[plan.dataflow]} ({plan.dataflow})",
        f"  mapping: {rows_axis} = {sr:,} on rows, {cols_axis} = {sc:,} on columns, {time_axis} = {t:,} in time",
        f"  folds:              {plan.folds:,} ({plan.row_folds:,} x {plan.col_folds:,}), "
        f"{plan.fold_cycles:,} cycles each",
        f"  cycles:             {plan.cycles:,}",
        f"  utilization:        {plan.utilization:.2f} %",
        f"  mapping efficiency: {plan.mapping_efficiency:.2f} %",
        "  (SCALE-Sim v2's counts with no memory stalls)",
    ])
