"""The quotes stage: every direct, indirect and mixed quotation of an article, with its cue and speaker.

How one article is read, on the one spaCy parse the pipeline made (no second pass):

1. quoted passages from the quotation marks alone (`marks.py`), multi-paragraph quotations included;
2. every reporting word outside a passage is read on the parse (`cues.py`): cue span, content, source;
3. the parse's content meets the passages: content wholly inside quotation marks is a direct quote (and the
   whole passage is its content, every sentence of it); content with a quoted fragment is mixed, and the
   fragment belongs to it; content without marks is indirect;
4. a cue with no content in the parse takes the passage it touches: right before it ("“...,” Gatilov said") or
   right after it ("He said: “...”");
5. a split quote ("No," he said, "we will not") is two quotes, the second linked to the first by `continues`
   (the index of the first part), both with the same cue and speaker: a contract span is one [start, end), and
   joining the parts would put the attribution inside the quote. A quoted passage that follows an attributed
   quote with nothing but that quote's own attribution between them ("...," he said. "More.") continues it in
   the same way;
6. a colon attributes too: "Hollis: Marlow's tone is hurting the party" at a paragraph's start (a short
   name, then the rest of the paragraph), and a passage right after a colon that ends a clause without a cue
   ("He then listed the qualities:"), the source being that clause's subject; a transcript printed as one
   quotation ('"PENCE: Well, ...', a mark at each paragraph's start) is read turn by turn, each turn going on in
   the paragraphs after it; an interview printed as questions and answers gives each "A:" answer, up to the
   next question, to the person the introduction names most; and a dash and a name that sign a passage at its
   line's end ("“...” ― Krystal Correa") are its cue and speaker;
7. a reporting word inside another quote's content (Reardon criticized Lamport for saying that ...) is part of
   that content, not a quote of its own (PolNeAR and PARC annotate only the outermost attribution); quoted
   passages that no cue claims (scare quotes, titles) are not quotes;
8. content from the parse stays in its cue's paragraph and loses what the writer added at its end (", which ...",
   a closing apposition); the source stays in its sentence and holds no quotation; where the parse hangs one
   attribution inside another's source or content, the outer one stops at the inner (`apart.py`: a word belongs
   to one attribution);
9. the speaker's actor is the article's actor mention covering the speaker's head word (names, titles,
   descriptions and pronouns, all read by the actors stage); with no such mention, or no speaker at all
   (passives, "it is said"), it stays null.

Each record carries two fields beyond the contract's: `continues` (above) and `cue.group`, the vocabulary group
of the cue (speech, denial, request, accusation, stance, belief, intention, evidence), so that a reader can keep
statements and leave beliefs or intentions aside.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IDX, IS_LOWER, IS_PUNCT, IS_SPACE, POS, SENT_START
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from dateline.actors.coref import MentionIndex
from dateline.actors.knowledge import _key, knowledge_base
from dateline.article import Article
from dateline.nlp import entity_bounds, text_of, without_markup
from dateline.nlp.wire import after_dateline
from dateline.quotes.apart import set_apart
from dateline.quotes.content import with_infinitive_after, with_list_after_colon
from dateline.quotes.cues import (
    Reading,
    read,
    read_noun,
    speaker_after,
    speaker_before,
    speaker_of_participle,
    verb_group,
)
from dateline.quotes.marks import Passage, find_passages, transcript_marks
from dateline.quotes.misread import read_misread_verb
from dateline.quotes.parse import CLOSING, DASHES, OPENING, follows_quotation, has_to, is_verb
from dateline.quotes.phrases import (
    according_at,
    read_according,
    read_hearsay,
    read_in,
    read_like,
    read_self_described,
    read_to,
)
from dateline.quotes.sources import antecedent_of, source_span, subject_of
from dateline.quotes.vocabulary import Vocabulary, vocabulary


def _blanked(string: str, spans: list[tuple[int, int]]) -> str:
    """The string with the spans replaced by spaces (offsets kept)."""
    if not spans:
        return string
    chars = list(string)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@dataclass
class _Quote:
    reading: Reading
    cue: tuple[int, int]  # character span
    parts: list[tuple[int, int]]  # content, character spans in order
    kind: str
    passages: set[int] = field(default_factory=set)
    continues: _Quote | None = None  # the quote this one goes on from


class _Text:
    """Character and token bookkeeping for one parsed article."""

    def __init__(self, doc: Doc, string: str, passages: list[Passage]):
        self.doc = doc
        self.string = string
        self.passages = passages
        self.passage_starts = [p.start for p in passages]
        # The per-token lists in one read of the doc's arrays (token by token, this was a third of the stage).
        n = len(doc)
        array = doc.to_array([IDX, IS_PUNCT, IS_SPACE, IS_LOWER, POS, SENT_START]) if n else numpy.zeros((0, 6), "uint64")
        starts = array[:, 0].astype(numpy.int64)
        self.token_starts = starts.tolist()
        if passages:
            k = numpy.searchsorted(numpy.array(self.passage_starts), starts, side="right") - 1
            ends = numpy.array([p.end for p in passages])
            self.passage_of = numpy.where((k >= 0) & (starts < ends[numpy.maximum(k, 0)]), k, -1).tolist()
        else:
            self.passage_of = [-1] * n
        # A paragraph starts after a whitespace token holding a line break (a token's trailing whitespace_ is at
        # most one space).
        breaks = [k + 1 for k in numpy.flatnonzero(array[:, 2]).tolist() if k + 1 < n and "\n" in doc[k].text]
        self.paragraph_starts = [0, *breaks]
        paragraph_of = numpy.zeros(n, numpy.int64)
        paragraph_of[breaks] = 1
        self.paragraph_of = numpy.cumsum(paragraph_of).tolist()
        # doc.sents: a sentence starts at token 0 and at every later token whose SENT_START is 1.
        sentence = numpy.zeros(n, numpy.int64)
        sentence[1:] = array[1:, 5] == 1
        sentence = numpy.cumsum(sentence)
        self.sentence_of = sentence.tolist()
        sentences = int(sentence[-1]) + 1 if n else 0
        word = numpy.flatnonzero((array[:, 1] == 0) & (array[:, 2] == 0))
        with_words, first = numpy.unique(sentence[word], return_index=True)
        lower_first = numpy.zeros(sentences, bool)
        lower_first[with_words] = array[word[first], 3] != 0
        has_words = numpy.zeros(sentences, bool)
        has_words[with_words] = True
        verb = (array[:, 4] == VERB) | (array[:, 4] == AUX)
        has_verb = numpy.bincount(sentence[verb], minlength=sentences) > 0
        # sentences that only go on with the one before (the splitter cut them off)
        fragment = ~has_words | lower_first | ~has_verb
        if sentences:
            fragment[0] = False
        self.fragment = fragment.tolist()

    def is_fragment(self, sentence: int) -> bool:
        return sentence < len(self.fragment) and self.fragment[sentence]

    def paragraph_end(self, n: int) -> int:
        """The token index just after paragraph n."""
        return self.paragraph_starts[n + 1] if n + 1 < len(self.paragraph_starts) else len(self.doc)

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Token range -> character span."""
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last.text)

    def token_at(self, char: int) -> int:
        """The index of the token that starts at or contains a character."""
        return max(0, bisect_right(self.token_starts, char) - 1)


