"""What the quote readers take from the dependency parse: the labels of subjects and relative pronouns, verbs, and
token spans: a word's phrase without what the writer appended, edges trimmed of punctuation, a span with a part cut
out. Spans are token ranges [start, end)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.quotes.vocabulary import Vocabulary, vocabulary

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
EXPLETIVES = {"it", "there"}
RELATIVE = {"who", "which", "that", "whom"}
CLOSING = {"”", "’", "\"", "''", "»"}
OPENING = {"“", "‘", "\"", "''", "«", "``"}
# Floating quantifiers after the speakers ("Richards and Menendez both stressed", "have all attacked"): they say
# how many of them speak, and go with the verb, not the name.
FLOATING = {"both", "all", "each"}
# Object pronouns of people ("To them, it signals a new phase", "prompted him to say").
PEOPLE_PRONOUNS = {"him", "her", "them", "me", "us"}
# Dashes, typed or as two hyphens ("Marlow -- who ...").
DASHES = {"-", "–", "—", "―", "--"}
# Adverbs that belong to a cue's verb group ("has also said", "Marlow Finally Endorses").
GROUP_ADVERBS = {"also", "previously", "repeatedly", "later", "recently", "publicly", "privately", "once",
                 "again", "often", "already", "never", "long", "falsely", "wrongly", "correctly", "reportedly",
                 "explicitly", "openly", "flatly", "specifically", "frequently", "first", "just", "still", "even",
                 "further", "clearly", "directly", "separately", "simply", "ever", "had", "then", "now", "since",
                 "always", "yet", "back"}


def is_verb(token: Token) -> bool:
    """A verb that acts as one: not an auxiliary, not a participle used as an adjective ("so-called")."""
    if token.dep_ in ("aux", "auxpass", "amod", "compound"):
        return False
    return token.tag_.startswith("VB") or token.pos_ == "VERB"


def contracted_verb(token: Token) -> bool:
    """A contracted auxiliary ("’s", "’ve", "’d", "’ll", "’re") that the parse hung on the subject before it, as a
    verb of its own ("he’s said", "superdelegates who’ve already said") or, a "’s" right before the subject's verb
    (or its auxiliaries and adverbs), as a possessive ("Marlow's said", "Okafor's since argued")."""
    if len(token.text) < 2 or token.text[0] not in ("'", "’"):
        return False
    if token.tag_.startswith("VB") or token.tag_ == "MD" or token.lower_[1:] in ("ve", "d", "ll", "re"):
        return True
    verb = token.head.head
    return token.tag_ == "POS" and token.head.dep_ in SUBJECTS and token.i < verb.i and is_verb(verb) \
        and all(t.head.i == verb.i and t.dep_ in ("aux", "neg", "advmod") for t in token.doc[token.i + 1:verb.i])


def has_to(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def comma_before(doc: Doc, i: int) -> bool:
    """A comma right before token i, also inside a closing quotation mark ('has “expanded the party,” claiming
    ...': American punctuation puts the comma inside)."""
    return doc[i - 1].text == "," or i >= 2 and doc[i - 1].text in CLOSING and doc[i - 2].text == ","


def follows_quotation(verb: Token) -> bool:
    """Whether the verb comes right after a closing quotation mark with only a name after it in its clause
    ('“Why now?” asked Udall.', 'asked the boy, who ...', also with what is told of the name: '“Meh,” wrote a
    supporter who runs the account.'): set after what was said, with its speaker after it (and not 'Washington,
    star of “Scandal,” thanked Obama for ...')."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in CLOSING:
        return False
    chunk = chunk_starting(doc, verb.i + 1, verb.i + 1) or counted_after(verb)
    return chunk is not None and any(end >= verb.sent.end or doc[end].is_punct
                                     for end in (chunk.end, chunk.root.right_edge.i + 1))


def counted_after(verb: Token) -> Span | None:
    """ '“Okafor is wrong,” read one of the signs', '“Go home,” said another': one of several, counted rather than
    named, right after the verb (noun chunks leave a number out)."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    one = doc[verb.i + 1]
    if not (one.lower_ in ("one", "another") or one.tag_ == "CD") or one.head.i != verb.i:
        return None
    return doc[one.i:one.right_edge.i + 1]


def chunk_starting(doc: Doc, first: int, last: int) -> Span | None:
    """The first noun chunk that starts at one of the tokens first..last. The chunks are made for the sentences of
    those tokens only: Doc.noun_chunks (and Span.noun_chunks) go over the whole text, which made a long text's
    speakers cost in proportion to its square."""
    if first >= len(doc):
        return None
    sentences = doc[doc[first].sent.start:doc[min(last, len(doc) - 1)].sent.end]
    return next((Span(doc, start, end, label=label) for start, end, label in doc.noun_chunks_iterator(sentences)
                 if first <= start <= last), None)


def reporting_participle(token: Token) -> bool:
    """ ", calling them “very dull budget papers”", ", referring to the convention": a reporting verb's participle
    that opens a phrase at the end of a clause says more about the saying (or is an attribution of its own), and
    is not part of what was said."""
    doc = token.doc
    first = doc[token.left_edge.i]
    return token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") \
        and (first.i == token.i or first.i == token.i - 1 and first.lower_ in ("before", "after", "by", "while")) \
        and vocabulary().group(token.lemma_.lower()) is not None


def _naming_participle(token: Token) -> bool:
    """ ", also known as the VF", ", now called Marlow Field": a participle of naming that opens a phrase at the end
    of a clause gives its noun another name, an attribution of its own (read by the participle), not more of what
    was said."""
    doc = token.doc
    return token.tag_ == "VBN" and token.dep_ in ("acl", "advcl") \
        and token.lemma_.lower() in vocabulary().naming_participles \
        and all(t.dep_ == "advmod" for t in doc[token.left_edge.i:token.i])


def ends_sentence(doc: Doc, start: int, end: int) -> bool:
    """Whether nothing but punctuation follows the words start..end in their sentence ("..., according to the
    Herald.")."""
    return all(t.is_punct or t.is_space for t in doc[end:doc[start].sent.end])


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without punctuation and conjunctions at the edges; a closing quote mark stays with what it closes, and a
    percent sign with its number ("41%", which the tokenizer marks as punctuation)."""
    while start < end and (doc[start].is_punct and doc[start].text not in OPENING or doc[start].dep_ == "cc"
                           or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in CLOSING
                           and doc[end - 1].text not in (")", "]", "%") or doc[end - 1].is_space
                           or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def subtree(token: Token) -> tuple[int, int]:
    """The token's phrase, without what the writer added at its end: a clause or apposition set off by a comma
    (", which paints Okafor as a job-killer", ", a former mayor")."""
    doc = token.doc
    start, end = trim(doc, token.left_edge.i, token.right_edge.i + 1)
    changed = True
    while changed:
        changed = False
        for k in range(end - 1, start, -1):
            t = doc[k]
            if t.right_edge.i != end - 1 or t.left_edge.i <= start or not comma_before(doc, t.left_edge.i):
                continue
            if _place_of(t) or _name_of(t):
                continue
            # (an "apposition" with a conjunct is the rest of a list: "differ on Israel, the nuclear deal and the
            # court")
            if t.dep_ in ("relcl", "appos") and (t.dep_ == "appos" and not any(c.dep_ == "conj" for c in t.children)
                                                 or doc[t.left_edge.i].lower_ in ("who", "which")) \
                    or t.dep_ in ("advcl", "acl", "ccomp", "conj") and doc[t.left_edge.i].tag_ in ("WDT", "WP") \
                    and doc[t.left_edge.i].lower_ in ("who", "which") \
                    or reporting_participle(t) or _naming_participle(t):
                cut = t.left_edge.i if doc[t.left_edge.i - 1].text in CLOSING else t.left_edge.i - 1
                start, end = trim(doc, start, cut)
                changed = True
                break
    return start, end


def _place_of(token: Token) -> bool:
    """Whether an "apposition" names the state or country of the place right before it ("in Flint, Michigan",
    "Janesville, Wis."): it is part of the place's name, not an aside."""
    return token.dep_ == "appos" and token.ent_type_ == "GPE" and token.head.ent_type_ == "GPE" \
        and token.left_edge.i == token.head.i + 2


def _name_of(token: Token) -> bool:
    """Whether an "apposition" is the name of the one a description before it points at ("his rival for the
    nomination, Ray Marlow", "the council's pick, Ada Brandt"): what was said is about that person, by name."""
    return token.dep_ == "appos" and token.ent_type_ == "PERSON" and token.head.pos_ == "NOUN" \
        and not token.head.ent_type_


def minus(start: int, end: int, cut_start: int, cut_end: int, doc: Doc) -> list[tuple[int, int]]:
    """The parts of [start, end) outside [cut_start, cut_end), each with some words."""
    parts = []
    for a, b in ((start, min(end, cut_start)), (max(start, cut_end), end)):
        a, b = trim(doc, a, b)
        if b > a and any(not doc[k].is_punct for k in range(a, b)):
            parts.append((a, b))
    return parts



def verb_form_lemma(word: str, vocabulary: Vocabulary) -> str | None:
    """The cue lemma of a verb's -s form, lower-cased ("endorses", "urges", "denies"), or None."""
    for stem in (word[:-3] + "y" if word.endswith("ies") else None, word[:-2] if word.endswith("es") else None,
                 word[:-1] if word.endswith("s") and not word.endswith("ss") else None):
        if stem and stem in vocabulary.cue_groups:
            return stem
    return None


# A headline is a line of at most this many tokens.
_HEADLINE_WORDS = 30


def headline_of(token: Token) -> tuple[int, int] | None:
    """The line of the token when it is a headline's: a short line of its own with its words capitalised ("Okafor
    Blasts Marlow Over Levy"), not a sentence of prose. (The line, not the sentence: the parser splits headlines
    anywhere.)"""
    line = short_line_of(token)
    if line is None or not all(t.text[0].isupper() for t in token.doc[line[0]:line[1]] if t.is_alpha and not t.is_stop):
        return None
    return line


def short_line_of(token: Token) -> tuple[int, int] | None:
    """The line of the token when it is no longer than a headline, else None."""
    doc = token.doc
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
        if token.i - start > _HEADLINE_WORDS:
            return None
    end = token.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
        if end - start > _HEADLINE_WORDS:
            return None
    return start, end
