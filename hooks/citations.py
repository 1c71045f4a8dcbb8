"""Guard mkdocs-bibtex's sharp edges so a reader never sees a broken citation.

mkdocs-bibtex only warns on an unknown key and then drops the citation, rewrites
citations inside code, and cuts keys at ':' and '.'. Every such case fails the
build here with one line naming the page and the key.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from notes import cite, state
from notes.render import REFERENCES

log = get_plugin_logger("citations")


@event_priority(80)  # after sources.py and talks.py have loaded and checked the sources
def on_config(config):
    """Check every page's citations up front: errors name file and line, and generated
    pages (Papers, Speakers) know every citation before any page is built."""
    cite.scan(Path(config.docs_dir))
    for key in state.bib.keys:
        if key not in state.cited_by:
            log.warning(f"{state.bib.where(key)}: entry '{key}' is not cited by any page")
    return config


@event_priority(100)  # on the author's text, before the talk header and mkdocs-bibtex
def on_page_markdown(markdown, page, config, files):
    keys = cite.check(markdown, f"docs/{page.file.src_uri}")  # generated pages are not scanned
    if keys or state.cites.get(page.file.src_uri):
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

