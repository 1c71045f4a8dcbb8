"""YAML as the sources hold it (tags.yml, each page's front matter), and a page split into its
front matter and its Markdown body, as MkDocs does."""

from __future__ import annotations

import re

import yaml

from summit.errors import SourceError

# libyaml's safe loader when PyYAML was built with it: the same documents. PyYAML's own loader
# costs 2.8% of a k = 1 build's instructions (7.92 G against 7.71 G), which takes ours past the
# build goal of 1.10x the stock peer.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The same block MkDocs recognises (mkdocs.utils.meta): "---" lines around YAML at the top.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def load_yaml(text: str, where: str, what: str, first_line: int = 1) -> object:
    """The YAML document text; SourceError naming where, the line (text starts at first_line of
    the file) and what the document is, if it is not valid YAML."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + first_line}" if mark else ""
        raise SourceError(f"{where}{line}: {what} is not valid YAML ({getattr(error, 'problem', error)})") from None


def split(source: str, where: str) -> tuple[dict, str, int]:
    """(front matter, body, lines the front matter took); invalid YAML is a SourceError.

    MkDocs silently ignores front matter it cannot parse; here it fails the build, since a
    talk without its metadata would be a page without a header.
    """
    match = FRONT_MATTER.match(source)
    if not match:
        return {}, source, 0
    meta = load_yaml(match.group(1), where, "front matter", first_line=2)  # below the "---" line
    if not isinstance(meta, dict):
        return {}, source, 0
    body = source[match.end():].lstrip("\n")
    return meta, body, source.count("\n") - body.count("\n")
