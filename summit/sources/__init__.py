"""What is read from the sources (pages, front matter, references.bib, tags.yml, the glossary,
the slides, the edition date), each checked, every problem one line naming the file."""
