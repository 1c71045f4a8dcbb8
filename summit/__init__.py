"""Summit Notes' domain: plain Python with no MkDocs import. The MkDocs adapter
(hooks/pipeline.py) loads one Corpus per build and renders through one Views; another
generator could do the same.

    sources/       read and check each source (pages' front matter, references.bib, tags.yml,
                   the glossary, slides, the edition date); every problem is one line
    corpus.py      the Corpus: every source, loaded once per build, and who cites what
    derived/       what follows from the corpus: related talks and why, the map's layout, kinds of works
    render/        the one placeholder syntax (shortcodes.py) and what each template is given,
                   by the pages it serves (talk_page, listings, browse_pages)
    markdown_ext/  Python-Markdown extensions (no tooltip in a link; references' back-links)
    publish/       what is published beside the pages: talks.json and references.json,
                   Scholar metadata, search keywords
    names.py, event.py, errors.py   names and slugs; the summit's name and date; SourceError
"""
