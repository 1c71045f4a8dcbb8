"""The rich text of a formatted reference: pybtex.richtext's model and rules, kept lean.

A reference is a tree of runs: plain strings, symbols (a non-breaking space, an en dash, the
break between blocks) and styled runs (emphasis, a link, a braced, case-protected group).
pybtex.richtext models the same tree with classes that merge, measure and check their parts on
every construction, which made building and rendering a reference cost more than a millisecond;
the notes' references need only a few of its operations. Each function below follows the
pybtex method it names, and renders through the same backends as pybtex (its Markdown backend,
the notes' HtmlBackend in summit/formatting.py), which hold the markup.
tests/unit/test_plain_style.py compares the results with pybtex's for every entry of
references.bib and more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from pybtex import richtext
from pybtex.backends import BaseBackend

TERMINATORS = (".", "?", "!")  # pybtex.textutils.is_terminated


class Symbol(NamedTuple):
    name: str  # "nbsp", "ndash" or "newblock"


NBSP, NDASH, NEWBLOCK = Symbol("nbsp"), Symbol("ndash"), Symbol("newblock")


class Styled:
    """A run of parts: kind "text" (no markup), "em", "href" (with url) or "protected"."""

    __slots__ = ("kind", "parts", "url", "_length")

    def __init__(self, kind: str, parts, url: str = ""):
        """Parts appended as pybtex's constructor does: empty parts dropped, plain runs unpacked,
        adjacent strings and adjacent runs of the same kind (and url) merged. (The hottest code
        of a build's formatting, hence one loop with no calls but append: classes compared
        with "is", the length worked out only when asked for. A plain run's own parts hold no
        plain run, as it was unpacked when that run was made, so unpacking one level is enough.
        Empty parts are never kept, so a run is empty exactly when it has no parts.)"""
        self.kind, self.url = kind, url
        self._length = -1
        out: list = []
        for part in parts:
            cls = part.__class__
            if cls is Styled and part.kind == "text":
                children = part.parts
            elif part is None:
                continue
            else:
                children = (part,)
            for child in children:
                cls = child.__class__
                if cls is str:
                    if child:
                        if out and out[-1].__class__ is str:
                            out[-1] += child
                        else:
                            out.append(child)
                elif cls is Symbol:
                    out.append(child)
                elif not child.parts:
                    continue
                else:
                    last = out[-1] if out else None
                    if last.__class__ is Styled and last.kind == child.kind and last.url == child.url:
                        out[-1] = Styled(child.kind, last.parts + child.parts, child.url)
                    else:
                        out.append(child)
        self.parts = out

    @property
    def length(self) -> int:
        """Characters, a symbol counting one (pybtex's len of a rich text)."""
        if self._length < 0:
            self._length = sum(_len(part) for part in self.parts)
        return self._length

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __len__(self) -> int:
        return self.length

    def __repr__(self) -> str:
        return f"Styled({self.kind!r}, {self.parts!r}{', ' + repr(self.url) if self.url else ''})"


def _len(part) -> int:
    return len(part) if isinstance(part, str) else 1 if isinstance(part, Symbol) else part.length


def text(*parts) -> Styled:
    if len(parts) == 1 and parts[0].__class__ is Styled and parts[0].kind == "text":
        return parts[0]  # runs never change once made, so one can be shared
    return Styled("text", parts)


def em(*parts) -> Styled:
    return Styled("em", parts)


def href(url: str, *parts) -> Styled:
    return Styled("href", parts, url)


# --- pybtex's operations -------------------------------------------------------------------------

def join(separator, parts: list) -> Styled:
    """BaseText.join"""
    joined: list = []
    for part in parts:
        if joined:
            joined.append(separator)
        joined.append(part)
    return Styled("text", joined)


def endswith(part, suffixes: tuple[str, ...]) -> bool:
    if isinstance(part, str):
        return part.endswith(suffixes)
    if isinstance(part, Symbol) or not part.parts:
        return False
    return endswith(part.parts[-1], suffixes)


def add_period(run: Styled) -> Styled:
    """BaseText.add_period: the period goes inside the run (after a link's text, for a link)."""
    if run and not endswith(run, TERMINATORS):
        return Styled(run.kind, run.parts + ["."], run.url)
    return run


def _cut(part, start: int, end: int):
    """part[start:end], keeping its structure (BaseMultipartText.__getitem__)."""
    if isinstance(part, str):
        return part[start:end]
    if isinstance(part, Symbol):
        return part if start <= 0 < end else ""
    kept, position = [], 0
    for child in part.parts:
        length = _len(child)
        lo, hi = max(start - position, 0), min(end - position, length)
        if lo < hi:
            kept.append(_cut(child, lo, hi))
        position += length
    return Styled(part.kind, kept, part.url)


def _case(part, change: str):
    """upper() or lower(): strings change, symbols and protected groups do not."""
    if isinstance(part, str):
        return getattr(part, change)()
    if isinstance(part, Symbol) or part.kind == "protected":
        return part
    return Styled(part.kind, [_case(child, change) for child in part.parts], part.url)


def capfirst(run: Styled) -> Styled:
    return text(_case(_cut(run, 0, 1), "upper"), _cut(run, 1, run.length))


def capitalize(run: Styled) -> Styled:
    if run.kind == "text" and len(run.parts) == 1 and run.parts[0].__class__ is str:  # a plain title
        return text(run.parts[0][:1].upper() + run.parts[0][1:].lower())
    return text(_case(_cut(run, 0, 1), "upper"), _case(_cut(run, 1, run.length), "lower"))


def lower(run: Styled) -> Styled:
    return _case(run, "lower")


def plain_string(run: Styled) -> str | None:
    """The run's text if it is one plain string, else None."""
    if run.kind == "text" and len(run.parts) == 1 and isinstance(run.parts[0], str):
        return run.parts[0]
    return None


def from_pybtex(rich: richtext.BaseText):
    """A pybtex rich text (a decoded LaTeX field: strings and protected groups) as a run."""
    if isinstance(rich, richtext.String):
        return rich.value
    if isinstance(rich, richtext.Symbol):
        return Symbol(rich.name)
    if isinstance(rich, richtext.Protected):
        return Styled("protected", [from_pybtex(p) for p in rich.parts])
    if isinstance(rich, richtext.Text):
        return Styled("text", [from_pybtex(p) for p in rich.parts])
    raise TypeError(f"unexpected rich text in a field: {rich!r}")


# --- rendering -----------------------------------------------------------------------------------

def render(part, backend: BaseBackend, plain_text: Callable[[str], str] | None = None) -> str:
    """As pybtex's Text.render writes it with that backend: the markup is the backend's (pybtex's
    Markdown backend, or the notes' HTML one in summit/formatting.py), not this module's.
    plain_text, when given, writes the plain text outside links instead of the backend (the notes
    give the glossary's terms their tooltips there); a link's text is always the backend's."""
    if isinstance(part, str):
        return plain_text(part) if plain_text else backend.format_str(part)
    if isinstance(part, Symbol):
        return backend.symbols[part.name]
    if part.kind == "href":
        plain_text = None
    if plain_text:
        inner = "".join(render(child, backend, plain_text) for child in _plain_runs(part.parts))
    else:
        inner = "".join(render(child, backend) for child in part.parts)
    if part.kind == "em":
        return backend.format_tag("em", inner)
    if part.kind == "href":
        return backend.format_href(part.url, inner)
    if part.kind == "protected":
        return backend.format_protected(inner)
    return inner


def _plain(part) -> str | None:
    """A string, or a protected group of strings, as the text a reader sees; else None."""
    if isinstance(part, str):
        return part
    if isinstance(part, Styled) and part.kind == "protected":
        texts = [_plain(child) for child in part.parts]
        return None if None in texts else "".join(texts)
    return None


def _plain_runs(parts: list) -> list:
    """Parts with each stretch of strings and protected groups joined into one string: Markdown
    would see that stretch as one text, and a glossary term may span it ("{GAN}s", "{ADS}-{GAN}")."""
    runs: list = []
    for part in parts:
        text = _plain(part)
        if text is not None and runs and isinstance(runs[-1], str):
            runs[-1] += text
        else:
            runs.append(text if text is not None else part)
    return runs
