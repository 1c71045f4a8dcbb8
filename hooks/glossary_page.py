"""Add the generated Glossary page, and keep abbreviation tooltips out of link text and glossary terms.

The glossary file is the snippet mkdocs.yml auto-appends to every page (pymdownx.snippets), so
the abbr extension and Material's content.tooltips explain each term where it is used; this
hook only lists the terms on one page. The logic lives in summit/glossary.py.
"""

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from notes import state  # noqa: E402
from notes.talks import all_talks  # noqa: E402
from summit import glossary  # noqa: E402

PAGE = "glossary.md"


def glossary_file(config) -> Path:
    """The one snippet auto-appended to every page: the glossary (named once, in mkdocs.yml)."""
    appended = config.mdx_configs["pymdownx.snippets"]["auto_append"]
    return Path(config.config_file_path).parent / appended[0]


def on_files(files, config):
    root = Path(config.config_file_path).parent
    try:
        entries = glossary.load(glossary_file(config), root)
    except glossary.GlossaryError as error:
        raise PluginError(str(error)) from None
    talks = all_talks(state.sections)
    labels = {t.src_uri: f"{t.number} {t.title}" for t in talks}
    markdown = {t.src_uri: (Path(config.docs_dir) / t.src_uri).read_text(encoding="utf-8") for t in talks}
    content = glossary.page(entries, glossary.usage(markdown, entries), labels, PAGE)
    files.append(File.generated(config, PAGE, content=content))
    return files


def on_page_content(html, page, config, files):
    return glossary.unwrap_clashing_abbrs(html)
