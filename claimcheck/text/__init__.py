"""The text model: what every part of claimcheck knows about a document's text before any backend reads it.

``layout`` finds lines and paragraphs in any layout, ``quotes`` the quoted
characters, ``boilerplate`` the lines and sentences that make no claim,
``names`` the one list of titles, and ``model`` puts them together once per
document (:func:`text_model`).
"""

from __future__ import annotations

from claimcheck.text.model import TextModel, text_model

__all__ = ["TextModel", "text_model"]
