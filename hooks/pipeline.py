"""The MkDocs side of Summit Notes: the whole build, in the order MkDocs runs it.

    on_config         load and check the corpus (summit/); mkdocs-bibtex need not read the file again;
                      freeze what lives for the whole build, out of the cycle collector's way
                      (thawed, and collected, when `mkdocs serve` rebuilds)
    on_pre_build      hand mkdocs-bibtex a registry over the corpus, with the notes' reference text
    on_files          add the generated pages (Speakers, Papers, Map, Glossary) and data (talks.json, references.json)
    on_nav            order sections and talks as at the summit (1.1 … 5.4)
    on_page_markdown  per page: shortcodes, then a talk page's assembly; mkdocs-bibtex runs next
    on_page_content   check that every citation became a reference (and tell MkDocs' anchor check
                      its id) and no token was left; the generated pages' listings (Speakers,
                      Papers, Map, Glossary) follow their Markdown
    on_page_context   once Material's search plugin has indexed the page: a talk's entry gets its
                      keywords field; what search must not index (BibTeX, related talks, the
                      citations' markers and back-links, the Map and Papers listings) is placed

Everything else is plain Python in summit/ (no MkDocs import) and templates in overrides/.
One SiteBuild per build carries the corpus from event to event.
"""

from __future__ import annotations

import gc
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.nav import Section as NavSection
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext
from mkdocs_bibtex.citation import Citation
from mkdocs_bibtex.registry import SimpleRegistry
from pybtex.database import BibliographyData

ROOT = Path(__file__).resolve().parents[1]
# Under `mkdocs serve` this file runs again for each rebuild (see _run_again_on_next_rebuild), but
# Python keeps imported modules: forget the core's, so an edit to summit/ shows on the next reload.
for module in [name for name in sys.modules if name == "summit" or name.startswith("summit.")]:
    del sys.modules[module]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from summit import corpus as corpus_loader  # noqa: E402
from summit import exports, glossary, scholar, shortcodes, unindexed_html  # noqa: E402
from summit.corpus import Corpus  # noqa: E402
from summit.edition import edition_date, edition_timestamp  # noqa: E402
from summit.errors import SourceError  # noqa: E402
from summit.figures import FigureSource  # noqa: E402
from summit.formatting import ReferenceFormatter  # noqa: E402
from summit.markdown_abbr_scope import AbbrScopeExtension  # noqa: E402
from summit.markdown_figures import FigureSourcesExtension  # noqa: E402
from summit.markdown_html import PREFIX as PLACE_TOKEN  # noqa: E402
from summit.markdown_html import PlaceHtmlExtension  # noqa: E402
from summit.markdown_references import ReferenceFootnotesExtension  # noqa: E402
from summit.unindexed_html import PREFIX as UNINDEXED_TOKEN  # noqa: E402
from summit.paths import page_url  # noqa: E402
from summit.related import RelatedTalk, related_talks  # noqa: E402
from summit.search_terms import talk_keywords  # noqa: E402
from summit.talks import Talk  # noqa: E402
from summit.views import GLOSSARY, MAP, PAPERS, SPEAKERS, GeneratedHtml, Views  # noqa: E402

log = get_plugin_logger("summit")
BUILD = "summit_notes"  # the config key that carries this build's SiteBuild between events
TALK_BOOST = 3  # talk pages outrank overviews and indexes that mention the same names
OVERVIEW_BOOST = 0.5
OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
MARKER_ID = re.compile(r'id="(fnref\d*:ref-[^"]+)"')  # a citation's marker's id (partials/footnote-markers.html)


@dataclass(eq=False)  # one per build: equal only to itself
class SiteBuild:
    corpus: Corpus
    views: Views
    related: dict[Talk, list[RelatedTalk]]
    # src_uri -> the HTML a generated page shows after its Markdown (set in on_files)
    generated_html: dict[str, GeneratedHtml] = field(default_factory=dict)
    # the figures' sources of the page Markdown is rendering (set in on_page_markdown)
    page_figures: tuple[FigureSource, ...] = ()


def site_build(config: MkDocsConfig) -> SiteBuild:
    return config[BUILD]


