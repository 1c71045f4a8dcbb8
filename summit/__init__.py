"""Summit Notes' domain: the corpus of talks and works, and what is computed from it.

Plain Python with no MkDocs import: the MkDocs adapter (hooks/pipeline.py) loads one corpus per
build and passes it to whatever needs it; another generator could do the same.
"""
