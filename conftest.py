pytest_plugins = [
    "vardmote_qa.pytest_plugin.hooks",
    "vardmote_qa.pytest_plugin.fixtures",
    "steps.visit",
    "steps.chat",
    "steps.video",
]
