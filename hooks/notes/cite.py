"""Finding citations in an author's Markdown, and refusing the ones mkdocs-bibtex would mangle."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from . import state

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
BLOCK = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
KEY = re.compile(r"@([^\s;,\]]+)")
FOOTNOTE_LABEL = re.compile(r"\[\^([^\]]+)\]")


def _mask(markdown: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)


def _line(markdown: str, offset: int) -> int:
    return markdown.count("\n", 0, offset) + 1


def _closest(key: str) -> str:
    near = difflib.get_close_matches(key, state.bib.keys, n=3, cutoff=0.5)
    return f" (closest known: {', '.join(near)})" if near else ""


def check(markdown: str, where: str, line_offset: int = 0) -> list[str]:
    """Return the cited keys in order; raise on any citation mkdocs-bibtex would mangle."""
    without_comments = _mask(markdown, HTML_COMMENT)
    prose = _mask(_mask(without_comments, FENCE), INLINE_CODE)
    for match in BLOCK.finditer(without_comments):
        if prose[match.start()] == " " and match.group(0).strip():
            raise PluginError(
                f"{where}:{_line(markdown, match.start()) + line_offset}: citation {match.group(0)} "
                "is inside code, where mkdocs-bibtex would still rewrite it"
            )
    keys: list[str] = []
    for match in BLOCK.finditer(prose):
        if match.group(1).lstrip().startswith("^"):
            continue
        for key in KEY.findall(match.group(1)):
            line = _line(markdown, match.start()) + line_offset
            if key not in state.bib.data.entries:
                raise PluginError(f"{where}:{line}: unknown citation key '{key}'{_closest(key)}")
            if key not in keys:
                keys.append(key)
    for label in FOOTNOTE_LABEL.findall(prose):
        if label.startswith("ref-"):
            raise PluginError(f"{where}: footnote [^{label}] uses the 'ref-' prefix reserved for citations")
    return keys



def body_and_offset(path: Path) -> tuple[str, int]:
    """A page's Markdown without front matter, and how many lines the front matter took."""
    source = path.read_text(encoding="utf-8")
    body, _ = get_data(source)
    return body, max(source.count("\n") - body.count("\n"), 0)


def scan(docs_dir: Path) -> None:
    """Record who cites what before any page is built, so generated pages see every citation."""
    from .talks import all_talks

    talk_keys = {t.src_uri: t.bib_key for t in all_talks(state.sections)}
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        body, offset = body_and_offset(path)
        keys = check(body, f"docs/{src_uri}", offset)
        if src_uri in talk_keys:
            keys.insert(0, talk_keys[src_uri])
        state.cites[src_uri] = keys
        for key in keys:
            if src_uri not in state.cited_by[key]:
                state.cited_by[key].append(src_uri)
