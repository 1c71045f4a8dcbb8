"""Runs of words a page shares with the summit recap it was written from.

The recap (shared/source/rework-dl2-summit-2021-recap.txt, outside this repository) is a source
of facts, not of prose. Its text is not copied here: tests/data/recap-10grams.txt holds a short
hash of every window of RUN consecutive words of it, enough to find any run of RUN or more words
that a page shares with it. Both sides are compared as plain words: accents folded, case and
punctuation ignored.

Regenerate the fingerprint after the recap changes:

    python tests/recap_overlap.py path/to/rework-dl2-summit-2021-recap.txt
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN = 10  # the shortest shared run of words that counts as copied prose
FINGERPRINT = ROOT / "tests" / "data" / "recap-10grams.txt"
RECAP_NAME = "rework-dl2-summit-2021-recap.txt"
WORD = re.compile(r"[a-z0-9]+")


def recap_path() -> Path | None:
    """The recap beside the repository (shared/source/), as CI and the worktrees lay it out."""
    candidates = [os.environ.get("SUMMIT_RECAP", ""), ROOT.parent / "shared" / "source" / RECAP_NAME]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def words(text: str) -> list[tuple[str, int]]:
    """Each word with its offset; offsets survive folding because only marks are dropped."""
    folded = "".join(fold(ch) or " " for ch in text)  # one character out per character in
    return [(m.group(), m.start()) for m in WORD.finditer(folded)]


def gram_hash(gram: list[str]) -> str:
    return hashlib.blake2b(" ".join(gram).encode(), digest_size=6).hexdigest()


def fingerprint(text: str) -> set[str]:
    tokens = [w for w, _ in words(text)]
    return {gram_hash(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)}


def load_fingerprint(path: Path = FINGERPRINT) -> set[str]:
    return {line.strip() for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")}


def write_fingerprint(recap: Path, path: Path = FINGERPRINT) -> int:
    hashes = sorted(fingerprint(recap.read_text(encoding="utf-8")))
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# blake2b-48 of every {RUN}-word window of {RECAP_NAME}, words as in "
              "tests/recap_overlap.py; regenerate with: python tests/recap_overlap.py RECAP")
    path.write_text(header + "\n" + "\n".join(hashes) + "\n")
    return len(hashes)


# --- What a reader reads, with its line numbers kept ------------------------------------------

def _blank(match: re.Match) -> str:
    """Remove a span but keep its newlines, so later offsets still give the right line."""
    return re.sub(r"[^\n]", " ", match.group())


MARKDOWN_NOISE = [
    re.compile(r"<!--.*?-->", re.S),            # shortcodes and comments
    re.compile(r"\[@[^\]]*\]"),                  # citations
    re.compile(r"\]\([^)]*\)"),                  # link targets
    re.compile(r"\{\s*#[^}]*\}"),                # heading anchors
    re.compile(r"https?://\S+"),                 # bare URLs
    re.compile(r"^title:.*$", re.M),             # front-matter title: the talk's own title
]
SVG_NOISE = [re.compile(r"<[^>]*>", re.S)]      # tags and attributes; element text stays
# A page's figures: list (summit/sources/figures.py): the indented lines under "figures:" in the front
# matter. Its quote: and recap: passages are quotations, copied word for word and shown in <q> in
# the figure's tooltip: they are left out, and only they (an entry's text: is the page's prose).
FIGURES_LIST = re.compile(r"^figures:.*(?:\n(?:[ \t].*)?)*", re.M)
FIGURE_QUOTATION = re.compile(r"^[ \t]+(?:-[ \t]+)?(?:quote|recap):.*(?:\n(?![ \t]*(?:-[ \t]+)?\w+:)[ \t]+.*)*", re.M)


def readable_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    patterns = SVG_NOISE if path.suffix == ".svg" else MARKDOWN_NOISE
    if path.suffix == ".md" and text.startswith("---"):
        end = text.index("\n---", 3)
        front = FIGURES_LIST.sub(lambda m: FIGURE_QUOTATION.sub(_blank, m.group()), text[:end])
        text = MARKDOWN_NOISE[-1].sub(_blank, front) + text[end:]
        patterns = patterns[:-1]
    for pattern in patterns:
        text = pattern.sub(_blank, text)
    return text


@dataclass(frozen=True)
class Run:
    path: str      # relative to the repository
    line: int
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {len(self.words)} words shared with the recap: \"{' '.join(self.words)}\""


def shared_runs(text: str, recap_grams: set[str], where: str = "") -> list[Run]:
    """Maximal runs of at least RUN consecutive words whose every RUN-window is in the recap."""
    tokens = words(text)
    plain = [w for w, _ in tokens]
    covered = [False] * len(plain)
    for i in range(len(plain) - RUN + 1):
        if gram_hash(plain[i:i + RUN]) in recap_grams:
            covered[i:i + RUN] = [True] * RUN
    runs, i = [], 0
    while i < len(plain):
        if not covered[i]:
            i += 1
            continue
        j = i
        while j < len(plain) and covered[j]:
            j += 1
        runs.append(Run(where, text.count("\n", 0, tokens[i][1]) + 1, tuple(plain[i:j])))
        i = j
    return runs


def pages() -> list[Path]:
    docs = ROOT / "docs"
    return sorted(docs.rglob("*.md")) + sorted((docs / "assets" / "slides").glob("*.svg"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(f"{write_fingerprint(Path(sys.argv[1]))} windows written to {FINGERPRINT.relative_to(ROOT)}")
