"""imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2, ADL CP 1.2, IMS MD 1.2.1), built with lxml."""

from __future__ import annotations

from lxml import etree

from engine.model import Module
from scorm.identifiers import ITEM_ID, ORGANIZATION_ID, RESOURCE_ID, manifest_id

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = (
    f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"
)


def _cp(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{IMSCP}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def _md(parent: etree._Element, name: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{IMSMD}}}{name}")


def _langstring(parent: etree._Element, text: str, lang: str) -> None:
    etree.SubElement(parent, f"{{{IMSMD}}}langstring", {XML_LANG: lang}).text = text


def build(module: Module, files: list[str], entry: str) -> bytes:
    root = etree.Element(
        f"{{{IMSCP}}}manifest",
        {"identifier": manifest_id(module), "version": module.version, f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION},
        # lxml-stubs omit the None key (the default namespace) that lxml accepts
        nsmap={None: IMSCP, "adlcp": ADLCP, "imsmd": IMSMD, "xsi": XSI},  # type: ignore[dict-item]
    )
    metadata = _cp(root, "metadata")
    _cp(metadata, "schema", "ADL SCORM")
    _cp(metadata, "schemaversion", "1.2")
    lom = _md(metadata, "lom")
    general = _md(lom, "general")
    _langstring(_md(general, "title"), module.title, module.language)
    _md(general, "language").text = module.language
    _langstring(_md(general, "description"), module.summary, module.language)
    lifecycle = _md(lom, "lifecycle")
    _langstring(_md(lifecycle, "version"), module.version, "x-none")

    organizations = _cp(root, "organizations", default=ORGANIZATION_ID)
    organization = _cp(organizations, "organization", identifier=ORGANIZATION_ID)
    _cp(organization, "title", module.title)
    item = _cp(organization, "item", identifier=ITEM_ID, identifierref=RESOURCE_ID, isvisible="true")
    _cp(item, "title", module.title)
    if module.assessment is not None:
        etree.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(module.assessment.pass_mark)

    resources = _cp(root, "resources")
    resource = _cp(resources, "resource", identifier=RESOURCE_ID, type="webcontent", href=entry)
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    for name in files:
        _cp(resource, "file", href=name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
