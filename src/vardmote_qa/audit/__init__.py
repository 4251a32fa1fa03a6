"""Operations' audits of a target (DVM-10, DVM-11, SOK-01): open visits, the migrated units, the triage tree.

Each audit asks the target through its adapter's operations capability (target/interface.py), returns a
typed result and writes nothing; `audit/render.py` writes the terminal table, CSV, JSON and Swedish HTML.
"""
