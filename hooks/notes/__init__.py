"""Shared build logic for the Summit Notes hooks.

Hooks are loaded by MkDocs as standalone modules; anything they share lives in
this package so that it is imported (and holds state) exactly once.
"""
