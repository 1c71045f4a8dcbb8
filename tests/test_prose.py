"""The pages are written in their own words: no page repeats a run of 10 words of the recap.

The recap the notes draw on (see docs/index.md, "About these notes") is a source of facts,
not of prose. This test compares every Markdown page with it, word by word, after folding
case, accents and punctuation, and fails on any run of RUN or more words that both share.
Titles, names, quoted corrections and lists of terms may legitimately repeat the recap's
words: those few are listed in ALLOWED, each with its reason, and an entry that no longer
matches anything fails too, so the list cannot go stale.

Pure Python, no build: the recap is read from $SUMMIT_RECAP, or from the shared source folder.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RECAP = Path(os.environ.get(
    "SUMMIT_RECAP", "/work/shared/source/rework-dl2-summit-2021-recap.txt"))
RUN = 10

# (page, words as they appear on the page, why the recap's wording may stay).
ALLOWED: tuple[tuple[str, str, str], ...] = (
    ("index.md",
     "What I Learned From Attending RE•WORK Deep Learning 2.0 Summit 2021",
     "the title of the recap, named as the notes' source"),
    ("ethics-and-social-responsibility/operationalizing-ai-ethics.md",
     "Supporting creative lifestyles and building a better society",
     "the name of a principle in Sony's guidelines (a list of terms)"),
    ("ethics-and-social-responsibility/operationalizing-ai-ethics.md",
     "Provision of trusted products and services",
     "the name of a principle in Sony's guidelines (a list of terms)"),
    ("generative-models/quantum-drug-discovery.md",
     "patched** quantum GAN with a hybrid generator (P-QGAN-HG)",
     "the name of a model variant"),
    ("reinforcement-learning/safe-interpretable-moral-rl.md",
     "An Atari Model Zoo for Analyzing, Visualizing, and Comparing Deep Reinforcement "
     "Learning Agents",
     "the title of the paper"),
    ("reinforcement-learning/safe-interpretable-moral-rl.md",
     "do unto others as you would have them do unto you",
     "a quotation: the golden rule"),
)

FRONT_MATTER_PROSE = re.compile(r"^description:\s*(.*)$")
MARKUP = (
    re.compile(r"<!--.*?-->"),                       # shortcodes and comments
    re.compile(r"\[@[^\]]*\]"),                      # citations
    re.compile(r"^\s*!!!\s+\w+(\s+\"[^\"]*\")?\s*$"),  # admonition openers
    re.compile(r"https?://\S+"),                     # addresses
)


def words(text: str) -> list[str]:
    """Lower-case words with accents, punctuation and digit grouping folded away."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", text)  # 5,000 -> 5000
    text = re.sub(r"['\u2019]", "", text)               # don't -> dont
    return re.findall(r"[a-z0-9]+", text)


def page_words(markdown: str) -> list[tuple[str, int]]:
    """The page's prose as (word, line number): the description and the body, no markup."""
    out: list[tuple[str, int]] = []
    lines = markdown.splitlines()
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        for number in range(1, end):
            match = FRONT_MATTER_PROSE.match(lines[number])
            if match:
                out += [(w, number + 1) for w in words(match.group(1))]
        body_start = end + 1
    for number in range(body_start, len(lines)):
        line = lines[number]
        for pattern in MARKUP:
            line = pattern.sub(" ", line)
        out += [(w, number + 1) for w in words(line)]
    return out


@dataclass(frozen=True)
class Shared:
    page: str
    line: int
    run: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: shares {len(self.run.split())} words with the recap: \"{self.run}\""


@lru_cache
def recap_grams(recap: str, run: int) -> frozenset[tuple[str, ...]]:
    recap_words = words(recap)
    return frozenset(tuple(recap_words[i:i + run]) for i in range(len(recap_words) - run + 1))


