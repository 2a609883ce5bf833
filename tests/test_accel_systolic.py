"""The systolic array's closed form against SCALE-Sim v2, folding, parsing, and the CLI."""

import json
import subprocess
import sys

import pytest

from hwviz.accel.systolic.plan import SystolicPlan, format_plan, parse_array, parse_gemm
from hwviz.base.errors import ConfigError
from hwviz.cli import main

# Recorded by running SCALE-Sim v2.0.2 itself (pip install scalesim==2.0.2): single_layer_sim on a
# GEMM topology ("Layer, M, N, K"), InterfaceBandwidth CALC, 1 GiB SRAMs, so no stalls (all 0).
# Columns: rows, cols, dataflow, M, N, K, total cycles, Overall Util %, Mapping Efficiency %,
# Compute Util %.
SCALE_SIM = [
    (256, 256, "ws", 1024, 1024, 1024, 28639, 57.208701421139004, 100.0, 50.07334963325184),
    (256, 256, "os", 1024, 1024, 1024, 24543, 66.75630526015564, 100.0, 66.75358539765318),
    (256, 256, "is", 1024, 1024, 1024, 28639, 57.208701421139004, 100.0, 50.07334963325184),
    (8, 32, "os", 100, 77, 33, 2768, 35.85903630780347, 77.12339743589743, 35.846086132177696),
    (8, 32, "ws", 100, 77, 33, 2189, 45.34390703517588, 66.171875, 37.38524011299435),
    (8, 32, "is", 100, 77, 33, 2459, 40.36511285075234, 64.453125, 32.2265625),
    (32, 8, "os", 100, 77, 33, 2839, 34.96224462839028, 75.1953125, 34.94993397887323),
    (32, 8, "ws", 100, 77, 33, 3399, 29.202063106796118, 49.62890625, 28.03893008474576),
    (32, 8, "is", 100, 77, 33, 3821, 25.97692030881968, 49.57932692307692, 24.78966346153846),
    (16, 16, "os", 1, 64, 64, 375, 4.266666666666667, 6.25, 4.25531914893617),
    (16, 16, "ws", 1, 64, 64, 751, 2.130492676431425, 100.0, 1.6129032258064508),
    (16, 16, "is", 1, 64, 64, 439, 3.644646924829157, 6.25, 3.2),
    (16, 16, "os", 64, 1, 64, 375, 4.266666666666667, 6.25, 4.25531914893617),
    (16, 16, "ws", 64, 1, 64, 439, 3.644646924829157, 6.25, 3.2),
    (16, 16, "is", 64, 1, 64, 751, 2.130492676431425, 100.0, 1.6129032258064508),
    (16, 16, "os", 64, 64, 1, 495, 3.2323232323232323, 100.0, 3.2258064516129017),
    (16, 16, "ws", 64, 64, 1, 439, 3.644646924829157, 6.25, 3.2),
    (16, 16, "is", 64, 64, 1, 439, 3.644646924829157, 6.25, 3.2),
    (4, 4, "os", 5, 7, 3, 35, 18.75, 54.6875, 18.229166666666664),
    (4, 4, "ws", 5, 7, 3, 29, 22.629310344827587, 65.625, 18.229166666666668),
    (4, 4, "is", 5, 7, 3, 33, 19.886363636363637, 46.875, 16.40625),
    (3, 5, "os", 7, 2, 9, 44, 19.09090909090909, 31.11111111111111, 18.666666666666664),
    (3, 5, "ws", 7, 2, 9, 47, 17.872340425531913, 40.00000000000001, 14.000000000000002),
    (3, 5, "is", 7, 2, 9, 65, 12.923076923076923, 70.0, 9.333333333333334),
    (1, 1, "os", 3, 2, 4, 23, 104.34782608695652, 100.0, 100.0),
    (1, 1, "ws", 3, 2, 4, 31, 77.41935483870968, 100.0, 75.0),
    (1, 1, "is", 3, 2, 4, 35, 68.57142857142857, 100.0, 66.66666666666666),
    (1, 16, "ws", 17, 5, 40, 1319, 16.110689916603487, 31.25, 11.067708333333337),
    (16, 1, "is", 17, 5, 40, 1835, 11.580381471389646, 83.33333333333334, 11.574074074074083),
    (32, 32, "os", 256, 128, 300, 11583, 82.88008288008288, 100.0, 82.87292817679558),
    (32, 32, "ws", 256, 128, 300, 13999, 68.57632688049146, 93.75, 62.99212598425197),
    (32, 32, "is", 256, 128, 300, 17759, 54.05709780956135, 93.75, 47.430830039525674),
    (128, 128, "ws", 1, 4096, 1024, 98047, 0.26109926871806377, 100.0, 0.1960784313725484),
    (128, 128, "os", 1, 4096, 1024, 40895, 0.6259933977258834, 0.78125, 0.6259780907668236),
]


@pytest.mark.parametrize("rows,cols,df,m,n,k,cycles,util,mapping,compute", SCALE_SIM)
def test_closed_form_equals_scale_sim(rows, cols, df, m, n, k, cycles, util, mapping, compute):
    p = SystolicPlan(rows, cols, m, n, k, df)
    assert p.cycles == cycles
    assert p.utilization == pytest.approx(util, rel=1e-12)
    assert p.mapping_efficiency == pytest.approx(mapping, rel=1e-12)
    assert p.compute_utilization == pytest.approx(compute, rel=1e-12)


