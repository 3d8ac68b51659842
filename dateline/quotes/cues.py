"""A cue and what hangs on it in the dependency parse: its verb group, its content, its source.

A cue is a reporting word: a verb of the vocabulary (say, warn, accuse, believe, plan, ...) or a reporting noun
("her claim that ..."); attributing phrases ("according to") are read in `phrases.py`. Its content is what the
parse gives it (`content.py`): a clausal complement with its "that", a "to"-infinitive, an object; for a cue set
inside or after what it reports ("Moscow will not seek a halt ..., Russia's deputy foreign minister said
Saturday"; "... according to the report"), the rest of the clause it hangs on.

Its source is its subject (the subject of the verb it joins for "and said", ", adding that ..."), the "by" agent
of a passive, the object of "according to"; a relative pronoun ("who said") stands for the noun it hangs on
(`sources.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.quotes.content import (
    ADDRESSING,
    NOT_CONTENT_ENTITIES,
    as_clause,
    compared_with,
    content_of,
    gap_antecedent,
    host_clause,
    is_report,
    passive_object,
    relative_object,
    relative_report,
    reporter_above,
    said_next,
    stranded_preposition,
    with_as,
    with_joined_clause,
    with_said_of,
)
from dateline.quotes.parse import (
    CLOSING,
    DASHES,
    EXPLETIVES,
    FLOATING,
    GROUP_ADVERBS,
    PASSIVE_SUBJECTS,
    PEOPLE_PRONOUNS,
    RELATIVE,
    SUBJECTS,
    chunk_starting,
    comma_before,
    contracted_verb,
    counted_after,
    ends_sentence,
    follows_quotation,
    has_to,
    is_verb,
    subtree,
    trim,
)
from dateline.quotes.sources import (
    antecedent_of,
    closing_comma,
    holders_among,
    set_inside,
    someone,
    source_span,
    subject_of,
)
from dateline.quotes.vocabulary import CueGroup, Vocabulary, vocabulary

# Dependents that belong to the cue's verb group ("has also said", "did not deny", "pointed out").
_GROUP_LEFT = {"aux", "auxpass", "neg"}
_COPULAS = {"be", "remain", "become", "seem", "appear", "sound", "feel", "look", "grow"}


@dataclass
class Reading:
    """What one cue says, in token indices (ranges are [start, end))."""

    cue: tuple[int, int]
    head: int  # the cue word
    group: str
    content: list[tuple[int, int]] = field(default_factory=list)  # from the parse, possibly empty
    source: tuple[int, int] | None = None
    source_head: int | None = None  # the token whose actor is the speaker's
    passive: bool = False
    inverted: bool = False  # the cue follows its content ("..., he said")
    hosted: bool = False  # the content is the clause the cue is set in, not a complement of the cue
    verbatim: bool = False  # the speaker's own words without quotation marks (an interview's answer)


def _join_cue(reading: Reading, token: Token, preposition: Token) -> None:
    """ "called for a ban", "the trends they point to": the preposition that makes the verb a cue joins its cue."""
    reading.cue = (min(reading.cue[0], preposition.i), max(reading.cue[1], preposition.i + 1))
    if any(token.doc[k].is_punct for k in range(*reading.cue)):
        reading.cue = verb_group(token)  # not contiguous: the verb group alone


def read(token: Token, vocabulary: Vocabulary) -> Reading | None:
    """The reading of a reporting verb: cue span, content from the parse, source; None when it is no cue."""
    lemma = token.lemma_.lower()
    if lemma in vocabulary.verb_phrases and (idiom := _read_idiom(token, vocabulary)) is not None:
        return idiom
    # (the parse tags a participle after a noun as a past tense at times: "a new PAC called Farm First ran ads")
    if (token.tag_ == "VBN" or token.tag_ == "VBD" and token.dep_ == "acl"
        and not any(c.dep_ in SUBJECTS for c in token.children)) \
            and token.dep_ in ("acl", "advcl") and lemma in vocabulary.naming_participles \
            and (named := _read_named_participle(token, vocabulary)) is not None:
        return named if lemma not in vocabulary.plain_naming or _quoted_name(token, named) else None
    if lemma in vocabulary.force_verbs and _by_force(token, vocabulary):
        return None
    if lemma in vocabulary.billing and _billed(token, vocabulary):
        return None
    if lemma in vocabulary.other_objects and _takes_other_object(token, vocabulary.other_objects[lemma]):
        return None  # "The attack claimed 20 lives", "is seeking the Democratic nomination"
    if lemma in vocabulary.freeing and _frees_someone(token, vocabulary):
        return None  # "Valbrook released the two sailors"
    if lemma in vocabulary.endangering and _endangers(token):
        return None  # "the drought threatens the harvest"
    if lemma in vocabulary.finding_oneself and _of_oneself(token):
        return None  # "Marlow found himself playing defense"
    if lemma in vocabulary.plain_naming and _own_name(token):
        return None  # "a group that calls itself Asawitiri Media"
    if _in_aside(token, vocabulary):
        return None  # "That said, the plan has its critics"
    if _not_permitted(token, vocabulary):
        return None  # "because they were not authorized to discuss the talks"
    if token.dep_ == "pcomp" and (token.head.lower_, token.lower_) in vocabulary.unknowing:
        return None  # "without knowing who will win"
    if any(c.dep_ in ("prt", "advmod", "prep") and c.i > token.i and (lemma, c.lower_) in vocabulary.other_senses
           for c in token.children):
        return None  # "They're ripping you off"
    if token.tag_ == "VB" and token.is_sent_start \
            and not any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in token.children):
        return None  # the writer's word to the reader, not an attribution ("Read more: ...", "Consider what he said")
    if any(c.dep_ == "aux" and (c.lower_, lemma) in vocabulary.advising for c in token.children) \
            and any(c.dep_ == "xcomp" for c in token.children):
        return None  # the writer's advice, not a wish of the subject's ("Marlow may want to check his figures")
    group = vocabulary.group(lemma)
    if group is None:
        if lemma == "make":
            return _read_made_clear(token)
        if lemma in vocabulary.raising:
            # "Democrats appeared pleased with her": an adjective of stance or belief after it reads itself
            return _read_adjective(token, vocabulary) or _read_seeming(token, vocabulary)
        if lemma in _COPULAS or token.lower_ in vocabulary.adjectives and token.tag_ == "VBN":
            return _read_adjective(token, vocabulary)
        return None
    if lemma in vocabulary.light_verbs and any(
            c.dep_ == "dobj" and (c.lower_ in vocabulary.nouns or c.lemma_.lower() in vocabulary.nouns)
            and read_noun(c, vocabulary) is not None for c in token.children):
        return None  # "expressed concern that ...": the noun reads it, the verb joining its cue
    if lemma in vocabulary.publishing and lemma not in vocabulary.clause_groups \
            and any(c.dep_ == "dobj" and _speaks_itself(c, vocabulary) for c in token.children):
        # "released a statement saying ...", "unveiled a proposal to ...": a verb that reports only through what it
        # put out leaves it to speak (not one that takes a clause of its own: "wrote a man calling himself Pim")
        return None
    reading = Reading(cue=verb_group(token), head=token.i, group=group.name)
    content, group, preposition = content_of(token, lemma, vocabulary)
    if group is not None:
        reading.group = group.name
    if preposition is not None:
        _join_cue(reading, token, preposition)
    reading.content = _with_stray_predicate(
        token, _with_stray_clause(token, _with_listed(token, content), vocabulary), vocabulary)
    if (inside := set_inside(token)) is not None:
        reading.content = _around_speaker(token, *inside)
    if not reading.content:
        # (not when the cue ends with a colon: "as the heckler yelled: “...”" announces what follows it, not the
        # clause it is set in)
        if token.doc[reading.cue[1] - 1].text != ":":
            reading.content = host_clause(token) or as_clause(token, vocabulary.group(lemma))
        reading.inverted = reading.hosted = bool(reading.content)
    elif reading.content[0][0] < token.i:
        reading.inverted = True
    else:
        reading.content = gap_antecedent(token, reading.content, vocabulary) + reading.content
    if not reading.content:
        reading.content = passive_object(token, lemma, vocabulary) or relative_object(token, lemma, vocabulary) \
            or relative_report(token) or compared_with(token)
        if reading.content and (stranded := stranded_preposition(token, lemma, vocabulary)) is not None:
            _join_cue(reading, token, stranded)  # "the issues they care about"
    if reading.inverted:
        reading.content = without_connective(token.doc, reading.content, vocabulary)
        # "But the next decade brought a change, she said": the conjunction that opens the sentence goes
        # with what was said (PolNeAR and PARC keep it).
        first = reading.content[0][0]
        if first > 0 and token.doc[first - 1].dep_ == "cc" and token.doc[first - 1].is_sent_start:
            reading.content[0] = (first - 1, reading.content[0][1])
    # "said the plan would fail, before adding that ...": the speaker of the reporting verb above goes on speaking
    speaker = reporter_above(token, vocabulary) if said_next(token, vocabulary) else token
    subject, passive = subject_of(speaker)
    if _asked_set_off(token, vocabulary):
        subject, passive = None, True  # the one named was asked, by no one named
    reading.passive = passive
    if passive and len(reading.content) == 1 and reading.content[0][0] > token.i \
            and token.doc[reading.content[0][0]].lower_ == "to":
        # "The central bank is expected to act in December": the passive subject goes with the infinitive
        subjects = [c for c in token.children if c.dep_ == "nsubjpass" and c.i < token.i
                    and c.lower_ not in EXPLETIVES and c.lower_ not in RELATIVE]
        if subjects:
            reading.content.insert(0, trim(token.doc, subjects[0].left_edge.i, subjects[0].right_edge.i + 1))
    if subject is not None:
        reading.source, reading.source_head = source_span(subject, speaker), antecedent_of(subject)
        if speaker is token and (lead := _publisher(token, vocabulary) or _done_by(token, vocabulary)) is not None \
                and reading.source[1] <= lead.i:
            # "issued a statement saying", "began by saying": the verb that put out what speaks, or that the speech
            # act does, joins the cue, as PolNeAR marks it
            reading.cue = (verb_group(lead)[0], reading.cue[1])
    elif not passive:
        _speaker_off_the_parse(reading, token, lemma)
    _around_attribution(reading, token.doc)
    _before_agent(reading, token.doc)
    return reading


def _speaker_off_the_parse(reading: Reading, token: Token, lemma: str) -> None:
    """The speaker of an active cue the parse gave no subject, by where the words stand: the name after an inverted
    cue, the name before a finite one, the subject of the sentence a participle is set off in."""
    if (reading.inverted or not reading.content) and (token.tag_ in ("VBD", "VBZ") or _past_read(token)) \
            and (lemma not in ADDRESSING or follows_quotation(token)):
        # ('“Why now?” asked Udall': right after a quotation, the name after a verb of asking is who asks)
        reading.source, reading.source_head = speaker_after(token, reading.cue[1])
    # (also a past tense the tagger read as a participle: '“Sit down,” Marlow barked')
    finite = token.tag_ in ("VBD", "VBZ", "VBP") \
        or token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    if reading.source is None and finite and token.dep_ in ("ROOT", "dep", "conj", "parataxis") and not any(
            c.dep_ in SUBJECTS or c.dep_ == "expl" for c in token.children):
        _name_out_of_quotation(reading, token.doc)
        _phrase_out_of_clause(reading, token)
        reading.source, reading.source_head = speaker_before(token, reading)
    if reading.source is None:
        reading.source, reading.source_head = speaker_of_participle(token)


def _around_speaker(verb: Token, subject: Token, speaker: Token) -> list[tuple[int, int]]:
    """What a cue set inside its clause reports: the clause's subject before it, and the rest of the clause after
    the speaker and the comma that closes the attribution ("Any fair reading of the report | would find it too
    costly")."""
    doc = verb.doc
    clause = speaker.head if speaker.head.i != verb.i else next(c for c in verb.children if c.dep_ == "ccomp")
    after = trim(doc, speaker.left_edge.i, speaker.right_edge.i + 1)[1] + 1
    return [trim(doc, subject.left_edge.i, verb.i - 1), trim(doc, after, subtree(clause)[1])]


def without_connective(doc: Doc, parts: list[tuple[int, int]], vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """Content before its cue without the connective that opens the sentence, set off by a comma ("Still, the plan
    would cost too much, Marlow said", "In fact, turnout fell, officials said"): the writer's link to what came
    before."""
    start, end = parts[0]
    if not doc[start].is_sent_start:
        return parts
    for comma in range(start + 1, min(start + 5, end - 1)):
        if doc[comma].text == ",":
            if doc[start:comma].text.lower().replace("’", "'") in vocabulary.connectives:
                return [trim(doc, comma + 1, end), *parts[1:]]
            break
    return parts


def _with_stray_predicate(verb: Token, content: list[tuple[int, int]], vocabulary: Vocabulary
                          ) -> list[tuple[int, int]]:
    """Content after the verb that stops right before a finite verb without a subject of its own, which the parse
    hung elsewhere: what the content holds is that verb's subject ("saying a state law banning fracking is hurting
    the economy", "shows most of the hours logged were for campaign travel"); the content goes on with it. Not
    when that verb is the one the cue's clause hangs on ("Officials who said the plan failed were fired"), a cue of
    its own, or the verb of a clause joined after "and" ("declined to renew its sponsorship and the tour could not
    find a new sponsor")."""
    if not content or content[-1][0] <= verb.i:
        return content
    doc = verb.doc
    start, end = content[-1]
    if end >= len(doc) or doc[end].tag_ not in ("VBZ", "VBD", "VBP", "MD") or doc[end].sent != verb.sent:
        return content
    predicate = doc[end] if doc[end].dep_ not in ("aux", "auxpass") else doc[end].head
    if predicate.i < end or any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS or c.dep_ == "expl" for c in predicate.children) \
            or predicate in verb.ancestors or predicate == verb or vocabulary.group(predicate.lemma_.lower()):
        return content
    subject = doc[end - 1]
    while start <= subject.head.i < end and subject.dep_ != "conj":
        subject = subject.head
    if subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].dep_ == "cc":
        return content
    return [*content[:-1], trim(doc, start, max(end, predicate.right_edge.i + 1))]