@event_priority(100)  # first: a malformed references.bib fails here, not in mkdocs-bibtex's parser
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _run_again_on_next_rebuild()
    if gc.get_freeze_count():  # a rebuild (`mkdocs serve`): the last build's objects can go now
        gc.unfreeze()
        gc.collect()
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
    # The theme's environment (overrides/ first, the theme's filters and translations): a new one,
    # made for the notes' templates alone, so these settings leave Material's pages as they are.
    templates = config.theme.get_env()
    templates.trim_blocks = templates.lstrip_blocks = True  # Markdown templates: tags leave no blank lines
    # Jinja's optimizer folds constants when it compiles a template, once a build: the notes'
    # templates have next to none to fold, and it was a tenth of compiling them.
    templates.optimized = False
    views = Views(corpus, templates, ReferenceFormatter(corpus.bib.data.entries, corpus.bib.where), terms)
    # The partials' "text | glossed": the text as HTML with the glossary's tooltips. A filter, not a
    # function in the context: Jinja calls a filter directly, a function through its runtime checks.
    templates.filters["glossed"] = views.glossed
    config[BUILD] = site = SiteBuild(corpus, views, related_talks(corpus, views.relations))
    figure_source = templates.get_template("partials/figure-source.html").module
    # each figure of the prose a link whose tooltip is its source
    config.markdown_extensions.append(
        FigureSourcesExtension(lambda: site.page_figures, figure_source.figure, figure_source.sources))
    config.markdown_extensions.append(AbbrScopeExtension())  # no glossary tooltip inside a link
    config.markdown_extensions.append(PlaceHtmlExtension(views.html_for))  # references' HTML, rendered once
    config.markdown_extensions.append(
        ReferenceFootnotesExtension(views.html_for, views.footnote_references, views.footnote_markers))
    # mkdocs-bibtex's on_config (next) keeps its registry when references.bib is older than its
    # last configuration, instead of parsing the file the corpus has just read; on_pre_build
    # then gives it ours (NotesRegistry).
    config.plugins["bibtex"].last_configured = time.time()
    _use_local_offline_shim(config)
    # What exists now (the loaded modules, the configuration, the corpus and its views) lives
    # as long as the build: frozen, Python's cycle collector leaves it alone, as pages come and
    # go and when the process ends (its full collections were 1.5 % of a build's instructions).
    gc.freeze()
    return config


def _run_again_on_next_rebuild() -> None:
    """MkDocs 1.6 loads each hook file once per process (an lru_cache on Hooks._load_hook), so
    `mkdocs serve` would ignore edits to this file and to summit/ until restarted. Forgetting
    that cache makes the next config load, at the next rebuild, execute this file again."""
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
    """mkdocs-bibtex's registry over the corpus's bibliography, with the notes' reference text:
    a token for the reference's HTML (its formatter's text plus one fix and the glossary's
    tooltips, summit/formatting.py, then its BibTeX control), which summit/markdown_html.py
    puts in place. SimpleRegistry itself would parse references.bib again and look up pybtex's
    style through every installed package's metadata. tests/unit/test_formatting.py fails if a
    mkdocs-bibtex release asks its registry for more than this gives."""

    def __init__(self, bib_data: BibliographyData, footnote_format: str, reference: Callable[[str], str]):
        self.bib_data, self.footnote_format, self._reference = bib_data, footnote_format, reference

    def reference_text(self, citation: Citation) -> str:
        return self._reference(citation.key)


