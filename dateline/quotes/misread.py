"""Reporting verbs the tagger misread as nouns, names or auxiliaries, read from the words around them rather than
the parse: a headline's verb in title case ("Okafor Endorses Ada Brandt", "Marlow Calls For Recount"), a verb after
the name that opens a sentence ("Super PAC blasts Marlow for skipping debate"), and a verb after a share of people
("Two-thirds support reducing the deficit")."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.quotes.cues import Reading
from dateline.quotes.parse import GROUP_ADVERBS, comma_before, ends_sentence, headline_of, trim, verb_form_lemma
from dateline.quotes.vocabulary import Vocabulary


def read_misread_verb(noun: Token, vocabulary: Vocabulary) -> Reading | None:
    """A reporting verb the tagger misread: in a headline, or as a noun after a share of people."""
    return _read_headline_verb(noun, vocabulary) or _read_share_verb(noun, vocabulary)


def _read_share_verb(noun: Token, vocabulary: Vocabulary) -> Reading | None:
    """A reporting verb the tagger read as a noun after a share of people ("Two-thirds support reducing the deficit",
    "Majorities across the spectrum favor granting ..."): the phrase of the share, which opens its clause, is the
    source; the content is what follows up to the clause's end when it opens with a gerund, "that" or a pronoun (not
    a name alone, a vote rather than a stance: "only 19 support Marlow"), or what comes before it ('“...,” the two
    write.')."""
    doc = noun.doc
    if noun.tag_ != "NN" or noun.lower_ not in vocabulary.clause_groups or noun.i == 0 or noun.i + 1 >= len(doc):
        return None
    sent = noun.sent  # (spaCy finds a token's sentence anew on each access)
    start = noun.i
    while start > sent.start and doc[start - 1].tag_ in _SHARE_TAGS:
        start -= 1
    shares = [t for t in doc[start:noun.i] if t.tag_ == "CD" and t.ent_type_ != "DATE"
              or t.lemma_.lower() in vocabulary.polled]
    # (not a participle's phrase: ", giving the party a genuine three-way contest that ...")
    if not shares or start > sent.start and not comma_before(doc, start) or doc[start].tag_ in ("VBG", "VBN"):
        return None
    share = shares[0]
    after = next((t for t in doc[noun.i + 1:sent.end] if t.tag_ != "RB"), doc[noun.i + 1])
    reading = Reading(cue=(noun.i, noun.i + 1), head=noun.i, group=vocabulary.clause_groups[noun.lower_].name)
    if after.tag_ in ("VBG", "PRP") or after.lower_ == "that":
        # (up to a clause joined after a comma: "..., but majorities in all five say ...")
        end = next((t.i for t in doc[noun.i + 1:sent.end] if t.tag_ == "CC" and comma_before(doc, t.i)),
                   sent.end)
        reading.content = [trim(doc, noun.i + 1, end)]
    elif start > sent.start and comma_before(doc, start) and ends_sentence(doc, noun.i, noun.i + 1):
        # '“We do not see the need,” the two write.': what comes before it
        reading.content, reading.inverted = [trim(doc, sent.start, start)], True
    else:
        return None
    reading.source, reading.source_head = trim(doc, start, noun.i), share.i
    return reading


# The words of a phrase of how many speak, walked back over from its number ("About two-thirds", "One in five")
_SHARE_TAGS = ("CD", "HYPH", "DT", "PDT", "IN", "JJ", "JJR", "RB", "NNS", "NN", "NNP", "VBN", "VBG")


def _read_headline_verb(noun: Token, vocabulary: Vocabulary) -> Reading | None:
    """A reporting verb's -s form that the tagger read as part of a name, a plural or an auxiliary, in a title-cased
    headline ("Okafor Endorses Ada Brandt", "Valbrook Mayor Praises Levy Deal", "Marlow Calls For Recount") or after
    the name that opens a sentence ("Super PAC blasts Marlow for skipping debate"): the name is the source, the rest
    of the line or sentence up to a verb or clause joined after it the content."""
    doc = noun.doc
    if noun.ent_iob_ == "I" and noun.ent_type_ in ("GPE", "LOC"):
        return None  # a word of a place's name ("the United States")
    lemma = verb_form_lemma(noun.lower_, vocabulary) or noun.is_title and _past_form_lemma(noun, vocabulary)
    if not lemma or noun.i + 1 >= len(doc):
        return None
    after = doc[noun.i + 1]
    # (not a plural before its verb: "Valbrook attacks test Marlow's strategy", "Marlow Tax Plans Would Cost A
    # Fortune")
    if after.tag_ == "MD" or after.tag_.startswith("VB") and not after.is_title:
        return None
    line = headline_of(noun) if noun.is_title else _misread_in_sentence(noun)
    if line is None:
        return None
    source = _headline_speaker(noun, line, vocabulary)
    if source is None:
        return None
    start = _headline_cue_start(noun, line[0])
    reading = Reading(cue=(start, noun.i + 1), head=noun.i, group=vocabulary.cue_groups[lemma].name)
    if lemma not in vocabulary.object_groups and (group := vocabulary.preposition_group(lemma, after.lower_)):
        # ("Marlow Calls For Recount", "Okafor Sides With Brandt On Levy")
        reading.cue, reading.group = (start, after.i + 1), group.name
    elif lemma not in vocabulary.object_groups and lemma not in vocabulary.clause_groups:
        return None
    # (up to a verb joined after it: "Okafor Backs Brandt And Denounces Marlow", "Marlow Blasts Levy, Quotes Bible";
    # or a clause joined after a comma: "Okafor talks about a levy, but the council is divided")
    end = next((t.i for t in doc[reading.cue[1]:line[1] - 1] if t.lower_ in ("and", ",")
                and verb_form_lemma(doc[t.i + 1].lower_, vocabulary) or t.tag_ == "CC" and comma_before(doc, t.i)),
               line[1])
    content = trim(doc, reading.cue[1], end)
    if content[1] <= content[0] and noun.is_title and source[0] > line[0] and comma_before(doc, source[0]):
        # "Marlow Leads By 9 Points, Valbrook Poll Finds": what comes before the headline's speaker
        content, reading.inverted = trim(doc, line[0], source[0]), True
    if content[1] <= content[0]:
        return None
    reading.content = [content]
    reading.source, reading.source_head = source, source[1] - 1
    return reading


def _past_form_lemma(word: Token, vocabulary: Vocabulary) -> str | None:
    """The cue lemma of a headline's verb in the past ("Okafor Questioned Why ...", "Marlow Just Dismissed Levy"), not
    a participle of the passive ("Valbrook Council Accused Of ...", "Okafor Featured In Ad")."""
    doc, w = word.doc, word.lower_
    if not w.endswith("ed") or word.i + 1 >= len(doc) or doc[word.i + 1].lower_ in ("of", "by", "in", "as", "to"):
        return None
    return next((stem for stem in (w[:-1], w[:-2], w[:-3] + "y", w[:-3]) if stem in vocabulary.cue_groups), None)


def _misread_in_sentence(noun: Token) -> tuple[int, int] | None:
    """The sentence, within its line, of a verb's -s form in lower case that the tagger read as a plural or an
    auxiliary ("Super PAC blasts Marlow for skipping debate", "Okafor predicts that ..."); not a plural under a verb
    ("Other refugee advocates also said", "cited court documents"). A name the tagger read as a verb is none
    ("Okafor blasts Marlow", with "Marlow" a verb)."""
    doc = noun.doc
    if noun.tag_ != "NNS" and noun.dep_ not in ("aux", "compound", "amod"):
        return None
    sent = noun.sent
    # (a headline's sentence runs on past its line: "Amid discord, Marlow claims nomination; \nHundreds cast ...")
    start = next((t.i + 1 for t in reversed(doc[sent.start:noun.i]) if "\n" in t.text), sent.start)
    end = next((t.i for t in doc[noun.i:sent.end] if "\n" in t.text), sent.end)
    if any(start <= head.i < end and head.tag_.startswith("VB") and not head.is_title for head in noun.ancestors):
        return None
    return start, end


def _headline_speaker(verb: Token, line: tuple[int, int], vocabulary: Vocabulary) -> tuple[int, int] | None:
    """The name phrase that opens a headline or sentence, or follows a colon or comma, right before its verb
    ("Valbrook Mayor Ray Marlow Endorses ...", "Latest: Okafor Endorses ...", "Amid discord, Marlow claims
    nomination", "..., Board Of Election Finds"), or before the verb it is joined to ("Okafor Backs Brandt And
    Denounces Marlow"); not a noun after a possessive or a determiner ("Okafor's Attacks On Marlow Could Backfire",
    "What Both Sides Want")."""
    doc = verb.doc
    first = line[0]
    start = _headline_cue_start(verb, first)
    if start - 1 > first and doc[start - 1].lower_ in ("and", ","):
        joined = next((t for t in reversed(doc[first + 1:start - 1]) if verb_form_lemma(t.lower_, vocabulary)), None)
        return _headline_speaker(joined, line, vocabulary) if joined is not None else None
    end = start
    while start > first and (doc[start - 1].tag_ in _HEADLINE_NAME_TAGS or doc[start - 1].lower_ == "of"):
        start -= 1
    if start > first and doc[start - 1].text != ":" and not comma_before(doc, start) or end == start \
            or doc[end - 1].tag_ not in ("NNP", "NNPS", "NN", "NNS"):
        return None
    return trim(doc, start, end)


def _headline_cue_start(verb: Token, first: int) -> int:
    """Where a headline's verb group starts: at the adverbs before the verb, which the tagger read as part of the
    name ("Marlow Finally Endorses", "Okafor Now Backs"; not a name in "-ly": "Megyn Kelly Slams")."""
    doc = verb.doc
    start = verb.i
    while start > first and (doc[start - 1].lower_ in GROUP_ADVERBS
                             or doc[start - 1].lower_.endswith("ly") and doc[start - 1].ent_type_ != "PERSON"):
        start -= 1
    return start


# The words of a headline's name phrase ("Valbrook City Council", "Another GOP Figure", "U.S.", "Ray Marlow's Aide")
_HEADLINE_NAME_TAGS = ("NNP", "NNPS", "NN", "NNS", "JJ", "DT", "POS", "CD", "HYPH")
