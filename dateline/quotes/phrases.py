"""Cues that are phrases, not verbs or nouns: "according to X", "in a statement" or "in a poll", "To Marlow, ...",
"like Okafor said", "a self-described socialist". Each reader takes the phrase's word and gives a Reading, or None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.nlp import entity_bounds
from dateline.quotes.content import is_report
from dateline.quotes.cues import Reading, read, without_connective
from dateline.quotes.parse import (
    EXPLETIVES,
    PASSIVE_SUBJECTS,
    PEOPLE_PRONOUNS,
    RELATIVE,
    SUBJECTS,
    comma_before,
    ends_sentence,
    is_verb,
    minus,
    subtree,
    trim,
)
from dateline.quotes.sources import antecedent_of, closing_comma, source_span
from dateline.quotes.vocabulary import Vocabulary, vocabulary


def according_at(doc: Doc, i: int, vocabulary: Vocabulary) -> int:
    """The length of an attributing phrase starting at token i ("according to"), or 0."""
    if doc[i].lower_ not in vocabulary.according_first:
        return 0
    for phrase in vocabulary.according:
        n = len(phrase)
        if i + n <= len(doc) and all(doc[i + k].lower_ == phrase[k] for k in range(n)):
            return n
    return 0


def read_according(doc: Doc, i: int, n: int) -> Reading | None:
    """ "according to X, ..." or "..., according to X": source X, content the rest of the sentence."""
    to = doc[i + n - 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in doc[i].children if c.dep_ == "pobj"]
    reading = Reading(cue=(i, i + n), head=i, group="speech")
    phrase_end = i + n
    if objects:
        obj = objects[0]
        # (not the comma the parse hung on X: "According to a State Department official, two were upgraded")
        reading.source = trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
        reading.source_head = obj.i
        phrase_end = obj.right_edge.i + 1
        subject = _subject_hung_on_source(doc, obj, phrase_end)
        if subject is not None:
            reading.source, phrase_end = trim(doc, obj.left_edge.i, subject), subject
        # "According to his aunt, Ada Brandt, “...”", "..., according to his aunt, Ada Brandt.": the name set off
        # after the source is part of it
        k = phrase_end
        if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].ent_iob_ == "B" and doc[k + 1].ent_type_ == "PERSON":
            end = entity_bounds(doc[k + 1])[1]
            closed = end < len(doc) and doc[end].text == ","
            if closed or ends_sentence(doc, k, end):
                reading.source, reading.source_head, phrase_end = (reading.source[0], end), end - 1, end + closed
    sentence = doc[i].sent
    host = doc[i].head
    if host.dep_ == "relcl" and host.i != i and sentence.start <= host.left_edge.i:
        # "the delegates, which stood at 263, according to the AP": the clause the phrase hangs on
        start, end = host.left_edge.i, max(host.right_edge.i + 1, phrase_end)
    else:
        start, end = sentence.start, sentence.end
        start = _after_own_report(doc, start, i)
    content = _without_opener(doc, minus(start, end, i, phrase_end, doc))
    # ("In addition, nine million more workers will be protected, according to the department": the writer's link)
    if content:
        content = without_connective(doc, content, vocabulary())
    reading.content = _without_aside(doc, content, i)
    reading.inverted = bool(reading.content) and reading.content[0][0] < i
    return reading


def _after_own_report(doc: Doc, start: int, i: int) -> int:
    """Where the content of a closing "according to X" starts when the clause before it is another's report: at
    the piece set off by a comma at its end, which is what X reports ("Marlow says it is proof they can close the
    gap in delegates, which stood at 263, according to the AP", "Polls show that voters like Pryce, with 56
    percent viewing him positively, according to a Herald poll"). Without such a piece X tells the report itself,
    whole ("Pryce told her that it was not that simple, according to an account she gave")."""
    last = i - 2
    if last <= start or doc[i - 1].text != ",":
        return start
    vocab = vocabulary()
    for piece in sorted(_closing_pieces(doc, start, last), key=lambda t: t.left_edge.i):
        # (a clause joined to the report goes on with it: "Three in four say they buy American goods, but those
        # cost more, according to the survey")
        if piece.dep_ == "conj" and is_report(piece.head, vocab):
            continue
        first = piece.i + 1 if piece.dep_ == "prep" else piece.left_edge.i
        if any(is_report(t, vocab) for t in doc[start:first]) and not any(is_report(t, vocab) for t in doc[first:i]):
            return first
    return start


def _closing_pieces(doc: Doc, start: int, last: int) -> list[Token]:
    """The relative clauses, conjuncts and "with" phrases set off by a comma that end at token last ("..., which
    stood at 263", "..., and won 77 percent", "..., with 56 percent of voters viewing him positively")."""
    pieces = []
    for t in doc[start + 1:last + 1]:
        first = t.left_edge.i
        if not first <= last <= t.right_edge.i or first <= start + 1:
            continue
        set_off = doc[first - 1].text == "," or doc[first - 1].dep_ == "cc" and doc[first - 2].text == ","
        if set_off and (t.dep_ in ("relcl", "conj") and is_verb(t) or t.lower_ == "with" and t.dep_ == "prep"):
            pieces.append(t)
    return pieces


def _subject_hung_on_source(doc: Doc, obj: Token, phrase_end: int) -> int | None:
    """Where the subject of the clause after "according to X" starts when the parse hung it on X, set off by a
    comma as an apposition ("According to early exit polls, majorities of voters say ..."): X runs into the
    clause's verb without a comma to close it."""
    if phrase_end >= len(doc) or doc[phrase_end].is_punct or doc[phrase_end].is_space:
        return None
    return next((t.left_edge.i for t in doc[obj.i + 1:phrase_end] if t.dep_ in ("appos", "conj")
                 and t.right_edge.i + 1 == phrase_end and doc[t.left_edge.i - 1].text == ","), None)


def _without_aside(doc: Doc, parts: list[tuple[int, int]], i: int) -> list[tuple[int, int]]:
    """Reported content without the words set after a closing "according to X" that say who X is or what a figure
    amounts to ("..., according to a report from WKVB, the station in Valbrook", "according to the poll - virtually
    the same as Marlow's 60 percent"): without a verb they are the writer's, no clause of what was reported."""
    if len(parts) < 2 or parts[0][0] >= i:
        return parts
    return [(a, b) for a, b in parts if a < i or any(doc[k].pos_ in ("VERB", "AUX") for k in range(a, b))]


# (a phrase that opens the sentence says when, where or among whom, which is part of what the source reports: "In
# 2014, Ferguson had 115 murders, according to the FBI", "Among Democrats alone, Okafor leads by 8 points")
_OPENERS = {"advcl", "advmod"}


def _without_opener(doc: Doc, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Reported content without the writer's framing before it: an adverb, an adverbial clause or a phrase of
    concession that opens the sentence and ends with a comma ("As I mentioned above, Marlow got ...", "Still, two
    in three voters ...", "Though he has no path to the nomination, Pryce leads ...", "Despite the attacks, ...");
    not a clause of when, why or on what condition, which is part of the claim ("When the plant closed, 300 jobs
    were lost, according to the union")."""
    if not parts:
        return parts
    start, end = parts[0]
    if not doc[start].is_sent_start:
        return parts
    roots = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    if len(roots) != 1:
        return parts
    vocab = vocabulary()
    reported, conceding = vocab.reported_conditions, vocab.conceding
    for child in roots[0].lefts:
        opener = child.dep_ in _OPENERS or child.dep_ == "prep" and child.lower_ in conceding
        if opener and child.left_edge.i == start and child.right_edge.i + 1 < end \
                and doc[child.right_edge.i + 1].text == "," and child.right_edge.i + 2 < end \
                and doc[start].lower_ not in reported:
            start = child.right_edge.i + 2
    return [(start, end), *parts[1:]] if start < end else parts


def read_in(preposition: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "In the latest CBS poll, Marlow's lead narrowed to 13 points", "In Moscow's view, the strikes are lawful": a
    document, or what someone holds, that attributes through "in". The source is the document or the holder, the
    content the clause the phrase hangs on, without the phrase."""
    if preposition.dep_ != "prep":
        return None
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    holders = [c for c in objects[0].children if c.dep_ == "poss"] if objects else []
    held = bool(holders) and objects[0].lemma_.lower() in vocabulary.in_minds
    if not held and not (objects and objects[0].lemma_.lower() in vocabulary.in_documents):
        return None
    host = preposition.head
    # "has a decisive lead in the polls", "continues to lead in polls": the clause is the verb's that holds the
    # noun or the infinitive the phrase hangs on
    for _ in range(2):
        if host.dep_ in ("dobj", "attr", "xcomp") and host.head.i != host.i:
            host = host.head
    if not (is_verb(host) or host.pos_ == "AUX"):
        return None
    reports = vocabulary.group(host.lemma_.lower()) is not None or any(
        vocabulary.group(c.lemma_.lower()) is not None and c.dep_ in ("conj", "ccomp", "xcomp") for c in host.children)
    # A clause with a report of its own is its speaker's ("In his view, Okafor said ..."), unless those who speak
    # are the poll's respondents, who speak through it: "In a poll released Sunday, 60 percent said ..." (PolNeAR
    # marks the poll alone)
    if reports and (held or not _polled(host, vocabulary)):
        return None
    doc = preposition.doc
    # (a view is held of a relative clause too: "which in his view has gained strength")
    clauses = ("ROOT", "conj", "ccomp", "relcl") if held else ("ROOT", "conj", "ccomp")
    if host.dep_ not in clauses or not held and any(c.dep_ in SUBJECTS and c.lower_ in RELATIVE for c in host.children):
        return None
    start, end = subtree(host)
    start = min(start, preposition.i)
    # A document's phrase opens or closes its clause ("In the CBS poll, ...", "... in national polls"); in the
    # middle it is mostly where something happened ("rose in the polls to double digits"), unless all that follows
    # is by how much or when ("led Marlow in the poll by 9 points", "in an NBC poll Jan. 17-23")
    if not held and preposition.i != start and preposition.right_edge.i + 1 < end \
            and not _only_margin_after(host, preposition):
        return None
    content = minus(start, end, preposition.i, preposition.right_edge.i + 1, doc)
    if not content or host.i in range(preposition.i, preposition.right_edge.i + 1):
        return None
    if held:
        holder = holders[0]
        reading = Reading(cue=(objects[0].i, objects[0].i + 1), head=objects[0].i, group="belief", content=content)
        reading.source, reading.source_head = (holder.left_edge.i, holder.right_edge.i + 1), antecedent_of(holder)
    else:
        document = objects[0]
        reading = Reading(cue=(preposition.i, preposition.i + 1), head=preposition.i, group="evidence",
                          content=content)
        reading.source = trim(doc, document.left_edge.i, document.right_edge.i + 1)
        reading.source_head = document.i
    reading.inverted = content[0][0] < preposition.i
    return reading


def _only_margin_after(host: Token, preposition: Token) -> bool:
    """Whether the words of the clause after the preposition's phrase only say by how much or when: "by" and its
    object, a date, an adverb, commas ("in every statewide poll, usually by double digits")."""
    return all(c.dep_ in ("punct", "advmod") or c.dep_ == "prep" and c.lower_ == "by"
               or c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")
               for c in host.children if c.i > preposition.i)


def _polled(verb: Token, vocabulary: Vocabulary) -> bool:
    """Whether the verb's subject is a share of those polled ("60 percent", "one in four", "a majority of voters",
    "voters in both parties")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.tag_ == "CD" or subject.lemma_.lower() in vocabulary.polled)


_PERSONAL = {"i", "we", "you", "he", "she", "they"}


def read_to(preposition: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "To Frank, issues of class get attention only so long as ...", "To them, it signals a new phase": a phrase
    that opens the sentence with the people in whose eyes the rest holds. The source is the people, the cue "to",
    the content the clause the phrase hangs on, without the phrase."""
    doc = preposition.doc
    first = preposition.i
    if first > 0 and not preposition.is_sent_start and doc[first - 1].dep_ == "cc":
        first -= 1  # ("But to Democrats, the Clinton years remain the good old days")
    if preposition.dep_ != "prep" or not doc[first].is_sent_start:
        return None
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if not objects:
        return None
    people = objects[0]
    after = people.right_edge.i + 1
    if after >= len(doc) or doc[after].text != "," or not (
            people.ent_type_ in ("PERSON", "NORP", "ORG") or people.lower_ in PEOPLE_PRONOUNS):
        return None
    host = preposition.head
    if not (is_verb(host) or host.pos_ == "AUX"):
        return None
    # (not the one spoken to: "To reporters, Marlow said ...")
    if vocabulary.group(host.lemma_.lower()) is not None and any(
            c.dep_ in SUBJECTS and (c.ent_type_ in ("PERSON", "NORP", "ORG") or c.lower_ in _PERSONAL)
            for c in host.children):
        return None
    start, end = subtree(host)
    content = minus(start, end, preposition.i, after, doc)
    if not content:
        return None
    reading = Reading(cue=(preposition.i, preposition.i + 1), head=preposition.i, group="belief", content=content)
    source = trim(doc, people.left_edge.i, after)
    reading.source = (source[0], closing_comma(doc, *source, preposition))
    reading.source_head = antecedent_of(people)
    return reading


def read_like(preposition: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "a lot of people didn’t like the phrase", "if you don’t like it": the verb "like" after "do", which the
    parse reads as a preposition hung on "do" as the main verb (as it does after a curly "n’t"). The subject of
    "do" is the source, "like" with "do" the cue, its object the content."""
    doer = preposition.head
    group = vocabulary.object_groups.get(preposition.lower_)
    if preposition.dep_ != "prep" or doer.lemma_.lower() != "do" or doer.i > preposition.i or group is None \
            or any(c.dep_ == "dobj" for c in doer.children):
        return None  # (not "had done something bizarre like store bodies")
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    subjects = [c for c in doer.children if c.dep_ in SUBJECTS and c.i < doer.i]
    doc = preposition.doc
    if not objects or not subjects or any(doc[k].is_punct for k in range(doer.i, preposition.i)):
        return None
    reading = Reading(cue=(doer.i, preposition.i + 1), head=preposition.i, group=group.name,
                      content=[trim(doc, objects[0].left_edge.i, objects[0].right_edge.i + 1)])
    reading.source, reading.source_head = source_span(subjects[0], doer), antecedent_of(subjects[0])
    return reading


def read_self_described(participle: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "a self-described green liberal", "self-proclaimed experts": the one described describes
    themselves. PolNeAR writes the source as "self" and the content as what follows the participle in its noun
    phrase."""
    doc = participle.doc
    i = participle.i
    noun = participle.head
    if participle.lower_ not in vocabulary.self_described or i < 2 or doc[i - 1].text != "-" \
            or doc[i - 2].lower_ != "self" or noun.i <= i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    reading = Reading(cue=(i, i + 1), head=i, group="speech", content=[trim(doc, i + 1, noun.i + 1)])
    reading.source, reading.source_head = (i - 2, i - 1), i - 2
    return reading


def read_hearsay(adverb: Token, vocabulary: Vocabulary) -> Reading | None:
    """ "Both firms have reportedly looked at the deal", "Marlow was reportedly on that trip": an adverb that makes its
    clause what others report, naming no one. The cue is the adverb, the content its clause from the subject on
    without it, nor what is set off after it (", leaving ...", ", but ..."), and there is no source. On a verb that
    reads itself the adverb joins that verb's cue ("Marlow reportedly said ..."); a clause with no subject of its
    own, or with a relative pronoun for one, tells of a noun outside it ("who reportedly has been itching to ...")."""
    verb = adverb.head
    if adverb.dep_ != "advmod" or not (is_verb(verb) or verb.pos_ == "AUX") or read(verb, vocabulary) is not None:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS and c.i < adverb.i]
    if not subjects or subjects[0].lower_ in RELATIVE | EXPLETIVES:
        return None
    doc = adverb.doc
    set_off = [c.left_edge.i for c in verb.rights
               if c.i > adverb.i and c.dep_ in ("advcl", "conj", "cc") and comma_before(doc, c.left_edge.i)]
    start, end = trim(doc, subjects[0].left_edge.i, min([verb.right_edge.i + 1, *set_off]))
    content = minus(start, end, adverb.i, adverb.i + 1, doc)
    if not content:
        return None
    return Reading(cue=(adverb.i, adverb.i + 1), head=adverb.i, group="speech", content=content)
