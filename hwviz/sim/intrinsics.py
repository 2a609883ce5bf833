"""numba intrinsics the engine needs and numba does not offer, written as LLVM IR.

* ``touch_ahead(a, i)``: ask the host CPU to start loading ``a[i]`` into its caches
  (``llvm.prefetch``, read, high locality). It changes no value: the engine loads the simulated
  state of an access a few accesses early, so host cache misses on large levels overlap.
* ``match_words(a, i, value, sh)``: a bit mask of which of the ``LANES`` words ``a[i:i+LANES]``
  have ``word >> sh == value`` (arithmetic shift). One vector compare instead of a loop with a
  branch per word; LLVM lowers it to whatever vectors the host has. It reads all ``LANES``
  words, so the array must extend ``LANES - 1`` words past any ``i`` it is called with.
* ``to_front(a, i, ways, head, p, word)``: LRU's move to front in the ring of ``ways`` (at most
  ``LANES``) words at ``a[i:]`` whose position 0 is ``a[i + head]``: ``word``, the word at
  position ``p``, goes to position 0 and positions ``0 .. p - 1`` move back by one. The
  ``LANES`` words are read, rearranged and written as one vector, without a branch; words past
  ``ways`` keep their values.
* ``lowest_bit(x)``: the index of the lowest set bit of ``x`` (``x`` must not be 0).
"""

from __future__ import annotations

import numba
from llvmlite import ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

LANES = 16

_I32 = ir.IntType(32)
_I64 = ir.IntType(64)
_VEC = ir.VectorType(_I64, LANES)


def _splat(builder, x):
    """A vector of ``LANES`` copies of the int64 ``x``."""
    one = builder.insert_element(ir.Constant(_VEC, ir.Undefined), x, _I32(0))
    return builder.shuffle_vector(one, ir.Constant(_VEC, ir.Undefined),
                                  ir.Constant(ir.VectorType(_I32, LANES), [0] * LANES))


def _pointer(context, builder, aryty, arr, idx):
    ary = context.make_array(aryty)(context, builder, arr)
    return cgutils.get_item_pointer(context, builder, aryty, ary, [idx], wraparound=False)


@intrinsic
def touch_ahead(typingctx, arr, idx):
    sig = types.void(arr, idx)

    def codegen(context, builder, signature, args):
        ptr = _pointer(context, builder, signature.args[0], args[0], args[1])
        i8p = ir.IntType(8).as_pointer()
        fn = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(ir.VoidType(), [i8p, _I32, _I32, _I32]), "llvm.prefetch.p0i8")
        builder.call(fn, [builder.bitcast(ptr, i8p), _I32(0), _I32(3), _I32(1)])
        return context.get_dummy_value()

    return sig, codegen


@intrinsic
def match_words(typingctx, arr, idx, value, sh):
    sig = types.int64(arr, idx, value, sh)

    def codegen(context, builder, signature, args):
        ptr = _pointer(context, builder, signature.args[0], args[0], args[1])
        words = builder.load(builder.bitcast(ptr, _VEC.as_pointer()), align=8)
        equal = builder.icmp_signed("==", builder.ashr(words, _splat(builder, args[3])),
                                    _splat(builder, args[2]))
        return builder.zext(builder.bitcast(equal, ir.IntType(LANES)), _I64)

    return sig, codegen


@intrinsic
def to_front(typingctx, arr, idx, ways, head, p, word):
    sig = types.void(arr, idx, ways, head, p, word)

    def codegen(context, builder, signature, args):
        _, _, ways, head, p, word = args
        vp = builder.bitcast(_pointer(context, builder, signature.args[0], args[0], args[1]),
                             _VEC.as_pointer())
        words = builder.load(vp, align=8)

        # back[j] = word j - 1 of the ring (word ways - 1 for j = 0)
        back = builder.shuffle_vector(words, words, ir.Constant(ir.VectorType(_I32, LANES),
                                                                [0] + list(range(LANES - 1))))
        back = builder.insert_element(back, builder.extract_element(
            words, builder.trunc(builder.sub(ways, _I64(1)), _I32)), _I32(0))
        lanes = ir.Constant(_VEC, list(range(LANES)))
        zero = ir.Constant(_VEC, [0] * LANES)
        pos = builder.sub(lanes, _splat(builder, head))   # ring position of each word
        pos = builder.select(builder.icmp_signed("<", pos, zero),
                             builder.add(pos, _splat(builder, ways)), pos)
        moved = builder.select(builder.icmp_signed("==", pos, zero), _splat(builder, word), back)
        keep = builder.or_(builder.icmp_signed(">", pos, _splat(builder, p)),
                           builder.icmp_signed(">=", lanes, _splat(builder, ways)))
        builder.store(builder.select(keep, words, moved), vp, align=8)
        return context.get_dummy_value()

    return sig, codegen


@intrinsic
def lowest_bit(typingctx, x):
    sig = types.int64(x)

    def codegen(context, builder, signature, args):
        fn = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(_I64, [_I64, ir.IntType(1)]), "llvm.cttz.i64")
        return builder.call(fn, [args[0], ir.IntType(1)(1)])

    return sig, codegen


# ---- the same four in plain Python: the engine's pure-Python mode (``hwviz.sim.pure_engine``)
# ---- and runs with numba's JIT disabled use them.

def _touch_ahead_plain(arr, idx):
    """Loading ahead only changes the host's caches: nothing to do in Python."""


def _match_words_plain(arr, idx, value, sh):
    value, sh = int(value), int(sh)   # Python ints compare with the words several times faster
    m = 0
    for j, word in enumerate(arr[idx:idx + LANES].tolist()):
        if word >> sh == value:
            m |= 1 << j
    return m


def _to_front_plain(arr, idx, ways, head, p, word):
    for q in range(p, 0, -1):   # from the back, so that each word moves before it is overwritten
        arr[idx + (head + q) % ways] = arr[idx + (head + q - 1) % ways]
    arr[idx + head] = word


def _lowest_bit_plain(x):
    x = int(x)
    return (x & -x).bit_length() - 1


#: the plain-Python equivalent of each intrinsic, by name
PLAIN = {"touch_ahead": _touch_ahead_plain, "match_words": _match_words_plain,
         "to_front": _to_front_plain, "lowest_bit": _lowest_bit_plain}

if numba.config.DISABLE_JIT:   # numba cannot call an intrinsic from Python
    touch_ahead, match_words, to_front, lowest_bit = (PLAIN[n] for n in (
        "touch_ahead", "match_words", "to_front", "lowest_bit"))
