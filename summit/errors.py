"""The one kind of error the core raises: a problem in the notes' sources."""


class SourceError(Exception):
    """Bad input, said in one line that names the file (and line) and the culprit; the MkDocs
    adapter turns it into a build failure without a traceback."""
