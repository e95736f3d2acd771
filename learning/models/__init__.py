from .topics import Topic

__all__ = ["Topic"]
