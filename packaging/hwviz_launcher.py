"""The frozen app's entry point (PyInstaller): hwviz's command line, with multiprocessing's child
processes started through this same executable.

numba caches compiled kernels of a frozen app in the user's cache folder (its
``UserWideCacheLocator``: ~/.cache/numba on Linux, ~/Library/Caches/numba on macOS,
%LOCALAPPDATA%\\numba on Windows), keyed by this executable, never inside the bundle.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from hwviz.cli import main

    sys.exit(main())
