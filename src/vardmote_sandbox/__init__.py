"""Sandlådan: a small but real Digital Care Meetings service, the reference system under test.

The platform (`vardmote_qa`) tests it like any other environment; nothing here knows about the platform.
"""

VERSION = "0.1.0"
