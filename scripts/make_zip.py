"""Zip a built site into one archive whose top folder is the site's folder name."""

import sys
import zipfile
from pathlib import Path


def main(source: str, target: str) -> None:
    root = Path(source)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, Path(root.name) / path.relative_to(root))


if __name__ == "__main__":
    main(*sys.argv[1:3])
