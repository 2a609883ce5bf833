"""Widgets and styles that several scenes share."""
