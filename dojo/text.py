"""Show visitor- and learner-controlled text literally inside Markdown: no links, images or markup."""

from __future__ import annotations

import re
import string

_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})
# The page turns bare addresses into links even when every character is escaped; an invisible
# word joiner inside the scheme, after "www" and after "@" keeps them plain text.
_WORD_JOINER = "\u2060"
_LINK_STARTS = re.compile(r"(?i)(?<=\bh)(?=ttps?:)|(?<=\bf)(?=tp:)|(?<=\bm)(?=ailto:)|(?<=\bw)(?=ww\.)|(?<=@)")


def literal(value: object) -> str:
    """`value` as Markdown that renders as exactly its characters (every ASCII punctuation escaped).

    Escaping each punctuation character stops links, images, emphasis, headings, HTML, maths and
    Streamlit's `:colour[...]` directives; an invisible word joiner stops bare addresses from
    becoming links; line breaks stay line breaks, and
    characters a browser cannot encode (lone surrogates) are shown as escapes instead.
    """
    text = str(value).encode("utf-8", errors="backslashreplace").decode("utf-8")
    text = _LINK_STARTS.sub(_WORD_JOINER, text)
    return text.translate(_ESCAPES).replace("\n", "  \n")
