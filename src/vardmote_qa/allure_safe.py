"""Allure steps and attachments that also work where no Allure test case is open.

allure-pytest-bdd opens a test case only for pytest-bdd scenarios; an actor used from a plain pytest
test (the media truth check, the platform's own tests) under --alluredir would otherwise crash on
allure.step (AttributeError) or allure.attach (KeyError). There the evidence still lands in the run
folder; only the Allure copy is skipped."""

from __future__ import annotations

import contextlib

import allure


@contextlib.contextmanager
def step(title: str):
    context = allure.step(title)
    try:
        context.__enter__()
    except AttributeError:  # no Allure test case is open
        yield
        return
    try:
        yield
    except BaseException as error:
        context.__exit__(type(error), error, error.__traceback__)
        raise
    context.__exit__(None, None, None)


def attach(body, name: str, attachment_type) -> None:
    with contextlib.suppress(KeyError, AttributeError):  # no Allure test case is open
        allure.attach(body, name=name, attachment_type=attachment_type)


def attach_file(path: str, name: str, extension: str) -> None:
    with contextlib.suppress(KeyError, AttributeError):
        allure.attach.file(path, name=name, extension=extension)
