"""Guard mkdocs-bibtex's sharp edges so a reader never sees a broken citation.

mkdocs-bibtex only warns on an unknown key and then drops the citation, rewrites
citations inside code, and cuts keys at ':' and '.'. Every such case fails the
build here with one line naming the page and the key.
"""

import difflib
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from notes import state
from notes.render import REFERENCES

log = get_plugin_logger("citations")

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


def _body_offset(page, markdown: str) -> int:
    """Lines of front matter above the body, so errors name the line in the file."""
    try:
        with open(page.file.abs_src_path, encoding="utf-8") as source:
            total = source.read().count("\n")
    except (OSError, TypeError):
        return 0
    return max(total - markdown.count("\n"), 0)


@event_priority(100)  # on the author's text, before the talk header and mkdocs-bibtex
def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    keys = check(markdown, where, line_offset=_body_offset(page, markdown))
    state.cites[page.file.src_uri] = keys
    for key in keys:
        state.cited_by[key].append(page.file.src_uri)
    if keys:
        markdown = markdown.rstrip() + REFERENCES
    return markdown


REPEATED_URL = re.compile(r'URL: <a href="(?P<href>[^"]+)">(?P=href)</a>, (?=<a href="(?P=href)">)')


def on_page_content(html, page, config, files):
    """Belt and braces: every cited key must have become a rendered reference."""
    for key in state.cites.get(page.file.src_uri, []):
        if f'id="fn:ref-{key}"' not in html:
            raise PluginError(f"docs/{page.file.src_uri}: citation '{key}' did not render as a reference")
    # pybtex prints an arXiv paper's url and its eprint as two identical links; keep "arXiv:…".
    return REPEATED_URL.sub("", html)


def on_post_build(config):
    unused = [key for key in state.bib.keys if key not in state.cited_by]
    for key in unused:
        log.warning(f"{state.bib.where(key)}: entry '{key}' is not cited by any page")