def _with_stray_clause(verb: Token, content: list[tuple[int, int]], vocabulary: Vocabulary
                       ) -> list[tuple[int, int]]:
    """Content after the verb with a clause right after its end that the parse hung on the verb as a second
    complement ("said he would serve should the party ask him", "pointed to the nine times Okafor has voted for the
    levy"), or a condition it hung there ("has threatened to quit the council unless it is paid"): the rest of what
    was said. Not after a quotation closed by a comma ("had been ''hacked,'' both experts understood") or a dash
    (an aside), nor another report, its verb the cue's or with a subject of its own ("a third said the port is too
    costly and a fourth said it is unsafe")."""
    if not content or content[-1][0] <= verb.i:
        return content
    doc = verb.doc
    start, end = content[-1]
    if end >= len(doc) or comma_before(doc, end) or doc[end].text in DASHES:
        return content
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.left_edge.i == end \
                and clause.lemma_ != verb.lemma_ and not is_report(clause, vocabulary):
            return [*content[:-1], (start, subtree(clause)[1])]
        # ("has threatened to quit the council unless it is paid": the condition on what was said)
        if clause.dep_ == "advcl" and clause.left_edge.i == end and doc[end].lower_ in vocabulary.said_conditions \
                and doc[end].head == clause:
            return [*content[:-1], (start, subtree(clause)[1])]
    return content


