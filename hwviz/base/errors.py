"""The one exception type for input a person can fix."""

from __future__ import annotations


class ConfigError(ValueError):
    """A configuration or input a student can fix; the message says what and how."""
