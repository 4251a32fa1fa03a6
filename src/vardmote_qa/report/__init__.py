"""Renderers: each turns a decision and its run record into one format, and computes nothing."""
