"""Benchmarks (`make bench-load`): figures printed and written to reports/bench/, never asserted in tests."""
