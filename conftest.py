pytest_plugins = [
    "vardmote_qa.pytest_plugin.hooks",
    "vardmote_qa.pytest_plugin.fixtures",
    "steps.visit",
    "steps.chat",
    "steps.video",
    "steps.network",
    "steps.errands",
    "steps.staff",
    "steps.anonymous",
    "steps.consent",
    "steps.texts",
    "steps.security",
]