def _with_listed(verb: Token, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content after the verb with the further items of its list that the parse joined to the verb itself ("has
    called for tighter rules on lenders, and for higher taxes on fund managers", "accused Okafor of stalling, and of
    hiding the costs"): a conjunct that is no verb, right after the content's end, is more of what was said. (A
    conjoined verb is as often the writer's going on: "said she would run, and announced her staff"; so is a
    relative pronoun: "who backs Okafor and whom Marlow hired".) A clause after "and that" or "or why" is more of it
    too, wherever the parse hung it (`with_joined_clause`)."""
    if not content or content[-1][0] <= verb.i:
        return content
    doc = verb.doc
    start, end = with_joined_clause(doc, content[-1])
    for conj in sorted((c for c in verb.children if c.dep_ == "conj" and c.left_edge.i >= end), key=lambda c: c.i):
        if is_verb(conj) or conj.pos_ == "AUX" or conj.tag_ in ("WP", "WDT") \
                or not all(t.is_punct or t.is_space or t.dep_ in ("cc", "preconj") for t in doc[end:conj.left_edge.i]):
            break
        end = subtree(conj)[1]
    return [*content[:-1], (start, end)]


def _publisher(verb: Token, vocabulary: Vocabulary) -> Token | None:
    """The verb of publishing that put out the document a participle or infinitive hangs on ("issued a statement
    saying", "published a report detailing", "posted a message on Twitter reading"), or None."""
    document = verb.head
    if verb.dep_ == "acl" and document.dep_ == "dobj" and document.i < verb.i \
            and document.head.lemma_.lower() in vocabulary.publishing:
        return document.head
    return None


def _done_by(verb: Token, vocabulary: Vocabulary) -> Token | None:
    """The verb a gerund after "by" is the speech act of ("began by saying", "responded to the tweet by calling"),
    or None (not past a comma: "would respond by finding ways ..., ideally by demanding")."""
    by = verb.head
    if verb.dep_ == "pcomp" and by.lower_ == "by" and by.head.i < by.i \
            and by.head.lemma_.lower() in vocabulary.done_by and is_verb(by.head) \
            and not any(t.is_punct for t in verb.doc[by.head.i:verb.i]):
        return by.head
    return None


def _speaks_itself(document: Token, vocabulary: Vocabulary) -> bool:
    """Whether what was published reports on its own, or nothing: a reporting noun ("a proposal to ..."), a channel
    ("issued a statement on Monday"), or a thing with a reporting participle or clause ("data that suggest ...")."""
    return document.lemma_.lower() in vocabulary.channels or read_noun(document, vocabulary) is not None or any(
        c.dep_ in ("acl", "relcl") and vocabulary.group(c.lemma_.lower()) is not None for c in document.children)


def _by_force(verb: Token, vocabulary: Vocabulary) -> bool:
    """ "Rebels attacked the convoy", "the base was hit by rockets": a verb of force done by an armed force, or to a
    place or a thing that can be struck, is an act, not an accusation (unless it says what for: "attacked China
    over its trade policy")."""
    done_by = [c for c in verb.children if c.dep_ == "nsubj"]
    done_by += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if any(c.lemma_.lower() in vocabulary.armed for c in done_by):
        return True
    done_to = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.lemma_.lower() in vocabulary.targets or c.ent_type_ in ("GPE", "FAC", "LOC") for c in done_to) \
        and not any(c.dep_ == "prep" and c.lower_ in ("over", "for", "as") for c in verb.children)


def _billed(verb: Token, vocabulary: Vocabulary) -> bool:
    """ "charged the campaign $3.7 million", "charged a fee", "charged his campaign for rent", "charged into the
    fray": a price among the objects, "for" without "with", or a motion, not an accusation."""
    children = list(verb.children)
    preps = {c.lower_ for c in children if c.dep_ == "prep"}
    objects = [c for c in children if c.dep_ in ("dobj", "dative", "npadvmod")]
    return any(c.ent_type_ == "MONEY" or c.lemma_.lower() in vocabulary.prices for c in objects) \
        or "for" in preps and "with" not in preps and not any(c.dep_ == "ccomp" for c in children) \
        or bool(preps & {"into", "toward", "towards"})


def _name_out_of_quotation(reading: Reading, doc: Doc) -> None:
    """ "“It is not hunky-dory,” Gene Sperling, a top adviser, said": the parse hung the name after the closing
    quotation mark in the quoted clause. The content ends at the mark; the name is left to the speaker."""
    start, end = reading.content[-1] if reading.content else (0, 0)
    if end > reading.cue[0]:
        return
    close = next((k for k in range(end - 1, start, -1) if doc[k].text in CLOSING and doc[k - 1].is_punct), None)
    if close is None or close + 1 >= end:
        return
    rest = doc[close + 1:end]
    if rest[0].pos_ == "PROPN" and not any(t.pos_ in ("VERB", "AUX") for t in rest):
        reading.content[-1] = (start, close + 1)


def _phrase_out_of_clause(reading: Reading, verb: Token) -> None:
    """ "Outside groups are helping pay for efforts to wound Mr. Trump, disclosures filed on Sunday night revealed.":
    the parse hung the noun phrase between the last comma and a cue that ends the sentence in the clause before it.
    The content ends at the comma; the phrase is left to the speaker."""
    doc = verb.doc
    start, end = reading.content[-1] if reading.content else (0, 0)
    if end != reading.cue[0] or not ends_sentence(doc, reading.cue[0], reading.cue[1]):
        return
    comma = next((k for k in range(end - 1, start, -1) if doc[k].text == ","), None)
    if comma is None or not 0 < end - comma - 1 <= 10:
        return
    rest = doc[comma + 1:end]
    if rest[0].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") and any(t.pos_ in ("NOUN", "PROPN") for t in rest) \
            and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in rest):
        reading.content[-1] = (start, comma)


def _around_attribution(reading: Reading, doc: Doc) -> None:
    """Content that holds its own cue ("which she said the county should cover": the relative
    pronoun belongs to the reported clause) is split around the attribution, cue and source. (The parse may tag a
    relative "that" before the attribution as the word that opens a clause: "a show of force that Okafor hopes can
    help block a challenge".)"""
    cut_start, cut_end = reading.cue
    if reading.source:
        cut_start, cut_end = min(cut_start, reading.source[0]), max(cut_end, reading.source[1])
    parts = []
    for start, end in reading.content:
        if start < cut_end and cut_start < end and (doc[start].tag_ in ("WDT", "WP", "WP$", "WRB")
                                                     or doc[start].lower_ == "that" and start < cut_start):
            parts += [(a, b) for a, b in ((start, cut_start), (cut_end, end)) if b > a]
        else:
            parts.append((start, end))
    reading.content = parts


def _before_agent(reading: Reading, doc: Doc) -> None:
    """What a passive's subject was declared or called ends before its agent, which the parse hung in it ("was
    declared the winner in Ohio by news organizations", "has been called “a fraud” by Ray Marlow")."""
    if not (reading.passive and reading.source) or reading.source[0] < 1 or doc[reading.source[0] - 1].lower_ != "by":
        return
    agent = reading.source[0] - 1
    reading.content = [trim(doc, start, agent) if start < agent < end else (start, end)
                       for start, end in reading.content]
    reading.content = [(start, end) for start, end in reading.content if end > start]


def _read_named_participle(participle: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "the run of votes known as Harvest Week", "a club called the “Open Fields Circle”", "Known
    until last spring as the Marlow Riverside Hotel, it was renamed": what a thing is known as or called. The
    content is the thing and its name; the source, if any, the "by" or "to" phrase ("known to fans as ...")."""
    doc = participle.doc
    names = [c for c in participle.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > participle.i]
    names += [c for c in participle.children if c.dep_ in ("oprd", "attr") and c.i > participle.i]
    if not names:
        return None
    name = names[0]
    after = name.right_edge.i + 1
    if after < len(doc) and doc[after].text in vocabulary.marks.opening:
        after += 1
    if after < len(doc) and doc[after].pos_ in ("DET", "ADJ", "NOUN", "PROPN") \
            and doc[after].head.i not in (name.i, participle.i) and doc[after].ent_type_ not in ("DATE", "TIME"):
        return None  # "Beruff, a Scott ally, called Florida's standards “strong”": a finite verb with two objects
    if participle.dep_ == "acl":
        thing = participle.head
        if thing.pos_ not in ("NOUN", "PROPN") or thing.i > participle.i:
            return None
        # (not a finite verb the parse hung on its subject, with a phrase set before it: "Hillary Clinton, for
        # example, named “Madam Secretary” as her favorite show")
        if any(c.i < participle.i and c.dep_ in ("prep", "npadvmod") for c in participle.children):
            return None
        # "the string of contests known as ...": the noun phrase the "of" phrase belongs to
        while thing.dep_ == "pobj" and thing.head.lower_ == "of" and thing.head.head.pos_ in ("NOUN", "PROPN"):
            thing = thing.head.head
        first = trim(doc, thing.left_edge.i, participle.left_edge.i)
    else:
        host = participle.head
        subjects = [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > participle.i]
        if not subjects:
            return None
        first = trim(doc, subjects[0].left_edge.i, subjects[0].right_edge.i + 1)
    if first[1] <= first[0]:
        return None
    cue_start, cue_end = verb_group(participle)
    if name.dep_ == "prep" and name.i == cue_end:
        cue_end += 1  # "known as"
        second = trim(doc, name.i + 1, name.right_edge.i + 1)
    else:
        second = trim(doc, name.left_edge.i, name.right_edge.i + 1)
    if second[1] <= second[0]:
        return None
    parts = sorted([first, second])
    reading = Reading(cue=(cue_start, cue_end), head=participle.i, group="naming", content=parts, passive=True)
    for agent in (c for c in participle.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "to")):
        objects = [c for c in agent.children if c.dep_ == "pobj"]
        if objects and agent.i > participle.i:
            reading.source = trim(doc, objects[0].left_edge.i, objects[0].right_edge.i + 1)
            reading.source_head = objects[0].i
            break
    return reading


def _takes_other_object(verb: Token, objects: frozenset[str]) -> bool:
    """Whether the verb's object is one that takes it out of words, by its head word or with the words compounded
    before it ("claimed 20 lives", "seeks the White House")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            # (the parse takes a capitalized plural for a name at times, its own lemma: "Declared Candidates")
            head = child.lemma_.lower() if child.tag_ in ("NN", "NNS") else child.lower_.removesuffix("s")
            compounded = [c.lower_ for c in child.lefts if c.dep_ == "compound"] + [head]
            if head in objects or " ".join(compounded) in objects:
                return True
    return False


def _endangers(verb: Token) -> bool:
    """Whether the verb puts its object at risk: it has an object and no infinitive or clause, and what does it is no
    one ("the pressure is growing, threatening further losses", "a corner that could threaten their viability"; not
    "Iran will threaten Israel", "a video from the group threatening an attack")."""
    if not any(c.dep_ == "dobj" for c in verb.children) or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    subject, passive = subject_of(verb)
    return subject is not None and not passive and not someone(verb.doc[antecedent_of(subject)])


def _frees_someone(verb: Token, vocabulary: Vocabulary) -> bool:
    """Whether the verb's object, or its subject when passive, is someone held: a person, "him" or "her", or a
    captive ("released Ray Marlow", "the sailors were released"), whom it frees; not what it makes public ("released
    her tax returns", "has not released them")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ in ("PERSON", "NORP") or c.lower_ in ("him", "her")
                                                   or c.lemma_.lower() in vocabulary.captives)
               for c in verb.children)


def _in_aside(verb: Token, vocabulary: Vocabulary) -> bool:
    """Whether the verb is a word of one of the writer's turns of phrase that opens a sentence before a comma ("That
    said, the plan has its critics", "But needless to say, the vote was close"; not "a message that said, “...”")."""
    doc, lower = verb.doc, verb.lower_
    for phrase in vocabulary.asides:
        for k, word in enumerate(phrase):
            start, end = verb.i - k, verb.i - k + len(phrase)
            if word == lower and start >= 0 and end < len(doc) and doc[end].text == "," \
                    and tuple(t.lower_ for t in doc[start:end]) == phrase \
                    and (doc[start].is_sent_start or doc[start - 1].pos_ == "CCONJ" and doc[start - 1].is_sent_start):
                return True
    return False


def _not_permitted(verb: Token, vocabulary: Vocabulary) -> bool:
    """Whether the verb is the infinitive of a permission withheld ("were not authorized to discuss the talks", "is
    not allowed to comment"), which tells why nothing was said."""
    permission = verb.head
    return verb.dep_ == "xcomp" and permission.lemma_.lower() in vocabulary.permitting \
        and any(c.dep_ == "neg" for c in permission.children)


def _of_oneself(verb: Token) -> bool:
    """Whether the verb's object, or the subject of its clause, is a reflexive pronoun ("found himself embroiled in
    controversy", "found themselves targeted")."""
    reflexive = [c for c in verb.children if c.dep_ == "dobj"]
    reflexive += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd")
                  for s in c.children if s.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
    return any(t.tag_ == "PRP" and t.lower_.endswith(("self", "selves")) for t in reflexive)


def _own_name(verb: Token) -> bool:
    """Whether the verb gives its subject's own name, a proper name out of quotation marks ("a group that calls itself
    Asawitiri Media", "a man calling himself Pim Dorn"), as a participle gives a thing's ("a firm called Valbrook
    Analytics"); not a term the subject takes for itself ("calls himself a democratic socialist", "calls herself a
    Republican", "calling himself the “king of debt”")."""
    names = [c for c in verb.children if c.dep_ == "oprd"]
    if not names or not _of_oneself(verb):
        return False
    name = names[0]
    return (name.tag_ in ("NNP", "NNPS") or name.ent_type_ in ("PERSON", "ORG")) \
        and not verb.doc[name.left_edge.i - 1].is_quote \
        and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in name.children)


def _quoted_name(participle: Token, reading: Reading) -> bool:
    """Whether the name a participle gives is in quotation marks ("a group called the “Open Fields Circle”"), a
    term someone coined; without them it is the thing's own name, the writer's ("a firm called Valbrook Analytics",
    "a worker named Ray Marlow")."""
    doc = participle.doc
    return any(doc[k].is_quote for start, end in reading.content if start > participle.i
               for k in range(start - 1, min(end + 1, len(doc))))


def speaker_of_participle(verb: Token) -> tuple[tuple[int, int] | None, int | None]:
    """ "Pim shared the photo online, writing “...”", "Weaver did not seem impressed, telling reporters, “...”": a
    participle after a comma, which the parse hung elsewhere (on a word of the quotation too), says more of the
    sentence's subject."""
    doc = verb.doc
    if not (verb.tag_ == "VBG" and verb.i > 0 and comma_before(doc, verb.i)):
        return None, None
    # (in the whole sentence, where the parse split it at a quoted title: 'Giuliani trashed Comey on MSNBC’s “Morning
    # Joe,” calling it a “no-brainer”', with "Joe" the subject of "calling")
    start = verb.sent.start
    while start > 0 and not doc[start - 1].is_space and doc[start - 1].text not in (".", "!", "?", ":", ";") \
            and not (start > 1 and doc[start - 1].text in CLOSING and doc[start - 2].text in (".", "!", "?")):
        start = doc[start - 1].sent.start
    subjects = [t for t in doc[start:verb.i] if t.dep_ == "nsubj" and t.lower_ not in RELATIVE
                and t.lower_ not in EXPLETIVES]
    # (the main clause's, where the quotation before it has a subject of its own: "“We've started,” Mr. Manafort
    # said, adding, “...”")
    root = doc[start].sent.root
    first = next((t for t in subjects if t.head.i == root.i), subjects[0] if subjects else None)
    if first is None:
        return None, None
    return source_span(first, verb), first.i


def _past_read(verb: Token) -> bool:
    """ '“Okafor is wrong,” read one of the signs': "read" right after a quotation, with a name after it, is the
    past tense, which the tagger cannot tell from the base form by its spelling."""
    return verb.lower_ == "read" and verb.tag_ == "VB" and follows_quotation(verb)


def speaker_after(verb: Token, after: int) -> tuple[tuple[int, int] | None, int | None]:
    """ "“...,” said Leo Fenn, an Okafor ally": the name after an inverted cue that the parse hung
    elsewhere (as the subject of a later verb, or as an object), with its apposition."""
    doc = verb.doc
    # ("said Oversight ranking Democrat Ada Brandt": title words the parse left out of the name's chunk go along)
    title = after
    while title < min(after + 3, len(doc)) and (doc[title].pos_ in ("PROPN", "ADJ") or doc[title].tag_ == "VBG"
                                                or doc[title].pos_ == "NOUN" and doc[title].is_title):
        title += 1
    chunk = chunk_starting(doc, after, title)
    if chunk is None and after < len(doc) and doc[after].is_title and doc[after].is_alpha \
            and not doc[after].is_sent_start and doc[after].pos_ in ("ADV", "ADJ"):
        # '“...,” said Pelly,': a name the tagger took for an adverb (an adverb after the verb is lower case)
        end = after + 1
        while end < verb.sent.end and doc[end].is_title and doc[end].is_alpha:
            end += 1
        return (after, closing_comma(doc, after, end, verb)), after
    if chunk is None and after == verb.i + 1 and (counted := counted_after(verb)) is not None:
        start, end = trim(doc, counted.start, counted.end)
        return (start, closing_comma(doc, start, end, verb)), counted.root.i
    if chunk is None or chunk.root.ent_type_ in NOT_CONTENT_ENTITIES or chunk.root.lower_ in EXPLETIVES \
            or chunk.end > verb.sent.end:
        return None, None
    end = chunk.end
    for child in chunk.root.rights:
        if child.dep_ == "appos" and child.i >= end:
            end = max(end, child.right_edge.i + 1)
        # "said a former spokesman for the Foreign Ministry, Oleg Voloshyn, who ...": what the speaker is a
        # spokesman for, and the name set beside it, without a clause told of them
        elif child.dep_ == "prep" and child.i == end and chunk.root.pos_ == "NOUN" \
                and child.lower_ in ("of", "for", "at", "from"):
            end = min([child.right_edge.i + 1]
                      + [t.left_edge.i for t in child.subtree if t.dep_ in ("relcl", "acl", "advcl")])
        # ('wrote a supporter who runs the account', 'tweeted a user going by the handle Pulvermann': a clause that
        # says which one it is, not set off by a comma)
        elif child.dep_ in ("relcl", "acl") and child.left_edge.i == end and chunk.root.pos_ == "NOUN":
            end = child.right_edge.i + 1
    start = after if chunk.start <= title else chunk.start
    if any(doc[k].text == "(" for k in range(start, end)) and not any(doc[k].text == ")" for k in range(start, end)):
        # "Ada Brandt (D-Ohio)": the bracket the name opens closes in it
        end = next((k + 1 for k in range(end, min(end + 4, verb.sent.end)) if doc[k].text == ")"), end)
    start, end = trim(doc, start, min(end, verb.sent.end))
    return (start, closing_comma(doc, start, end, verb)), chunk.root.i


def speaker_before(verb: Token, reading: Reading) -> tuple[tuple[int, int] | None, int | None]:
    """ "her chief of staff, Mara Quill, said:", "About 4 in 10 say ...", "'...,' Councillor Ada
    Brandt, Democrat of Ohio, told the mayor": the words right before a finite cue that the parse gave no
    subject (it hung the name on something else). Going left from the cue, comma by comma, the source takes each
    part that is a noun phrase with its appositions, and stops at the sentence's start, a quotation mark, the
    content, or a part that opens with a preposition, a conjunction or a verb ("In a statement to the Observer,")."""
    doc = verb.doc
    sentence = verb.sent
    start = reading.cue[0]
    blocked = {k for a, b in reading.content for k in range(a, b)}
    end = start
    while end > sentence.start and doc[end - 1].is_space:
        end -= 1
    if end == sentence.start or doc[end - 1].pos_ not in ("PROPN", "NOUN", "NUM", "PRON", "PUNCT") \
            or doc[end - 1].is_punct and doc[end - 1].text != ",":
        return None, None
    # "On Monday Marlow said": a name right after the time that opens the sentence, hung on the time's preposition
    name = end
    while name > max(sentence.start, end - 4) and doc[name - 1].pos_ == "PROPN" \
            and doc[name - 1].ent_type_ in ("", "PERSON"):
        name -= 1
    if sentence.start < name < end and doc[name - 1].ent_type_ in ("DATE", "TIME") \
            and doc[name - 1].pos_ in ("PROPN", "NOUN"):  # (not an age: "62-year-old Ada Brandt")
        return (name, end), end - 1
    k = end
    first = end
    while k > sentence.start:
        # one part: back to the previous comma, quotation mark or the sentence's start
        part_end = k
        j = k - 1 if doc[k - 1].text == "," and k - 1 < end else k
        part_end = j
        while j > sentence.start and doc[j - 1].text != "," and not doc[j - 1].is_quote \
                and doc[j - 1].text not in CLOSING and j - 1 not in blocked \
                and not (doc[j - 1].is_space and "\n" in doc[j - 1].text):
            j -= 1
        part = doc[j:part_end]
        if not len(part) or any(t.i in blocked for t in part):
            break
        opener = part[0]
        if opener.dep_ == "cc" and j == sentence.start and len(part) > 1:
            # ("But Ray Marlow, a longtime party operative, vouched for them": the conjunction that opens the
            # sentence is no part of the name)
            j += 1
            opener = part[1]
        if first == end and part_end < end and j > sentence.start and doc[j - 1].text == "," \
                and _describes_speaker(opener):
            # "Marlow, speaking at a rally in Valbrook, said", "Okafor, who chairs the panel, said": a participle or a
            # relative clause set off right before the cue tells of the speaker before it, and is no part of the name
            first = end = k = j - 1
            continue
        if opener.pos_ in ("ADP", "SCONJ", "CCONJ", "VERB", "AUX") or opener.dep_ in ("mark", "cc", "prep") \
                or not any(t.pos_ in ("PROPN", "NOUN", "NUM", "PRON") for t in part) \
                or any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP") for t in part):
            break
        first = j
        k = j
        if j == sentence.start or doc[j - 1].text != ",":
            break
    if first >= end:
        return None, None
    span = trim(doc, first, end)
    if span[1] <= span[0] or doc[span[0]].lower_ in EXPLETIVES | RELATIVE:
        return None, None
    heads = [t for t in doc[span[0]:span[1]] if t.pos_ in ("PROPN", "NOUN", "NUM", "PRON")]
    head = next((t for t in heads if t.head.i not in range(*span) or t.dep_ == "appos"), heads[0])
    if doc[span[1]].text == "," and any(doc[m].text == "," for m in range(*span)):
        span = (span[0], span[1] + 1)  # the comma that closes an apposition goes along
    return span, head.i


def _describes_speaker(opener: Token) -> bool:
    """A word that opens a phrase set off after a name to tell of the one named: a participle ("speaking later at a
    rally", "goaded by Sanders", "asked about the report") or a relative pronoun ("who has denounced the attack")."""
    return opener.tag_ in ("VBG", "VBN") or opener.tag_ in ("WP", "WP$") and opener.lower_ in RELATIVE | {"whose"} \
        or _asked_set_off(opener, vocabulary())


def _asked_set_off(verb: Token, vocabulary: Vocabulary) -> bool:
    """ "Trump, asked about the report, said ...", "Putin, asked whether Russia would retaliate, said ...": a verb of
    asking set off by commas between a name and a verb is a participle (the one named was asked), which the tagger
    may read as the name's past tense."""
    doc = verb.doc
    end = verb.right_edge.i + 1
    return verb.tag_ in ("VBD", "VBN") and verb.lemma_.lower() in vocabulary.asking \
        and verb.i > 1 and doc[verb.i - 1].text == "," \
        and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].pos_ in ("VERB", "AUX")


