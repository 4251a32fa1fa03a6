"""Sök vård (SOK-01): the triage question tree, served from its specification file.

The service reads the same YAML file the suite derives its paths from (triage/sok-vard.yaml, or the file
named by SANDBOX_TRIAGE_SPEC) with a reader of its own, as a real service would implement a specified
tree. Citizens use it before they log in, so it needs no session.

    POST /api/triage {"answers": ["Nej", "Huden"]}  -> {"question": {...}} or {"priority": "prioritet 4"}
    GET  /sok-vard?svar=Nej&svar=Huden              -> the same as a page
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import yaml
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from .pages import templates

SPEC_PATH = Path(os.environ.get("SANDBOX_TRIAGE_SPEC", Path(__file__).resolve().parents[2] / "triage" / "sok-vard.yaml"))
PRIORITIES = ["akut", "prioritet 1", "prioritet 2", "prioritet 3", "prioritet 4", "prioritet 5"]

router = APIRouter()


class TriageAnswers(BaseModel):
    answers: list[str] = Field(default=[], description="Svaren hittills, i frågornas ordning")


@functools.cache
def _tree() -> dict:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def _last_leaf(question: dict) -> dict:
    answer = question["svar"][-1]
    return _last_leaf(answer["fråga"]) if "fråga" in answer else answer


def _walk(answers: list[str], wrong_leaf: bool) -> dict:
    tree = _tree()
    question = tree["fråga"]
    for position, given in enumerate(answers):
        answer = next((one for one in question["svar"] if one["text"] == given), None)
        if answer is None:
            raise HTTPException(status_code=422, detail=f"Frågan \"{question['text']}\" har inget svar \"{given}\".")
        if "fråga" not in answer:
            if position < len(answers) - 1:
                raise HTTPException(status_code=422, detail="Bedömningen är klar; fler svar tas inte emot.")
            priority = answer["prioritet"]
            if wrong_leaf and answer is _last_leaf(tree["fråga"]):  # test-only fault switch
                priority = PRIORITIES[(PRIORITIES.index(priority) + 1) % len(PRIORITIES)]
            return {"priority": priority, "answers": answers}
        question = answer["fråga"]
    return {"question": {"id": question["id"], "text": question["text"],
                         "answers": [one["text"] for one in question["svar"]]}, "answers": answers}


@router.post("/api/triage")
def triage(body: TriageAnswers, request: Request) -> dict:
    return _walk(body.answers, request.app.state.faults.triage_wrong_leaf)


@router.get("/sok-vard", response_class=HTMLResponse, include_in_schema=False)
def triage_page(request: Request, svar: list[str] = Query(default=[])) -> HTMLResponse:
    step = _walk(svar, request.app.state.faults.triage_wrong_leaf)
    return templates.TemplateResponse(request, "triage.html", {"user": None, "name": _tree()["namn"], **step})