def find_quotes(article: Article, doc: Doc) -> None:
    """Fill the article's quotes from its parsed text."""
    string = text_of(doc, article.text)
    # Markup left in a scrape ('<tweet author="realDonaldTrump">') is not the article's prose: the parse read it as
    # space, and its quoted attribute values are no quotations.
    prose = without_markup(string)
    turn_marks = transcript_marks(prose)
    text = _Text(doc, string, find_passages(_blanked(prose, turn_marks)))
    vocab = vocabulary()
    readings: list[Reading] = []
    skip_to = 0
    for token in doc:
        if token.i < skip_to or text.passage_of[token.i] >= 0:
            continue
        if token.lower_ in vocab.according_first and (n := according_at(doc, token.i, vocab)):
            readings.append(read_according(doc, token.i, n))
            skip_to = token.i + n
            continue
        if is_verb(token) and not _link_label(token) and (reading := read(token, vocab)) is not None:
            if not reading.content:
                # (a headline's verb the parse gave no object: "Okafor Backs Brandt", with "Brandt" as punctuation)
                reading = read_misread_verb(token, vocab) or reading
            readings.append(reading)
        elif token.pos_ == "NOUN" and (reading := _noun_or_misread_verb(token, vocab)) is not None:
            readings.append(reading)
        elif token.pos_ in ("PROPN", "VERB", "AUX") and (reading := read_misread_verb(token, vocab)) is not None:
            readings.append(reading)
        elif token.lower_ == "in" and (reading := read_in(token, vocab)) is not None:
            readings.append(reading)
        elif token.lower_ == "to" and (reading := read_to(token, vocab)) is not None:
            readings.append(reading)
        elif token.lower_ == "like" and (reading := read_like(token, vocab)) is not None:
            readings.append(reading)
        elif token.lower_ in vocab.self_described and (reading := read_self_described(token, vocab)) is not None:
            readings.append(reading)
        elif token.lower_ in vocab.hearsay and (reading := read_hearsay(token, vocab)) is not None:
            readings.append(reading)

    for reading in readings:
        if reading.content and reading.content[-1][0] > reading.head:
            reading.content[-1] = with_list_after_colon(doc, with_infinitive_after(doc, reading.content[-1], vocab))
    readings = _without_catenated(doc, readings)
    for reading in readings:
        _clip_content(text, reading)
        _without_day_of_saying(doc, reading)
        _cue_before_content(reading)
        _clip_source(text, reading)
        if reading.content and _credited_at_colon(doc, reading.cue[1], reading.content[0][0]):
            reading.content = []
    readings = set_apart(doc, readings, vocab)
    readings += _colon_readings(text, readings, {start for start, _ in turn_marks}, article)
    quotes = [_with_passages(text, r) for r in readings]
    quotes = _outermost(doc, [q for q in quotes if q.parts])
    used = set().union(*(q.passages for q in quotes)) if quotes else set()
    quoted = {id(q.reading) for q in quotes}
    # Cues with no content in the parse take the passage they touch.
    for reading in readings:
        if id(reading) in quoted or reading.content:
            continue
        k = _touching_passage(text, reading, used)
        if k is not None:
            quote = _Quote(reading, text.chars(*reading.cue), [(text.passages[k].start, text.passages[k].end)],
                           "direct", {k})
            if not _inside_other(quote, quotes):
                quotes.append(quote)
                used.add(k)
    quotes.sort(key=lambda q: q.parts[0])
    quotes = _split_parts(text, quotes, used)
    quotes = _continuations(text, quotes, used)
    quotes = _signed(text, quotes, used)
    quotes = _introduced_by_colon(text, quotes, used)
    article.quotes = _to_dicts(article, text, quotes)
    _with_speakers(article)


def _with_speakers(article: Article) -> None:
    """Adds to the article's actors each speaker's actor the actors stage did not list: a state's government, which
    speaks for the state it read ("according to Russia"), so that every speaker's actor is one of the actors."""
    listed = {actor["id"] for actor in article.actors}
    kb = knowledge_base()
    for quote in article.quotes:
        actor = quote["speaker"] and quote["speaker"]["actor"]
        if actor and actor not in listed:
            article.actors.append({**kb.actors[actor].to_dict(), "mentions": 0})
            listed.add(actor)


def _noun_or_misread_verb(noun: Token, vocab: Vocabulary) -> Reading | None:
    """A reporting noun's reading, or the verb's the tagger misread as that noun where the noun has no holder and
    the verb a subject ("The Republican candidate plans to be back Saturday", "Trump calls for more surveillance",
    with "plans" and "calls" read as plurals)."""
    reading = read_noun(noun, vocab)
    if reading is not None and reading.source is not None:
        return reading
    misread = read_misread_verb(noun, vocab)
    return misread if misread is not None and misread.source is not None else reading or misread


def _link_label(verb: Token) -> bool:
    """ "READ: Minister rails against the judiciary", "WATCH:": a verb in capitals and a colon that open a sentence
    label a link to another story, and report nothing (the passage before it was read as what "READ" quotes)."""
    doc = verb.doc
    return verb.is_upper and len(verb.text) > 1 and verb.is_sent_start and doc[verb.i + 1:verb.i + 2].text == ":"


def _without_catenated(doc: Doc, readings: list[Reading]) -> list[Reading]:
    """Readings less those whose content is an infinitive that reads itself with their cue joined to its own ("was
    ready to endorse Okafor", "hesitated to repeat his criticism of Marlow"): the word that takes it ("was ready")
    would otherwise report the same words a second time, as PolNeAR marks them once."""
    def to_in(start: int, end: int) -> bool:
        return any(doc[k].lower_ == "to" and doc[k].dep_ == "aux" for k in range(start, end))

    def joined(word: Reading, infinitive: Reading) -> bool:
        return infinitive.cue[0] <= word.cue[0] and word.cue[1] <= infinitive.cue[1] \
            and to_in(word.cue[1], infinitive.cue[1]) \
            and any(start <= infinitive.head < end for start, end in word.content)

    infinitives = [r for r in readings if r.content and to_in(*r.cue)]
    return [r for r in readings if not any(joined(r, other) for other in infinitives if other is not r)]


def _paragraph_breaks(text: _Text, start: int, end: int) -> list[int]:
    """Token indices in (start, end) that begin a new paragraph."""
    starts = text.paragraph_starts
    return starts[bisect_right(starts, start):bisect_left(starts, end)]


def _clip_content(text: _Text, reading: Reading) -> None:
    """Content from the parse stays in the paragraph nearest its cue: a misparse (or a sentence splitter that
    does not split at '' marks) can hang the previous paragraph on a cue. Quoted passages that run over several
    paragraphs are joined back when the content meets the quotation marks."""
    doc = text.doc
    clipped = []
    for start, end in reading.content:
        if text.paragraph_of[start] != text.paragraph_of[reading.head] and \
                text.paragraph_of[end - 1] != text.paragraph_of[reading.head]:
            continue  # a clause of another paragraph, hung on the cue across the break
        breaks = _paragraph_breaks(text, start, end)
        if breaks:
            bounds = [start, *breaks, end]
            pieces = [(a, b) for a, b in zip(bounds, bounds[1:])]
            if end <= reading.head:
                start, end = pieces[-1]
            else:
                start, end = pieces[0]
            while start < end and doc[start].is_space:
                start += 1
            while end > start and doc[end - 1].is_space:
                end -= 1
        if end > start:
            clipped.append((start, end))
    reading.content = clipped


def _without_day_of_saying(doc: Doc, reading: Reading) -> None:
    """ "Moscow said on Saturday it would not ...": the day right after the cue is when it was said, not part of what
    was, though the parse hangs it on the clause after it when no "that" comes between (PolNeAR's annotators leave it
    out of the content)."""
    if not reading.content or reading.content[0][0] != reading.cue[1] or doc[reading.cue[1]].lower_ != "on":
        return
    start, end = reading.content[0]
    day = start + 1
    while day < end and doc[day].ent_type_ == "DATE":
        day += 1
    if start + 1 < day < end and doc[day].dep_ in ("nsubj", "nsubjpass", "expl"):
        reading.content[0] = (day, end)


