"""The run history: every run's decision, criterion values and scenario outcomes, for baselines,
trends and flakiness. SQLite by default (reports/history.sqlite, or VMQA_HISTORY)."""
