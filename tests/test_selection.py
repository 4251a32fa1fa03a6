"""Testers select scenarios by tag: `pytest steps -m DVM-03`, `-m smoke`, `-m "kritisk and DVM-08"`."""

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def selected(expression: str) -> list[str]:
    completed = subprocess.run([sys.executable, "-m", "pytest", "steps", "--collect-only", "-q", "-m", expression],
                               capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return [line.split("::", 1)[1] for line in completed.stdout.splitlines() if "::" in line]


def test_a_requirement_id_selects_its_scenarios_and_every_example_of_its_outlines():
    names = selected("DVM-03")
    from_start_page = [name for name in names if name.startswith("test_ett_ärende_till_mottagning_från_startsidan")]
    by_direct_link = [name for name in names if name.startswith("test_ett_ärende_till_mottagning_via_direktlänk")]
    assert len(from_start_page) == 12 and len(by_direct_link) == 2  # all fourteen units of the report
    assert "test_startsidan_erbjuder_mottagningarna_med_patientinitierade_möten_utom_de_dolda" in names
    assert "test_personal_på_en_annan_mottagning_ser_inte_ärendet" in names
    assert not any("chatthistoriken" in name or "tolkbehov" in name for name in names)


def test_smoke_selects_a_quick_check_of_each_capability_and_no_outline_examples():
    names = selected("smoke")
    for expected in ["test_bokat_videomöte_från_kallelse_till_avslutat_besök",
                     "test_meddelanden_kommer_fram_i_ordning_åt_båda_hållen",
                     "test_patienten_lämnar_ett_chattärende_och_vårdpersonalen_tar_det_ur_kön",
                     "test_startsidan_erbjuder_mottagningarna_med_patientinitierade_möten_utom_de_dolda",
                     "test_vårdpersonalen_ser_tolkbehovet_i_kön_och_i_mötet",
                     "test_en_anonym_patient_möter_personalen_utan_att_uppge_vem_den_är",
                     "test_utan_samtycke_visar_ärendesidan_inget_ärendeformulär",
                     "test_kallelsen_är_exakt_mottagningens_text_ifylld_med_besökets_uppgifter"]:
        assert expected in names
    assert not any("[" in name for name in names)


def test_tags_combine():
    assert selected("kritisk and DVM-08") == ["test_en_anonym_patient_möter_personalen_utan_att_uppge_vem_den_är",
                                              "test_den_anonyma_patienten_når_bara_sitt_eget_ärende",
                                              "test_kollegan_ser_ingen_identitet_även_efter_att_ha_tagit_det_anonyma_ärendet"]
