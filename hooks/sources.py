"""Load the two sources of truth before anything else runs: references.bib and the talks' front matter."""

from pathlib import Path

from mkdocs.plugins import event_priority

from notes import bib as bibliography
from notes import state
from notes import talks


@event_priority(100)  # before mkdocs-bibtex parses the file and can crash on it
def on_config(config):
    root = Path(config.config_file_path).parent
    state.bib = bibliography.load(root / config.plugins["bibtex"].config.bib_file)
    state.docs_dir = Path(config.docs_dir)
    state.sections = talks.load(state.docs_dir)
    state.reset()
    return config