def test_public_values_and_the_one_cycle_below_a_count():
    ws = SystolicPlan(256, 256, 1024, 1024, 1024, "ws")
    os_ = SystolicPlan(256, 256, 1024, 1024, 1024, "os")
    assert (ws.cycles, os_.cycles) == (28_639, 24_543)
    # the code's per-fold count, not the paper's 2R + C + T - 2 for os; the total is one below
    assert os_.fold_cycles == 256 + 256 + 1024 - 2
    assert os_.cycles == os_.folds * os_.fold_cycles - 1
    assert ws.fold_cycles == 2 * 256 + 256 + 1024 - 2


@pytest.mark.parametrize("df,axes", [("os", (5, 7, 3)), ("ws", (3, 7, 5)), ("is", (3, 5, 7))])
def test_each_dataflow_maps_its_own_dimensions(df, axes):
    assert SystolicPlan(4, 4, 5, 7, 3, df).spatial == axes


def test_folds_run_column_folds_outermost_and_pad_the_last_tile():
    p = SystolicPlan(4, 4, 10, 6, 3, "os")     # Sr = 10 -> 3 row folds, Sc = 6 -> 2 col folds
    assert (p.row_folds, p.col_folds, p.folds) == (3, 2, 6)
    assert p.fold_grid() == [[0, 3], [1, 4], [2, 5]]
    last = p.fold(5)
    assert (last.row_fold, last.col_fold, last.rows_used, last.cols_used) == (2, 1, 2, 2)
    assert last.start_cycle == 5 * p.fold_cycles
    assert p.fold_at(p.cycles).index == 5 and p.fold_at(p.fold_cycles).index == 1
    # padding: 60 of the 6 x 16 PE slots are mapped
    assert p.mapping_efficiency == pytest.approx(100 * 60 / 96)


def test_batching_raises_utilization():
    """More rows of A (a bigger batch) fill the weight-stationary stream: utilisation rises."""
    utils = [SystolicPlan(128, 128, m, 1024, 1024, "ws").utilization for m in (1, 8, 64, 512, 4096)]
    assert utils == sorted(utils) and utils[-1] > 50 * utils[0]


def test_huge_problems_are_closed_form():
    p = SystolicPlan(1, 1, 10**6, 10**6, 10**6, "os")
    assert p.folds == 10**12 and p.cycles == 10**12 * 10**6 - 1


@pytest.mark.parametrize("text,what", [("0x4", "array rows 0"), ("4x2000", "array columns 2,000"),
                                       ("4", "ROWSxCOLS"), ("axb", "array rows 'a'")])
def test_parse_array_refuses_bad_sizes(text, what):
    with pytest.raises(ConfigError, match=what):
        parse_array(text)


def test_parse_accepts_good_text():
    assert parse_array("128X64") == (128, 64)
    assert parse_gemm("1024, 1_000, 7") == (1024, 1000, 7)
    with pytest.raises(ConfigError, match="M,N,K"):
        parse_gemm("1,2")
    with pytest.raises(ConfigError, match="K 1,000,001"):
        parse_gemm("1,1,1000001")
    with pytest.raises(ConfigError, match="dataflow"):
        SystolicPlan(4, 4, 1, 1, 1, "rs")


def test_cli_json(capsys):
    assert main(["systolic", "--array", "256x256", "--dataflow", "ws", "--gemm", "1024,1024,1024", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"cycles", "utilization", "mapping_efficiency", "folds"}
    assert out["cycles"] == 28_639 and out["folds"] == 16
    assert out["utilization"] == pytest.approx(57.208701421139004) and out["mapping_efficiency"] == 100.0


def test_cli_text(capsys):
    assert main(["systolic", "--array", "8x32", "--dataflow", "os", "--gemm", "100,77,33"]) == 0
    out = capsys.readouterr().out
    assert out == format_plan(SystolicPlan(8, 32, 100, 77, 33, "os")) + "\n"
    assert "2,768" in out and "35.86 %" in out and "77.12 %" in out and "39 (13 x 3)" in out


@pytest.mark.parametrize("args,message", [
    (["--array", "0x4", "--gemm", "1,1,1"], "array rows 0 must be from 1 to 1,024"),
    (["--gemm", "4,4"], "must be M,N,K"),
    (["--gemm", "4,4,0"], "K 0 must be from 1 to 1,000,000"),
    (["--gemm", "1,1,1", "--dataflow", "rs"], "invalid choice"),
    ([], "--gemm"),
])
def test_cli_bad_input_is_one_line_exit_2(args, message, capsys):
    assert main(["systolic", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_parser_does_not_load_the_numpy_parts():
    code = ("import sys; from hwviz.cli import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m.startswith('hwviz.accel')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "timeline" not in out and "registers" not in out and "catalog" not in out


def test_the_accel_core_needs_neither_numba_nor_qt():
    code = ("import sys, hwviz.accel.catalog, hwviz.accel.systolic.timeline, hwviz.accel.systolic.registers; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('numba', 'PySide6', 'pyqtgraph')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