def read_noun(noun: Token, vocabulary: Vocabulary) -> Reading | None:
    """A reporting noun with its complement: "Marlow's claim that ...", "his criticism of the judge", "her decision
    to open the borders". The source is the possessor, or a "by"/"from"/"among" phrase; without a complement it is
    no cue."""
    entry = vocabulary.nouns.get(noun.lower_) or vocabulary.nouns.get(noun.lemma_.lower())
    if entry is None or noun.dep_ in ("compound", "poss") or noun.ent_type_ or _in_preposition(noun, vocabulary):
        return None
    group, takes = entry
    if group.name in ("stance", "accusation") and (received := _received_stance(noun, group, takes)) is not None:
        return received
    verb = noun.head
    # (one holds what one has, unless it is another's or the verb is a phrase: "has held up Trump's proposal")
    holding = verb.lemma_.lower() in vocabulary.holding_verbs and group.name != "stance" \
        and not any(c.dep_ == "poss" for c in noun.children) and not any(c.dep_ == "prt" for c in verb.children)
    light = noun.dep_ == "dobj" and (verb.lemma_.lower() in vocabulary.light_verbs or holding)
    # "Rubio's response was that ...", "his goal is to ...": the clause after the copula the noun is the subject of
    predicated = noun.dep_ == "nsubj" and verb.lemma_ == "be" and verb.i == noun.i + 1
    if light:
        children = [*noun.children, *(c for c in verb.children if c.i > noun.i)]
    elif predicated:
        children = [*noun.children, *(c for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "xcomp"))]
    else:
        children = noun.children
    # ("the perception of voters that ...": the "of" phrase names who holds it, and is no complement)
    if (of_holder := _holder_of(noun, group, takes)) is not None:
        children = [c for c in children if c.i != of_holder.head.i]
    found = _complement(noun, takes, children)
    if found is None:
        return None
    content, preposition = found
    doc = noun.doc
    content = with_joined_clause(doc, content)
    start = noun.i
    while start - 1 >= 0 and doc[start - 1].head.i == noun.i and doc[start - 1].dep_ in ("amod", "advmod") \
            and doc[start - 1].ent_type_ not in NOT_CONTENT_ENTITIES:
        start -= 1
    # (with its article, as PolNeAR marks it: "a call for", "the perception of", "no reference to"; a possessive is
    # the source)
    if start - 1 >= 0 and doc[start - 1].head.i == noun.i and doc[start - 1].lower_ in ("a", "an", "the", "no"):
        start -= 1
    # (and the "in" that makes it the aim or manner of a deed: "rallied in the hope that ...", "in hopes of ...")
    if start - 1 >= 0 and noun.dep_ == "pobj" and doc[start - 1] == noun.head and noun.head.lower_ == "in" \
            and is_verb(noun.head.head):
        start -= 1
    end = noun.i + 1
    if preposition is not None and preposition.i == end:
        end += 1
    if light:
        # "made the case that ...", "raised concerns about ...", "offered a promise that ...": the verb joins the
        # cue and its subject is the source.
        start = verb_group(verb)[0]
        if any(doc[k].is_punct for k in range(start, end)) or end - start > 8:
            return None
        reading = Reading(cue=(start, end), head=noun.i, group=group.name, content=[content])
        # (unless it is held among others: "The remarks raised concerns among experts that ...")
        if (holder := holders_among(noun)) is not None:
            reading.source, reading.source_head = trim(doc, holder.left_edge.i, holder.right_edge.i + 1), holder.i
            return reading
        subject, _ = subject_of(verb)
        if subject is not None:
            reading.source, reading.source_head = source_span(subject, verb), antecedent_of(subject)
        return reading
    if predicated and content[0] > verb.i:
        # the noun's phrase after its possessor and the copula ("The key question is", "Comey's most surprising
        # suggestion was"), as PolNeAR marks it
        owners = [c.right_edge.i + 1 for c in noun.children if c.dep_ == "poss"]
        start, end = max([noun.left_edge.i, *owners]), verb.i + 1
    reading = Reading(cue=(start, end), head=noun.i, group=group.name, content=[content])
    if "agent" in takes:
        # "Pryce is a fierce critic of the deal", "Hollis, a longtime backer of the dam,": the one the noun
        # describes holds the stance
        holder = None
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        elif noun.dep_ == "appos":
            holder = noun.head
        if holder is None or holder.lower_ in EXPLETIVES:
            return None
        if noun.dep_ == "appos":
            reading.source, reading.source_head = (holder.left_edge.i, holder.i + 1), holder.i
        else:
            reading.source, reading.source_head = source_span(holder, noun.head), antecedent_of(holder)
        return reading
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    if "poss" in takes and not possessors:
        return None
    agents = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
              and (preposition is None or c.i != preposition.i) and c.i > noun.i
              for o in c.children if o.dep_ == "pobj"]
    # "a tacit recognition among his allies that ...", "a rejection of the mogul among delegates": those among whom
    # it is held hold it
    agents += filter(None, [of_holder, holders_among(noun)])
    if possessors:
        # the possessor with its "'s" ("Marlow's"), as PolNeAR and PARC mark it
        owner = possessors[0]
        reading.source, reading.source_head = (owner.left_edge.i, owner.right_edge.i + 1), owner.i
        # "She escalated her attacks on Sanders", "Both parents stiffened their denunciation of him", "Trump
        # doubled down on his comments": a pronoun that owns the object of the verb (or of its "on", when the
        # verb has no object to own it: "attacked Sanders on his plan") stands for the verb's subject, which
        # PolNeAR takes for the source
        host = verb
        if noun.dep_ == "pobj" and verb.lower_ in ("on", "upon") and verb.dep_ == "prep" \
                and not any(c.dep_ == "dobj" for c in verb.head.children):
            host = verb.head
        if (noun.dep_ == "dobj" or host is not verb) and is_verb(host) \
                and host.lemma_.lower() not in _RECEIVING | _PROVOKING:
            subject, passive = subject_of(host)
            if subject is not None and not passive and _same_owner(owner, subject):
                reading.source, reading.source_head = source_span(subject, host), antecedent_of(subject)
    elif agents:
        reading.source = trim(doc, agents[0].left_edge.i, agents[0].right_edge.i + 1)
        reading.source_head = agents[0].i
    elif (taker := _taking_verb(noun)) is not None and (vocabulary.group(taker.lemma_.lower()) is None
                                                         or taker.lemma_.lower() in vocabulary.publishing) \
            and taker.lemma_.lower() not in _RECEIVING | _PROVOKING:
        # "Dunmore avoided direct criticism of Marlow", "Okafor and Pryce had opposing views on research": the
        # one who holds the stance the verb's object names is its subject (and who put out a proposal, its
        # author: "unveiled a proposal to ...", "issued a statement of concern about ...")
        subject, passive = subject_of(taker)
        if subject is not None and not passive and subject.lower_ not in EXPLETIVES:
            reading.source, reading.source_head = source_span(subject, taker), antecedent_of(subject)
    elif noun.dep_ == "pobj" and _held_through(verb, vocabulary) \
            and not any(c.ent_type_ in ("NORP", "GPE") for c in noun.children if c.i < noun.i):
        # "supporters responded with chants of “...”", "Okafor opened with a call for ...", "held rallies in hopes
        # of ...", "bristled at the suggestion that ...", "Marlow's rivals cling to the hope that ...": the subject
        # voiced or holds it (unless the noun names its holder: "cooperation grew with American commitments to ...")
        subject, passive = subject_of(verb.head)
        if subject is not None and not passive and subject.lower_ not in EXPLETIVES:
            reading.source, reading.source_head = source_span(subject, verb.head), antecedent_of(subject)
    return reading


