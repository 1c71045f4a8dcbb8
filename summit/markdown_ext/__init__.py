"""Python-Markdown extensions the build registers (documented extension points)."""
