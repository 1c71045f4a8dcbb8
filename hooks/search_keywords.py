"""Give each talk a boosted "keywords" search field: its speakers, affiliations and summary,
plus the other spellings of its words a reader types (summit.search_terms: accent-free,
joined and split compounds).

A short name like "Li" is otherwise drowned by longer words it prefixes ("LinkedIn"). The
field is added to the index Material writes, before the offline plugin copies it
(priority -100).
"""

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

from notes import state
from notes.talks import all_talks

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from summit.search_terms import keywords_field  # noqa: E402


def keywords(talk, docs_dir: Path) -> str:
    facts = [s.name for s in talk.speakers] + [s.affiliation for s in talk.speakers]
    facts += [talk.title, talk.description]
    body = (docs_dir / talk.src_uri).read_text(encoding="utf-8")
    return keywords_field(" ".join(facts), body)


def on_page_markdown(markdown, page, config, files):
    # Section overviews and index pages must not outrank the talks they list.
    if page.file.src_uri.endswith("/index.md"):
        page.meta.setdefault("search", {}).setdefault("boost", 0.5)
    return markdown


@event_priority(-50)
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    by_url = {}
    for talk in all_talks(state.sections):
        url = talk.src_uri[: -len(".md")] + ("/" if config.use_directory_urls else ".html")
        by_url[url] = keywords(talk, Path(config.docs_dir))
    for doc in index["docs"]:
        if doc["location"] in by_url:
            doc["keywords"] = by_url[doc["location"]]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
