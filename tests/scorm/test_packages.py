"""Every shipped module, exported in each SCORM version: the manifest is valid against the
official ADL schemas, lists exactly the files in the zip, and carries the module's title,
description, language, version and pass mark; the package fetches nothing from outside."""

from __future__ import annotations

import re
import zipfile
from urllib.parse import unquote

import pytest
from lxml import etree

from scorm import FORMATS, export_module
from scorm.render import player_css, player_js
from scorm_xsd import errors

NS12 = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
        "md": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"}
NS2004 = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
          "imsss": "http://www.imsglobal.org/xsd/imsss", "lom": "http://ltsc.ieee.org/xsd/LOM"}
PACKAGE_LIMIT = 150_000  # bytes, without media
PLAYER_LIMIT = 40_000  # bytes of JS + CSS


@pytest.fixture(params=["scorm12", "scorm2004"])
def package(request, shipped_module, tmp_path):
    path = export_module(shipped_module.module, shipped_module.path, FORMATS[request.param], tmp_path)
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return request.param, shipped_module.module, path, files


def test_manifest_validates_against_the_official_schemas(package):
    version, _, _, files = package
    assert errors(files["imsmanifest.xml"], version) == []


def test_manifest_lists_exactly_the_files_in_the_zip(package):
    version, _, _, files = package
    ns = NS12 if version == "scorm12" else NS2004
    manifest = etree.fromstring(files["imsmanifest.xml"])
    listed = {unquote(f.get("href")) for f in manifest.iterfind(".//cp:resource/cp:file", ns)}
    assert listed == set(files) - {"imsmanifest.xml"}
    (resource,) = manifest.iterfind(".//cp:resource", ns)
    assert resource.get("href") == "index.html" and "index.html" in files


def test_manifest_describes_the_module(package):
    version, module, _, files = package
    manifest = etree.fromstring(files["imsmanifest.xml"])
    if version == "scorm12":
        ns = NS12
        assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "1.2"
        assert manifest.findtext(".//md:general/md:title/md:langstring", namespaces=ns) == module.title
        assert manifest.findtext(".//md:general/md:description/md:langstring", namespaces=ns) == module.summary
        assert manifest.findtext(".//md:general/md:language", namespaces=ns) == module.language
        assert manifest.findtext(".//md:lifecycle/md:version/md:langstring", namespaces=ns) == module.version
        assert manifest.find(".//cp:resource", ns).get(f"{{{ns['adlcp']}}}scormtype") == "sco"
        mastery = manifest.findtext(".//cp:item/adlcp:masteryscore", namespaces=ns)
        assert mastery == (str(module.assessment.pass_mark) if module.assessment else None)
    else:
        ns = NS2004
        assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "2004 4th Edition"
        assert manifest.findtext(".//lom:general/lom:title/lom:string", namespaces=ns) == module.title
        assert manifest.findtext(".//lom:general/lom:description/lom:string", namespaces=ns) == module.summary
        assert manifest.findtext(".//lom:general/lom:language", namespaces=ns) == module.language
        assert manifest.findtext(".//lom:lifeCycle/lom:version/lom:string", namespaces=ns) == module.version
        resource = manifest.find(".//cp:resource", ns)
        # the schemas accept a misspelt name silently, so spell it out here
        assert resource.get(f"{{{ns['adlcp']}}}scormType") == "sco"
        assert resource.get(f"{{{ns['adlcp']}}}scormtype") is None
        measure = manifest.findtext(".//imsss:primaryObjective/imsss:minNormalizedMeasure", namespaces=ns)
        if module.assessment:
            primary = manifest.find(".//imsss:primaryObjective", ns)
            assert primary.get("satisfiedByMeasure") == "true"
            assert float(measure) == pytest.approx(module.assessment.pass_mark / 100)
        else:
            assert measure is None
    assert manifest.get("version") == module.version
    assert manifest.get("identifier") == f"leermodules-{module.id}"


REMOTE_IN_TAG = re.compile(r"""<(\w+)[^>]*?\b(?:src|href|srcset|data)\s*=\s*["']?(?:[a-z][a-z0-9+.-]*:)?//""", re.I)


def test_package_fetches_nothing_from_outside(package):
    _, _, _, files = package
    for name, content in files.items():
        if not name.endswith((".html", ".js", ".css")):
            continue
        text = content.decode("utf-8")
        # scripts, stylesheets, fonts, images: all inside the package; only <a> links (which a
        # learner chooses to follow, in a new tab) may point elsewhere
        assert [m.group(1) for m in REMOTE_IN_TAG.finditer(text) if m.group(1).lower() != "a"] == [], name
        assert not re.search(r"url\(\s*[\"']?(https?:)?//|@import|@font-face", text, re.I), name


def test_package_and_player_stay_small(package):
    _, module, path, files = package
    media = sum(len(v) for k, v in files.items() if k not in ("index.html", "player.js", "player.css", "imsmanifest.xml"))
    assert path.stat().st_size - media < PACKAGE_LIMIT
    assert len(files["player.js"]) + len(files["player.css"]) < PLAYER_LIMIT


@pytest.mark.parametrize("runtime", ["scorm12.js", "scorm2004.js", None])
def test_each_player_carries_only_its_own_runtime(runtime):
    script = player_js(runtime)
    assert ("LMSInitialize" in script) == (runtime == "scorm12.js")
    assert ("API_1484_11" in script) == (runtime == "scorm2004.js")
    assert "localStorage" in script  # the preview fallback is always there
    assert player_css()


def test_the_same_module_gives_the_same_package(shipped_module, tmp_path):
    first = export_module(shipped_module.module, shipped_module.path, FORMATS["scorm12"], tmp_path / "a")
    second = export_module(shipped_module.module, shipped_module.path, FORMATS["scorm12"], tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()


def test_shipped_player_bundles_are_built_from_the_current_sources():
    from scorm.build import PLAYER, bundles

    stale = [name for name, text in bundles().items() if (PLAYER / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run: python3 -m scorm.build"
