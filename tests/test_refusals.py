"""A negative check passes only on the service's own refusal: a server error or a broken service is not a
"no". And an assertion message that names a role must not itself raise when the check fails."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest

from vardmote_qa.actors.staff import Staff
from vardmote_qa.target.interface import StaffRole, TargetError, VisitKind
from vardmote_qa.target.sandbox.api import SandboxApi
from vardmote_sandbox.seed import PATIENTS, SANDBOX_STAFF_PASSWORD

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def secretary_and_errand(sandbox):
    admin = SandboxApi(sandbox.base_url).log_in_staff("admin", SANDBOX_STAFF_PASSWORD)
    account = admin.create_staff("Ungdomsmottagningen", StaffRole.SECRETARY)
    errand = SandboxApi(sandbox.base_url).log_in_patient(PATIENTS[3].personnummer).start_errand(
        "Ungdomsmottagningen", "Jag behöver råd", VisitKind.CHAT, None)
    secretary = SimpleNamespace(role_word="sekreteraren",
                                api=SandboxApi(sandbox.base_url).log_in_staff(account.username, account.password))
    secretary._service_refusal = lambda attempt: Staff._service_refusal(secretary, attempt)  # the actor's own rule
    yield secretary, errand
    admin.set_faults(broken_paths="")


def test_the_services_refusal_counts_as_a_refusal(secretary_and_errand):
    secretary, errand = secretary_and_errand
    refusal = Staff.pick_up_refusal(secretary, errand)
    assert refusal is not None and refusal.is_access_refusal, f"ingen vägran för sekreteraren: {refusal}"


def test_a_server_error_is_not_a_refusal(sandbox, secretary_and_errand):
    secretary, errand = secretary_and_errand
    SandboxApi(sandbox.base_url).log_in_staff("admin", SANDBOX_STAFF_PASSWORD).set_faults(broken_paths="/pick-up")
    with pytest.raises(TargetError, match="HTTP 503"):
        Staff.pick_up_refusal(secretary, errand)


def _role_fields_with_a_spec(path: Path) -> list[str]:
    """f-string fields that format a role word with a format spec ({role:Roll}): each raises ValueError."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None \
                and isinstance(node.value, ast.Name) and node.value.id in {"role", "roles"}:
            spec = "".join(part.value for part in node.format_spec.values if isinstance(part, ast.Constant))
            try:
                format("patienten", spec)
            except ValueError:
                found.append(f"{path.name}:{node.lineno} {{{node.value.id}:{spec}}}")
    return found


def test_no_assertion_message_raises_when_it_formats_a_role():
    sources = sorted((ROOT / "steps").glob("*.py")) + sorted((ROOT / "src" / "vardmote_qa").rglob("*.py"))
    raising = [field for path in sources for field in _role_fields_with_a_spec(path)]
    assert not raising, f"meddelanden som själva kastar ValueError när kontrollen slår till: {raising}"


def test_the_role_field_check_finds_the_raising_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('role = "x"\nmessage = f"tjänsten lät {role:Roll} ta ärendet"\n', encoding="utf-8")
    assert _role_fields_with_a_spec(sample) == ["sample.py:2 {role:Roll}"]
