"""The TPU's systolic array: an R x C grid of multiply-accumulate cells computing C = A B.

- :mod:`~hwviz.accel.systolic.plan` (pure Python, instant): how a GEMM folds onto the array
  and its cycles, utilisation and mapping efficiency, equal to SCALE-Sim v2's with no stalls.
- :mod:`~hwviz.accel.systolic.timeline` (numpy): the array's state at any cycle, for a scene.
- :mod:`~hwviz.accel.systolic.registers` (numpy): the same machine stepped register by register,
  the independent check that the timeline and the closed form agree.
"""
