"""Unit tests of the core rules (summit/): no build, no browser; each runs in milliseconds."""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

import pytest

from summit import corpus as corpus_loader

BIB = """\
@inproceedings{choi2020fairgen,
  author = {Choi, Kristy and Grover, Aditya},
  title = {Fair Generative Modeling via Weak Supervision},
  booktitle = {Proceedings of ICML},
  year = {2020},
  eprint = {1910.12008},
  archivePrefix = {arXiv},
  url = {https://arxiv.org/abs/1910.12008}
}

@article{raji2019actionable,
  author = {Raji, Inioluwa Deborah and Buolamwini, Joy},
  title = {Actionable Auditing},
  journal = {A Journal},
  year = {2019},
  doi = {10.1145/3306618.3314244}
}

@misc{shared-work,
  title = {A Work Both Talks Cite},
  url = {https://example.org/shared},
  year = {2020}
}

@misc{talk-fair,
  author = {Grover, Aditya},
  title = {Fair Generative Modeling},
  howpublished = {Talk at the summit},
  year = {2021}
}

@misc{talk-audit,
  author = {Raji, Deborah},
  title = {Auditing},
  howpublished = {Talk at the summit},
  year = {2021}
}
"""

TAGS = "Fairness and bias: Unequal treatment.\nGenerative models: Sampling.\nAI ethics: Practice.\n"


def talk_page(title: str, number: str, speaker: str, tags: list[str], body: str) -> str:
    return textwrap.dedent(f"""\
        ---
        title: {title}
        number: "{number}"
        speakers:
          - name: {speaker}
            affiliation: Somewhere
        description: One line.
        tags: [{", ".join(tags)}]
        ---

        """) + body


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A two-section, two-talk project on disk: small enough to load in milliseconds."""
    (tmp_path / "references.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "tags.yml").write_text(TAGS, encoding="utf-8")
    docs = tmp_path / "docs"
    for folder, number, title in (("gen", 1, "Generative"), ("ethics", 2, "Ethics")):
        (docs / folder).mkdir(parents=True)
        (docs / folder / "index.md").write_text(
            f"---\ntitle: {title}\nnumber: {number}\ndescription: Talks.\n---\n\nText.\n", encoding="utf-8")
    (docs / "gen" / "fair.md").write_text(talk_page(
        "Fair Generative Modeling", "1.1", "Aditya Grover", ["Generative models", "Fairness and bias"],
        "A claim [@choi2020fairgen] and [@shared-work].\n"), encoding="utf-8")
    (docs / "ethics" / "audit.md").write_text(talk_page(
        "Auditing", "2.1", "Deborah Raji", ["AI ethics", "Fairness and bias"],
        "Audits [@raji2019actionable; @shared-work]. Also FairGen [@choi2020fairgen].\n"), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    return tmp_path


def load(project: Path):
    return corpus_loader.load(project / "docs", project / "references.bib", project / "tags.yml",
                              datetime.date(2021, 1, 1))
