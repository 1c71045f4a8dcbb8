"""The MkDocs side of Summit Notes: the whole build, one function per MkDocs event, in the order
MkDocs runs them (README.md, "The pipeline", says what each does). Everything else is plain
Python in summit/ (no MkDocs import) and templates in overrides/.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs_bibtex.citation import Citation
from pybtex.database import BibliographyData
from mkdocs_bibtex.registry import SimpleRegistry

ROOT = Path(__file__).resolve().parents[1]
# Under `mkdocs serve` this file runs again for each rebuild (see _run_again_on_next_rebuild), but
# Python keeps imported modules: forget the core's, so an edit to summit/ shows on the next reload.
for module in [name for name in sys.modules if name == "summit" or name.startswith("summit.")]:
    del sys.modules[module]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from summit import corpus as corpus_loader  # noqa: E402
from summit.corpus import Corpus  # noqa: E402
from summit.errors import SourceError  # noqa: E402
from summit.markdown_ext.abbr_scope import AbbrScopeExtension  # noqa: E402
from summit.markdown_ext.references import ReferencesExtension  # noqa: E402
from summit.publish import exports, scholar  # noqa: E402
from summit.publish.search_keywords import talk_keywords  # noqa: E402
from summit.render import figure_links, shortcodes  # noqa: E402
from summit.render.links import GLOSSARY, MAP, PAPERS, SPEAKERS, PageRef  # noqa: E402
from summit.render.views import Views  # noqa: E402
from summit.sources import glossary  # noqa: E402
from summit.sources.edition import edition_date, edition_timestamp  # noqa: E402

log = get_plugin_logger("summit")
BUILD = "summit_notes"  # the config key that carries this build's SiteBuild between events
TALK_BOOST = 3  # talk pages outrank overviews and indexes that mention the same names
OVERVIEW_BOOST = 0.5
OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
ID = re.compile(r'\sid="([^"]+)"')
LOOPBACK = {"127.0.0.1", "localhost", "::1"}  # a site_url on these is not a public address


@dataclass(eq=False)  # one per build: equal only to itself
class SiteBuild:
    corpus: Corpus
    views: Views
    urls: dict[str, str] = field(default_factory=dict)  # src_uri -> the URL MkDocs gives the page (on_files)


# Before mkdocs-bibtex's on_config, which would parse references.bib again, with a traceback for
# a malformed file: ours names the line, and gives the plugin what it parsed (_use_our_registry).
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _run_again_on_next_rebuild()
    root = Path(config.config_file_path).parent
    timestamp = edition_timestamp(root, os.environ)
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH, or else from the clock.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(timestamp))
    try:
        corpus = corpus_loader.load(
            Path(config.docs_dir), root / config.plugins["bibtex"].config.bib_file, root / "tags.yml",
            edition_date(timestamp),
        )
        # The glossary is the file pymdownx.snippets appends to every page (named in mkdocs.yml).
        terms = glossary.load(root / config.mdx_configs["pymdownx.snippets"]["auto_append"][0], root)
    except SourceError as error:
        raise PluginError(str(error)) from None
    for line in corpus.uncited():
        log.warning(line)
    # The theme's environment (overrides/ first, the theme's filters): a new one, for the notes'
    # templates alone. Markdown templates: a block tag leaves no blank line behind.
    templates = config.theme.get_env()
    templates.trim_blocks = templates.lstrip_blocks = True
    # The Tags page links each topic to the tags plugin's listing of it: the plugin's own anchors.
    tags = config.plugins["material/tags"].config
    views = Views(corpus, templates, terms, lambda tag: tags.tags_slugify_format.format(
        slug=tags.tags_slugify(tag, tags.tags_slugify_separator)))
    config[BUILD] = SiteBuild(corpus, views)
    # The sidebar, and Previous/Next with it, in the summit's order (MkDocs' own nav setting, from
    # the front matter): the home page, the sections with their talks, then the other pages.
    others = [uri for uri in corpus.pages if "/" not in uri and uri != "index.md"]  # tags.md, any other
    config.nav = ["index.md", *({s.title: [s.src_uri] + [t.src_uri for t in s.talks]} for s in corpus.sections),
                  *sorted([GLOSSARY, MAP, PAPERS, SPEAKERS, *others])]
    _use_our_registry(config, corpus)
    config.markdown_extensions.append(AbbrScopeExtension(terms))  # a term explained once a section, never in a link
    config.markdown_extensions.append(ReferencesExtension())  # back-links labelled ^ a b c
    _use_local_offline_shim(config)
    return config


def _run_again_on_next_rebuild() -> None:
    """MkDocs 1.6 loads each hook file once per process (an lru_cache on Hooks._load_hook), so
    `mkdocs serve` would ignore edits to this file and to summit/ until restarted. Forgetting
    that cache makes the next config load, at the next rebuild, execute this file again.
    tests/test_serve_reload.py fails if an upgrade changes this."""
    clear = getattr(config_options.Hooks._load_hook, "cache_clear", None)
    if clear is not None:
        clear()


def _use_local_offline_shim(config: MkDocsConfig) -> None:
    """Material's offline plugin adds https://unpkg.com/iframe-worker/shim to the polyfills unless
    one mentioning iframe-worker is there already: the offline copy must fetch nothing."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline and offline.config.enabled:
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [OFFLINE_SHIM] + [p for p in polyfills if "iframe-worker" not in p]