def on_pre_build(config: MkDocsConfig) -> None:
    """mkdocs-bibtex cites through our registry (its one replaced piece; see NotesRegistry)."""
    site, bibtex = site_build(config), config.plugins["bibtex"]
    bibtex.registry = NotesRegistry(site.corpus.bib.data, bibtex.config.footnote_format, site.views.reference)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = site_build(config)
    files.append(File.generated(config, SPEAKERS, content=site.views.speakers_page()))
    site.generated_html[SPEAKERS] = site.views.speakers_listing(config.use_directory_urls)
    files.append(File.generated(config, PAPERS, content=site.views.papers_page()))
    try:  # the Papers page formats every reference: an entry the style cannot format fails here
        site.generated_html[PAPERS] = site.views.papers_listing(config.use_directory_urls)
    except SourceError as error:
        raise PluginError(str(error)) from None
    files.append(File.generated(config, MAP, content=site.views.map_page()))
    site.generated_html[MAP] = site.views.map_figure(config.use_directory_urls)
    files.append(File.generated(config, GLOSSARY, content=site.views.glossary_page()))
    site.generated_html[GLOSSARY] = site.views.glossary_listing(config.use_directory_urls)
    site_url = config.site_url or ""
    url_of = {t.src_uri: site_url + page_url(t.src_uri, config.use_directory_urls) for t in site.corpus.talks}
    files.append(File.generated(config, "talks.json", content=exports.talks_json(site.corpus, url_of)))
    files.append(File.generated(config, "references.json", content=exports.references_json(site.corpus)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    corpus = site_build(config).corpus
    by_index = {s.src_uri: s for s in corpus.sections}
    order = {t.src_uri: t.sort_key for t in corpus.talks}
    sections = [item for item in nav.items if isinstance(item, NavSection)]
    others = [item for item in nav.items if not isinstance(item, NavSection)]
    rank = {}
    for item in sections:
        index = next((c for c in item.children if c.is_page and c.file.src_uri.endswith("/index.md")), None)
        section = index and by_index.get(index.file.src_uri)
        if section:
            item.title = section.title
            rank[id(item)] = section.number
            item.children.sort(key=lambda c: (0, 0) if c is index else order.get(c.file.src_uri, (99, 99)))
    sections.sort(key=lambda item: rank.get(id(item), 99))
    nav.items[:] = others[:1] + sections + others[1:]
    return nav


@event_priority(50)  # before mkdocs-bibtex (0) turns the citations into footnotes
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = site_build(config)
    src_uri = page.file.src_uri
    site.page_figures = site.corpus.figures.get(src_uri, ())  # for summit/markdown_figures.py, next
    source = site.corpus.pages.get(src_uri)
    if source is None:  # a generated page: already complete
        return markdown
    try:
        markdown = shortcodes.expand(markdown, src_uri, site.views, source.offset, config.use_directory_urls)
    except SourceError as error:
        raise PluginError(str(error)) from None
    talk = site.corpus.talk_at(src_uri)
    if talk is not None:
        page.meta.setdefault("search", {}).setdefault("boost", TALK_BOOST)
        page.meta["scholar"] = scholar.meta(site.corpus, talk)
        url = (config.site_url or "") + page.url
        return site.views.talk_page(talk, markdown, site.related[talk], url, config.use_directory_urls)
    if src_uri.endswith("/index.md"):
        page.meta.setdefault("search", {}).setdefault("boost", OVERVIEW_BOOST)
    if site.corpus.cites.get(src_uri):
        markdown = site.views.references_section(markdown)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = site_build(config)
    # Belt and braces: mkdocs-bibtex drops what it cannot format; every cited key must show.
    cited = site.corpus.cites.get(page.file.src_uri, [])
    for key in cited:
        if f'id="fn:ref-{key}"' not in html:
            raise PluginError(f"docs/{page.file.src_uri}: citation '{key}' did not render as a reference")
    if cited and page.present_anchor_ids is not None:
        # The references' list is raw HTML to Markdown (summit/markdown_references.py), so MkDocs'
        # check of links to anchors does not see its ids, just found in the page (the citations'
        # markers' ids are read in on_page_context, once the markers are in place).
        page.present_anchor_ids |= {f"fn:ref-{key}" for key in cited}
    if "[^ref-" in html:  # a citation's marker left as text (summit/citations.py reserves the prefix)
        marker = html[html.index("[^ref-"):].split("]", 1)[0] + "]"
        raise PluginError(f"docs/{page.file.src_uri}: citation marker {marker} was left as text")
    if PLACE_TOKEN in html:  # a token Markdown did not see as a block of its own: its HTML is missing
        raise PluginError(f"docs/{page.file.src_uri}: {_token_left(html, PLACE_TOKEN)} was left in the page "
                          "(it must be a block of its own)")
    generated = site.generated_html.get(page.file.src_uri)
    if generated is None:
        return html
    # What Markdown would have done with it: its headings under the page's title in the table of
    # contents, its ids known to MkDocs' check of links to anchors.
    contents = page.toc.items[0].children if page.toc.items else page.toc.items
    contents.extend(AnchorLink(title, anchor, 2) for anchor, title in generated.headings)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= generated.anchors
    if (page.meta.get("search") or {}).get("exclude"):
        # The search plugin skips the page but still runs a regular expression over all of it
        # (over the Map and Papers pages' HTML, some 90 ms at k = 10): placed once it has passed.
        return html + "\n" + site.views.unindexed("listing", page.file.src_uri, generated.html)
    return html + "\n" + generated.html


@event_priority(-50)  # after Material's search plugin (0) has indexed the page
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    site = site_build(config)
    talk = site.corpus.talk_at(page.file.src_uri)
    entry = _top_search_entry(config, page) if talk is not None else None
    if entry is not None:
        entry["keywords"] = talk_keywords(site.corpus, talk)
    try:  # what search must not index, the plugin having read the page without it
        page.content = unindexed_html.place(page.content, site.views.html_for)
    except ValueError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
    if UNINDEXED_TOKEN in page.content:  # not a token place() could read: its HTML is missing
        raise PluginError(f"docs/{page.file.src_uri}: {_token_left(page.content, UNINDEXED_TOKEN)} was left in the page")
    if site.corpus.cites.get(page.file.src_uri) and page.present_anchor_ids is not None:
        # MkDocs checks links to anchors after the last page's context: the markers, raw HTML to
        # Markdown, are in place now.
        page.present_anchor_ids |= set(MARKER_ID.findall(page.content))
    return context


def _token_left(html: str, prefix: str) -> str:
    """The first token opening with prefix in html, as the error names it."""
    return html[html.index(prefix):].split("-->", 1)[0] + "-->"


def _top_search_entry(config: MkDocsConfig, page: Page) -> dict | None:
    """The search index's entry for the top of the page, which Material's search plugin has just
    made (its SearchIndex.entries, which it writes out after the build). Set here, not in the
    written file: reading that file and writing it again cost 143 M instructions at k = 10.
    tests/test_search_index.py fails if a talk's entry loses its keywords."""
    search = config.plugins.get("material/search")
    if search is None or not search.config.enabled:  # a build without search: nothing to add to
        return None
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    if not isinstance(entries, list):  # a release that keeps its index otherwise
        raise PluginError("Material's search plugin keeps no SearchIndex.entries list: the talks' keywords "
                          "have nowhere to go (hooks/pipeline.py, _top_search_entry)")
    for entry in reversed(entries):
        if entry["location"] == page.url:
            return entry
    raise PluginError(f"docs/{page.file.src_uri}: Material's search plugin made no entry for the page, "
                      "so its keywords have nowhere to go")
