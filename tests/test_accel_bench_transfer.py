"""hwviz bench transfer without a CUDA GPU: one line, exit 2 (no test needs a GPU)."""

import pytest

from hwviz.cli import main
from hwviz.measure.transfer import SIZES, format_transfer, transfer
from hwviz.measure.results import Result


@pytest.fixture
def no_gpu(monkeypatch):
    from numba import cuda

    monkeypatch.setattr(cuda, "is_available", lambda: False)


def test_without_a_gpu_bench_transfer_is_one_line_and_exit_2(no_gpu, capsys):
    assert main(["bench", "transfer"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("hwviz: error: no CUDA GPU is visible") and "modelled" in err


def test_the_sizes_run_from_4_kib_to_1_gib():
    assert SIZES[0] == 4096 and SIZES[-1] == 1 << 30


def test_the_table_reads_a_result():
    pts = [{"direction": "h2d", "memory": "pinned", "bytes": 1 << 20, "gbps": 24.0, "seconds_min": 43.7e-6},
           {"direction": "launch", "seconds_min": 4.2e-6}]
    text = format_transfer(Result("transfer", {}, {}, pts, "2026-01-01"))
    assert "h2d    pinned     1MiB    24.00      43.7" in text and "launch + synchronize: 4.2 us" in text


def test_transfer_refuses_without_a_gpu(no_gpu):
    from hwviz.base.errors import ConfigError

    with pytest.raises(ConfigError, match="no CUDA GPU"):
        transfer(quick=True)
