"""Valid HTML: the Nu HTML Checker (npm vnu-jar, run with Java) finds no error in the built site.

Material's own templates produce three known findings. Each is allow-listed below by its exact
message AND a pattern for the whole offending tag, tied to the template that writes it, so that
the same message on markup the project writes (overrides/, pages, hooks) still fails. A canary
page checked in the same run proves both halves: allowed theme markup passes, look-alike
project markup does not.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_model import ROOT

VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class Allowed:
    message: str
    tag: re.Pattern  # must match the whole highlighted tag
    reason: str


THEME_FINDINGS = [
    Allowed(
        message="Bad value “” for attribute “tabindex” on element “label”: "
        "The empty string is not a valid integer.",
        tag=re.compile(
            r'<label class="md-nav__link(?: md-nav__link--active)? ?" for="__nav_\d+(?:_\d+)*" '
            r'id="__nav_\d+(?:_\d+)*_label" tabindex="">'
        ),
        reason="material/templates/partials/nav-item.html writes tabindex=\"{{ tabindex }}\" "
        "and leaves it empty for section labels (navigation.sections).",
    ),
    Allowed(
        message="Attribute “autocomplete” is only allowed when the input type is “color”, "
        "“date”, “datetime-local”, “email”, “hidden”, “month”, “number”, “password”, "
        "“range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        tag=re.compile(
            r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
            r'id="__\1" autocomplete="off">'
        ),
        reason="material/templates/base.html puts autocomplete=\"off\" on its drawer and "
        "search checkbox toggles (so Firefox does not restore their state).",
    ),
    Allowed(
        message="The value of the “for” attribute of the “label” element must be the ID of "
        "a non-hidden form control.",
        tag=re.compile(r'<label class="md-nav__title" for="__toc">'),
        reason="material/templates/partials/toc.html labels the __toc toggle, which "
        "partials/nav-item.html only writes for a page that is not a section index "
        "(navigation.indexes): section index pages get the label without its input.",
    ),
]

# Findings that must fail: an error of each allow-listed kind in markup the project could write,
# plus a plain error. The allowed lines copy Material's markup and must pass.
CANARY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2">
<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">theme</label>
<input type="checkbox" id="slide-toggle" autocomplete="off">
<input type="checkbox" id="summit-2">
<label class="summit-label" for="summit-2" tabindex="">project</label>
<label class="md-nav__title" for="summit-missing">project</label>
<p id="twice">a</p><p id="twice">b</p>
</body></html>
"""
CANARY_MUST_FAIL = {
    ("Attribute “autocomplete” is only allowed", 'id="slide-toggle"'),
    ("Bad value “” for attribute “tabindex”", 'class="summit-label"'),
    ("The value of the “for” attribute", 'for="summit-missing"'),
    ("Duplicate ID “twice”.", 'id="twice"'),
}


def offending_tag(finding: dict) -> str:
    """The markup the checker highlights (its extract adds a few characters either side).

    The highlight can take in one whitespace character more than the tag (seen when a page's
    head grew by a line, shifting the tag across the checker's read buffer): strip it, so the
    allow-list still matches the whole tag and nothing but the tag."""
    start, length = finding.get("hiliteStart", 0), finding.get("hiliteLength", 0)
    return finding.get("extract", "")[start : start + length].strip()


def is_allowed(finding: dict) -> bool:
    tag = offending_tag(finding)
    return any(
        finding["message"] == rule.message and rule.tag.fullmatch(tag)
        for rule in THEME_FINDINGS
    )


def counts(finding: dict) -> bool:
    """Errors and warnings count; plain info notes (e.g. trailing slash on void elements) do not."""
    return finding["type"] != "info" or finding.get("subType") == "warning"


def describe(finding: dict, site: Path) -> str:
    where = finding.get("url", "?").replace(f"file:{site}/", "")
    return f"{where}:{finding.get('lastLine', '?')}: {finding['message']}\n    {offending_tag(finding)}"


@pytest.fixture(scope="module")
def findings(site, tmp_path_factory) -> dict[str, list[dict]]:
    """One checker run over the built site and the canary, findings split by which of the two."""
    java = shutil.which("java")
    assert java, "Java is missing (make test installs default-jre-headless)"
    assert VNU_JAR.exists(), "node_modules/vnu-jar is missing (make test runs npm ci)"
    canary_dir = tmp_path_factory.mktemp("vnu-canary")
    (canary_dir / "canary.html").write_text(CANARY, encoding="utf-8")
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(site), str(canary_dir)],
        capture_output=True, text=True,
    )
    # vnu exits 1 when it reports errors; its JSON goes to stderr.
    messages = json.loads(proc.stderr)["messages"]
    split: dict[str, list[dict]] = {"site": [], "canary": []}
    for finding in messages:
        split["canary" if str(canary_dir) in finding.get("url", "") else "site"].append(finding)
    return split


def test_checker_read_every_page(site, findings):
    # --skip-non-html + a run that found nothing at all would also mean nothing was checked.
    pages = {f.get("url") for f in findings["site"]}
    assert len(list(site.rglob("*.html"))) >= 20
    assert pages, "the checker reported nothing at all on the site"
    assert not [f for f in findings["site"] if f["type"] == "non-document-error"], findings["site"][:3]


def test_site_has_no_html_errors(site, findings):
    problems = [describe(f, site) for f in findings["site"] if counts(f) and not is_allowed(f)]
    assert not problems, f"{len(problems)} finding(s):\n" + "\n".join(problems[:40])


def test_allow_list_cannot_hide_project_markup(findings):
    reported = [f for f in findings["canary"] if counts(f) and not is_allowed(f)]
    for message, attribute in CANARY_MUST_FAIL:
        assert any(
            f["message"].startswith(message) and attribute in offending_tag(f) for f in reported
        ), f"the canary's {attribute} ({message}) was not reported"
    allowed = [f for f in findings["canary"] if is_allowed(f)]
    assert len(allowed) == 2, [offending_tag(f) for f in allowed]  # the two copied Material tags
