"""Summit Notes' domain: the corpus of talks and works, and what is computed from it.

Plain Python with no MkDocs import: the MkDocs adapter (hooks/) builds one corpus per build and
passes it to whatever needs it; another generator could do the same.

Immutable records are typing.NamedTuple, not frozen dataclasses: on Python 3.11 a dataclass
compiles its generated methods with exec each time its module is imported, __pycache__ or not
(1.5 ms a frozen class), and every build and every `mkdocs serve` rebuild imports this package.
"""
