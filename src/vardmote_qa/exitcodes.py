"""Exit codes of vmqa, by decision and by kind of failure. The bottom layer: imports nothing, so the
errors, the gate and every command name a code from here."""

GO = 0
GO_MED_RISK = 0  # unless --strict, then NO_GO's code
NO_GO = 1
BAD_INPUT = 2
