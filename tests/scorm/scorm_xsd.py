"""Validate manifests against the official ADL schemas, offline.

The schemas are vendored, unmodified, in tests/scorm/xsd (see its README.md for their sources),
so the manifest tests run in every clone.

A small wrapper schema built in memory imports each namespace's schema file. Two SCORM 1.2
files need an in-memory adjustment before libxml2 loads them (the files on disk stay as they are):
`ims_xml.xsd` declares the XML namespace as its default namespace, which libxml2 refuses, and
`imsmd_rootv1p2p1.xsd` has a `##any` wildcard that libxml2 finds ambiguous (narrowed to
`##other`). The 2004 schemas import xml.xsd from the W3C's address, mapped to the local copy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

XSD_ROOT = Path(__file__).resolve().parent / "xsd"

SCORM12 = {
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "scorm12/imscp_rootv1p1p2.xsd",
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": "scorm12/adlcp_rootv1p2.xsd",
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "scorm12/imsmd_rootv1p2p1.xsd",
}
SCORM2004 = {
    "http://www.imsglobal.org/xsd/imscp_v1p1": "scorm2004-4th/imscp_v1p1.xsd",
    "http://www.adlnet.org/xsd/adlcp_v1p3": "scorm2004-4th/adlcp_v1p3.xsd",
    "http://www.adlnet.org/xsd/adlseq_v1p3": "scorm2004-4th/adlseq_v1p3.xsd",
    "http://www.adlnet.org/xsd/adlnav_v1p3": "scorm2004-4th/adlnav_v1p3.xsd",
    "http://www.imsglobal.org/xsd/imsss": "scorm2004-4th/imsss_v1p0.xsd",
    "http://ltsc.ieee.org/xsd/LOM": "scorm2004-4th/lom.xsd",
}


class _Resolver(etree.Resolver):
    def resolve(self, url, pubid, context):
        name = Path(url.split("?")[0]).name
        if url.startswith("http://www.w3.org/2001/xml.xsd") or url.endswith("/xml.xsd") and "scorm2004" not in url:
            return self.resolve_filename(str(XSD_ROOT / "scorm2004-4th" / "xml.xsd"), context)
        if name == "ims_xml.xsd":
            text = (XSD_ROOT / "scorm12" / "ims_xml.xsd").read_text(encoding="utf-8")
            text = text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', "", 1)
            return self.resolve_string(text, context, base_url=str(XSD_ROOT / "scorm12" / name))
        if name == "imsmd_rootv1p2p1.xsd":
            text = (XSD_ROOT / "scorm12" / name).read_text(encoding="utf-8")
            text = text.replace('namespace="##any"', 'namespace="##other"')
            return self.resolve_string(text, context, base_url=str(XSD_ROOT / "scorm12" / name))
        return None


@lru_cache(maxsize=2)
def schema(version: str) -> etree.XMLSchema:
    imports = SCORM12 if version == "scorm12" else SCORM2004
    wrapper = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">' + "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{(XSD_ROOT / path).as_uri()}"/>' for ns, path in imports.items()
    ) + "</xs:schema>"
    parser = etree.XMLParser()
    parser.resolvers.add(_Resolver())
    document = etree.fromstring(wrapper.encode(), parser, base_url=str(XSD_ROOT / "wrapper.xsd"))
    return etree.XMLSchema(document)


def errors(manifest: bytes, version: str) -> list[str]:
    xsd = schema(version)
    document = etree.fromstring(manifest)
    if xsd.validate(document):
        return []
    return [f"{e.line}: {e.message}" for e in xsd.error_log]
