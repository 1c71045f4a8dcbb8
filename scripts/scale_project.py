"""A scaled copy of the notes: k copies of every talk, speaker, cited work and tag.

Used by the build benchmark (scripts/bench.py) to see how the build grows with content.
Copy 1 is the project as it is; copy i > 1 renames everything a build could match across
copies, so nothing is shared between copies by accident:

  references.bib   every key `key` -> `key-c{i}`; every author's and editor's surname gets a
                   suffix of letters ("Grover" -> "Grovercb" in copy 2), every title gets
                   " (copy i)"; the entry text is otherwise kept as written (no re-encoding,
                   so URLs, DOIs and LaTeX stay exactly as checked)
  tags.yml         each tag `T` -> `T (copy i)`, with its description
  docs/            each talk page <section>/<talk>.md -> <section>/<talk>-c{i}.md, numbered on
                   in its section (4.1-4.4, then 4.5-4.8 ...), its title, speakers, tags,
                   links, works and citations renamed the same way; its slides
                   assets/slides/<talk>-N.svg -> <talk>-c{i}-N.svg

A speaker's front-matter name gets the same suffix on its last word, so it still matches its
talk entry and the works it authored (summit/corpus.py same_person, works_by).

    python scripts/scale_project.py TARGET K    # copy the project into TARGET, scaled k times
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from builds import copy_project  # noqa: E402
from summit.sources import frontmatter  # noqa: E402
from summit.sources import talks  # noqa: E402
from summit.sources.citations import BLOCK, KEY  # noqa: E402

ENTRY = re.compile(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)
NAME_FIELDS = ("author", "editor")
SLIDES = Path("assets/slides")


# --- names of copy i ---------------------------------------------------------------------------

def suffix(i: int) -> str:
    """Letters appended to every surname of copy i: 2 -> "cb", 3 -> "cc", 27 -> "cba"."""
    letters = ""
    n = i - 1
    while True:
        letters = chr(ord("a") + n % 26) + letters
        n //= 26
        if n == 0:
            break
    return "c" + letters


def key_of(key: str, i: int) -> str:
    return f"{key}-c{i}"


def title_of(title: str, i: int) -> str:
    return f"{title} (copy {i})"


def tag_of(tag: str, i: int) -> str:
    return f"{tag} (copy {i})"


def speaker_of(name: str, i: int) -> str:
    """A front-matter name: the suffix goes on the last word (its surname's last part)."""
    return name.rstrip() + suffix(i)


# --- references.bib ----------------------------------------------------------------------------

def _closing(text: str, start: int) -> int:
    """Index of the brace closing the one at text[start]."""
    depth = 0
    for at in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        if depth == 0:
            return at
    raise ValueError(f"unbalanced braces from offset {start}")


def entries(text: str) -> list[tuple[str, str]]:
    """(key, entry text) of every entry, in file order (@comment/@string/@preamble aside)."""
    out = []
    for match in ENTRY.finditer(text):
        if match.group(1).lower() in ("comment", "string", "preamble"):
            continue
        end = _closing(text, text.index("{", match.start()))
        out.append((match.group(2), text[match.start():end + 1]))
    return out


def _field_value(entry: str, name: str) -> tuple[int, int] | None:
    """(start, end) of a field's value inside its delimiters, or None when the field is absent."""
    match = re.search(rf"^[ \t]*{name}[ \t]*=\s*", entry, re.IGNORECASE | re.MULTILINE)
    if not match:
        return None
    at = match.end()
    if entry[at] == "{":
        return at + 1, _closing(entry, at)
    if entry[at] == '"':
        depth = 0
        for end in range(at + 1, len(entry)):
            depth += {"{": 1, "}": -1}.get(entry[end], 0)
            if entry[end] == '"' and depth == 0:
                return at + 1, end
    raise ValueError(f"field {name} is neither {{braced}} nor \"quoted\" in:\n{entry}")


def _split_depth0(text: str, separator: re.Pattern) -> list[tuple[str, str]]:
    """text split at separator matches outside braces: (piece, the separator after it)."""
    out, depth, start, at = [], 0, 0, 0
    while at < len(text):
        char = text[at]
        if char in "{}":
            depth += 1 if char == "{" else -1
        elif depth == 0:
            match = separator.match(text, at)
            if match and match.end() > at:
                out.append((text[start:at], match.group(0)))
                start = at = match.end()
                continue
        at += 1
    out.append((text[start:], ""))
    return out


AND = re.compile(r"\s+and\s+", re.IGNORECASE)
COMMA = re.compile(r",")


def rename_person(name: str, i: int) -> str:
    """A BibTeX name with the suffix on its surname: "Grover, Aditya" -> "Grovercb, Aditya",
    "van der Schaar, Mihaela" -> "van der Schaarcb, Mihaela", "{PyTorch}" -> "{PyTorch}cb"."""
    parts = _split_depth0(name, COMMA)
    if len(parts) > 1:  # "von Last, First" or "von Last, Jr, First": Last ends before the comma
        last, comma = parts[0]
        return last.rstrip() + suffix(i) + comma + "".join(p + s for p, s in parts[1:])
    return name.rstrip() + suffix(i)  # "First von Last" or a {Corporate} name: Last is at the end


def rename_names(value: str, i: int) -> str:
    return "".join(rename_person(name, i) + sep for name, sep in _split_depth0(value, AND))


def _replace_value(entry: str, name: str, change) -> str:
    span = _field_value(entry, name)
    if span is None:
        return entry
    start, end = span
    return entry[:start] + change(entry[start:end]) + entry[end:]


def rename_entry(entry: str, key: str, i: int) -> str:
    """One entry of copy i: its key, its people's surnames and its title renamed."""
    header = ENTRY.match(entry)
    entry = entry[:header.start(2)] + key_of(key, i) + entry[header.end(2):]
    for field in NAME_FIELDS:
        entry = _replace_value(entry, field, lambda value: rename_names(value, i))
    return _replace_value(entry, "title", lambda value: title_of(value.rstrip(), i))


def scale_bib(text: str, k: int) -> str:
    found = entries(text)
    out = [text.rstrip() + "\n"]
    for i in range(2, k + 1):
        out.append(f"\n% Copy {i} of every entry (scripts/scale_project.py)\n")
        out += ["\n" + rename_entry(entry, key, i) + "\n" for key, entry in found]
    return "".join(out)


# --- tags.yml ----------------------------------------------------------------------------------

def scale_tags(text: str, k: int) -> str:
    vocabulary = yaml.safe_load(text)
    extra = {tag_of(tag, i): f"{description} (copy {i})"
             for i in range(2, k + 1) for tag, description in vocabulary.items()}
    if not extra:
        return text
    return text.rstrip() + "\n" + yaml.safe_dump(extra, sort_keys=False, allow_unicode=True, width=10_000)


# --- talk pages --------------------------------------------------------------------------------

def rename_citations(body: str, keys: set[str], i: int) -> str:
    """[@key] and [@a; @b] with every known key renamed; footnote references left alone."""

    def block(match: re.Match) -> str:
        inner = match.group(1)
        if inner.lstrip().startswith("^"):
            return match.group(0)
        inner = KEY.sub(lambda m: "@" + key_of(m.group(1), i) if m.group(1) in keys else m.group(0), inner)
        return f"[{inner}]"

    return BLOCK.sub(block, body)


def talk_copy(meta: dict, body: str, keys: set[str], i: int, minor: int) -> str:
    meta = dict(meta)
    section = str(meta["number"]).split(".")[0]
    meta["number"] = f"{section}.{minor}"
    meta["title"] = title_of(str(meta["title"]), i)
    meta["speakers"] = [dict(s, name=speaker_of(str(s["name"]), i)) for s in meta["speakers"]]
    meta["tags"] = [tag_of(str(tag), i) for tag in meta["tags"]]
    if meta.get("links"):
        meta["links"] = {kind: key_of(str(key), i) for kind, key in meta["links"].items()}
    if meta.get("figures"):  # a figure's source names a work of the copy's own
        meta["figures"] = [dict(f, cite=key_of(str(f["cite"]), i)) if f.get("cite") else f for f in meta["figures"]]
    if meta.get("works"):
        meta["works"] = [key_of(str(key), i) for key in meta["works"]]
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{front}---\n\n{rename_citations(body, keys, i)}"


def scale_docs(docs: Path, keys: set[str], k: int) -> None:
    by_section: dict[Path, list[tuple[int, Path, dict, str]]] = {}
    for path in sorted(docs.glob("*/*.md")):
        src_uri = path.relative_to(docs).as_posix()
        if src_uri.startswith("assets/") or not talks.is_talk(src_uri):
            continue
        meta, body, _ = frontmatter.split(path.read_text(encoding="utf-8"), f"docs/{src_uri}")
        if not meta.get("number"):
            continue
        minor = int(str(meta["number"]).split(".")[1])
        by_section.setdefault(path.parent, []).append((minor, path, meta, body))
    slides = sorted((docs / SLIDES).glob("*.svg"))
    for folder, pages in by_section.items():
        width = max(minor for minor, *_ in pages)  # copy i numbers on after copy i-1's last talk
        for minor, path, meta, body in pages:
            own = re.compile(rf"^{re.escape(path.stem)}-(\d+)\.svg$")
            for i in range(2, k + 1):
                new = folder / f"{path.stem}-c{i}.md"
                new.write_text(talk_copy(meta, body, keys, i, minor + (i - 1) * width), encoding="utf-8")
                for slide in slides:
                    match = own.match(slide.name)
                    if match:
                        shutil.copy2(slide, slide.with_name(f"{path.stem}-c{i}-{match.group(1)}.svg"))


# --- the whole project -------------------------------------------------------------------------

def scale_in_place(project: Path, k: int) -> Path:
    """Rewrite a project copy (mkdocs.yml, references.bib, tags.yml, docs/) into k copies of the notes."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8")
    keys = {key for key, _ in entries(text)}
    scale_docs(project / "docs", keys, k)
    bib.write_text(scale_bib(text, k), encoding="utf-8")
    tags = project / "tags.yml"
    tags.write_text(scale_tags(tags.read_text(encoding="utf-8"), k), encoding="utf-8")
    return project


def scale(project: Path, k: int) -> Path:
    """A fresh copy of the project in `project` (builds.copy_project), scaled to k copies."""
    return scale_in_place(copy_project(project), k)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(scale(Path(sys.argv[1]), int(sys.argv[2])))