def _taking_verb(noun: Token) -> Token | None:
    """The verb whose object the noun is, or the kind or the number of which the object is ("issued a statement of
    concern about ...", "staked out a range of positions on ...")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun.head if noun.dep_ == "dobj" and is_verb(noun.head) else None


def _in_preposition(noun: Token, vocabulary: Vocabulary) -> bool:
    """Whether the noun makes a preposition of what something is about with a bare "in" or "with" before it ("said
    in reference to the absent Trump")."""
    return noun.lower_ in vocabulary.prepositional_nouns and noun.dep_ == "pobj" \
        and noun.head.lower_ in ("in", "with") and noun.head.i == noun.i - 1


def _holder_of(noun: Token, group: CueGroup, takes: frozenset[str]) -> Token | None:
    """The people an "of" phrase names between a reporting noun and its clause or infinitive, who hold what the noun
    names ("the willingness of those in charge to hire ...", "the perception of voters that he ...", "the decision
    of the court to ..."); not the target of blame or denial ("the criticism of Okafor that she ...")."""
    if group.name in ("accusation", "denial"):
        return None
    holder = holders_among(noun, "of")
    if holder is None or _complement(noun, takes & {"that", "to"},
                                     [c for c in noun.children if c.i > holder.head.i]) is None:
        return None
    return holder


def _same_owner(pronoun: Token, subject: Token) -> bool:
    """Whether a possessive pronoun can stand for the subject: "her" for "she" or a person named ("Lena Okafor",
    "a former senator, Lena Okafor,"; the tagger takes some surnames for organisations), "their" for "they" or
    several, "its" for "it" or a thing (not "he" for "her", a relative pronoun, nor a thing for "her": "The
    revelation did not alter her disapproval of ...")."""
    owner, name = pronoun.lower_, subject.lower_
    if subject.tag_ in ("PRP", "WP", "WDT"):
        return (name, owner) in {("he", "his"), ("she", "her"), ("they", "their"), ("it", "its")}
    several = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if owner == "their":
        return several
    if owner == "its":
        return not several and subject.ent_type_ != "PERSON"
    return owner in ("his", "her") and not several and (
        subject.ent_type_ == "PERSON" or subject.pos_ == "PROPN" and subject.ent_type_ in ("ORG", "")
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subject.children))


