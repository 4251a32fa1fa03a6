"""The step vocabulary for testers: every step phrase, what each parameter accepts (from the service and the
configuration), and the check that refuses a scenario the vocabulary cannot run, before anything runs.

    steps.py     the step definitions, with what each needs, gives and whom it is for
    values.py    the accepted values of every parameter, read from the target and the configuration
    document.py  docs/vocabulary.md
    check.py     `vmqa vocabulary --check`: every step line of the feature files against the vocabulary
"""
