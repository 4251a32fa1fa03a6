"""Every YAML file the user edits refuses an unknown key with the file, the key and the nearest known key,
and a value of the wrong type with one sentence. Each test changes one thing in the shipped file."""

from pathlib import Path

import pytest
import yaml

from vardmote_qa import config
from vardmote_qa.errors import UserError
from vardmote_qa.load.model import MODEL_FILE, load_model
from vardmote_qa.media.profiles import PROFILES_FILE, load_profiles
from vardmote_qa.media.thresholds import THRESHOLDS_FILE, load_thresholds, measure_directions
from vardmote_qa.requirements import CATALOGUE_PATH, load_catalogue

SHIPPED_ENVIRONMENT = config.PROJECT_ROOT / "environments" / "local.yaml"


def refusal(load, path: Path) -> str:
    with pytest.raises(UserError) as refused:
        load(path)
    return str(refused.value)


def shipped_with(tmp_path: Path, shipped: Path, change) -> Path:
    """The shipped file with one change, written under the shipped file's name."""
    data = yaml.safe_load(shipped.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / shipped.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def renamed(mapping: dict, old: str, new: str) -> None:
    mapping[new] = mapping.pop(old)


@pytest.fixture
def environment(tmp_path, monkeypatch):
    """Loads the shipped local environment with one change, from a directory of its own."""
    monkeypatch.setattr(config, "ENVIRONMENTS_DIR", tmp_path)

    def load(change):
        shipped_with(tmp_path, SHIPPED_ENVIRONMENT, change)
        return config.load_environment("local")
    return load


def environment_refusal(environment, change) -> str:
    with pytest.raises(UserError) as refused:
        environment(change)
    return str(refused.value)


def test_an_unknown_environment_key_names_the_nearest_known_one(environment):
    assert environment_refusal(environment, lambda data: data.update(bas_url="http://127.0.0.1:9")) == \
        "local.yaml: okänd nyckel 'bas_url' (menade du 'base_url'?)."
    assert environment_refusal(environment, lambda data: renamed(data["konton"]["vardpersonal"], "username",
                                                                 "usernam")) == \
        "local.yaml: konton.vardpersonal: okänd nyckel 'usernam' (menade du 'username'?)."


def test_a_misspelt_swedish_environment_key_is_refused_not_defaulted(environment):
    # starta_sandlada defaults to false: misspelt, it would silently point the run at base_url.
    assert environment_refusal(environment, lambda data: renamed(data, "starta_sandlada", "starta_sandlda")) == \
        "local.yaml: okänd nyckel 'starta_sandlda' (menade du 'starta_sandlada'?)."


def test_an_environment_value_of_the_wrong_type_is_one_sentence(environment):
    assert environment_refusal(environment, lambda data: data.update(starta_sandlada="kanske")) == \
        "local.yaml: starta_sandlada: måste vara true eller false."


def test_a_variable_is_expanded_before_it_is_checked(environment, monkeypatch):
    monkeypatch.setenv("VMQA_PROV_BASE_URL", "ftp://testmiljo")
    assert environment_refusal(environment, lambda data: data.update(
        starta_sandlada=False, base_url="${VMQA_PROV_BASE_URL}")) == \
        "local.yaml: 'base_url' måste vara en http(s)-adress när sandlådan inte startas."
    monkeypatch.setenv("VMQA_PROV_BASE_URL", "https://testmiljo.example")
    loaded = environment(lambda data: data.update(starta_sandlada=False, base_url="${VMQA_PROV_BASE_URL}"))
    assert loaded.base_url == "https://testmiljo.example" and "https://testmiljo.example" in loaded.secrets


def test_an_unquoted_personnummer_is_still_text(environment):
    loaded = environment(lambda data: data["konton"].update(patienter=[180001010016]))
    assert loaded.patients == ("180001010016",)


def test_an_unknown_threshold_key_names_the_nearest_known_one(tmp_path):
    path = shipped_with(tmp_path, THRESHOLDS_FILE, lambda data: renamed(data["measures"]["ttff_s"], "good", "godd"))
    assert refusal(load_thresholds, path) == \
        "thresholds.yaml: measures.ttff_s: okänd nyckel 'godd' (menade du 'good'?)."


def test_a_threshold_of_the_wrong_type_is_one_sentence(tmp_path):
    path = shipped_with(tmp_path, THRESHOLDS_FILE, lambda data: data["measures"]["rtt_ms"].update(good="tvåhundra"))
    assert refusal(load_thresholds, path) == "thresholds.yaml: measures.rtt_ms.good: måste vara ett tal."
    path = shipped_with(tmp_path, THRESHOLDS_FILE, lambda data: data["measures"]["rtt_ms"].update(better="sämre"))
    assert refusal(load_thresholds, path) == \
        "thresholds.yaml: measures.rtt_ms.better: måste vara en av 'lower' eller 'higher', inte 'sämre'."


def test_measure_directions_come_from_the_thresholds_file(tmp_path):
    assert measure_directions()["fps_ratio"] is False and measure_directions()["freeze_ratio"] is True
    assert set(measure_directions()) == set(load_thresholds())
    flipped = shipped_with(tmp_path, THRESHOLDS_FILE, lambda data: data["measures"]["rtt_ms"].update(better="higher"))
    assert measure_directions(flipped)["rtt_ms"] is False


def test_an_unknown_profile_key_names_the_nearest_known_one(tmp_path):
    path = shipped_with(tmp_path, PROFILES_FILE,
                        lambda data: renamed(data["profiler"]["4g"], "forlust_procent", "forlust_procen"))
    assert refusal(load_profiles, path) == \
        "network-profiles.yaml: profiler.4g: okänd nyckel 'forlust_procen' (menade du 'forlust_procent'?)."


def test_a_profile_value_of_the_wrong_type_is_one_sentence(tmp_path):
    path = shipped_with(tmp_path, PROFILES_FILE, lambda data: data["profiler"]["tag"].update(ned_mbit_s="långsamt"))
    assert refusal(load_profiles, path) == "network-profiles.yaml: profiler.tag.ned_mbit_s: måste vara ett tal ≥ 0."


def test_an_unknown_load_model_key_names_the_nearest_known_one(tmp_path):
    path = shipped_with(tmp_path, MODEL_FILE, lambda data: renamed(data["indata"], "moten_per_ar", "moten_per_aar"))
    assert refusal(load_model, path) == \
        "lastmodell.yaml: indata: okänd nyckel 'moten_per_aar' (menade du 'moten_per_ar'?)."
    path = shipped_with(tmp_path, MODEL_FILE, lambda data: renamed(data, "videodeltagare", "videodeltagar"))
    assert refusal(load_model, path) == "lastmodell.yaml: okänd nyckel 'videodeltagar' (menade du 'videodeltagare'?)."


def test_a_load_model_value_of_the_wrong_type_is_one_sentence(tmp_path):
    path = shipped_with(tmp_path, MODEL_FILE, lambda data: data["indata"]["personal"].update(varde="många"))
    assert refusal(load_model, path) == \
        "lastmodell.yaml: indata.personal.varde: måste vara ett tal större än eller lika med noll."


def test_the_load_model_keeps_its_sentences_for_missing_and_zero_inputs(tmp_path):
    path = shipped_with(tmp_path, MODEL_FILE, lambda data: data["indata"].pop("personal"))
    assert refusal(load_model, path) == "lastmodell.yaml: indata 'personal' saknas."
    path = shipped_with(tmp_path, MODEL_FILE, lambda data: data["komprimering"].update(tidskompression=0))
    assert refusal(load_model, path) == "lastmodell.yaml: 'tidskompression' måste vara större än noll."


def test_an_unknown_catalogue_key_names_the_nearest_known_one(tmp_path):
    path = shipped_with(tmp_path, CATALOGUE_PATH, lambda data: renamed(data["krav"][0], "rubrik", "rubirk"))
    assert refusal(load_catalogue, path) == "catalogue.yaml: krav[0]: okänd nyckel 'rubirk' (menade du 'rubrik'?)."


def test_a_catalogue_value_of_the_wrong_type_or_a_repeated_id_is_one_sentence(tmp_path):
    path = shipped_with(tmp_path, CATALOGUE_PATH, lambda data: data["krav"][0].update(omfattning="nästa"))
    assert refusal(load_catalogue, path) == "catalogue.yaml: krav[0].omfattning: måste vara en lista."
    path = shipped_with(tmp_path, CATALOGUE_PATH, lambda data: data["krav"].append(dict(data["krav"][0])))
    assert refusal(load_catalogue, path) == "catalogue.yaml: kravet 'DVM-01' står två gånger."
