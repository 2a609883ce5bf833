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
