"""The core imports with Qt blocked: engines stay usable on a server with no screen."""

import subprocess
import sys

CODE = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib, hwviz
for m in pkgutil.walk_packages(hwviz.__path__, 'hwviz.'):
    if not m.name.startswith('hwviz.ui') and m.name != 'hwviz.__main__':
        importlib.import_module(m.name)
print('ok')
"""


def test_core_imports_without_qt():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


LIGHT = """
import sys
import hwviz.cli
hwviz.cli.build_parser()
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('numba', 'llvmlite', 'PySide6', 'pyqtgraph'))
print(heavy)
"""


def test_cli_parser_imports_neither_numba_nor_qt():
    """``hwviz --help`` and ``--version`` answer without importing numba (or Qt)."""
    out = subprocess.run([sys.executable, "-c", LIGHT], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_importtime_of_cli_shows_no_numba():
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import hwviz.cli"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "hwviz.cli" in out.stderr
    assert "numba" not in out.stderr


def test_measure_does_not_import_the_simulator():
    code = "import sys, hwviz.measure.experiments; print(sorted(m for m in sys.modules if m.startswith('hwviz.sim')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
