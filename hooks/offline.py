"""The offline copy must not fetch Material's file:// worker shim from unpkg.com: serve ours.

Material's offline plugin adds "https://unpkg.com/iframe-worker/shim" to the polyfills unless
one mentioning iframe-worker is already there, so this runs just before it.
"""

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


@event_priority(10)
def on_config(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline and offline.config.enabled:
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [SHIM] + [p for p in polyfills if "iframe-worker" not in p]
    return config
