"""Test-only weakenings: each switch reopens exactly one security hole, so that the platform can show that
its security scenario for that hole fails on a sandbox that has it (and passes on one that has not).

All off by default, never on in a normal run. Set at start from the environment variable
SANDBOX_WEAKNESSES (for example "ws_role_unchecked,logout_by_get") or at run time by an admin through
/api/admin/weaknesses, like the faults (faults.py breaks the service; these make it unsafe).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from .faults import parse_fault_spec

# What each switch reopens, in the words of the hole (the admin API lists them).
HOLES = {
    "ws_role_unchecked": "mötets socket prövar inte rollen: en sekreterare chattar som personal och startar samtal",
    "ws_session_unchecked": "mötets socket fortsätter att fungera efter utloggning",
    "ws_status_unchecked": "mötets socket tar emot chatt efter att besöket avslutats",
    "page_answers_any_offer": "patientens sida svarar på samtal från vem som helst i rummet",
    "unit_admin_reads_patient_data": "enhetsadministratören läser SMS-utkorgen och patientregistret",
    "consent_pages_only": "samtycket spärrar bara HTML-sidan, inte API:t och socketen",
    "sms_format_specs": "SMS-texter får formatspecifikationer som {link:>100000}",
    "sessions_never_expire": "sessioner gäller för alltid, hur länge de än legat oanvända",
    "logout_by_get": "utloggning sker med GET (en länk eller bild på en annan sida loggar ut)",
    "no_origin_check": "ändrande anrop från en annan webbplats tas emot",
    "no_login_throttle": "inloggningen begränsar inte antalet misslyckade försök",
    "no_anonymous_throttle": "anonyma sessioner skapas utan gräns",
    "no_security_headers": "sidorna saknar säkerhetshuvuden (CSP, ramskydd, nosniff, no-store)",
    "links_outlive_visit": "kallelselänken fungerar efter att besöket avslutats",
    "bad_input_crashes": "orimliga id:n och trasiga socketmeddelanden ger serverfel",
    "guest_links_outlive_visit": "gästlänken och gästens session fungerar efter att mötet avslutats",
    "physical_meeting_sends_sms": "ett fysiskt besök skickar ändå kallelse-SMS till patienten, som är på plats",
}


@dataclass
class Weaknesses:
    ws_role_unchecked: bool = False
    ws_session_unchecked: bool = False
    ws_status_unchecked: bool = False
    page_answers_any_offer: bool = False
    unit_admin_reads_patient_data: bool = False
    consent_pages_only: bool = False
    sms_format_specs: bool = False
    sessions_never_expire: bool = False
    logout_by_get: bool = False
    no_origin_check: bool = False
    no_login_throttle: bool = False
    no_anonymous_throttle: bool = False
    no_security_headers: bool = False
    links_outlive_visit: bool = False
    bad_input_crashes: bool = False
    guest_links_outlive_visit: bool = False
    physical_meeting_sends_sms: bool = False

    def update(self, values: dict) -> None:
        known = {f.name for f in fields(self)}
        for name, value in values.items():
            if name not in known:
                raise ValueError(f"Okänd försvagning: {name} (kända: {', '.join(sorted(known))})")
            setattr(self, name, value if isinstance(value, bool) else str(value).lower() in {"1", "true", "ja", "on"})

    def as_dict(self) -> dict:
        return asdict(self)


def parse_weakness_spec(spec: str) -> dict:
    """"ws_role_unchecked,logout_by_get" (or name=true/false pairs) -> {name: value}."""
    return parse_fault_spec(spec)