def _cue_before_content(reading: Reading) -> None:
    """A cue that runs on into its own content ends where the content starts: "will focus on his economic
    message", where a channel word ("message") took the object into the cue, is the cue "will focus on" of the
    content "his economic message" (a word is either the cue or what was said, never both)."""
    start, end = reading.cue
    for part_start, _ in reading.content:
        if start < part_start < end:
            end = part_start
    reading.cue = (start, end)


def _clip_source(text: _Text, reading: Reading) -> None:
    """The source without quotation or content in it (a misparse can hang a quote on the speaker's name), and
    within one paragraph."""
    if reading.source is None:
        return
    doc = text.doc
    start, end = reading.source
    head = reading.source_head if start <= reading.source_head < end else None
    if head is not None and text.passage_of[head] >= 0 and _authored_work(text, text.passage_of[head], start, end) \
            and text.paragraph_of[head] == text.paragraph_of[reading.head]:
        # the work and its author as the parse gave them, with the title's opening mark wherever it hangs
        reading.source = (min(start, text.token_at(text.passages[text.passage_of[head]].start)), end)
        return
    if head is None or text.passage_of[head] >= 0 or text.paragraph_of[head] != text.paragraph_of[reading.head]:
        if head is not None:
            reading.source = None
            # "''A fine answer, Madam Mayor,'' Councillor Ada Brandt told Ms. Reyes": the parse took a word of the
            # quotation for the subject; a headline without a full stop, another paragraph's words. The speaker
            # is the name before the cue, or after it ("..., said Ed Harlan"), in the cue's paragraph; for a
            # participle after a comma, the subject of its sentence ("Weaver seemed unmoved, telling reporters,
            # “...”").
            cue = text.doc[reading.head]
            if cue.tag_ in ("VBD", "VBZ", "VBP") and not reading.passive:
                reading.source, reading.source_head = speaker_before(cue, reading)
                if reading.source is None and (reading.inverted or follows_quotation(cue)):
                    reading.source, reading.source_head = speaker_after(cue, reading.cue[1])
                    # ('“...,” tweeted a user from Hanover': the speaker the parse took for the object is no content)
                    if reading.source is not None:
                        reading.content = [(a, b) for a, b in reading.content
                                           if b <= reading.source[0] or a >= reading.source[1]]
            elif not reading.passive:
                reading.source, reading.source_head = speaker_of_participle(cue)
            if reading.source is not None and (any(text.passage_of[k] >= 0 for k in range(*reading.source))
                                               or text.paragraph_of[reading.source_head] != text.paragraph_of[cue.i]):
                reading.source = reading.source_head = None
        return
    blocked = set()
    for a, b in reading.content:
        blocked.update(range(a, b))
    blocked.update(range(*reading.cue))
    # A space token stops the source only when it breaks the paragraph: a non-breaking space inside a name
    # ("Gov.\xa0Jane Dunmore") is a token of its own.
    i = head
    while i - 1 >= start and i - 1 not in blocked \
            and (text.passage_of[i - 1] < 0 or _titles_speaker(text, text.passage_of[i - 1], head)) \
            and "\n" not in doc[i - 1].whitespace_ and not (doc[i - 1].is_space and "\n" in doc[i - 1].text):
        i -= 1
    if i < head and (k := text.passage_of[i]) >= 0:
        i = text.token_at(text.passages[k].start)  # (with its opening mark, wherever the parse hung it)
    j = head + 1
    while j < end and j not in blocked and (text.passage_of[j] < 0 or _names_work(text, text.passage_of[j])) \
            and "\n" not in doc[j - 1].whitespace_ and not (doc[j].is_space and "\n" in doc[j].text):
        j += 1
    if (i, j) != (start, end):
        while j > i + 1 and doc[j - 1].is_punct and doc[j - 1].text not in (",", ")"):
            j -= 1
        reading.source = (i, j)
    if j > i and (k := text.passage_of[j - 1]) >= 0:
        # a title the source ends in keeps its closing mark ("the author of “Tides and Tolls.”")
        reading.source = (i, max(j, text.token_at(text.passages[k].end - 1) + 1))


def _titles_speaker(text: _Text, k: int, head: int) -> bool:
    """A short quoted title before a word of the speaker's name that it describes ("“Daily Show” host Ada Brandt",
    "the “Harbor Nights” star")."""
    passage = text.passages[k]
    first, last = text.token_at(passage.start), text.token_at(passage.end - 1)
    words = [t for t in text.doc[first:last + 1] if not t.is_punct]
    return last < head and not text.doc[last + 1].is_punct and len(words) <= 4 \
        and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _names_work(text: _Text, k: int) -> bool:
    """A quoted title that describes a speaker ("Ada Brandt, the author of “Tides and Tolls,” said"): a short passage
    right after "of", "titled" or "called", or one that reads as a title."""
    passage = text.passages[k]
    first = text.token_at(passage.start)
    before = first - 1
    while before >= 0 and text.doc[before].is_space:
        before -= 1
    words = sum(1 for t in text.doc[first:text.token_at(passage.end - 1) + 1] if not t.is_punct)
    return words <= 12 and (before >= 0 and text.doc[before].lower_ in _TITLE_OPENERS or _is_title(text, passage))


_TITLE_OPENERS = {"of", "titled", "entitled", "called"}


def _authored_work(text: _Text, k: int, start: int, end: int) -> bool:
    """A quoted title with its author, after it by "by" or before it in the possessive, within tokens start..end
    ("According to ''The Long Road: A Life in Politics,'' by Ray Marlow, the mayor ...", "According to Ada Brandt's
    ''Tides and Tolls,'' ..."): a book or an article, which the source names, not a quotation the parse took a
    word of for the source."""
    first = text.token_at(text.passages[k].start)
    after = text.token_at(text.passages[k].end - 1) + 1
    while after < end and text.doc[after].is_punct:
        after += 1
    return after + 1 < end and text.doc[after].lower_ == "by" and text.doc[after + 1].pos_ == "PROPN" \
        or start < first - 1 and text.doc[first - 1].tag_ == "POS" and text.doc[first - 2].pos_ == "PROPN"


def _with_passages(text: _Text, reading: Reading) -> _Quote:
    """The reading's content as character spans, met with the quotation marks: direct, mixed or indirect.

    Content wholly inside quotation marks takes the whole passage (every sentence of a long quotation). Content
    with words outside the marks keeps the quoted fragments that lie inside it, and a passage opened in it after
    the cue that closes in its sentence; a passage that runs on beyond it otherwise (a misparse, or marks paired
    across sentences) is left out, and the content stops at its mark.
    """
    doc_text = text.string
    used: set[int] = set()
    merged = []
    mixed = False
    for start, end in (text.chars(a, b) for a, b in reading.content if b > a):
        touched = _passages_between(text, start, end)
        if touched and not _words_outside(doc_text, start, end, [text.passages[k] for k in touched]):
            used.update(touched)
            merged.append((min(start, text.passages[touched[0]].start), max(end, text.passages[touched[-1]].end)))
            continue
        for k in touched:
            passage = text.passages[k]
            if passage.start >= start and (_only_marks(doc_text, end, passage.end)
                                           or _closes_in_sentence(text, reading, start, end, passage)):
                used.add(k)
                mixed = True
                end = max(end, passage.end)
            elif passage.start >= start:
                end = _trimmed_end(doc_text, start, passage.start)
            elif _only_marks(doc_text, passage.start, start) or passage.end <= end:
                used.add(k)
                mixed = True
                start = passage.start
            else:
                start = _trimmed_start(doc_text, passage.end, end)
        if end > start:
            merged.append((start, end))
    if used and not mixed:
        # '“...,” as Blair noted in a tribute to him (9pm, 1 April)': after a quotation and its attribution, words
        # without a verb that the parse hung on the quoted clause are the attribution's, not more of the quote
        cue_end = text.chars(*reading.cue)[1]
        merged = [(start, end) for start, end in merged if start < cue_end or any(
            k in used for k in _passages_between(text, start, end)) or any(
            is_verb(t) for t in text.doc[text.token_at(start):text.token_at(end - 1) + 1])]
    kind = "mixed" if mixed else "direct" if used or reading.verbatim else "indirect"
    return _Quote(reading, text.chars(*reading.cue), merged, kind, used)


