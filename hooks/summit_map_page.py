"""Add the generated "Map of the summit" page: summit/ computes the relations and the picture,
the theme's partials/summit-map.html writes the markup; this file only connects them."""

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the summit package

from notes import state  # noqa: E402
from notes.export import plain  # noqa: E402
from notes.talks import all_talks  # noqa: E402
from notes.works import authored_by  # noqa: E402
from summit.relations import relate  # noqa: E402
from summit.summit_map import MapTalk, layout  # noqa: E402

MAP = "map.md"
# The map repeats every talk's title: kept out of the search index so it never outranks a talk.
FRONT_MATTER = """---
title: Map of the summit
description: The seventeen talks as one picture, joined by the topics, works and people they share.
search:
  exclude: true
---

"""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    talks = all_talks(state.sections)
    page = File.generated(config, MAP, content="")
    numbers = [t.number for t in talks]
    relations = relate(
        numbers,
        topics={t.number: t.tags for t in talks},
        cited={t.number: [k for k in state.cites.get(t.src_uri, []) if k != t.bib_key] for t in talks},
        authored={t.number: {s.name: authored_by(s) for s in t.speakers} for t in talks},
    )
    picture = layout(
        [
            MapTalk(
                t.number, t.title, tuple(s.name for s in t.speakers), t.section.number, t.section.title,
                get_relative_url(files.get_file_from_path(t.src_uri).url, page.url),
            )
            for t in talks
        ],
        relations,
        {key: plain(state.bib.entry(key).fields["title"]) for key in state.bib.keys},
    )
    html = config.theme.get_env().get_template("partials/summit-map.html").render(map=picture)
    page.content_string = FRONT_MATTER + html
    files.append(page)
    return files
