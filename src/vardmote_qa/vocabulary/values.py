"""What each step parameter accepts, read where the truth is: units and interpreter languages from the
service, network profiles and video tiers and reasons from the configuration, roles and duties from the
role table. The document lists them and the check holds feature files to them."""

from __future__ import annotations

from dataclasses import dataclass

from ..actors.roles import DUTIES, ROLES, Duty, Part, may
from ..config import Environment
from ..media.profiles import load_profiles
from ..media.tiers import SWEDISH as TIER_WORDS
from ..media.verdict import LABELS_SV
from ..target.interface import ConsentPage, SmsText, Target, UnitSettings



def typed_words(kind: str) -> tuple[str, ...] | None:
    """The words a typed parameter of the steps ({kind:Mötesform}) matches, from steps/phrasing.py's types."""
    import importlib
    if kind in (None, "Roll", "Roller", "w", "d"):
        return None
    matcher = importlib.import_module("steps.phrasing").TYPES.get(kind)
    return tuple(matcher.pattern.split("|")) if matcher is not None else None


@dataclass(frozen=True)
class AcceptedValues:
    unit_infos: tuple[UnitSettings, ...]
    default_unit: str  # where the standing staff member (vårdpersonalen) works until engaged elsewhere
    languages: tuple[str, ...]
    profiles: dict[str, str]  # name -> description
    tiers: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(unit.name for unit in self.unit_infos)

    def by_parameter(self, name: str, kind: str | None) -> tuple[str, ...] | None:
        """The accepted values of a parameter (by its name and type in the phrase); None: any text."""
        words = typed_words(kind)
        if words:
            return words
        return {"role": ROLE_WORDS, "roles": ROLE_WORDS, "patient": PATIENT_WORDS, "unit": self.units,
                "language": self.languages, "profile": tuple(self.profiles), "tier": self.tiers,
                "label": self.reasons, "page": tuple(page.value for page in ConsentPage),
                "which": tuple(text.value for text in SmsText)}.get(name)


ROLE_WORDS = tuple(ROLES)
PATIENT_WORDS = tuple(role.word for role in ROLES.values() if role.part is Part.PATIENT)


def read_accepted_values(target: Target, environment: Environment) -> AcceptedValues:
    admin = target.admin_api(environment.admin.username, environment.admin.password)
    return AcceptedValues(
        unit_infos=tuple(admin.unit_settings()), default_unit=admin.unit_name(environment.default_unit),
        languages=tuple(admin.interpreter_languages()),
        profiles={name: profile.description for name, profile in load_profiles().items()},
        tiers=tuple(TIER_WORDS.values()), reasons=tuple(LABELS_SV.values()))


def duties_of(word: str) -> list[Duty]:
    role = ROLES[word]
    return [duty for duty in Duty if may(role, duty)] if role.staff_role in DUTIES else []