class NotesRegistry(SimpleRegistry):
    """mkdocs-bibtex's own registry, with a placeholder as each reference's text: the reference's
    HTML (partials/reference.html) takes its place once Markdown has run."""

    def __init__(self, bib_data: BibliographyData, footnote_format: str) -> None:
        # what SimpleRegistry's __init__ sets, from the corpus's parse instead of a second one
        self.bib_data, self.footnote_format = bib_data, footnote_format

    def reference_text(self, citation: Citation) -> str:
        return f"<!-- md:reference {citation.key} -->"


def _use_our_registry(config: MkDocsConfig, corpus: Corpus) -> None:
    """mkdocs-bibtex offers no setting for the reference text, and parses references.bib in its
    on_config unless it was configured after the file last changed: the one place that reaches
    into the plugin gives it our registry and marks it configured. tests/unit/
    test_reference_view.py fails if a release stops honouring either."""
    bibtex = config.plugins["bibtex"]
    bibtex.registry = NotesRegistry(corpus.bib.data, bibtex.config.footnote_format)
    bibtex.last_configured = math.inf


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site: SiteBuild = config[BUILD]
    for name, markdown in [(SPEAKERS, site.views.browse.speakers_page()), (PAPERS, site.views.browse.papers_page()),
                           (MAP, site.views.browse.map_page()), (GLOSSARY, site.views.browse.glossary_page())]:
        files.append(File.generated(config, name, content=markdown))
    # The URL MkDocs gives each page, as Page.url (and the search index) writes it: the home page's "./" is "".
    site.urls = {file.src_uri: file.url.removeprefix("./") for file in files.documentation_pages()}
    url_of = {t.src_uri: (config.site_url or "") + site.urls[t.src_uri] for t in site.corpus.talks}
    files.append(File.generated(config, "talks.json", content=exports.talks_json(site.corpus, url_of)))
    files.append(File.generated(config, "references.json", content=exports.references_json(site.corpus)))
    # Beside bibtex.js, which finds it from its own address (any page depth, file:// too).
    files.append(File.generated(config, "assets/javascripts/bibtex-entries.js",
                                content=exports.bibtex_entries_js(site.corpus)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Hooks run after the plugins: mkdocs-bibtex has turned the citations into footnotes.
    site: SiteBuild = config[BUILD]
    src_uri = page.file.src_uri
    source = site.corpus.pages.get(src_uri)
    if source is None:  # a generated page: already complete
        return markdown
    try:
        shortcodes.check(source.body, src_uri, site.views, source.offset)  # what the author wrote
    except SourceError as error:
        raise PluginError(str(error)) from None
    # each figure of the prose a link to its source
    markdown = figure_links.linked(markdown, site.corpus.figures[src_uri], site.views.talk.figure)
    # "[Its title][key]" links a work: each key is defined as the work's primary link.
    markdown += "".join(f"\n[{key}]: {site.corpus.bib.primary_link(key)}" for key in site.corpus.work_links[src_uri])
    talk = site.corpus.talk_at(src_uri)
    if talk is not None:
        page.meta.setdefault("search", {}).setdefault("boost", TALK_BOOST)
        page.meta["scholar"] = scholar.meta(site.corpus, talk)
        return site.views.talk.markdown(markdown)
    if src_uri.endswith("/index.md"):
        page.meta.setdefault("search", {}).setdefault("boost", OVERVIEW_BOOST)
    if site.corpus.cites.get(src_uri):
        markdown = site.views.talk.references(markdown)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site: SiteBuild = config[BUILD]
    src_uri = page.file.src_uri
    # A loopback site_url (mkdocs.yml's default, `mkdocs serve`'s) is no address to cite.
    public = config.site_url and urlsplit(config.site_url).hostname not in LOOPBACK
    url = config.site_url + page.url if public else ""
    ref = PageRef(src_uri, url, lambda path: files.get_file_from_path(path).url_relative_to(page.file))
    try:
        html = shortcodes.resolve(html, ref, site.views)
    except ValueError as error:  # an unknown placeholder
        raise PluginError(f"docs/{src_uri}: {error}") from None
    # The ids of the HTML just put in place, which Markdown never saw: links to them are checked too
    # (MkDocs set present_anchor_ids when it rendered the page, just before this event).
    page.present_anchor_ids |= set(ID.findall(html))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    """Each talk's top entry in Material's search index gets a keywords field (boosted in
    mkdocs.yml): its speakers, affiliations, title and summary, and accent-free spellings; each
    page with a description (talks, sections, the home page) gets it, for its result's line."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():  # a build without the search plugin
        return
    site: SiteBuild = config[BUILD]
    index = json.loads(path.read_text(encoding="utf-8"))
    keywords = {site.urls[t.src_uri]: talk_keywords(site.corpus, t) for t in site.corpus.talks}
    # A page's front-matter description (every talk and section has one): the line its search
    # result shows (search-typos-worker.js), the same kind of line for every talk. Not a field
    # mkdocs.yml indexes: it is carried, not searched (the keywords hold its words).
    descriptions = {site.urls[uri]: str(source.meta["description"])
                    for uri, source in site.corpus.pages.items() if source.meta.get("description")}
    for entry in index["docs"]:
        if entry["location"] in keywords:
            entry["keywords"] = keywords[entry["location"]]
        if entry["location"] in descriptions:
            entry["description"] = descriptions[entry["location"]]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