def _held_through(preposition: Token, vocabulary: Vocabulary) -> bool:
    """Whether the noun after a preposition on a verb is the subject's own: "responded with", "opened with", "veered
    into", "in the hope of", "under the assumption that", "bristled at the suggestion", "cling to the hope" (not
    what the subject hears or gets: "reacted to the claim", "listened to the argument", "roused the crowd to chants";
    nor the content of a cue of the verb and the preposition, another's: "scoffed at the suggestion", "agreed with
    the assessment"; "on" is as often another's: "picked up on the criticism of")."""
    verb = preposition.head
    if not is_verb(verb) or verb.i > preposition.i:
        return False
    lemma, word = verb.lemma_.lower(), preposition.lower_
    if vocabulary.preposition_group(lemma, word) is not None:
        return False
    if word in ("with", "into"):
        return True
    if lemma in _RECEIVING | _PROVOKING or lemma in vocabulary.hearing:
        return False
    # (a "to" phrase after an object is where the object was moved: "roused the crowd to chants of ...")
    return word in ("in", "under", "at") or word == "to" and vocabulary.group(lemma) is None \
        and not any(c.dep_ == "dobj" for c in verb.children)


# Verbs whose object is a stance others take toward the subject ("faced criticism", "sparked fears that").
_PROVOKING = {"face", "draw", "attract", "provoke", "spark", "prompt", "trigger", "fuel", "invite", "court",
              "stoke", "ignite", "generate", "cause", "heighten", "ease", "allay", "dispel", "quell", "weather",
              "survive", "escape", "deserve", "merit", "spur", "inspire", "create", "bring", "incur", "elicit",
              "shrug", "brush", "ignore", "address", "hear", "see", "read", "share", "echo", "confirm", "drive"}
