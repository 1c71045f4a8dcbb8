"""The edition date: SOURCE_DATE_EPOCH, else the last commit of the content, else file times."""

from __future__ import annotations

import datetime
import os
import subprocess

from summit.sources.edition import edition_date, edition_timestamp


def test_source_date_epoch_wins(project):
    assert edition_timestamp(project, {"SOURCE_DATE_EPOCH": "1612137600"}) == 1612137600
    assert edition_date(1612137600) == datetime.date(2021, 2, 1)


def test_outside_git_the_newest_content_file_counts(project):
    os.utime(project / "references.bib", (1600000000, 1600000000))
    for path in project.rglob("*"):
        if path.is_file() and path.name != "references.bib":
            os.utime(path, (1500000000, 1500000000))
    assert edition_timestamp(project, {}) == 1600000000


def test_in_git_the_last_commit_of_the_content_counts(project):
    env = dict(os.environ, GIT_AUTHOR_DATE="2022-03-04T05:06:07Z", GIT_COMMITTER_DATE="2022-03-04T05:06:07Z",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "notes"]):
        subprocess.run(command, cwd=project, env=env, check=True)
    (project / "unrelated.txt").write_text("not content")  # a later commit elsewhere does not count
    env.update(GIT_AUTHOR_DATE="2023-01-01T00:00:00Z", GIT_COMMITTER_DATE="2023-01-01T00:00:00Z")
    subprocess.run(["git", "add", "-A"], cwd=project, env=env, check=True)
    subprocess.run(["git", "commit", "-qm", "other"], cwd=project, env=env, check=True)
    assert edition_date(edition_timestamp(project, {})) == datetime.date(2022, 3, 4)
