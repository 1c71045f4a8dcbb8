"""What one build keeps in memory is let go by the next (`mkdocs serve` rebuilds in one process)."""

from __future__ import annotations

import gc
import weakref

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from builds import ROOT  # scripts/builds.py


def configured() -> MkDocsConfig:
    """The configuration as a build has it once every on_config has run (ours included)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    return config.plugins.on_config(config)


def test_a_rebuild_lets_the_last_builds_corpus_go(monkeypatch):
    """hooks/pipeline.py freezes, in on_config, what lives for the whole build (gc.freeze), and
    a rebuild's on_config thaws and collects it. Left frozen, each rebuild under `mkdocs serve`
    would keep its corpus for good: its views and their Jinja environment refer to each other,
    so only the cycle collector frees them, and it never looks at frozen objects."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    try:
        first = configured()
        last_build = weakref.ref(first["summit_notes"])
        del first
        configured()  # loading it, MkDocs' options let go of the first configuration
        assert last_build() is None, "the first build's corpus outlived the next build's configuration"
    finally:
        gc.unfreeze()
