"""Exit codes of vmqa, by decision and by kind of failure. The bottom layer: imports nothing, so the
errors, the gate and every command name a code from here."""

GO = 0
GO_MED_RISK = 0  # unless --strict, then NO_GO's code
NO_GO = 1
BAD_INPUT = 2
# vmqa audit (scheduled jobs alert on a non-zero code): 0 nothing found, 1 findings (open visits older than
# the limit, unit differences, triage paths that differ), 2 bad input or a refused --close, 3 the audit
# could not be completed (target unreachable, a bound reached): it says nothing either way.
AUDIT_CLEAN = 0
AUDIT_FINDINGS = 1
AUDIT_INCOMPLETE = 3
