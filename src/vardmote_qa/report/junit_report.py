"""The decision as JUnit XML: one test case per criterion, for CI systems that show JUnit. A warning is a
passed case with the warning in its output; a failure or missing evidence is a failed case."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from .document import DecisionDocument


def render(document: DecisionDocument) -> str:
    criteria = document.criteria
    failures = [c for c in criteria if c.status.blocks]
    suite = ET.Element("testsuite", name=f"releasegrind {document.run_id}", tests=str(len(criteria)),
                       failures=str(len(failures)), errors="0", skipped="0")
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="decision", value=document.decision)
    ET.SubElement(properties, "property", name="environment", value=str(document.environment))
    for criterion in criteria:
        case = ET.SubElement(suite, "testcase", classname=f"grind.{criterion.kind}", name=criterion.id)
        text = " ".join(criterion.reasons)
        if criterion.status.blocks:
            ET.SubElement(case, "failure", message=criterion.status_text, type=criterion.status.value).text = text
        else:
            ET.SubElement(case, "system-out").text = f"{criterion.status_text}: {text}"
    return ET.tostring(suite, encoding="unicode", xml_declaration=True)


def write(document: DecisionDocument, path: Path) -> Path:
    path.write_text(render(document), encoding="utf-8")
    return path
