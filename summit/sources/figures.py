"""Figure sources (issue 26): each number in a page's prose names where it comes from, in the
page's front matter (`figures:`; the syntax and the rules: README, "Writing a talk page").

Rule 1, what a figure is: FIGURE, in the prose (citations.prose). Rule 2: every figure lies in
an occurrence of some entry's text on its line, and every entry's text occurs on the page.
Rule 3: a quote is at most 30 words, holds every number of its text, and cites a known key.
Rule 4: a recap passage occurs in the recap word for word, when the recap is here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from summit.sources.bibliography import Bibliography, family, plain
from summit.sources.citations import closest, prose
from summit.errors import SourceError

# Rule 1 of the spec: digits not attached to a name (ResNet-50, GPT-3, A2C, 3D, F1), with a
# decimal part, thousands separators, a percent sign or a factor's "x".
FIGURE = re.compile(r"(?<![\w\-./@#])\d+(?:[.,]\d+)*(?:%|x|×)?(?![\w\-])")
# What an entry's text may source, and what is shown with its source: the figures, and counts
# written with a thousand, million or billion sign ("95K"), which rule 1 does not ask a source for.
NUMBER = re.compile(r"(?<![\w\-./@#])\d+(?:[.,]\d+)*(?:%|x|×|[kKMB])?(?![\w\-])")
# A number as a passage states it (commas between digits removed), with any percent after it.
STATED = re.compile(r"(?<![\w.])(\d+(?:\.\d+)*)(?![\d]|[.,]\d)(\s?(?:%|percent\b|per cent\b))?")
EMPHASIS = re.compile(r"\*|(?<![^\W_])_|_(?![^\W_])")  # an underscore inside a word is no marker
MAX_WORDS = 30
KEYS = {"text", "cite", "quote", "recap"}
RECAP_NAME = "rework-dl2-summit-2021-recap.txt"
ELLIPSIS = re.compile(r"\.\.\.|…")


@dataclass(frozen=True)
class FigureSource:
    text: str  # the words of the prose holding the figure(s), as written there
    quote: str  # the work's passage, or the recap's
    cite: str | None  # the work's references.bib key; None: the talk (the recap) is the source
    reference: str = ""  # the work's short form, "Zheng et al. 2020"
    href: str = ""  # where the short form links: the page's reference, or the work itself


def recap_text(root: Path) -> str | None:
    """The recap beside the repository (shared/source/, as in CI and the worktrees), whitespace
    collapsed; SUMMIT_RECAP names another file. None when it is not there."""
    candidates = [os.environ.get("SUMMIT_RECAP", ""), root.parent / "shared" / "source" / RECAP_NAME]
    path = next((Path(c) for c in candidates if c and Path(c).is_file()), None)
    return " ".join(path.read_text(encoding="utf-8").split()) if path else None


def figures_in(body: str) -> list[tuple[int, int, int, str]]:
    """Each figure of the prose: (line from 1, start and end column, its text)."""
    found = []
    for number, line in enumerate(prose(body).split("\n"), start=1):
        found += [(number, m.start(), m.end(), m.group()) for m in FIGURE.finditer(line)]
    return found


def unmarked(text: str) -> str:
    """The text as a reader sees it: without emphasis markers ("**16%** higher" reads "16% higher";
    an underscore inside a word stays) and with each run of whitespace one space."""
    return " ".join(EMPHASIS.sub("", text).split())


def occurrences(text: str, lines: list[str]) -> list[list[tuple[int, int]]]:
    """Where an entry's text occurs on each Markdown line: (start, end) columns. Emphasis markers
    and whitespace may stand between its words there ("**16%** higher" holds "16% higher")."""
    written = re.compile(r"[\s*_]+".join(re.escape(word) for word in unmarked(text).split()))
    return [[match.span() for match in written.finditer(line)] for line in lines]


def holds(passage: str, figure: str) -> bool:
    """Whether the passage states the figure: commas in numbers aside; "16%" also as "16 %" or
    "16 percent"; a factor's or a count's number with any sign after it ("11.8x" as "11.8×" or
    "11.8 times", "95K" as "95K")."""
    text = re.sub(r"(?<=\d),(?=\d)", "", passage)
    number = re.sub(r"[%x×kKMB]$", "", figure.replace(",", ""))
    return any(stated.group(1) == number and (stated.group(2) or not figure.endswith("%"))
               for stated in STATED.finditer(text))


def words(passage: str) -> int:
    return len([w for w in ELLIPSIS.sub(" ", passage).split() if w.strip(".,;:'\"“”‘’()–—")])


def in_recap(passage: str, recap: str) -> bool:
    """Each part of the passage ("..." marks a cut) occurs in the recap, in order."""
    parts = (re.escape(" ".join(part.split())) for part in ELLIPSIS.split(passage))
    return re.search(".*?".join(parts), recap, re.DOTALL) is not None


def short_reference(bib: Bibliography, key: str) -> str:
    """A work as a citation names it in running text: "Zheng et al. 2020"."""
    surnames = [family(p) for p in bib.authors(key)]
    who = (f"{surnames[0]} et al." if len(surnames) > 2 else " and ".join(surnames)) or plain(bib.fields(key)["title"])
    year = bib.fields(key).get("year", "")
    return f"{who} {year}".strip()


def entry_error(where: str, page: Path | None, text: str, problem: str) -> SourceError:
    """The entry's problem in one line, naming the front matter's line of the entry whose text
    is text (the page is read again only for this message) when page is given."""
    lines = page.read_text(encoding="utf-8").split("\n") if page else []
    key = re.compile(r"^[ \t-]*text:[ \t]*['\"]?" + re.escape(text) + r"['\"]?[ \t]*(#.*)?$")
    line = next((f":{n}" for n, line in enumerate(lines, start=1) if key.match(line)), "")
    return SourceError(f"{where}{line}: figures entry '{text}' {problem}")


def entries(meta: dict, where: str, bib: Bibliography, cited: Collection[str], recap: str | None,
            page: Path | None) -> list[FigureSource]:
    """The page's figures: list, each entry checked on its own (rules 3 and 4)."""
    raw = meta.get("figures")
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise SourceError(f"{where}: figures: must be a list of entries (text, and cite with quote, or recap)")
    out = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), (str, int, float)):
            raise SourceError(f"{where}: figures entry {number} needs a text: the words of the prose holding the figure")
        text = str(item["text"])
        fail = partial(entry_error, where, page, text)
        unknown = sorted(set(item) - KEYS)
        if unknown:
            raise fail(f"has unknown field '{unknown[0]}' (use text, cite and quote, or recap)")
        if ("cite" in item) == ("recap" in item) or ("cite" in item) != ("quote" in item):
            raise fail("needs cite and quote, or recap (exactly one source)")
        figures = [m.group() for m in NUMBER.finditer(unmarked(text))]  # what the passage must hold
        if not figures:
            raise fail("holds no figure")
        passage = str(item.get("quote") if "cite" in item else item["recap"])
        kind = "quote" if "cite" in item else "recap passage"
        if words(passage) > MAX_WORDS:
            raise fail(f"has a {kind} of {words(passage)} words (at most {MAX_WORDS})")
        missing = [f for f in figures if not holds(passage, f)]
        if missing:
            raise fail(f"has a {kind} that does not contain '{missing[0]}'")
        if "cite" not in item:
            if recap is not None and not in_recap(passage, recap):
                raise fail(f"has a recap passage that is not in the recap word for word ({RECAP_NAME})")
            out.append(FigureSource(text, passage, None))
            continue
        key = str(item["cite"])
        if key not in bib:
            raise fail(f"cites unknown references.bib key '{key}'{closest(key, bib.keys)}")
        href = f"#fn:ref-{key}" if key in cited else bib.primary_link(key)
        out.append(FigureSource(text, passage, key, short_reference(bib, key), href))
    return out


def check_page(src_uri: str, meta: dict, body: str, offset: int, bib: Bibliography,
               cited: Collection[str], recap: str | None, docs_dir: Path | None = None) -> tuple[FigureSource, ...]:
    """The page's figure sources, every rule checked; SourceError on the first problem. recap:
    the recap's text (recap_text), None when it is not here; docs_dir: to name an entry's line."""
    where, page = f"docs/{src_uri}", docs_dir / src_uri if docs_dir else None
    sources = entries(meta, where, bib, cited, recap, page)
    found = [occurrences(source.text, body.split("\n")) for source in sources]
    for source, spans in zip(sources, found):
        if not any(spans):
            raise entry_error(where, page, source.text, "does not occur on the page")
    for line, start, end, figure in figures_in(body):
        if not any(a <= start and end <= b for spans in found for a, b in spans[line - 1]):
            raise SourceError(f"{where}:{line + offset}: figure '{figure}' has no source "
                              "(add it to the page's figures: list)")
    return tuple(sources)

