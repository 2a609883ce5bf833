"""Build the one-folder desktop bundle with PyInstaller and smoke-test it away from the source tree.

    pip install -e ".[package]"
    python packaging/build_bundle.py

Writes dist/hwviz/ (run dist/hwviz/hwviz), prints the build time and the bundle's size, then copies
the bundle to a temporary folder and runs it there with an empty environment (no Python, no
virtual environment, no source tree on any path): ``hwviz --version``, ``hwviz info``, and
``hwviz sim`` (which compiles the engine: numba's cache must land in the user's folder, not in
the bundle), and ``hwviz shot`` of Cache Lab and of a lesson slide in Chinese, each PNG checked
for its size.
Exit status 0 only if all of it passed.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SMOKE = [
    (["--version"], None),
    (["info"], None),
    (["sim", "--pattern", "column-major", "--rows", "64", "--preset", "classroom"], None),
    (["shot", "--scene", "cache-lab", "--steps", "200", "--theme", "projector", "--size", "1366x768",
      "--out", "{tmp}/lab.png"], ("lab.png", 1366, 768)),
    (["shot", "--lesson", "d2l-hardware", "--slide", "2", "--lang", "zh_CN", "--out", "{tmp}/slide.png"],
     ("slide.png", 1920, 1080)),
]


def folder_size(path: Path) -> int:
    """Bytes in every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def build() -> Path:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "hwviz.spec")], check=True, cwd=ROOT)
    bundle = ROOT / "dist" / "hwviz"
    print(f"built {bundle.relative_to(ROOT)} in {time.perf_counter() - t0:.0f} s; "
          f"size {folder_size(bundle) / 2**20:.0f} MiB")
    return bundle


def smoke(bundle: Path) -> bool:
    ok = True
    with tempfile.TemporaryDirectory(prefix="hwviz-smoke-") as tmp:
        copy = Path(tmp) / "app"
        shutil.copytree(bundle, copy, symlinks=True)
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
        for args, png in SMOKE:
            args = [a.format(tmp=tmp) for a in args]
            t0 = time.perf_counter()
            done = subprocess.run([str(copy / "hwviz"), *args], cwd=tmp, env=env, capture_output=True,
                                  text=True, timeout=600)
            seconds = time.perf_counter() - t0
            good = done.returncode == 0
            if good and png:
                good = png_size(Path(tmp) / png[0]) == (png[1], png[2])
            ok &= good
            first = (done.stdout or done.stderr).strip().splitlines()[:1]
            print(f"{'ok  ' if good else 'FAIL'} hwviz {' '.join(args)}  ({seconds:.1f} s) {first[0] if first else ''}")
            if not good:
                print(done.stdout[-2000:], done.stderr[-2000:], sep="\n")
        cache = Path(tmp) / ".cache" / "numba"
        cached = sum(1 for _ in cache.rglob("*.nbi")) if cache.is_dir() else 0
        print(f"{'ok  ' if cached else 'FAIL'} numba cache in the user's folder: {cached} index files in ~/{cache.relative_to(tmp)}")
        ok &= cached > 0
        inside = sum(1 for _ in copy.rglob("*.nbi"))
        print(f"{'ok  ' if not inside else 'FAIL'} nothing cached inside the bundle ({inside} index files)")
        ok &= not inside
    return ok


if __name__ == "__main__":
    sys.exit(0 if smoke(build()) else 1)
