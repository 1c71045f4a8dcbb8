"""The notes restate the recap's facts in their own words: no page shares a run of 10 or more
words with it, except the few titles, names, quotations and lists of terms allowed below."""

from __future__ import annotations

import pytest

from recap_overlap import (
    FINGERPRINT, ROOT, RUN, Run, fingerprint, load_fingerprint, pages, readable_text,
    recap_path, shared_runs, words,
)

# (page, the words as the page writes them, why they may match the recap). A run is allowed
# when all its words lie inside one of these phrases on that page. Keep this list short: new
# prose is rewritten, not allow-listed.
ALLOWED = [
    ("docs/index.md",
     "What I Learned From Attending RE•WORK Deep Learning 2.0 Summit 2021",
     "title of the recap, named as the notes' source"),
    ("docs/ethics-and-social-responsibility/operationalizing-ai-ethics.md",
     "7 principles: (1) supporting creative lifestyles and building a better society, "
     "(2) stakeholder engagement, (3) provision of trusted products and services, "
     "(4) privacy protection, (5) respect",
     "list of terms: the official names of Sony's AI ethics principles"),
    ("docs/generative-models/quantum-drug-discovery.md",
     "patched quantum GAN with a hybrid generator (P-QGAN-HG)",
     "name of the method, as the paper gives it"),
    ("docs/reinforcement-learning/safe-interpretable-moral-rl.md",
     "An Atari Model Zoo for Analyzing, Visualizing, and Comparing Deep Reinforcement Learning Agents",
     "title of the paper"),
    ("docs/reinforcement-learning/safe-interpretable-moral-rl.md",
     'the golden rule ("do unto others as you would have them do unto you")',
     "quotation: the proverb the Empathic DQN paper takes its inspiration from"),
    ("docs/assets/slides/embedding-ai-in-the-enterprise-at-google-2.svg",
     "Privacy (differential privacy, federated learning, secure computation, remote execution), fairness",
     "list of terms: the research areas named on the slide"),
]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w, _ in words(phrase))


def _within(run: Run, phrase: tuple[str, ...]) -> bool:
    n = len(run.words)
    return any(phrase[i:i + n] == run.words for i in range(len(phrase) - n + 1))


def _allowed(run: Run) -> bool:
    return any(path == run.path and _within(run, _words(phrase)) for path, phrase, _ in ALLOWED)


@pytest.fixture(scope="module")
def recap_grams() -> set[str]:
    assert FINGERPRINT.is_file(), f"{FINGERPRINT.relative_to(ROOT)} is missing"
    return load_fingerprint()


@pytest.fixture(scope="module")
def runs(recap_grams) -> list[Run]:
    found = []
    for path in pages():
        where = str(path.relative_to(ROOT))
        found += shared_runs(readable_text(path), recap_grams, where)
    return found


def test_fingerprint_covers_the_whole_recap(recap_grams):
    # The recap has about 8,400 words, so about as many windows (fewer where text repeats).
    assert 7000 < len(recap_grams) < 9000


def test_fingerprint_is_the_recap_beside_the_repository():
    recap = recap_path()
    if recap is None:
        pytest.skip("the recap (shared/source/) is not beside this checkout")
    assert load_fingerprint() == fingerprint(recap.read_text(encoding="utf-8")), (
        "the recap changed: run python tests/recap_overlap.py " + str(recap))


def test_no_page_copies_a_run_of_the_recap(runs):
    copied = [str(run) for run in runs if not _allowed(run)]
    assert not copied, (
        f"{len(copied)} passage(s) share {RUN}+ words with the recap; restate them in the "
        "page's own words:\n" + "\n".join(copied))


def test_every_allowance_is_still_needed(runs):
    unused = [(path, phrase) for path, phrase, _ in ALLOWED
              if not any(run.path == path and _within(run, _words(phrase)) for run in runs)]
    assert not unused, f"allow-list entries that no longer match anything: {unused}"


# --- The detector itself, on text of our own (no recap needed) -------------------------------

SOURCE = ("Open-ended processes keep producing new and increasingly complex artifacts without "
          "ever settling on a single goal, much like natural evolution does over time.")


def test_detector_finds_a_copied_run_and_reports_its_line():
    grams = fingerprint(SOURCE)
    page = "A first line of our own.\nThey say open-ended processes keep producing new and " \
           "increasingly complex artifacts without ever settling, which is nice."
    [run] = shared_runs(page, grams, "page.md")
    assert run.line == 2
    assert run.words == ("open", "ended", "processes", "keep", "producing", "new", "and",
                         "increasingly", "complex", "artifacts", "without", "ever", "settling")


def test_detector_ignores_case_accents_and_punctuation():
    grams = fingerprint("Le café de Télécom Paris sert un très bon chocolat chaud le matin, dit-on.")
    assert shared_runs("LE CAFE DE TELECOM-PARIS SERT UN TRES BON CHOCOLAT CHAUD", grams)


def test_detector_lets_nine_shared_words_pass():
    grams = fingerprint(SOURCE)
    nine = "keep producing new and increasingly complex artifacts without ever"
    assert shared_runs(f"Systems that {nine} stopping are rare.", grams) == []


def test_readable_text_drops_markup_but_keeps_lines(tmp_path):
    page = tmp_path / "talk.md"
    page.write_text('---\ntitle: A Title Copied From The Recap\ndescription: Own words.\n---\n\n'
                    "Prose [@key2020; @other] with a [link](https://example.org/a/b).\n"
                    "<!-- md:slide 1 -->\n## Heading { #anchor }\n")
    text = readable_text(page)
    assert text.count("\n") == page.read_text().count("\n")
    plain = [w for w, _ in words(text)]
    assert "title" not in plain and "copied" not in plain
    assert "description" in plain and "prose" in plain and "link" in plain
    assert not {"key2020", "example", "md", "slide", "anchor"} & set(plain)


def test_readable_text_drops_the_figures_quotations_and_only_them(tmp_path):
    page = tmp_path / "talk.md"
    page.write_text('---\ntitle: T\nfigures:\n  - text: sixteen percent higher\n    cite: key\n'
                    '    quote: "copied from the paper word for\n      word over two lines"\n'
                    '  - recap: a passage of the recap\n    text: thirty seven features\n'
                    'description: quote: own words\n---\n\nProse quote: recap: kept.\n')
    text = readable_text(page)
    assert text.count("\n") == page.read_text().count("\n")
    plain = [w for w, _ in words(text)]
    assert not {"copied", "paper", "over", "lines", "passage"} & set(plain)
    assert {"sixteen", "thirty", "description", "own", "prose", "quote", "recap", "kept"} <= set(plain)
