"""imsmanifest.xml for SCORM 2004 4th Edition (IMS CP 1.1.4, ADL CP/SEQ/NAV v1p3, IMS SS, IEEE
LOM), built with lxml. One SCO; the pass mark becomes the primary objective's minimum
normalised measure, which the LMS offers the SCO as `cmi.scaled_passing_score`."""

from __future__ import annotations

from lxml import etree

from engine.model import Module
from scorm.identifiers import ITEM_ID, ORGANIZATION_ID, RESOURCE_ID, manifest_id

IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"
LOM = "http://ltsc.ieee.org/xsd/LOM"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = " ".join(
    [
        f"{IMSCP} imscp_v1p1.xsd",
        f"{ADLCP} adlcp_v1p3.xsd",
        f"{ADLSEQ} adlseq_v1p3.xsd",
        f"{ADLNAV} adlnav_v1p3.xsd",
        f"{IMSSS} imsss_v1p0.xsd",
        f"{LOM} lom.xsd",
    ]
)
PRIMARY_OBJECTIVE = "geslaagd"


def _el(parent: etree._Element, ns: str, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def _lom_string(parent: etree._Element, name: str, text: str, lang: str) -> None:
    _el(_el(parent, LOM, name), LOM, "string", text, language=lang)


def build(module: Module, files: list[str], entry: str) -> bytes:
    root = etree.Element(
        f"{{{IMSCP}}}manifest",
        {"identifier": manifest_id(module), "version": module.version, f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION},
        # lxml-stubs omit the None key (the default namespace) that lxml accepts
        nsmap={None: IMSCP, "adlcp": ADLCP, "adlseq": ADLSEQ, "adlnav": ADLNAV, "imsss": IMSSS, "lom": LOM, "xsi": XSI},  # type: ignore[dict-item]
    )
    metadata = _el(root, IMSCP, "metadata")
    _el(metadata, IMSCP, "schema", "ADL SCORM")
    _el(metadata, IMSCP, "schemaversion", "2004 4th Edition")
    lom = _el(metadata, LOM, "lom")
    general = _el(lom, LOM, "general")
    _lom_string(general, "title", module.title, module.language)
    _el(general, LOM, "language", module.language)
    _lom_string(general, "description", module.summary, module.language)
    lifecycle = _el(lom, LOM, "lifeCycle")
    _lom_string(lifecycle, "version", module.version, "x-none")

    organizations = _el(root, IMSCP, "organizations", default=ORGANIZATION_ID)
    organization = _el(organizations, IMSCP, "organization", identifier=ORGANIZATION_ID)
    _el(organization, IMSCP, "title", module.title)
    item = _el(organization, IMSCP, "item", identifier=ITEM_ID, identifierref=RESOURCE_ID)
    _el(item, IMSCP, "title", module.title)
    sequencing = _el(item, IMSSS, "sequencing")
    if module.assessment is not None:
        objectives = _el(sequencing, IMSSS, "objectives")
        primary = _el(objectives, IMSSS, "primaryObjective", objectiveID=PRIMARY_OBJECTIVE, satisfiedByMeasure="true")
        _el(primary, IMSSS, "minNormalizedMeasure", _scaled(module.assessment.pass_mark))
    _el(sequencing, IMSSS, "deliveryControls", completionSetByContent="true", objectiveSetByContent="true")

    resources = _el(root, IMSCP, "resources")
    resource = _el(resources, IMSCP, "resource", identifier=RESOURCE_ID, type="webcontent", href=entry)
    resource.set(f"{{{ADLCP}}}scormType", "sco")
    for name in files:
        _el(resource, IMSCP, "file", href=name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _scaled(percent: int) -> str:
    return f"{percent / 100:.2f}".rstrip("0").rstrip(".") if percent % 100 else str(percent // 100)
