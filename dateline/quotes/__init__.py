"""Quotes: who said what, with the cue that marks it and the speaker resolved to an actor.

`find_quotes(article, doc)` is the pipeline stage (after `resolve_actors`, whose mentions it reads). How a text is
read is in `find.py`; the quotation marks in `marks.py`; the parse of a cue in `cues.py` (of an attributing phrase,
"according to", in `phrases.py`; of a verb the tagger misread, in `misread.py`), of its content in `content.py`, of
its source in `sources.py`, on the spans and labels of `parse.py`; overlapping readings set apart in `apart.py`;
the words in `data/quotes.toml`.
"""

from dateline.quotes.find import find_quotes

__all__ = ["find_quotes"]
