"""Every Swedish sentence the gate says, by reason code. The one place that turns codes into words."""

from __future__ import annotations

from .model import Reason, Verdict

MESSAGES = {
    "acceptance.all_passed": "Alla {count} scenarier med taggen @{tag} gick igenom.",
    "acceptance.failed": "{count} av {total} scenarier med taggen @{tag} misslyckades: {names}.",
    "acceptance.flaky": "{count} scenarier med taggen @{tag} gick igenom först vid omkörning: {names}.",
    "acceptance.no_scenarios": "Inga scenarier med taggen @{tag} kördes.",
    "part.missing": "Delen '{part}' saknas i körningen: {detail}",
    "part.incomplete": "Ofullständig körning: delen '{part}' blev inte klar ({detail}).",
    "decision.go": "Alla kriterier är uppfyllda.",
    "decision.key_failed": "Nyckelkriteriet {criterion} är inte uppfyllt.",
    "decision.failed": "Kriteriet {criterion} är inte uppfyllt.",
    "decision.missing": "Underlag saknas för kriteriet {criterion}.",
    "decision.warning": "Kriteriet {criterion} gav en varning.",
}

VERDICT_TEXT = {Verdict.GO: "GO", Verdict.GO_MED_RISK: "GO MED RISK", Verdict.NO_GO: "NO-GO"}


def sentence(reason: Reason) -> str:
    template = MESSAGES.get(reason.code)
    if template is None:
        return f"{reason.code} {reason.params}"
    return template.format(**reason.params)
