"""The pytest plugin: `hooks` (options, tags, Allure) and `fixtures` (target, Chromium, cast).

Both modules are listed in the root conftest's pytest_plugins.
"""
