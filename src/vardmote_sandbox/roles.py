"""What each staff role may do at a unit. A role is given per unit; the admin role applies to all units.

Rights:
  boka         book provider-initiated meetings at the unit
  mota         meet patients: pick an errand up from the queue, let in, close
  lasa_besok   read the unit's visits and its queue
  konfigurera  change the unit's texts and consent pages
"""

from __future__ import annotations

ALL_RIGHTS = frozenset({"boka", "mota", "lasa_besok", "konfigurera"})

RIGHTS = {
    "vardpersonal": frozenset({"boka", "mota", "lasa_besok"}),
    # A medical secretary books and reads, but does not meet patients or take errands from the queue.
    "sekreterare": frozenset({"boka", "lasa_besok"}),
    # A unit administrator configures the unit but reads no patient data.
    "enhetsadmin": frozenset({"konfigurera"}),
    "admin": ALL_RIGHTS,
}

ROLE_LABELS = {"vardpersonal": "Vårdpersonal", "sekreterare": "Sekreterare", "enhetsadmin": "Enhetsadministratör",
               "admin": "Administratör"}


def rights_of(role: str | None) -> frozenset[str]:
    return RIGHTS.get(role or "", frozenset())
