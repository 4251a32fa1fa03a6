"""Live progress of a run's long parts: what the child processes (pytest, Locust) have done so far.

`scenarios` and `load_figures` read what the children write while they run (one JSON line per finished
scenario, Locust's statistics history); `part` keeps a part's counts and says them; `display` shows them,
live in a terminal and line by line in CI; `follow` waits for a child while feeding the display.
"""
