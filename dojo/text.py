"""Show visitor- and learner-controlled text literally inside Markdown: no links, images or markup."""

from __future__ import annotations

import string

_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})


def literal(value: object) -> str:
    """`value` as Markdown that renders as exactly its characters (every ASCII punctuation escaped).

    Escaping each punctuation character stops links, images, autolinks, emphasis, headings,
    HTML, maths and Streamlit's `:colour[...]` directives; line breaks stay line breaks, and
    characters a browser cannot encode (lone surrogates) are shown as escapes instead.
    """
    text = str(value).encode("utf-8", errors="backslashreplace").decode("utf-8")
    return text.translate(_ESCAPES).replace("\n", "  \n")
