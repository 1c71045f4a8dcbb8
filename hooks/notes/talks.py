"""The talks and sections, read once from the pages' front matter (the single source of truth)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

REQUIRED_TALK = ("title", "number", "speakers", "description", "tags")
REQUIRED_SECTION = ("title", "number", "description")
REQUIRED_SPEAKER = ("name", "affiliation")
LINK_KINDS = ("paper", "code", "demo")
NUMBER = re.compile(r"^[1-9]\.[1-9]$")


@dataclass
class Speaker:
    name: str
    affiliation: str
    role: str = ""

    @property
    def anchor(self) -> str:
        return slugify(self.name)


@dataclass
class Talk:
    src_uri: str  # e.g. generative-models/fair-generative-modeling.md
    title: str
    number: str
    speakers: list[Speaker]
    description: str
    tags: list[str]
    links: dict[str, str]
    section: "Section | None" = None

    @property
    def slug(self) -> str:
        return Path(self.src_uri).stem

    @property
    def bib_key(self) -> str:
        """Every talk has a @misc entry named after its page."""
        return f"talk-{self.slug}"

    @property
    def sort_key(self) -> tuple[int, int]:
        major, minor = self.number.split(".")
        return int(major), int(minor)

    @property
    def speaker_names(self) -> str:
        return join_names([s.name for s in self.speakers])

    @property
    def affiliations(self) -> str:
        seen = []
        for s in self.speakers:
            if s.affiliation not in seen:
                seen.append(s.affiliation)
        return "; ".join(seen)


@dataclass
class Section:
    src_uri: str  # e.g. generative-models/index.md
    title: str
    number: int
    description: str
    talks: list[Talk] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return str(Path(self.src_uri).parent)


def ascii_fold(text: str) -> str:
    """Drop accents: "Télécom" → "Telecom"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


def join_names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _front_matter(path: Path, src_uri: str) -> dict:
    try:
        _, meta = get_data(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        raise PluginError(f"docs/{src_uri}{line}: front matter is not valid YAML ({getattr(error, 'problem', error)})") from None
    return meta or {}


def _require(meta: dict, keys, where: str) -> None:
    for key in keys:
        if key not in meta or meta[key] in (None, "", []):
            raise PluginError(f"{where}: front matter is missing required field '{key}'")


def load_vocabulary(path: Path) -> dict[str, str]:
    try:
        vocabulary = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PluginError(f"{path.name}: cannot read the tag vocabulary ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise PluginError(f"{path.name}{line}: the tag vocabulary is not valid YAML ({getattr(error, 'problem', error)})") from None
    if not isinstance(vocabulary, dict):
        raise PluginError(f"{path.name}: the tag vocabulary must map each tag to a description")
    return {str(k): str(v) for k, v in vocabulary.items()}


def _check_tags(tags, vocabulary: dict[str, str], where: str) -> list[str]:
    import difflib

    if not isinstance(tags, list) or not 2 <= len(tags) <= 5:
        raise PluginError(f"{where}: front matter 'tags' must list 2 to 5 tags")
    for tag in tags:
        if tag not in vocabulary:
            near = difflib.get_close_matches(str(tag), list(vocabulary), n=2, cutoff=0.4)
            hint = f" (did you mean: {', '.join(near)}?)" if near else ""
            raise PluginError(f"{where}: tag '{tag}' is not in the vocabulary tags.yml{hint}")
    return [str(t) for t in tags]


def load(docs_dir: Path, vocabulary: dict[str, str] | None = None) -> list[Section]:
    """Read every section index and talk page; raise on incomplete front matter."""
    if vocabulary is None:
        vocabulary = load_vocabulary(docs_dir.parent / "tags.yml")
    sections: dict[str, Section] = {}
    talks: list[Talk] = []
    for path in sorted(docs_dir.glob("*/*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        where = f"docs/{src_uri}"
        meta = _front_matter(path, src_uri)
        if path.name == "index.md":
            if meta.get("template") or not meta.get("section", True):
                continue
            _require(meta, REQUIRED_SECTION, where)
            sections[str(path.parent.name)] = Section(
                src_uri=src_uri,
                title=str(meta["title"]),
                number=int(meta["number"]),
                description=str(meta["description"]),
            )
            continue
        _require(meta, REQUIRED_TALK, where)
        number = str(meta["number"])
        if not NUMBER.match(number):
            raise PluginError(f"{where}: front matter 'number' must look like \"4.1\", got {number!r}")
        speakers = []
        for i, raw in enumerate(meta["speakers"]):
            if not isinstance(raw, dict):
                raise PluginError(f"{where}: speaker {i + 1} must have 'name' and 'affiliation'")
            _require(raw, REQUIRED_SPEAKER, f"{where}: speaker {i + 1}")
            speakers.append(Speaker(str(raw["name"]), str(raw["affiliation"]), str(raw.get("role", ""))))
        links = dict(meta.get("links") or {})
        for kind in links:
            if kind not in LINK_KINDS:
                raise PluginError(f"{where}: unknown link kind '{kind}' (use {', '.join(LINK_KINDS)})")
        talks.append(
            Talk(
                src_uri=src_uri,
                title=str(meta["title"]),
                number=number,
                speakers=speakers,
                description=str(meta["description"]),
                tags=_check_tags(meta["tags"], vocabulary, where),
                links=links,
            )
        )

    for talk in talks:
        folder = Path(talk.src_uri).parent.name
        section = sections.get(folder)
        if section is None:
            raise PluginError(f"docs/{talk.src_uri}: its folder has no section index.md")
        if talk.sort_key[0] != section.number:
            raise PluginError(
                f"docs/{talk.src_uri}: talk number {talk.number} does not belong to section {section.number}"
            )
        talk.section = section
        section.talks.append(talk)

    seen: dict[str, str] = {}
    for talk in talks:
        if talk.number in seen:
            raise PluginError(f"docs/{talk.src_uri}: talk number {talk.number} is also used by docs/{seen[talk.number]}")
        seen[talk.number] = talk.src_uri

    ordered = sorted(sections.values(), key=lambda s: s.number)
    for section in ordered:
        section.talks.sort(key=lambda t: t.sort_key)
    return ordered


def all_talks(sections: list[Section]) -> list[Talk]:
    return [talk for section in sections for talk in section.talks]
