"""Related talks: scored from shared tags, shared works and authorship, with their reasons."""

from __future__ import annotations

from summit.derived.related_talks import related_talks

from conftest import load


def test_reasons_name_what_two_talks_share(project):
    corpus = load(project)
    fair, audit = corpus.talks
    related = related_talks(corpus)
    (relation,) = related[fair]
    assert relation.talk is audit
    assert relation.reasons == ("Topics: Fairness and bias", "Both cite 2 works")


def test_citing_a_speakers_work_relates_talks(project):
    fair_page, audit_page = project / "docs/gen/fair.md", project / "docs/ethics/audit.md"
    fair_page.write_text(fair_page.read_text().replace("[@shared-work]", "[@raji2019actionable]"))
    audit_page.write_text(audit_page.read_text().replace("[@raji2019actionable; @shared-work]", "[@shared-work]")
                          .replace(" Also FairGen [@choi2020fairgen].", ""))
    corpus = load(project)
    fair, audit = corpus.talks
    (relation,) = related_talks(corpus)[fair]
    assert relation.talk is audit
    assert relation.reasons == ("Topics: Fairness and bias", "1.1 cites 1 work by Deborah Raji")


def test_a_talk_without_shared_facts_falls_back_on_its_section(project):
    page = project / "docs/gen/other.md"
    page.write_text((project / "docs/gen/fair.md").read_text()
                    .replace('"1.1"', '"1.2"').replace("title: Fair Generative Modeling", "title: Other")
                    .replace("Generative models, Fairness and bias", "AI ethics, Generative models"))
    bib = project / "references.bib"
    bib.write_text(bib.read_text() + "\n@misc{talk-other,\n  author = {Grover, Aditya},\n  title = {Other},\n"
                   "  howpublished = {Talk},\n  year = {2021}\n}\n")
    corpus = load(project)
    assert [r.talk.title for r in related_talks(corpus)[corpus.talks[0]]][:1] == ["Other"]
