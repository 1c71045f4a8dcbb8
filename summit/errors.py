"""The one kind of error the core raises: a problem in the notes' sources."""

from pathlib import Path


class SourceError(Exception):
    """Bad input, said in one line that names the file (and line) and the culprit; the MkDocs
    adapter turns it into a build failure without a traceback."""


def read_source(path: Path, where: str, what: str) -> str:
    """The text of a source file; SourceError, naming where and what it holds, if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"{where}: cannot read {what} ({error.strerror})") from None
