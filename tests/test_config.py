import pytest

from vardmote_qa import config
from vardmote_qa.errors import UserError


@pytest.fixture
def environments(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "ENVIRONMENTS_DIR", tmp_path)
    return tmp_path


VALID = """
adapter: sandbox
base_url: http://127.0.0.1:9
mottagning: vardcentralen-hisingen
syntetiska_data: false
konton:
  vardpersonal: {username: anna, password: "${VMQA_TEST_SECRET}"}
  administrator: {username: admin, password: "${VMQA_TEST_ADMIN:-standard}"}
  patienter: ["180001010016"]
"""


def test_the_shipped_local_environment_loads():
    local = config.load_environment("local")
    assert local.starts_sandbox and local.adapter == "sandbox"
    assert local.patients


def test_a_missing_environment_names_the_file_and_the_alternatives(environments):
    (environments / "local.yaml").write_text(VALID)
    with pytest.raises(UserError, match=r"Miljön 'prod' finns inte: .*prod.yaml saknas \(tillgängliga: local\)"):
        config.load_environment("prod")


def test_broken_yaml_names_the_line(environments):
    (environments / "trasig.yaml").write_text("adapter: sandbox\nkonton: [\n")
    with pytest.raises(UserError, match=r"trasig.yaml är inte giltig YAML på rad 3"):
        config.load_environment("trasig")


def test_secrets_come_from_the_environment_and_are_masked(environments, monkeypatch):
    (environments / "test.yaml").write_text(VALID)
    monkeypatch.setenv("VMQA_TEST_SECRET", "hemligt-123")
    loaded = config.load_environment("test")
    assert loaded.clinician.password == "hemligt-123"
    assert loaded.admin.password == "standard"
    assert "hemligt-123" not in repr(loaded)
    assert loaded.mask("lösenord=hemligt-123") == "lösenord=••••"


def test_a_missing_secret_is_one_sentence(environments, monkeypatch):
    (environments / "test.yaml").write_text(VALID)
    monkeypatch.delenv("VMQA_TEST_SECRET", raising=False)
    with pytest.raises(UserError, match="Miljövariabeln VMQA_TEST_SECRET behövs för test.yaml"):
        config.load_environment("test")


def test_an_unknown_adapter_is_refused(environments, monkeypatch):
    monkeypatch.setenv("VMQA_TEST_SECRET", "x")
    (environments / "annan.yaml").write_text(VALID.replace("adapter: sandbox", "adapter: vonage"))
    with pytest.raises(UserError, match="adaptern 'vonage' är okänd"):
        config.load_environment("annan")


def test_a_real_environment_must_say_whether_its_data_are_synthetic(environments, monkeypatch):
    monkeypatch.setenv("VMQA_TEST_SECRET", "x")
    (environments / "test.yaml").write_text(VALID.replace("syntetiska_data: false\n", ""))
    with pytest.raises(UserError, match=r"^test.yaml: 'syntetiska_data' måste anges för en miljö som inte är den "
                                        r"inbyggda sandlådan: true bara om miljön enbart har syntetiska testdata, "
                                        r"annars false.$"):
        config.load_environment("test")


def test_the_shipped_test_environment_template_does_not_assume_synthetic_data(monkeypatch):
    for name in ("BASE_URL", "STAFF_USER", "STAFF_PASSWORD", "ADMIN_USER", "ADMIN_PASSWORD", "PATIENT_1"):
        monkeypatch.setenv(f"VMQA_TEST_{name}", "http://127.0.0.1:9" if name == "BASE_URL" else "x")
    with pytest.raises(UserError, match="'syntetiska_data' måste anges"):
        config.load_environment("test")


def test_mask_replaces_every_secret_the_longest_first():
    environment = config.Environment(
        name="x", description="x", adapter="sandbox", starts_sandbox=False, base_url=None,
        clinician=config.StaffAccount("a", "hemligt"), admin=config.StaffAccount("b", "hemligt-mer"),
        patients=("1",), default_unit="u", synthetic_data=False, secrets=("hemligt", "hemligt-mer"))
    assert environment.mask("lösen hemligt-mer och hemligt") == "lösen •••• och ••••"
