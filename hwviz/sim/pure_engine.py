"""The engine's own code run as plain Python, for the seconds before numba has compiled it.

:func:`build` makes a module with every name of :mod:`hwviz.sim.engine`, in which each numba
function is its plain Python function (``py_func``) with this module as its globals, so its
calls to other engine functions also go to the plain versions. It works on the same arrays
in the same layout as the compiled engine, so a :class:`~hwviz.sim.simulator.Simulator` can
change engines between two calls, and it never calls a numba dispatcher (which would compile,
or wait on numba's compiler lock while another thread compiles).

The intrinsics are their plain-Python equivalents (:data:`hwviz.sim.intrinsics.PLAIN`); all
else is the engine's code. It reads numpy ``int64`` scalars from the arrays, so its arithmetic
wraps as compiled code does (the random generator's shifts and the 3C hash's product rely on
it); the entry points turn off numpy's warning about the product's wrap. It takes about 15 to
40 µs an access on Cache Lab's default sizes; reading a level's configuration or the trace as
Python ints instead was measured and gained nothing.
"""

from __future__ import annotations

import functools
import types

import numpy as np

from hwviz.sim import engine as E
from hwviz.sim.intrinsics import PLAIN

#: the engine functions that Simulator calls
ENTRY_POINTS = ("run", "locate", "rehash")


def _quiet(f):
    """``f`` with numpy's overflow warnings off: the 3C hash's 64-bit product wraps on purpose,
    as it does silently in compiled code."""
    @functools.wraps(f)
    def call(*args):
        with np.errstate(over="ignore"):
            return f(*args)
    return call


def _plain(obj):
    """The Python function behind an engine function (a numba dispatcher, or the function
    itself when numba's JIT is disabled), or None for anything else."""
    f = getattr(obj, "py_func", obj)
    if isinstance(f, types.FunctionType) and f.__module__ == E.__name__:
        return f
    return None


def build() -> types.ModuleType:
    """A new module holding the engine's names, its functions rebound as plain Python."""
    mod = types.ModuleType(__name__ + ".engine", E.__doc__)
    ns = mod.__dict__
    ns.update({k: v for k, v in vars(E).items() if not k.startswith("__")})
    for name, obj in vars(E).items():
        f = _plain(obj)
        if f is not None:
            g = types.FunctionType(f.__code__, ns, f.__name__, f.__defaults__, f.__closure__)
            g.__doc__, g.__qualname__ = f.__doc__, f.__qualname__
            ns[name] = g
    ns.update(PLAIN)
    for name in ENTRY_POINTS:
        ns[name] = _quiet(ns[name])
    return mod
