"""Add the generated Speakers and Papers pages to the site."""

from mkdocs.structure.files import File

from notes import indexes


def on_files(files, config):
    for src_uri, build in ((indexes.SPEAKERS, indexes.speakers_page), (indexes.PAPERS, indexes.papers_page)):
        files.append(File.generated(config, src_uri, content=build()))
    return files