def _closes_in_sentence(text: _Text, reading: Reading, start: int, end: int, passage: Passage) -> bool:
    """Whether a quotation opened inside content after its cue closes in the content's sentence ('adding that
    Marlow showed the “conduct of a person who had consciousness of guilt: she hid records”': the parse ended the
    clause at the colon, but the quoted words are what was said)."""
    last = text.token_at(passage.end - 1)
    return start >= text.chars(*reading.cue)[1] \
        and text.sentence_of[last] == text.sentence_of[text.token_at(end - 1)] \
        and text.paragraph_of[last] == text.paragraph_of[text.token_at(end - 1)]


def _passages_between(text: _Text, start: int, end: int) -> list[int]:
    first = max(0, bisect_right(text.passage_starts, start) - 1)
    return [k for k in range(first, bisect_left(text.passage_starts, end)) if start < text.passages[k].end]


def _words_outside(doc_text: str, start: int, end: int, passages: list[Passage]) -> bool:
    """Whether text[start:end] has a letter or digit outside the passages (in text order)."""
    at = start
    for passage in passages:
        if not _only_marks(doc_text, at, min(passage.start, end)):
            return True
        at = max(at, passage.end)
    return not _only_marks(doc_text, at, end)


def _only_marks(doc_text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has no letters or digits (a closing mark, a period)."""
    return not any(c.isalnum() for c in doc_text[start:end])


def _trimmed_end(doc_text: str, start: int, end: int) -> int:
    while end > start and (doc_text[end - 1].isspace() or doc_text[end - 1] in ",;:—–-"):
        end -= 1
    return end


def _trimmed_start(doc_text: str, start: int, end: int) -> int:
    while start < end and (doc_text[start].isspace() or doc_text[start] in ",;:.—–-"):
        start += 1
    return start


def _outermost(doc: Doc, quotes: list[_Quote]) -> list[_Quote]:
    """Quotes whose cue is not inside another quote's content, one per passage, one per content.

    When two readings hold each other's cue (a misparse: "said" and the "replied" of its own content each read
    as the other's host), the reading from a complement wins over the one from a host clause, then the earlier.
    """
    rank = {id(q): (q.reading.hosted, q.cue[0]) for q in quotes}
    holders = _holders(quotes)

    def holds(outer: _Quote, inner: _Quote) -> bool:
        return any(h is outer for h in holders[id(inner)])

    # 'Brandt said “...,” she said': a writer's slip gives a quotation two cues; the one before it keeps it, and
    # the one after, whose content would be the first cue with the quotation, is dropped
    doubled = {id(outer) for inner in quotes for outer in holders[id(inner)]
               if outer.reading.inverted and inner.kind == "direct" and inner.parts[-1][1] == outer.parts[-1][1]
               and doc[inner.reading.head].head.i == outer.reading.head}
    quotes = [q for q in quotes if id(q) not in doubled]

    def beaten(inner: _Quote, holder: _Quote) -> bool:
        """Whether a quote holding the inner one's cue beats it: unless each holds the other's, and the inner ranks
        first."""
        return not (holds(inner, holder) and rank[id(inner)] < rank[id(holder)])

    # Only a quote that stands drops the ones in its content: in "Any reading of the deal, said Ray Marlow, would
    # see it as an admission that the city is bowing out, seeing a merger as ...", the "admission" inside what
    # Marlow said is dropped, and so no longer hides the "seeing" its long content ran over
    nested: dict[int, bool] = {}

    def is_nested(quote: _Quote) -> bool:
        if id(quote) not in nested:
            nested[id(quote)] = False  # a loop of holders leaves each standing
            nested[id(quote)] = not _said_in_passing(doc, quote.reading) \
                and any(id(other) not in doubled and beaten(quote, other) and not is_nested(other)
                        for other in holders[id(quote)])
        return nested[id(quote)]

    kept: list[_Quote] = []
    kept_parts: set[frozenset[tuple[int, int]]] = set()
    kept_passages: set[int] = set()
    for quote in sorted(quotes, key=lambda q: rank[id(q)]):
        if is_nested(quote) or frozenset(quote.parts) in kept_parts or quote.passages & kept_passages:
            continue
        kept.append(quote)
        kept_parts.add(frozenset(quote.parts))
        kept_passages |= quote.passages
    return sorted(kept, key=lambda q: q.parts[0])


def _holders(quotes: list[_Quote]) -> dict[int, list[_Quote]]:
    """For each quote, by id, the other quotes whose parts hold its cue: each part looks only at the cues that
    start inside it, so a long text costs what its quotes hold, not every pair of quotes."""
    by_cue = sorted(quotes, key=lambda q: q.cue)
    cue_starts = [q.cue[0] for q in by_cue]
    holders: dict[int, list[_Quote]] = {id(q): [] for q in quotes}
    for outer in quotes:
        for start, end in outer.parts:
            for inner in by_cue[bisect_left(cue_starts, start):bisect_right(cue_starts, end)]:
                if inner is not outer and inner.cue[1] <= end:
                    holders[id(inner)].append(outer)
    return holders


def _said_in_passing(doc: Doc, reading: Reading) -> bool:
    """Whether a statement stands as its own quote inside another's content: one the writer tells in a clause of
    time or cause after the verb it qualifies, with a speaker named ("The city admitted it erred when a local
    doctor reported high lead levels", "Marlow pressed on after the Valbrook Courier reported the deal"). PolNeAR
    marks it beside the outer quote, as it does not a thing believed or wanted there, a pronoun's ("when he said"),
    a clause that sets the scene before its verb ("After Marlow asked about it, the council balked, a clerk said"),
    or one that reads as part of what is reported ("called for every candidate to lay out a plan")."""
    verb = doc[reading.head]
    return reading.group == "speech" and not reading.hosted and verb.dep_ == "advcl" and verb.i > verb.head.i \
        and not has_to(verb) and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in verb.children)


def _inside_other(quote: _Quote, others: list[_Quote]) -> bool:
    return any(other is not quote and start <= quote.cue[0] and quote.cue[1] <= end
               for other in others for start, end in other.parts)


# ---------------------------------------------------------------------------------------------------- passages


def _clause(text: _Text, reading: Reading) -> tuple[int, int]:
    """The token range of the attribution itself: cue and source (and what hangs on the cue between them)."""
    start, end = reading.cue
    if reading.source:
        start, end = min(start, reading.source[0]), max(end, reading.source[1])
    return start, end


def _touching_passage(text: _Text, reading: Reading, used: set[int]) -> int | None:
    """The unused passage right before the cue's clause ("“...,” he said") or right after it ("said: “...”")."""
    doc = text.doc
    start, end = _clause(text, reading)
    # Before: only punctuation between the passage's end and the clause.
    i = start - 1
    while i >= 0 and doc[i].is_punct and text.passage_of[i] < 0:
        i -= 1
    before = text.passage_of[i] if i >= 0 else -1
    # After: punctuation, or words that hang on the cue ("told reporters:", "said in a statement,"), or an aside
    # set off by commas ("joked, again using a thick accent, “...”"); past the sentence's end only for the verb of
    # its own sentence ("Brandt agreed. “...”"), not for a cue in a clause of another's attribution ('“...,” Marlow
    # wrote in the email, which was first reported by the Herald. “...”': the quotation goes on from Marlow's).
    j = end
    head = doc[reading.head]
    aside = {k for c in head.rights if 0 < c.left_edge.i and doc[c.left_edge.i - 1].text == ","
             and c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text == ","
             for k in range(c.left_edge.i, c.right_edge.i + 1)}
    while j < len(doc) and text.passage_of[j] < 0 and j - end < 8 + len(aside) \
            and (doc[j].text != "." or head.dep_ == "ROOT") and (
            doc[j].is_space or doc[j].is_punct or j in aside or _hangs_on(doc[j], head) and not is_verb(doc[j])
            and not doc[j].is_sent_start):
        j += 1
    after = text.passage_of[j] if j < len(doc) else -1
    # ("tweeted:", "went on to say:": the cue may end with the colon)
    colon = any(doc[k].text == ":" for k in range(reading.cue[1] - 1, min(j, len(doc))))
    options = []
    if after >= 0 and after not in used and (colon or j == end or doc[j - 1].is_punct) \
            and not _credited_at_colon(doc, end, j):
        options.append(after)
    if before >= 0 and before not in used and text.passages[before].end <= doc[start].idx:
        options.insert(0 if not colon else len(options), before)
    return options[0] if options else None


def _is_title(text: _Text, passage: Passage) -> bool:
    """A short quoted name right after a word ("told the hosts of ''Morning Joe''", "told NBC's “Today” show"): a
    title in the attribution, not more of the quote."""
    before = passage.start - 1
    while before >= 0 and text.string[before] == " ":
        before -= 1
    if before < 0 or not (text.string[before].isalnum() or text.string[before] in "’'"):
        return False
    first, last = text.token_at(passage.start), text.token_at(passage.end - 1)
    words = [t for t in text.doc[first:last + 1] if not t.is_punct]
    return len(words) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _title_before(text: _Text, passage: Passage) -> bool:
    """Whether a passage before an attribution is a title in it ("Sunday on Valbrook Radio's “Morning Hour,” Ada
    Brandt said the levy's “costs” are hidden"), not the first part of a split quote, which may follow the
    conjunction that opens its sentence ("But “the real issue,” Brandt added, “is the cost.”")."""
    return _is_title(text, passage) and text.doc[text.token_at(passage.start) - 1].tag_ != "CC"


def _hangs_on(token: Token, head: Token) -> bool:
    while token.i != token.head.i:
        if token.head.i == head.i:
            return True
        token = token.head
    return False


def _split_parts(text: _Text, quotes: list[_Quote], used: set[int]) -> list[_Quote]:
    """The other part of a split quote ("No," he said, "we will not"): a passage on the other side of the
    attribution from the quote's content, touching it, in the same sentence."""
    doc = text.doc
    out = list(quotes)
    for quote in quotes:
        if quote.kind == "indirect":
            continue
        start, end = _clause(text, quote.reading)
        head = doc[quote.reading.head]
        if quote.parts[0][0] >= text.chars(start, end)[1]:
            # The content follows the attribution: look before it.
            i = start - 1
            while i >= 0 and text.passage_of[i] < 0 and doc[i].is_punct and doc[i].text != ".":
                i -= 1
            if i < 0 or text.passage_of[i] < 0 or text.passage_of[i] in used \
                    or _title_before(text, text.passages[text.passage_of[i]]):
                continue
            if text.sentence_of[i] != text.sentence_of[start] and not text.is_fragment(text.sentence_of[start]):
                continue
            k = text.passage_of[i]
        else:
            j = end
            while j < len(doc) and text.passage_of[j] < 0 and (doc[j].is_punct or _hangs_on(doc[j], head)
                                                               and not is_verb(doc[j])) and j - end < 12:
                j += 1
            if j >= len(doc) or text.passage_of[j] < 0 or text.passage_of[j] in used \
                    or _is_title(text, text.passages[text.passage_of[j]]):
                continue
            if text.sentence_of[j] not in (text.sentence_of[end - 1], text.sentence_of[end - 1] + 1):
                continue
            if text.sentence_of[j] != text.sentence_of[end - 1] and not doc[j - 1].text == ",":
                continue
            k = text.passage_of[j]
        passage = text.passages[k]
        out.append(_Quote(quote.reading, quote.cue, [(passage.start, passage.end)], "direct", {k}, continues=quote))
        used.add(k)
    out.sort(key=lambda q: q.parts[0])
    return out


def _continuations(text: _Text, quotes: list[_Quote], used: set[int]) -> list[_Quote]:
    """Unclaimed passages that follow a quote with nothing but its attribution between: more of the same quote."""
    doc = text.doc
    out = list(quotes)
    for k, passage in enumerate(text.passages):
        if k in used:
            continue
        # a quote whose cue describes someone ("Mikulski, who wants a commission, ...") continues nothing
        before = [q for q in out if q.parts[-1][1] <= passage.start
                  and doc[(q.continues or q).reading.head].dep_ not in ("relcl", "acl")]
        if not before or _is_title(text, passage):
            continue
        previous = max(before, key=lambda q: q.parts[-1][1])
        head = previous.continues or previous
        direct = [q for q in before if (q.continues or q).kind != "indirect"]
        if head.kind == "indirect" and direct:
            # "“...,” Okonjo said when asked about the rules. “...”": the quote goes on from the last
            # direct quote when a cue of its attribution came between, in its sentence or hung on its cue
            # (''Is this a priority?'' Okafor asked, referring to the levy. ''It is not.'': the splitter may end
            # the sentence inside the quotation)
            candidate = max(direct, key=lambda q: q.parts[-1][1])
            candidate_cue = doc[(candidate.continues or candidate).reading.head]
            candidate_sentence = text.sentence_of[candidate_cue.i]
            if text.sentence_of[text.token_at(candidate.parts[-1][0])] == candidate_sentence \
                    and text.sentence_of[head.reading.head] == candidate_sentence \
                    or candidate_cue in doc[head.reading.head].ancestors:
                previous = candidate
                head = previous.continues or previous
        gap_start = max(previous.parts[-1][1], text.chars(*head.reading.cue)[1],
                        text.chars(*head.reading.source)[1] if head.reading.source else 0)
        if gap_start > passage.start:
            continue
        cue_sentence = text.sentence_of[head.reading.head]
        first = text.token_at(gap_start)
        last = text.token_at(passage.start)
        allowed = {cue_sentence}
        while text.is_fragment(max(allowed) + 1):
            allowed.add(max(allowed) + 1)
        cue_head = doc[head.reading.head]
        # A sentence that opens with the quote and closes with its attribution may say more about the speaker
        # ("said Petra Lund, the books editor, who has not seen the draft"): all of it is attribution.
        opens = head.kind != "indirect" and text.sentence_of[text.token_at(head.parts[0][0])] == cue_sentence \
            and text.paragraph_of[text.token_at(passage.start)] == text.paragraph_of[head.reading.head] \
            and not any(previous.parts[-1][1] <= p.start < passage.start for p in text.passages)
        if any(not doc[t].is_punct and not doc[t].is_space and doc[t].idx >= gap_start
               and (text.sentence_of[t] not in allowed
                    or text.sentence_of[t] == cue_sentence and not opens and not _hangs_on(doc[t], cue_head))
               for t in range(first, last)):
            continue  # words between them that are not the first quote's attribution
        breaks = text.string.count("\n", gap_start, passage.start)
        if breaks > 2 or breaks and _attributed_in_paragraph(text, passage):
            continue
        out.append(_Quote(head.reading, head.cue, [(passage.start, passage.end)], "direct", {k}, continues=head))
        used.add(k)
    out.sort(key=lambda q: q.parts[0])
    return out


# A dash and a name of two to five capitalized words to the end of the line ("” ― Oscar P. Quintero.").
_SIGNATURE = re.compile(r"[^\S\n]*(―|—|–|--)[^\S\n]*"
                        r"([A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){1,4}?)\.?[^\S\n]*(?:\n|$)")
_INITIAL = re.compile(r"[A-Z]\.")  # ("A." in "Julie A. Diaz Martinez", which the tagger may read as a noun)


def _signed(text: _Text, quotes: list[_Quote], used: set[int]) -> list[_Quote]:
    """Unclaimed passages signed with a dash and a name that end their paragraph, as in a column of readers' or
    voters' voices ("“He scares me.” ― Krystal Correa"): the dash is the cue, the name the speaker."""
    doc = text.doc
    out = list(quotes)
    for k, passage in enumerate(text.passages):
        if k in used:
            continue
        # (the tokenizer may glue the dash to the closing mark: "”―")
        signature = _SIGNATURE.match(text.string, passage.end)
        if not signature:
            continue
        dash = text.token_at(signature.start(1))
        end = signature.end(2)
        if len(last := signature[2].split()[-1]) > 2 and last.endswith("."):
            end -= 1  # the line's full stop, not an initial's ("Oscar P.")
        name = doc[text.token_at(signature.start(2)):text.token_at(end - 1) + 1]
        if not all(t.pos_ == "PROPN" or _INITIAL.fullmatch(t.text) for t in name):  # ("Julie A. Diaz", "A." a noun)
            continue
        reading = Reading(cue=(dash, dash + 1), head=dash, group="speech", source=(name.start, name.end),
                          source_head=name.end - 1)
        out.append(_Quote(reading, signature.span(1), [(passage.start, passage.end)], "direct", {k}))
        used.add(k)
    out.sort(key=lambda q: q.parts[0])
    return out


def _attributed_in_paragraph(text: _Text, passage: Passage) -> bool:
    """Whether the paragraph of a passage holds words out of quotation marks: a quotation that opens a paragraph
    goes on from the one before only standing alone ('Okafor praised the port. / “Only trucks,” was the verdict of
    Ray Marlow.', '... / “Call the roll,” came shouts from the crowd.': the words around it say whose it is, even
    where no cue of ours reads them)."""
    doc = text.doc
    first = text.paragraph_of[text.token_at(passage.start)]
    last = text.paragraph_of[text.token_at(passage.end - 1)]
    start = text.paragraph_starts[first]
    end = text.paragraph_end(last)
    return any(text.passage_of[k] < 0 and not doc[k].is_punct and not doc[k].is_space for k in range(start, end))


# ---------------------------------------------------------------------------------------------------- output


def _colon_readings(text: _Text, readings: list[Reading], turn_marks: set[int], article: Article) -> list[Reading]:
    """ "Hollis: Marlow's tone is hurting the party": a short name, a colon, and the rest of the paragraph
    (headlines, transcripts). The colon is the cue. A transcript's turn goes on in the paragraphs after it that
    open with a mark of `turn_marks` (the characters where a transcript printed as a quotation repeats its mark).
    In an interview printed as questions and answers, each "A:" paragraph is the words of the person interviewed."""
    doc = text.doc
    out = []
    taken = {k for r in readings for k in range(*r.cue)}
    vocab = vocabulary()
    labels = []  # (paragraph, start, colon, end) of each paragraph that opens with a few words and a colon
    goes_on = {}  # paragraph -> its first word, for the paragraphs that go on with a transcript's turn
    paragraph_starts = text.paragraph_starts
    for n, start in enumerate(paragraph_starts):
        end = text.paragraph_end(n)
        while start < end and (doc[start].is_space or doc[start].idx in turn_marks):
            start += 1
        colon = next((k for k in range(start, min(end, start + 7)) if doc[k].text == ":"), None)
        if colon is not None and colon != start and colon not in taken and text.passage_of[start] < 0:
            labels.append((n, start, colon, end))
        elif paragraph_starts[n] < start < end and doc[start - 1].idx in turn_marks and doc[start].text != "(":
            goes_on[n] = start  # not a stage direction ("(CROSSTALK.)")
    # "TAPPER: Do you think ...?" / "FALLIN: I think ...": in a transcript, where several turns open with names in
    # capitals, a single word in capitals names a speaker (elsewhere it is a label: "BOOM:", "UPDATE:")
    capitals = {doc[start:colon].text for _, start, colon, _ in labels if doc[start:colon].text.isupper()}
    transcript = len(capitals) >= 2
    answers = [(n, start, colon) for n, start, colon, _ in labels if doc[start:colon].text == "A"]
    interviewee = _interviewee(article, doc[answers[0][1]].idx) if len(answers) >= 2 else None
    if interviewee is not None:
        labelled = {n for n, *_ in labels}
        for n, start, colon in answers:
            out.append(Reading(cue=(colon, colon + 1), head=colon, group="speech", source=(start, colon),
                               source_head=text.token_at(interviewee), verbatim=True,
                               content=_answer(text, n, colon + 1, labelled)))
        labels = [label for label in labels if doc[label[1]:label[2]].text != "A"]
    for n, start, colon, end in labels:
        speaker = _label_speaker(doc[start:colon], vocab)
        # (a name in capitals a transcript gives its turns is often misparsed: "FALLIN" as a number)
        turn = transcript and speaker.text.isupper()
        if not turn and (any(is_verb(t) or t.pos_ in ("ADP", "SCONJ", "NUM", "PRON") and t.lower_ not in ("of",)
                             for t in speaker) or not any(t.pos_ in ("PROPN", "NOUN") for t in speaker)) \
                or speaker.text.lower().strip() in vocab.not_speakers or any(t.like_num for t in speaker) \
                or speaker[-1].lower_ in vocab.not_speakers \
                or len(speaker) == 1 and speaker[0].is_upper and len(speaker[0].text) > 4 and not transcript \
                or all(t.is_upper for t in speaker if t.is_alpha) and speaker.root.ent_type_ in ("GPE", "LOC") \
                or after_dateline(doc, start, min(colon + 2, len(doc))) > colon:
            # a label ("Delegate update:", "Monday's Morning Email:", "BOOM:") or a dateline ("LOS ANGELES:",
            # "Kabul, Afghanistan:")
            continue
        if _is_name_list(doc[colon + 1:end]):
            continue  # "Delmar: Ann Foss, Raj Mehta, Lou Perrin, ...": a list under a heading
        if not transcript and _topic_heading(text, speaker, end, readings):
            continue
        content_start = _first_word(doc, colon + 1, end)
        content_end = _paragraph_end(text, content_start, end, turn)
        if content_end - content_start < 3:
            continue
        if not transcript and _section_heading(text, speaker, content_end):
            continue
        content = [(content_start, content_end)]
        while turn and (n := n + 1) in goes_on:
            content.append((goes_on[n], _paragraph_end(text, goes_on[n], text.paragraph_end(n), True)))
        head = max(speaker, key=lambda t: (t.pos_ == "PROPN", t.i))
        out.append(Reading(cue=(colon, colon + 1), head=colon, group="speech", content=content,
                           source=(start, speaker.end), source_head=speaker.root.i if speaker.root else head.i))
    return out


def _interviewee(article: Article, before: int) -> int | None:
    """Where the person an interview is with is first named: the person the text before its first answer names
    most, the earliest on a tie ("Vice President Joe Biden spent Thursday morning in St. Paul, ... where he spoke
    with POLITICO senior writer Michael Grunwald ..."), as the offset of the last character of its first name, whose
    word's actor the answers' speaker takes; None when it names no one. Names only: a pronoun may have been read as
    the role an actor plays ("Diane Guerrero ... her roles as Maritza Ramos ..., she")."""
    people = {actor["id"] for actor in article.actors if actor["kind"] == "person"}
    named = Counter(m["actor"] for m in article.mentions
                    if m["end"] <= before and m["kind"] == "name" and m["actor"] in people)
    if not named:
        return None
    person = max(named, key=named.__getitem__)  # (the first counted, so the earliest named, on a tie)
    return next(m["end"] - 1 for m in article.mentions if m["actor"] == person)


def _answer(text: _Text, n: int, start: int, labelled: set[int]) -> list[tuple[int, int]]:
    """The answer that follows "A:" in paragraph n: up to the next paragraph that opens with a label ("Q:", "A:")
    or with a "Q" that a scrape glued to the question ("QWhat would have happened?"), each paragraph to its end."""
    doc, starts = text.doc, text.paragraph_starts
    spans = []
    while True:
        end = text.paragraph_end(n)
        start = _first_word(doc, start, end)
        if (content_end := _paragraph_end(text, start, end, False)) > start:
            spans.append((start, content_end))
        n += 1
        if n >= len(starts) or n in labelled:
            return spans
        start = starts[n]
        first = _first_word(doc, start, len(doc))
        word = doc[first].text if first < len(doc) else ""
        if len(word) > 2 and word[0] == "Q" and word[1].isupper() and word[2].islower():
            return spans


def _first_word(doc: Doc, start: int, end: int) -> int:
    """The first token in [start, end) that is not a space, or end."""
    while start < end and doc[start].is_space:
        start += 1
    return start


def _paragraph_end(text: _Text, start: int, end: int, sentences: bool) -> int:
    """Where a colon's content ends in its paragraph: before the closing punctuation of a headline or a line of
    words, after that of a transcript's turn, whole sentences spoken (a mark left over from a transcript printed as
    one quotation, outside any passage, is no part of it)."""
    doc = text.doc

    def trimmed(token: Token) -> bool:
        if token.is_space:
            return True
        if not token.is_punct:
            return False
        closing = token.text in _CLOSING_MARKS
        if sentences:
            return closing and text.passage_of[token.i] < 0
        return not closing

    while end > start and trimmed(doc[end - 1]):
        end -= 1
    return end


def _label_speaker(label: Span, vocabulary: Vocabulary) -> Span:
    """The speaker a label names: the name before a preposition of whom or what it speaks to or about ("Okafor
    to farmers:", "Valbrook mayor on Marlow:"), else the whole label."""
    for token in label[1:]:
        if token.tag_ in ("IN", "TO"):
            named = any(t.ent_type_ in ("PERSON", "ORG") for t in label.doc[label.start:token.i])
            return label.doc[label.start:token.i] if named and token.lower_ in vocabulary.label_addressees else label
    return label


def _topic_heading(text: _Text, label: Span, end: int, readings: list[Reading]) -> bool:
    """Whether a label before a colon heads a topic of the article ("Superdelegates: Okafor is backed by 520 of
    them, according to the Herald", "Campaign funding: The Marlow campaign wants ..."): no name, past the headline,
    and what follows credits a source of its own. (A headline's label speaks, whatever its words report: "Marlow:
    I support the levy", "Report: Okafor met donors; campaign says ...".)"""
    starts = text.paragraph_starts
    colon = label.end
    return len(starts) > 1 and label.start >= starts[1] and not any(t.pos_ == "PROPN" for t in label) \
        and any(r.source is not None and colon < r.cue[0] < end for r in readings)


def _section_heading(text: _Text, label: Span, end: int) -> bool:
    """Whether a label before a colon heads a section of the article about its subject ("Marlow: Survive to the
    runoff.", "Okafor: A late surge." over what each candidate needs): past the headline, what follows has no
    subject and no quotation, a heading's fragment and not a thing said (as "Okafor: We will win" is)."""
    starts = text.paragraph_starts
    colon = label.end
    after = text.doc[colon + 1:end]
    return len(starts) > 1 and label.start >= starts[1] \
        and not any(t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") or text.passage_of[t.i] >= 0 for t in after)


def _is_name_list(span) -> bool:
    """Names separated by commas, and little else."""
    names = sum(1 for t in span if t.ent_type_ == "PERSON")
    commas = sum(1 for t in span if t.text == ",")
    return commas >= 3 and names >= len([t for t in span if not t.is_punct]) * 0.6


_CLOSING_MARKS = {"”", "\"", "''", "’", "»"}


def _introduced_by_colon(text: _Text, quotes: list[_Quote], used: set[int]) -> list[_Quote]:
    """An unclaimed passage right after a colon that closes a sentence ("He then listed the qualities:"): the
    colon is the cue, the subject of the clause it closes the source."""
    doc = text.doc
    out = list(quotes)
    for k, passage in enumerate(text.passages):
        if k in used:
            continue
        first = text.token_at(passage.start)
        i = first - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0 or doc[i].text != ":" or text.passage_of[i] >= 0:
            continue
        # the clause the colon closes: up from the word before it (the parse may hang the colon, and that clause,
        # on the quotation's verb: "was conclusive in its findings: “Further discussion is unnecessary.”")
        verb = doc[i - 1] if i > 0 else doc[i]
        while verb.dep_ not in ("ROOT", "ccomp", "conj") and verb.head.i != verb.i and not is_verb(verb) \
                and verb.head.i < i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        reading = Reading(cue=(i, i + 1), head=i, group="speech")
        if (named := _name_before_colon(doc, i)) is not None:
            reading.source, reading.source_head = named, named[1] - 1
        elif subjects and subjects[0].dep_ == "nsubj":
            reading.source = (subjects[0].left_edge.i, subjects[0].right_edge.i + 1)
            reading.source_head = subjects[0].i
            _clip_source(text, reading)
            _from_verb(reading, verb)
        elif not subjects and is_verb(verb):
            # "Marlow then leaned in and boomed:", "The Post confirmed it, reporting:": the subject of the verb
            # the clause joins
            subject, passive = subject_of(verb)
            if subject is not None and not passive:
                reading.source, reading.source_head = source_span(subject, verb), antecedent_of(subject)
                _clip_source(text, reading)
                _from_verb(reading, verb)
        cue = text.chars(*reading.cue)
        if any(start <= cue[0] < end for q in out for start, end in q.parts):
            continue
        out.append(_Quote(reading, cue, [(passage.start, passage.end)], "direct", {k}))
        used.add(k)
    out.sort(key=lambda q: q.parts[0])
    return out


def _from_verb(reading: Reading, verb: Token) -> None:
    """ "Cruz continued:", "Marlow gloated:", "the mayor released the following statement:": the cue of a colon
    that closes its speaker's clause runs from the clause's verb, as PolNeAR marks it (not past a dash or a
    quotation mark, which set off a label before the colon: "Turnout was low - More from the report:")."""
    doc = verb.doc
    colon = reading.cue[0]
    if is_verb(verb) and verb.i < colon \
            and not any(doc[k].text in DASHES or doc[k].text in OPENING or doc[k].text in CLOSING
                        for k in range(verb.i, colon)):
        reading.cue = (verb_group(verb)[0], reading.cue[1])


def _credited_at_colon(doc: Doc, start: int, end: int) -> bool:
    """Whether a name that a dash sets before a colon between the cue and what follows it credits what follows
    ("Pollsters agree - Ada Brandt: “...”"): the name speaks the passage, not the subject of the verb before it."""
    return any(doc[k].text == ":" and _name_before_colon(doc, k) is not None for k in range(start, end))


def _name_before_colon(doc: Doc, colon: int) -> tuple[int, int] | None:
    """A name that a dash or "from" sets before a colon, as digests credit what they quote ("Turnout was low in the
    north - Ada Brandt: “...”", "More from Okafor and Reyes: “...”"); it names the speaker whatever the sentence
    before it says."""
    start = colon
    while start > 0 and colon - start < 6 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].lower_ == "and"):
        start -= 1
    if start == colon or doc[start].lower_ == "and" or start == 0 \
            or not (doc[start - 1].text in DASHES or doc[start - 1].lower_ == "from"):
        return None
    return start, colon


def _issuer(text: _Text, word: Token, before: list[dict]) -> str | None:
    """Who issued "the statement" (the letter, the report: a channel of the vocabulary) a source names with nothing
    else: the speaker of the latest quote before it whose cue's sentence names it ("the US military said in a
    statement. '...,' the statement said")."""
    if word.lemma_.lower() not in vocabulary().channels \
            or [(c.dep_, c.lower_) for c in word.children if c.dep_ != "punct"] != [("det", "the")]:
        return None
    for record in reversed(before):
        if record["speaker"] and record["speaker"]["actor"] \
                and any(t.lower_ == word.lower_ for t in text.doc[text.token_at(record["cue"]["start"])].sent):
            return record["speaker"]["actor"]
    return None


def _speaking_through(mentions: MentionIndex, word: Token, span: tuple[int, int]) -> str | None:
    """Who speaks through a source that names no one: the owner of a statement, view, warning or report ("the army
    statement said", "Britain's view that ...", "the IRENA report said"), and a state, named so ("according to
    Russia"), speaks for its government, as a state that is the subject of a verb does ("Russia denies"); its
    people ("Many Russians say") do not. A capital that owns one is its government too ("In Moscow's view",
    "Tehran's statement"), though the actors stage reads it as the city where it only owns something."""
    kb = knowledge_base()
    if word.ent_iob_ in ("B", "I") and _name_key(word) in kb.state_names:
        actor = mentions.actor_at(word.idx, word.idx + len(word.text), span)
        if actor in kb.states:
            return kb.government(actor).id
    noun, owners = word, [c for c in word.children if c.dep_ in ("amod", "compound", "poss")]
    if word.dep_ == "poss":
        noun, owners = word.head, [word]
    lemma = noun.lemma_.lower()
    vocab = vocabulary()
    if noun.pos_ != "NOUN" or lemma not in vocab.nouns and lemma not in vocab.finders:
        return None
    if lemma in vocab.nouns and "agent" in vocab.nouns[lemma][1]:
        return None  # people, not a thing said: "Clinton supporters", "Mr. Marlow's critics" are not who they name
    for owner in owners:
        actor = mentions.actor_at(owner.idx, owner.idx + len(owner.text), span)
        if actor is not None:
            return kb.government(actor).id if actor in kb.states else actor
        if owner.dep_ == "poss" and owner.ent_type_ == "GPE" \
                and (capital := kb.capitals.get(_name_key(owner))):
            return kb.government(capital).id
    return None


def _name_key(token: Token) -> str:
    """The knowledge base's key of the name the token is part of."""
    return _key(token.doc[slice(*entity_bounds(token))].text)


_BULLETS = "-–—―•*"


def _to_dicts(article: Article, text: _Text, quotes: list[_Quote]) -> list[dict]:
    """The contract's records, in text order; every part after a quote's first points back to it."""
    mentions = MentionIndex(article.mentions)
    doc_text = text.string
    # (a part of marks alone says nothing: a stray mark at a paragraph's end, an empty pair '“ ” said Brandt')
    records = sorted(((part, quote) for quote in quotes for part in quote.parts if not _only_marks(doc_text, *part)),
                     key=lambda r: r[0])
    first_index: dict[int, int] = {}
    out = []
    for part, quote in records:
        head = quote.continues or quote
        reading = head.reading
        speaker = None
        if reading.source and reading.source[0] < reading.source[1]:  # (a misparse can leave no word of it)
            s_start, s_end = text.chars(*reading.source)
            # "-Nate Cohn explains why ...": the dash of a bulleted line, which the tokenizer leaves on the name
            while s_start < s_end - 1 and doc_text[s_start] in _BULLETS:
                s_start += 1
            # Only a mention that covers the speaker's head word counts: in "a friend of Mrs. Okafor" the speaker
            # is the friend, and with no mention of him the actor stays null rather than guessed ("a spokesman
            # for Mrs. Okafor" is hers: the actors stage reads him so).
            word = text.doc[reading.source_head]
            actor = mentions.actor_at(word.idx, word.idx + len(word.text), (s_start, s_end))
            # "Another critic, Ray Marlow, said": the name set beside the description is the speaker's; so is the
            # name a bare title is joined to ("Former prosecutor and New York City Mayor Rudy Giuliani said",
            # "Chinese State Councilor and Foreign Minister Wang Yi said").
            title = word.tag_ in ("NN", "NNP") and not any(c.dep_ in ("det", "poss") for c in word.children)
            for name in (c for c in word.children if actor is None and c.pos_ == "PROPN" and s_start <= c.idx < s_end
                         and (c.dep_ == "appos" or c.dep_ == "conj" and title)):
                actor = mentions.actor_at(name.idx, name.idx + len(name.text), (s_start, s_end))
            # "His former partner at Lenox, Lawrence Cummings, said": the parse set the name beside the last noun
            # of the description, a firm or a place, rather than beside the description (not a person: "a friend
            # of the mayor, Tom Ruiz," may name either)
            for name in (t for t in word.subtree if actor is None and t.dep_ == "appos" and t.ent_type_ == "PERSON"
                         and t.head.i > word.i and t.head.ent_type_ in ("ORG", "GPE", "FAC", "LOC")
                         and s_start <= t.idx < s_end
                         and t.right_edge.i + 1 < len(text.doc) and text.doc[t.right_edge.i + 1].idx >= s_end - 1):
                actor = mentions.actor_at(name.idx, name.idx + len(name.text), (s_start, s_end))
            actor = _speaking_through(mentions, word, (s_start, s_end)) or actor or _issuer(text, word, out)
            speaker = {"start": s_start, "end": s_end, "text": doc_text[s_start:s_end], "actor": actor}
        cue_start, cue_end = head.cue
        out.append({
            "start": part[0], "end": part[1], "text": doc_text[part[0]:part[1]], "kind": quote.kind,
            "cue": {"start": cue_start, "end": cue_end, "text": doc_text[cue_start:cue_end], "group": reading.group},
            "speaker": speaker, "continues": first_index.get(id(head)),
        })
        first_index.setdefault(id(head), len(out) - 1)
    return out
