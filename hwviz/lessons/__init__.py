"""Lessons: ordered slides, each a scene with its parameters, an action and a caption in English
and Chinese. Plain Python; the window plays them (``hwviz/ui/lesson_player.py``)."""
