"""Renderers: each turns the decision document (document.py) into one format, and computes nothing."""
