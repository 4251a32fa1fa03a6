"""The subcommands of `vmqa`, one module each. A module exposes register(subparsers), which adds its
parser and sets `handler` to a function(arguments) -> exit code. Add new modules to COMMANDS."""

from . import audit, compare, gate, history, load, nightly, report, requirements, sandbox, vocabulary

COMMANDS = [nightly, gate, report, compare, history, sandbox, load, requirements, vocabulary, audit]