# Verbs whose object is a stance or blame others direct at the subject, when the phrase says from whom ("faced
# criticism from", "sparked condemnation from").
_BROUGHT_ON = {"face", "provoke", "spark", "prompt", "trigger", "invite", "incur", "elicit"}
_RECEIVING = {"win", "have", "earn", "get", "receive", "secure", "gain", "land", "pick", "garner", "seek", "lose",
              "snag", "collect", "rack", "lock", "clinch", "need", "want", "lack", "enjoy", "draw", "attract",
              "command", "retain", "keep"}


def _received_stance(noun: Token, group: CueGroup, takes: frozenset[str]) -> Reading | None:
    """ "Lind won the endorsement of Ruth Ellery", "She has the backing of most unions", "The statement drew sharp
    criticism from both sides": the one who gives the stance or the blame is the source, the one who receives it
    the content. Blame, and what is brought on, comes "from" its givers ("accusations of favoritism" are what it
    says), and a noun with a content of its own reads that ("faced criticism from rivals that ...")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _RECEIVING | _BROUGHT_ON:
        return None
    brought = group.name == "accusation" or verb.lemma_.lower() in _BROUGHT_ON
    if brought and _complement(noun, takes - {"from"}, noun.children) is not None:
        return None
    # ("has strong support among black voters": those among whom it is held give it)
    from_words = ("from",) if brought else ("of", "from", "among")
    givers = [c for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in from_words
              for c in prep.children if c.dep_ == "pobj"]
    # "drew support from a large majority", "locked in support among Hispanics": the parse may hang the phrase on
    # the verb
    givers += [c for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("from", "among")
               and prep.i > noun.i for c in prep.children if c.dep_ == "pobj"]
    if not givers:
        return None
    # (the subject of the verb it joins too: "led in the polls and last week picked up the endorsement of Brandt")
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return None
    doc = noun.doc
    giver = givers[0]
    end = giver.head.i + 1
    start = verb_group(verb)[0]
    if any(doc[k].is_punct for k in range(start, end)):
        return None
    reading = Reading(cue=(start, end), head=noun.i, group=group.name,
                      content=[trim(doc, subject.left_edge.i, subject.right_edge.i + 1)])
    # "backing from the United States and its allies, which have accepted ...", "won the endorsement of the
    # teachers union, a coup over her rival": what the givers did besides, or what the writer makes of it, is not
    # who they are
    reading.source = subtree(giver)
    reading.source_head = giver.i
    reading.inverted = True
    return reading


def _complement(word: Token, takes: frozenset[str], children) -> tuple[tuple[int, int], Token | None] | None:
    """The content a reporting noun or adjective takes among `children`: a that-clause, an infinitive or the object
    of one of its prepositions (with that preposition), the nearest first; None without one."""
    for child in sorted(children, key=lambda c: c.i):
        if child.i < word.i:
            continue
        if child.dep_ in ("acl", "ccomp", "relcl", "advcl") and "that" in takes and any(
                m.dep_ == "mark" and m.lower_ == "that" and m.i < child.i for m in child.children):
            return subtree(child), None
        # ("were certain they would back Okafor", "I am glad they asked": a clause with its subject and no "that";
        # not a question, "not sure why they asked", nor a relative clause the parse misread, "whose aim was ...")
        if child.dep_ == "ccomp" and "that" in takes and not any(c.dep_ == "mark" for c in child.children) \
                and any(c.dep_ in SUBJECTS and c.i < child.i for c in child.children) \
                and word.doc[child.left_edge.i].tag_ not in ("WDT", "WP", "WP$", "WRB"):
            return subtree(child), None
        if child.dep_ in ("acl", "ccomp", "relcl", "advcl") and "whether" in takes and any(
                m.dep_ == "mark" and m.lower_ in ("whether", "if") and m.i == child.left_edge.i for m in child.children):
            return subtree(child), None
        if child.dep_ == "prep" and "whether" in takes and child.i == word.i + 1 and any(
                c.dep_ == "pcomp" and c.doc[c.left_edge.i].lower_ == "whether" for c in child.children):
            # "the question of whether ...": the clause, without the "of"
            return subtree(next(c for c in child.children if c.dep_ == "pcomp")), child
        if child.dep_ in ("acl", "xcomp", "ccomp", "advcl") and "to" in takes and has_to(child) \
                and child.left_edge.i > word.i:
            return subtree(child), None
        # (a light verb's "to" is a dative to the parse: "offered his condolences to the families")
        if child.dep_ in ("prep", "dative") and child.lower_ in takes:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            # (a quotation is content whatever it names: "chants of “Four more years!”")
            if objects and (objects[0].ent_type_ not in NOT_CONTENT_ENTITIES
                            or word.doc[objects[0].left_edge.i - 1].is_quote):
                return subtree(objects[0]), child
    return None


_IDIOM_FILLERS = {"DET", "ADJ", "ADV", "NUM"}


def _read_idiom(verb: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "took issue with the prediction", "took some shots at Pryce", "singled out his vote", "weighed in": an
    idiom of the vocabulary's verb phrases; the content is the object of its last word (or the verb's object, or
    a clause), the source the verb's subject."""
    doc = verb.doc
    for words, group in vocabulary.verb_phrases[verb.lemma_.lower()]:
        k, matched = verb.i + 1, [verb]
        for word in words[1:]:
            skipped = 0
            # ("threw her support behind", "took their shots at": a possessive too)
            while k < len(doc) and doc[k].lower_ != word and (doc[k].pos_ in _IDIOM_FILLERS or doc[k].tag_ == "PRP$") \
                    and skipped < 2:
                k, skipped = k + 1, skipped + 1
            if k >= len(doc) or doc[k].lower_ != word:
                break
            matched.append(doc[k])
            k += 1
        else:
            last = matched[-1]
            content: list[tuple[int, int]] = []
            objects = [c for c in last.children if c.dep_ in ("pobj", "pcomp")] if last is not verb else []
            verb_objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > last.i]
            clauses = [c for t in matched for c in t.children if c.dep_ in ("ccomp", "xcomp", "acl") and c.i > last.i]
            # ("shrugged off the poll as “fake news”", "called out Okafor for alienating farmers": with what the
            # object was called or is accused of)
            if objects or verb_objects:
                content = [with_said_of(verb, with_as(verb, subtree((objects or verb_objects)[0])), group)]
            elif clauses:
                content = [subtree(clauses[0])]
            # (the idiom's last word may be the infinitive's own "to", which stays with the content: "Cruz looks
            # to build on his momentum", cue "looks")
            end = min(last.i + 1, content[0][0]) if content else last.i + 1
            cue = (verb_group(verb)[0], _with_colon(doc, end))
            reading = Reading(cue=cue, head=verb.i, group=group.name, content=content)
            if not content:
                reading.content = host_clause(verb) or as_clause(verb, group)
                reading.inverted = reading.hosted = bool(reading.content)
            subject, passive = subject_of(verb)
            if passive and any(t.dep_ == "agent" for t in matched) \
                    and not any(c.dep_ == "auxpass" or c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
                # "Marlow stood by his plan": the idiom's own "by", which the parse took for a passive's agent;
                # the one who stands by it is the subject
                subject, passive = next((c for c in verb.children if c.dep_ in SUBJECTS), None), False
            reading.passive = passive
            if subject is not None:
                reading.source, reading.source_head = source_span(subject, verb), antecedent_of(subject)
            elif not passive:
                # ("But Skelly, a longtime party operative, vouched for them", "Okafor, goaded by Marlow, came out
                # against the deal": the parse hung the name elsewhere, as it does for a single verb)
                _speaker_off_the_parse(reading, verb, verb.lemma_.lower())
            return reading
    return None


def _read_made_clear(verb: Token) -> Reading | None:
    """ "made clear that ...", "has made it clear that ...": the clause is the content, the subject the source."""
    doc = verb.doc
    clear = [c for c in verb.children if c.lower_ == "clear" and c.i > verb.i]
    if not clear:
        return None
    clauses = [c for c in (*verb.children, *clear[0].children) if c.dep_ in ("ccomp", "advcl") and c.i > clear[0].i]
    if not clauses:
        return None
    start, end = subtree(clauses[0])
    if any(doc[k].is_punct and doc[k].text != "," for k in range(clear[0].i, start)):
        return None
    reading = Reading(cue=(verb_group(verb)[0], clear[0].i + 1), head=verb.i, group="speech", content=[(start, end)])
    subject, _ = subject_of(verb)
    if subject is not None:
        reading.source, reading.source_head = source_span(subject, verb), antecedent_of(subject)
    return reading


def _read_adjective(verb: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "is confident that ...", "was not hopeful about the showdown", "are deeply skeptical of the deal": a
    stance adjective after "be", its complement the content, the subject of "be" the source."""
    doc = verb.doc
    if verb.tag_ == "VBN" and verb.lower_ in vocabulary.adjectives:  # "is concerned about", parsed as a passive
        adjective, children = verb, list(verb.children)
        if not any(c.dep_ == "auxpass" for c in children):
            return None
    else:
        # (also one the parse took for a predicate: "appeared pleased with")
        adjectives = [c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.lower_ in vocabulary.adjectives]
        if not adjectives:
            return None
        adjective = adjectives[0]
        children = [*adjective.children, *(c for c in verb.children if c.i > adjective.i)]
    group, takes = vocabulary.adjectives[adjective.lower_]
    # ("Democrats appeared pleased with her", "did not seem to be worried about": after a verb of seeming, from
    # the verb and its subject; not an adjective of intention, the writer's view of the subject: "seems ready to")
    host = verb.head if verb.dep_ == "xcomp" and has_to(verb) and verb.head.lemma_.lower() in vocabulary.raising \
        else verb
    if host.lemma_.lower() in vocabulary.raising and group.name == "intention":
        return None
    found = _complement(adjective, takes, children)
    if found is None:
        return None
    content, preposition = found
    subjects = [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ in EXPLETIVES:
        return None  # "it is clear that ...": the writer's own judgement
    start = min(verb_group(host)[0], adjective.i)
    end = adjective.i + 1
    if preposition is not None and preposition.i == end:
        end += 1
    if any(doc[k].is_punct for k in range(start, end)):
        return None
    reading = Reading(cue=(start, end), head=verb.i, group=group.name, content=[content])
    subject = subjects[0]
    reading.source, reading.source_head = source_span(subject, verb), antecedent_of(subject)
    return reading


def _read_seeming(verb: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "Lind appears to be slipping", "it seems that the talks failed": the subject and the infinitive (or the
    clause) are the content, and there is no source. A reporting verb after it that has a content of its own
    reads itself ("appeared to mock the plan"; not "Investors seem to agree", "sales appear to have declined")."""
    doc = verb.doc
    if verb.dep_ in ("aux", "auxpass", "amod"):
        return None
    clauses = [c for c in verb.children if c.dep_ == "xcomp" and has_to(c) and c.i > verb.i]
    # "Party insiders might seem deeply unfair", "appeared poised to win"
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.i > verb.i]
    # "This seems like a fair idea", "may seem like little more than a snag": what it seems like, "like" joining
    # the cue
    likes = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "like" and c.i > verb.i]
    predicates += [o for c in likes for o in c.children if o.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    if not subjects and verb.dep_ == "conj":  # "held a sizable lead and appeared poised to win"
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECTS and c.i < verb.head.i]
    content = []
    if clauses or predicates:
        clause = (clauses or predicates)[0]
        # "it appeared to hold off the tide": a referring "it" is what seemed so; "there" is not
        lemma = clause.lemma_.lower()
        if vocabulary.group(lemma) is not None and content_of(clause, lemma, vocabulary)[0] \
                or lemma == "be" and _read_adjective(clause, vocabulary) is not None or not subjects \
                or subjects[0].lower_ == "there" or subjects[0].lower_ in RELATIVE \
                or subjects[0].lower_ == "it" and not clauses:
            return None
        subject = subjects[0]
        # (not what the infinitive's object fronted before the subject: "a report that a member of her detail
        # appeared to be carrying a syringe", "rules which he appeared to run afoul of")
        start, end = subtree(clause)
        content = [trim(doc, subject.left_edge.i, subject.right_edge.i + 1), (max(start, verb.i + 1), end)]
        if clause.head in likes and clause.head.i == verb_group(verb)[1]:
            return Reading(cue=(verb_group(verb)[0], clause.head.i + 1), head=verb.i, group="evidence",
                           content=content)
    else:
        # "it seems that the talks failed", "it seems the party has too many insiders"
        that = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and (
            any(m.dep_ == "mark" and m.lower_ in ("that", "as", "like", "if") for m in c.children)
            or any(s.dep_ in SUBJECTS for s in c.children))]
        if not that or not subjects or subjects[0].lower_ != "it":
            return None
        content = [subtree(that[0])]
    return Reading(cue=verb_group(verb), head=verb.i, group="evidence", content=content)


