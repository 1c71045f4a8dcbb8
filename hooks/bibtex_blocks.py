"""Give every rendered reference a "BibTeX" control that shows its entry and copies it.

The entry text is the one in references.bib, byte for byte; Material's code copy button
(content.code.copy) does the copying.
"""

import html
import re

from mkdocs.plugins import event_priority

from notes import state, works

TALK_REFERENCE = re.compile(r'(<li id="fn:ref-(?P<key>[a-z0-9_-]+)">\s*<p>.*?)(</p>\s*</li>)', re.DOTALL)
PAPERS_WORK = re.compile(r'(<div class="work" id="(?P<key>[a-z0-9_-]+)">.*?)(</div>)', re.DOTALL)


def block(key: str) -> str:
    source = html.escape(state.bib.source(key), quote=False)
    return (
        f'<details class="bibtex" id="bibtex-{key}" data-search-exclude><summary>BibTeX</summary>'
        f'<pre><code class="language-bibtex">{source}</code></pre></details>'
    )


@event_priority(-10)  # after mkdocs-bibtex has built its registry
def on_config(config):
    """Format each entry once per build: mkdocs-bibtex would redo it for every page citing it.
    works.formatted is the same pybtex plain style and clean-up as its SimpleRegistry."""
    registry = config.plugins["bibtex"].registry
    registry.reference_text = lambda citation: works.formatted(citation.key)
    return config


def _known(key: str) -> bool:
    return key in state.bib.data.entries


def on_page_content(html_text, page, config, files):
    # In a talk's References: after the formatted reference, inside its list item.
    html_text = TALK_REFERENCE.sub(
        lambda m: m.group(1) + m.group(3).replace("</li>", block(m.group("key")) + "</li>")
        if _known(m.group("key")) else m.group(0),
        html_text,
    )
    # On the Papers page: at the end of each work.
    return PAPERS_WORK.sub(
        lambda m: m.group(1) + block(m.group("key")) + m.group(3) if _known(m.group("key")) else m.group(0),
        html_text,
    )
