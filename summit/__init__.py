"""Summit Notes' domain: plain Python with no MkDocs import. The MkDocs adapter
(hooks/pipeline.py) loads one Corpus per build and renders through one Views; another
generator could do the same. The layout of the package: README.md, "Layout"."""