# ---------------------------------------------------------------------------------------------------- cue span


def verb_group(verb: Token) -> tuple[int, int]:
    """The verb with its auxiliaries, negation, adverbs, particle and floated quantifier, where they touch it ("has
    also said", "has since said", "shot back", "have all attacked")."""
    doc = verb.doc
    members = {verb.i}
    for child in verb.children:
        if child.dep_ in _GROUP_LEFT or child.dep_ == "prt" or child.dep_ == "advmod" and (
                child.lower_ in GROUP_ADVERBS or child.i < verb.i and child.lower_.endswith("ly")) \
                or _floating(verb, child):
            members.add(child.i)
    start = end = verb.i
    while start - 1 in members:
        start -= 1
    # "he’s said", "who’ve already said": a contracted auxiliary right before the group, which the parse hung on the
    # subject (see source_span; not the "is" before an infinitive: "That’s not to suggest")
    if start > 1 and contracted_verb(doc[start - 1]) and not doc[start - 2].whitespace_ and not has_to(verb):
        start -= 1
    # "Richards and Menendez both stressed", "with Marlow and Okafor all calling for": the quantifier the parse
    # set beside the speakers
    if start > 0 and doc[start - 1].dep_ == "appos" and verb in (doc[start - 1].head.head, doc[start - 1].head) \
            and _floating(verb, doc[start - 1]):
        start -= 1
    while end + 1 in members:
        end += 1
    # "seemed to mock", "continued to insist", "was quick to point out": a word that takes the infinitive right
    # after it joins the cue (an adjective with its copula), also with a particle or what was said between ("went on
    # to endorse", "had this to say"; not "prompted Marlow to say", where another speaks)
    head = verb.head
    if verb.dep_ in ("xcomp", "advcl") and has_to(verb) and head.lemma_.lower() in vocabulary().catenatives \
            and head.i < start <= head.i + 2 and all(
                doc[k].dep_ == "prt" or doc[k].pos_ == "PRON" and doc[k].lower_ not in PEOPLE_PRONOUNS
                for k in range(head.i + 1, start)):
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i < head.i:
            start = verb_group(head.head)[0]
        elif head.pos_ in ("VERB", "AUX"):
            start = verb_group(head)[0]
    # "said in a statement"
    if end + 1 < len(doc) and doc[end + 1].dep_ == "prep" and doc[end + 1].head.i == verb.i \
            and doc[end + 1].lower_ in ("in", "on", "via", "during"):
        objects = [c for c in doc[end + 1].children if c.dep_ == "pobj"]
        if objects and objects[0].lemma_.lower() in vocabulary().channels and objects[0].right_edge.i == objects[0].i:
            end = objects[0].i
    return start, _with_colon(doc, end + 1)


def _with_colon(doc: Doc, end: int) -> int:
    """A cue's end with the colon right after it, which announces what was said ("tweeted:", "said in a
    statement:", "went on to say:", "as Brandt put it:")."""
    return end + 1 if end < len(doc) and doc[end].text == ":" else end


def _floating(verb: Token, word: Token) -> bool:
    """Whether a word is a quantifier floated after the verb's speakers ("have all attacked", "Richards and Menendez
    both stressed"), not the "both" of two verbs joined ("has both endorsed Okafor and criticized her")."""
    if word.dep_ == "nsubj":  # (the parse may make it a second subject; alone, it is the speaker: "Both agree")
        return word.lower_ in FLOATING and any(c.dep_ == "nsubj" and c.i < word.i for c in verb.children)
    return word.lower_ in FLOATING and word.i < verb.i and word.dep_ in ("advmod", "appos") \
        and not (word.lower_ == "both" and any(c.dep_ == "conj" for c in verb.children))


# ---------------------------------------------------------------------------------------------------- source


