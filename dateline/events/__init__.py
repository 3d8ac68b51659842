"""Events: PLOVER events with source, target, place, date, mode, context and the nearest CAMEO code.

`code_events(article, doc)` is the pipeline stage (after the actors, places and quotes stages, whose output it
reads). How a sentence is read is in `code.py`, step by step in the modules it names; who takes part in
`participants.py`; dates in `dates.py`; one act told twice in `merge.py`; the words in `data/events.toml`, read by
`vocabulary.py`.
"""

from dateline.events.code import code_events

__all__ = ["code_events"]
