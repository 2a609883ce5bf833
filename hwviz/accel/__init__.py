"""Accelerators beyond the CPU: the sourced hardware catalog and the TPU's systolic array. No Qt.

Modules are imported where they are used (``hwviz.accel.catalog``, ``hwviz.accel.systolic``), so
importing this package costs nothing.
"""