def shared_runs(page: str, markdown: str, recap: str,
                allowed: tuple[str, ...] = (), run: int = RUN) -> tuple[list[Shared], set[str]]:
    """Maximal runs of at least `run` words the page shares with the recap.

    Words inside an occurrence of an allowed phrase are left out (they break a run). Returns
    the runs and the allowed phrases that occurred in the page.
    """
    grams = recap_grams(recap, run)
    tokens = page_words(markdown)
    plain = [w for w, _ in tokens]
    masked = [False] * len(plain)
    used: set[str] = set()
    for phrase in allowed:
        target = words(phrase)
        for i in range(len(plain) - len(target) + 1):
            if plain[i:i + len(target)] == target:
                used.add(phrase)
                masked[i:i + len(target)] = [True] * len(target)
    hits = [
        i for i in range(len(plain) - run + 1)
        if not any(masked[i:i + run]) and tuple(plain[i:i + run]) in grams
    ]
    found: list[Shared] = []
    start = None
    for k, i in enumerate(hits):
        if start is None:
            start = i
        if k + 1 == len(hits) or hits[k + 1] != i + 1:
            found.append(Shared(page, tokens[start][1], " ".join(plain[start:i + run])))
            start = None
    return found, used


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@pytest.fixture(scope="module")
def recap() -> str:
    if not RECAP.is_file():
        pytest.skip(f"recap not found at {RECAP} (set SUMMIT_RECAP to its path)")
    return RECAP.read_text(encoding="utf-8")


def test_no_page_repeats_a_run_of_the_recap(recap):
    problems: list[str] = []
    used: set[tuple[str, str]] = set()
    for path in pages():
        name = path.relative_to(DOCS).as_posix()
        allowed = tuple(phrase for page, phrase, _ in ALLOWED if page == name)
        found, hit = shared_runs(name, path.read_text(encoding="utf-8"), recap, allowed)
        problems += [str(s) for s in found]
        used |= {(name, phrase) for phrase in hit}
    stale = [f"{page}: allow-list entry matches nothing: \"{phrase}\""
             for page, phrase, _ in ALLOWED if (page, phrase) not in used]
    assert not problems + stale, "\n".join(problems + stale)


def test_every_allowance_has_a_reason():
    assert all(page and phrase and reason.strip() for page, phrase, reason in ALLOWED)


# The checker itself, on a tiny recap and page, so each rule is seen to fail and to pass.
TINY_RECAP = "Intro. The quick brown fox, it jumps over the lazy dog near the river bank today."


def test_a_copied_run_is_reported_with_page_line_and_words():
    page = ("---\ntitle: T\n---\n\nFirst line.\n"
            "So THE quick brown Fox \u2013 it jumps over the lazy dog near the river bank!\n")
    found, _ = shared_runs("x.md", page, TINY_RECAP)
    assert [str(s) for s in found] == [
        'x.md:6: shares 14 words with the recap: '
        '"the quick brown fox it jumps over the lazy dog near the river bank"',
    ]


def test_nine_shared_words_pass_and_ten_fail():
    nine = "the quick brown fox it jumps over the lazy then something else"
    ten = "the quick brown fox it jumps over the lazy dog and so on"
    assert shared_runs("x.md", nine, TINY_RECAP)[0] == []
    assert [s.run for s in shared_runs("x.md", ten, TINY_RECAP)[0]] == [
        "the quick brown fox it jumps over the lazy dog"]


def test_runs_across_lines_and_description_are_found():
    page = ("---\ndescription: The quick brown fox, it jumps\n---\n\n"
            "over the lazy dog near the river.\n")
    found, _ = shared_runs("x.md", page, TINY_RECAP)
    assert [(s.line, len(s.run.split())) for s in found] == [(2, 13)]


def test_markup_and_citations_do_not_hide_or_make_a_run():
    page = "The quick brown fox [@key] it jumps <!-- md:slide 1 --> over the lazy dog today.\n"
    assert [s.run for s in shared_runs("x.md", page, TINY_RECAP)[0]] == [
        "the quick brown fox it jumps over the lazy dog"]


def test_an_allowed_phrase_is_exempt_and_reported_as_used():
    page = "As the title says, the quick brown fox it jumps over the lazy dog near here.\n"
    phrase = "the quick brown fox it jumps over the lazy dog near"
    found, used = shared_runs("x.md", page, TINY_RECAP, (phrase,))
    assert found == [] and used == {phrase}
