"""Write talks.json and references.json (CSL-JSON) into the site, from the sources of truth."""

from mkdocs.structure.files import File

from notes import export


def on_files(files, config):
    page_urls = {f.src_uri: f.url for f in files.documentation_pages()}
    site_url = config.site_url or ""
    files.append(File.generated(config, "talks.json", content=export.talks_json(site_url, page_urls)))
    files.append(File.generated(config, "references.json", content=export.references_json()))
    return files
