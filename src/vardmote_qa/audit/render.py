"""An audit's result as operations read it: a table in the terminal, and CSV, JSON and a self-contained
Swedish HTML page in the output folder (the files' names are here only)."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import jinja2

_TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("vardmote_qa.audit", "templates"),
                                autoescape=True, keep_trailing_newline=True)


@dataclass(frozen=True)
class AuditTable:
    title: str
    summary: list[str]
    headers: list[str]
    rows: list[list[str]]
    verdict: str
    ok: bool


def file_names(stem: str) -> dict[str, str]:
    return {kind: f"{stem}.{kind}" for kind in ("csv", "json", "html")}


def write_files(table: AuditTable, directory: Path, stem: str) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    names = {kind: directory / name for kind, name in file_names(stem).items()}
    with names["csv"].open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(table.headers)
        writer.writerows(table.rows)
    names["json"].write_text(json.dumps({**asdict(table), "rows": [dict(zip(table.headers, row))
                                                                 for row in table.rows]},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    names["html"].write_text(_TEMPLATES.get_template("audit.html.j2").render(table=table), encoding="utf-8")
    return list(names.values())


def print_table(table: AuditTable, max_rows: int = 50) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    console.print(f"[bold]{table.title}[/bold]")
    for line in table.summary:
        console.print(f"  {line}", markup=False)
    if table.rows:
        shown = Table(*table.headers)
        for row in table.rows[:max_rows]:
            shown.add_row(*row)
        console.print(shown)
        if len(table.rows) > max_rows:
            console.print(f"  … och {len(table.rows) - max_rows} rader till (se CSV- och HTML-filerna)")
    console.print(("[green]" if table.ok else "[red]") + table.verdict + "[/]", markup=True)
