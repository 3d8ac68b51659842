"""What a cue reports: the content the parse gives a reporting verb.

A clausal complement with its "that" ("said, however, that ..."), a "to"-infinitive for verbs that take one
("vowed to block ..."), the object for verbs that report with one ("denied the report", "accused the government of
..."), what a naming verb calls its object ("called the plan “a disgrace”"); for a cue set inside or after what it
reports, the clause it hangs on (`host_clause`); for a relative or passive cue, the noun it hangs on. Each rule
also says where the content stops: before a second cue of the same speaker, an aside, another speaker's verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.quotes.parse import (
    CLOSING,
    DASHES,
    EXPLETIVES,
    OPENING,
    PASSIVE_SUBJECTS,
    RELATIVE,
    SUBJECTS,
    ends_sentence,
    has_to,
    is_verb,
    minus,
    subtree,
    trim,
)
from dateline.quotes.sources import antecedent_of, subject_of
from dateline.quotes.vocabulary import CueGroup, Vocabulary, vocabulary

# Verbs whose object is the one spoken to ("told reporters"), never the speaker.
ADDRESSING = {"tell", "inform", "assure", "remind", "brief", "advise", "warn", "ask", "urge", "thank", "answer"}
# "spoke on Sunday", "wrote for ten years": a time is not what was said.
NOT_CONTENT_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
# What a request asks for may be a sum or a share ("calls for $1 trillion in new spending"); a time or a count is
# how long or how often ("argued for hours").
_REQUESTED_AMOUNTS = {"QUANTITY", "PERCENT", "MONEY"}

# cue groups that say something out loud (not "want", "believe": a state of mind)
SAYING = ("speech", "accusation", "denial")


def _opens_with_that_or_question(clause: Token) -> bool:
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in ("that", "whether", "if") and first.dep_ == "mark" or first.tag_ in ("WDT", "WP", "WRB")


def content_of(verb: Token, lemma: str, vocabulary: Vocabulary
             ) -> tuple[list[tuple[int, int]], CueGroup | None, Token | None]:
    """The content the parse gives a cue verb, the group that reading belongs to, and the preposition that joins
    the cue when the content is its object ("called for a ban")."""
    group = vocabulary.clause_groups.get(lemma)
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    if group is None:
        # "pointed out that ...": a verb that reports only with its particle takes a clause with it.
        particles = [c for c in children if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1
                     and vocabulary.preposition_group(lemma, c.lower_)]
        clauses = [c for c in children if c.dep_ == "ccomp" and c.i > verb.i]
        if particles and clauses:
            return [subtree(clauses[0])], vocabulary.preposition_group(lemma, particles[0].lower_), particles[0]
        # "is reaffirming that the probe is free of influence", "discussed how the law would work": a verb whose
        # object is what was said takes, in its place, a clause that opens with "that" or a question word
        opened = [c for c in clauses if _opens_with_that_or_question(c)]
        if opened and not objects and vocabulary.takes_object(lemma):
            return [subtree(opened[0])], vocabulary.object_groups[lemma], None
    if group is not None:
        clauses = [c for c in children if c.dep_ == "ccomp"]
        # "saying in her note only that she was ...": a "that"-clause the parser hung as an adverbial clause
        clauses += [c for c in children if c.dep_ == "advcl" and c.i > verb.i and _has_that(c)]
        # "As Trump prepared to speak, a girl was pepper-sprayed by a bystander, police said.": the clause before
        # a closing "X said", which the parse hung as an adverbial clause
        clauses += [c for c in children if c.dep_ == "advcl" and c.right_edge.i + 1 < verb.i and verb.dep_ == "ROOT"
                    and verb.left_edge.i == c.left_edge.i and _closing_attribution(verb, c)]
        # "Asked if he was ever bullied, ...", "was asked whether he would run": the question, hung as an adverbial
        # clause
        if lemma in vocabulary.asking:
            clauses += [c for c in children if c.dep_ == "advcl" and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") and m.i == c.left_edge.i for m in c.children)]
        # "47% say the city should build it; 37% disagree": a clause that a semicolon closes before the verb is a
        # statement of its own, which the parse hung on the verb after it
        clauses = [c for c in clauses if not (c.i < verb.i and verb.doc[c.right_edge.i + 1].text == ";")]
        # (nor a clause before a verb of support or opposition, which no one sets after what he backs, as "said" is:
        # "She has promised to cut the levy, opposed the port deal and ..." lists what she did)
        clauses = [c for c in clauses if not (c.i < verb.i and group.name == "stance")]
        # (nor a lone word after a phrase, where a clause follows: "reported on his disclosure forms a speaking fee
        # was $50,000", "forms" a noun the tagger read as a verb)
        clauses = [c for c in clauses if c.i < verb.i or c.n_lefts + c.n_rights] or clauses
        if group.to_clause or lemma in vocabulary.to_verbs:
            clauses += [c for c in children if c.dep_ == "xcomp" and has_to(c)]
        if clauses:
            # The complement nearest the verb; a second one on the other side is usually a misparse, and so is
            # one past another speaker's verb ('“...,” Marlow said as a heckler shouted: “Liar!”').
            clauses = [c for c in clauses if not _past_other_speaker(verb, c, vocabulary)] or clauses
            # ('“...,” said Ada Brandt, half joking': a quotation that closes right before the verb is its content,
            # whatever the parse makes of the name after it)
            clauses = [c for c in clauses if _closes_before(c, verb)] or clauses
            clause = min(clauses, key=lambda c: abs(c.i - verb.i))
            start, end = subtree(clause)
            start = _after_aside(clause, start, end)
            if clause.i < verb.i:
                end = _to_closing_attribution(verb, clause, start, end)
            if clause.dep_ == "ccomp" and clause.i > verb.i:
                start = _with_stray_subject(verb, clause, start)
            end = _before_next_cue(verb, clause, start, end, vocabulary)
            if clause.i > verb.i and end == subtree(clause)[1]:
                end = _with_second_clause(verb, end)
            if end <= verb.i:
                start = _after_announcing_colon(verb, start, end, vocabulary)
            if clause.dep_ == "xcomp":
                # "called on Pryce to do the same", "urged the judge to give ...": the addressee goes along.
                ons = [c for c in children if c.dep_ == "prep" and c.lower_ == "on" and verb.i < c.i < clause.i]
                if ons:
                    start = min(start, ons[0].i + 1)
                    return [(start, end)], group, ons[0]
                addressees = [c for c in objects if verb.i < c.i < clause.i and c.right_edge.i < clause.i]
                if addressees:
                    start = min(start, addressees[0].left_edge.i)
            return [(start, end)], group, None
        # "Those who take on heavy debt struggle, even with a good job, he said.": a closing attribution whose
        # statement the parse broke into pieces hung on the verb, with no clause to take whole
        if (statement := _before_closing_attribution(verb)) is not None:
            return [statement], group, None
        # "said in a statement that ...": the clause hung on the channel by the parse.
        # ("wrote in one of several posts online that ...": the channel may sit deeper in the phrase)
        # A clause with a "that" of its own under a noun of the phrase is never a relative clause: it is what was
        # said, hung on the phrase by the parse.
        for prep in (c for c in children if c.dep_ == "prep" and c.i > verb.i):
            for noun in (c for c in prep.subtree if c.dep_ == "pobj"):
                for clause in noun.children:
                    if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                            m.dep_ == "mark" and m.lower_ == "that" and m.i < clause.i for m in clause.children) \
                            and (noun.lemma_.lower() in vocabulary.channels or clause.dep_ == "relcl"):
                        return [subtree(clause)], group, None
        # "said no", "said yes"; "after half said so", "don't think so": "so" right after the verb stands for what
        # was said before
        answers = [c for c in children if c.dep_ in ("intj", "dobj") and c.lower_ in ("no", "yes") and c.i > verb.i
                   or c.lower_ == "so" and c.i == verb.i + 1 and c.dep_ in ("advmod", "dobj")
                   and (c.i + 1 == len(verb.doc) or not verb.doc[c.i + 1].is_alpha or verb.doc[c.i + 1].dep_ == "prep")]
        if answers:
            return [(answers[0].i, answers[0].i + 1)], group, None
        if group.of_clause and objects:
            obj = objects[0]
            preps = [c for c in children if c.dep_ == "prep" and c.lower_ in group.said_of and c.i > obj.i]
            end = max([obj.right_edge.i] + [p.right_edge.i for p in preps]) + 1
            # ("slammed his proposal as too vague": with what the object was called)
            span = with_as(verb, trim(verb.doc, obj.left_edge.i, end))
            return [_with_infinitive(verb, span, group)], group, None
    # "called Marlow “unhinged”", "calling him a loser": the object and what it is called (by a verb that
    # reports on its own: "shot 41 people dead" is no retort, though "shot back" is).
    predicates = [c for c in children if c.dep_ == "oprd"]
    if _naming(lemma, vocabulary) is not None:
        # "deemed the release of a few prisoners a fair price", "whom they named Ada": the name read as a second
        # object
        predicates += objects[1:]
    if objects and predicates and predicates[0].i > objects[0].i and (group or _naming(lemma, vocabulary)):
        if objects[0].i < verb.i:
            # "which Mr. Marlow called “a disgrace”": the relative pronoun and what it is called, around the cue
            return _around_naming(verb, objects[0], predicates[0]), _naming(lemma, vocabulary) or group, None
        return [trim(verb.doc, objects[0].left_edge.i, predicates[0].right_edge.i + 1)], \
            _naming(lemma, vocabulary) or group, None
    if (naming := _naming(lemma, vocabulary)) is not None and (named := _named(verb, objects, predicates)):
        return [named], naming, None
    # "is calling for the council to speed up its work", "pushed for Congress to act", "called for the strongholds
    # to be hit": the parser makes the preposition the mark of an infinitive clause with a subject (or a passive
    # one); that clause is the content.
    for clause in (c for c in children if c.dep_ == "advcl" and c.i > verb.i and has_to(c)):
        marks = [m for m in clause.children if m.dep_ == "mark" and m.i < clause.i]
        if marks and verb.i < marks[0].i and (by_preposition := vocabulary.preposition_group(lemma, marks[0].lower_)) \
                and any(c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS for c in clause.children):
            return [trim(verb.doc, marks[0].i + 1, subtree(clause)[1])], by_preposition, marks[0]
    # "reminded the crowd of the stakes", "reminded his staff about the show": the preposition the parse hung on
    # the one addressed is the verb's (the cue stays the verb: the addressee is between); not on a noun that
    # reports ("asked a question about the levy": the noun reads it)
    addressed = [c for c in objects[0].children if c.dep_ == "prep" and c.i == objects[0].i + 1] \
        if lemma in ADDRESSING and objects and objects[0].i > verb.i \
        and objects[0].lemma_.lower() not in vocabulary.nouns and objects[0].lower_ not in vocabulary.nouns else []
    for child in (*children, *addressed):
        if child.dep_ in ("prep", "prt") and child.i > verb.i:
            by_preposition = vocabulary.preposition_group(lemma, child.lower_)
            if by_preposition is None:
                continue
            if by_preposition.name == "stance" and verb.tag_ == "VBN" \
                    and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
                continue  # a stance is taken, not undergone: "the candidate most identified with free trade"
            objects_of = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and (
                c.ent_type_ not in NOT_CONTENT_ENTITIES
                or by_preposition.name == "request" and c.ent_type_ in _REQUESTED_AMOUNTS)
                and c.lemma_.lower() not in vocabulary.terms_of_speaking]
            if objects_of:
                # ("referred to Marlow as “a bright, charismatic leader”": with what the object was called)
                content = with_said_of(verb, with_as(verb, subtree(objects_of[0])), by_preposition)
                if by_preposition.name == "request":  # ("pointed to the votes to cement his lead": a purpose)
                    content = _with_infinitive(verb, content)
                # ("of the stakes", "pressed the mayor on the levy": a preposition apart from the cue, after the one
                # addressed, goes with the content)
                if child in addressed or objects and verb.i < objects[0].i < child.i:
                    return [(child.i, content[1])], by_preposition, None
                return [content], by_preposition, child
            if child.dep_ == "prt" and objects:  # "pointed out the flaw"
                return [subtree(objects[0])], by_preposition, child
    # "compared Mr. Lind's evasions to a stage magician's “Presto”", "attributed falling ticket sales to
    # drivers running late": the object with what it is likened to
    if lemma in vocabulary.likening and objects and objects[0].i > verb.i:
        likened = [c for c in (*children, *objects[0].children)
                   if c.dep_ == "prep" and c.lower_ in ("to", "with") and c.i > objects[0].i]
        # "to drivers running late" read as an infinitive clause: its "to" opens it
        likened += [verb.doc[c.left_edge.i] for c in children if c.dep_ in ("advcl", "xcomp", "ccomp")
                    and verb.doc[c.left_edge.i].lower_ in ("to", "with") and c.left_edge.i > objects[0].right_edge.i]
        if likened:
            to = min(likened, key=lambda c: c.i)
            # "to drivers running late": the parse may hang what follows "to" on the verb
            end = max([to.right_edge.i] + [c.right_edge.i for c in children if c.i > to.i
                                           and c.dep_ in ("advcl", "pobj", "pcomp", "dobj")])
            return [trim(verb.doc, objects[0].left_edge.i, end + 1)], vocabulary.group(lemma) or group, None
    # "One 2009 paper found improvements in math scores", "A jury found Zimmerman not guilty", "The poll found
    # Mr. Trump about even with Mrs. Clinton", "A poll showed Okafor with a lead in Ohio, earning 51 percent":
    # what a study finds or shows, the rest of the clause with its figures
    if group is not None and group.name == "evidence" and objects and objects[0].i > verb.i and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in vocabulary.finders for c in children):
        return [trim(verb.doc, objects[0].left_edge.i, verb.right_edge.i + 1)], group, None
    # "which Marlow describes as his favourite town", "whom Okafor views as a peer": the relative pronoun and what
    # it is called, around the cue and its source (as `_around_naming` for "which Marlow called “a disgrace”")
    ases = [c for c in children if _is_as_phrase(c) and c.i > verb.i]
    if objects and ases and objects[0].i < verb.i and objects[0].tag_ in ("WDT", "WP") \
            and (as_group := vocabulary.object_groups.get(lemma) or vocabulary.group(lemma)) is not None:
        return [subtree(objects[0]), trim(verb.doc, ases[0].left_edge.i, ases[0].right_edge.i + 1)], as_group, None
    done = lemma in vocabulary.done_objects and verb.tag_ in ("VBD", "VBZ")
    if (vocabulary.takes_object(lemma) or done or lemma in vocabulary.viewing and _holds_view(verb)) and objects:
        object_group = vocabulary.object_groups.get(lemma) or vocabulary.group(lemma)
        start, end = _with_infinitive(verb, with_said_of(verb, with_as(verb, subtree(objects[0])), object_group),
                                      object_group)
        end = _with_phrases_after(verb, end, vocabulary)
        # "said the same of Okafor", "say the opposite about Okafor": what the object is said of goes along
        for child in children:
            if child.dep_ == "prep" and child.i == end and child.lower_ in ("of", "about", "for") \
                    and objects[0].lemma_.lower() in ("same", "opposite", "that", "this", "much", "so"):
                end = child.right_edge.i + 1
        return [(start, end)], object_group, None
    # "described him as “the most beautiful soul”", "dismissed the kerfuffle as “absurd”"
    if objects and ases and vocabulary.group(lemma) is not None and objects[0].i < ases[0].i:
        return [with_as(verb, subtree(objects[0]))], vocabulary.group(lemma), None
    # "59 percent view her unfavorably", "Some voters now regard him with distaste": how people regard the object,
    # said by an adverb of favor or a "with" phrase right after it, as an "as" phrase says it (not "viewed the
    # paintings slowly")
    if lemma in vocabulary.regarding and objects and objects[0].i > verb.i and _of_people(verb):
        manner = [c for c in children if c.left_edge.i == objects[0].right_edge.i + 1 and (
            c.dep_ == "advmod" and c.lower_ in vocabulary.favor or c.dep_ == "prep" and c.lower_ == "with")]
        if manner:
            return [trim(verb.doc, objects[0].left_edge.i, manner[0].right_edge.i + 1)], vocabulary.group(lemma), None
    # "see the coverage of the mayor as most biased": the "as" phrase the parser hung on the object
    if objects and vocabulary.group(lemma) is not None and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in objects[0].children):
        return [trim(verb.doc, objects[0].left_edge.i, objects[0].right_edge.i + 1)], vocabulary.group(lemma), None
    # "voters who feel squeezed and ignored", "felt slighted by the party": feeling done to, the participle (not
    # "felt free to go", "feels good": a state)
    if lemma == "feel":
        participles = [c for c in children if c.dep_ in ("acomp", "oprd") and c.tag_ == "VBN" and c.i > verb.i]
        if participles:
            return [subtree(participles[0])], group, None
    # "the council voted to ban the pesticide": a verb that reports with its preposition ("voted for the ban") takes
    # an infinitive the parse hung on it too, when no preposition of its own gives the content ("voted against a
    # measure to extend the cuts" is read above); not a reporting infinitive with a content of its own after a word
    # that joins its cue ("would like to announce his departure")
    if group is None and lemma in vocabulary.to_verbs:
        infinitives = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i and has_to(c)]
        if infinitives and not (lemma in vocabulary.catenatives and _reports_itself(infinitives[0], vocabulary)):
            return [subtree(infinitives[0])], vocabulary.group(lemma), None
    # "has proposed charging for parking", "usually oppose charging for water": a gerund as the object
    gerunds = [c for c in children if c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" and c.i > verb.i
               and c.left_edge.i == c.i]
    if gerunds and (vocabulary.takes_object(lemma) or lemma in vocabulary.to_verbs):
        return [subtree(gerunds[0])], vocabulary.object_groups.get(lemma) or vocabulary.group(lemma), None
    return [], group, None


def _holds_view(verb: Token) -> bool:
    """Whether a verb of seeing tells a view its subject holds: in the present, of a person or people other than the
    one speaking or spoken to, and not on an occasion ("Analysts see a rate cut", "Okafor sees an opening"; not "I
    see the lights", "you see the flags", "when she sees the photos", "saw the tweet", nor of a place or a paper:
    "Valbrook sees its biggest crowd", "the report sees growth slowing")."""
    return verb.tag_ in ("VBP", "VBZ") and _of_people(verb) \
        and not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("if", "when", "whenever") for c in verb.children)


def _of_people(verb: Token) -> bool:
    """Whether the verb's subject, active, is a person or people other than the one speaking or spoken to."""
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return False
    holder = verb.doc[antecedent_of(subject)]
    return holder.ent_type_ in ("PERSON", "ORG", "NORP") or holder.lower_ in ("he", "she", "they", "who") \
        or holder.lemma_.lower() in vocabulary().participle_people


def _reports_itself(verb: Token, vocabulary: Vocabulary) -> bool:
    """Whether a reporting verb has a content of its own."""
    lemma = verb.lemma_.lower()
    return vocabulary.group(lemma) is not None and bool(content_of(verb, lemma, vocabulary)[0])


def _closing_attribution(verb: Token, clause: Token) -> bool:
    """Whether the verb and its subject close the sentence after the clause, set off by a comma ('...,
    police said.'), and the clause has a subject of its own (not "When asked, Marlow said ...")."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return bool(subjects) and doc[subjects[0].left_edge.i - 1].text == "," \
        and subjects[0].left_edge.i - 1 == clause.right_edge.i + 1 \
        and ends_sentence(doc, verb.i, verb.i + 1) \
        and any(c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS for t in clause.subtree for c in t.children
                if t.dep_ not in ("relcl", "acl"))


def _before_closing_attribution(verb: Token) -> tuple[int, int] | None:
    """What opens the sentence before a comma and a closing "he said." (the sentence's root, with nothing of its
    own after it), when it says something of someone: a subject of its own, in more than the circumstances of
    saying ("In a speech last July, he said: ...", "But after the growth cooled, the borrowing continued.")."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    if verb.dep_ != "ROOT" or not subjects or not ends_sentence(doc, verb.i, verb.i + 1) \
            or doc[verb.i + 1:verb.i + 2].text == ":":
        return None
    comma = subjects[0].left_edge.i - 1
    if comma <= verb.sent.start or doc[comma].text != ",":
        return None
    start, end = trim(doc, verb.sent.start, comma)
    circumstances = ("advcl", "prep", "advmod", "npadvmod", "cc", "punct", "mark", "intj")
    if all(c.dep_ in circumstances for c in verb.children if start <= c.i < end) \
            or not any(t.dep_ in SUBJECTS or t.dep_ in PASSIVE_SUBJECTS for t in doc[start:end]):
        return None
    return start, end


def _naming(lemma: str, vocabulary: Vocabulary) -> CueGroup | None:
    """The naming group for a verb that names ("called Marlow “unhinged”"), whatever group its clauses read in."""
    return next((g for g in vocabulary.cue_groups.values() if g.name == "naming" and lemma in g.verbs), None)


def _around_naming(verb: Token, named: Token, name: Token) -> list[tuple[int, int]]:
    """The one named before a naming verb and the name after it. What the parse hung on the one named past the verb
    goes with the name ("what strategists dub a 3-2-1 strategy: finish third in Iowa, ...", the list an apposition
    of "what"), so that neither part holds the cue or the other."""
    doc = verb.doc
    if named.right_edge.i < verb.i:
        return [(named.left_edge.i, named.right_edge.i + 1), trim(doc, name.left_edge.i, name.right_edge.i + 1)]
    end = max(name.right_edge.i, named.right_edge.i) + 1
    return [(named.left_edge.i, named.i + 1), trim(doc, name.left_edge.i, end)]


def _named(verb: Token, objects: list[Token], predicates: list[Token]) -> tuple[int, int] | None:
    """What a naming verb names and calls it, where the parse lost the object or the predicate: "called her
    “third-rate”" (the object read as a possessive), "called both Marlow and Okafor “crazy”", "called his actions
    “a crucial step forward”" (the name as an apposition), "calling Marlow a fascist" (two objects). A quoted name
    goes on to its closing mark."""
    span = _named_span(verb, objects, predicates)
    if span is None:
        return None
    doc = verb.doc
    start, end = span
    opened = [k for k in range(start, end) if doc[k].text in OPENING and doc[k].text not in CLOSING]
    if opened and not any(doc[k].text in CLOSING and doc[k].text not in OPENING for k in range(opened[-1], end)):
        for k in range(end, min(verb.sent.end, end + 40)):
            if doc[k].text in CLOSING and doc[k].text not in OPENING:
                return start, k + 1
    return span


def _named_span(verb: Token, objects: list[Token], predicates: list[Token]) -> tuple[int, int] | None:
    doc = verb.doc
    predicates = [c for c in predicates if c.i > verb.i]
    if predicates and not objects:
        return trim(doc, verb.i + 1, predicates[-1].right_edge.i + 1)
    for first in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("PROPN", "NOUN", "PRON")
                  and c.i == verb.i + 1 and not objects):
        # the name hung on the one named ("calling Marlow a fascist")
        if any(c.dep_ in ("dobj", "attr", "appos", "oprd") and c.i > first.i for c in first.children):
            return trim(doc, first.left_edge.i, first.right_edge.i + 1)
    if objects and objects[0].i > verb.i:
        obj = objects[0]
        # (quoted, or a bare "a/an" phrase right after the one named: "called Ms. Brandt an ''Aunt Tom''", "called
        # Marlow a liar")
        names = [c for c in obj.children if c.dep_ == "appos" and c.i > obj.i and (
            any(doc[k].text in OPENING for k in range(c.left_edge.i, c.i))
            or doc[c.left_edge.i - 1].text in OPENING and c.left_edge.i - 1 > obj.i
            or doc[c.left_edge.i].lower_ in ("a", "an") and c.left_edge.i == obj.right_edge.i + 1
            and doc[obj.right_edge.i].text != ",")]
        if names:
            return trim(doc, obj.left_edge.i, names[0].right_edge.i + 1)
        # "called anti-Marlow marchers “illegals” and “thugs”": the one named hung on the quoted name
        if obj.i - 1 > obj.left_edge.i and doc[obj.i - 1].text in OPENING \
                and any(c.dep_ in ("nmod", "compound", "poss") and c.i < obj.i - 1 for c in obj.children):
            return trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
        # "called Mr. Marlow's comments ''racially toxic''", 'called the use of executive orders "quite dangerous"':
        # the quoted name read as the object's modifier
        if any(c.i > obj.i and c.dep_ in ("amod", "appos") and doc[c.left_edge.i - 1].text in OPENING
               for c in obj.children) or obj.i + 1 < obj.right_edge.i and doc[obj.i + 1].text in OPENING:
            return trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
        # "calls her “a very sharp negotiator”": the pronoun read as the name's possessive
        if doc[obj.left_edge.i].tag_ in ("PRP$", "PRP") and obj.left_edge.i + 1 < obj.i \
                and doc[obj.left_edge.i + 1].text in OPENING:
            return trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
        firsts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("PROPN", "NOUN", "PRON")
                  and verb.i < c.i < obj.i and c.right_edge.i < obj.left_edge.i]
        if firsts:
            return trim(doc, firsts[0].left_edge.i, obj.right_edge.i + 1)
    return None


def with_as(verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """An object's span with the "as" phrase that says what the object was called, when it follows the object
    or what else hangs on the verb after it ("described a walk by the lake with her dog, as the ideal
    weekend"), within the clause."""
    start, end = span
    doc = verb.doc
    for child in verb.children:
        if _is_as_phrase(child) and end <= child.left_edge.i < end + 12 and not any(
                is_verb(doc[k]) or doc[k].text in (";", ":", "—") or doc[k].is_sent_start
                for k in range(end, child.left_edge.i)):
            return start, trim(doc, start, child.right_edge.i + 1)[1]
    return span


def with_said_of(verb: Token, span: tuple[int, int], group: CueGroup) -> tuple[int, int]:
    """An object's span with the phrase right after it that the parse hung on the verb, where it says what the verb
    says of the object ("a poll shows Okafor with an 8-point lead"), from the group's `said_of` prepositions; not a
    time ("has supported her for years")."""
    start, end = span
    for child in verb.children:
        if child.dep_ == "prep" and child.i == end and child.lower_ in group.said_of and not any(
                c.dep_ == "pobj" and c.ent_type_ in NOT_CONTENT_ENTITIES for c in child.children):
            return start, subtree(child)[1]
    return span


def _with_phrases_after(verb: Token, end: int, vocabulary: Vocabulary) -> int:
    """An object's end with the phrases right after it that the parse hung on the verb, where they go on with what
    was reported ("denied any role in the attacks", "recalled an incident at a movie theater", "appointed dozens of
    advisers to the committees", "did not mention Marlow by name"); not where or how it was said ("in a statement",
    "at a rally", "by a wide margin"), nor a time ("in June")."""
    for child in verb.children:
        if child.i < end or child.dep_ != "prep" or child.left_edge.i != end:
            continue
        if tuple(t.lower_ for t in child.subtree) in vocabulary.referring:
            end = subtree(child)[1]
            continue
        if child.lower_ in vocabulary.circumstances or any(
                c.lemma_.lower() in vocabulary.channels | vocabulary.occasions | vocabulary.terms_of_speaking
                or c.ent_type_ in NOT_CONTENT_ENTITIES for c in child.children if c.dep_ == "pobj"):
            break
        end = subtree(child)[1]
    return end


def _with_infinitive(verb: Token, span: tuple[int, int], group: CueGroup | None = None) -> tuple[int, int]:
    """An object's span with the infinitive right after it that the parse hung on the verb, where it belongs to the
    object ("defended his call to raise the minimum wage", "praised the efforts of Kerry to find a solution",
    "called for the council to release the transcripts"); not for a verb that takes an infinitive of its own
    ("urged the judge to act")."""
    start, end = span
    if group is not None and group.to_clause:
        return span
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and child.left_edge.i == end and has_to(child):
            return start, subtree(child)[1]
    return span


def with_infinitive_after(doc: Doc, span: tuple[int, int], vocabulary: Vocabulary) -> tuple[int, int]:
    """Content with the infinitive right after its end, wherever the parse hung it ("his plan to cut taxes",
    "voted against a measure to extend the levy", "is counting on the anger of farmers to win the county"):
    the infinitive says what the noun before it is (PolNeAR marks it with the content); not an infinitive that
    reports on its own ("cited the poll to argue that ...": a cue with its own content)."""
    start, end = span
    if end >= len(doc) or doc[end].tag_ != "TO" or doc[end].dep_ != "aux":
        return span
    infinitive = doc[end].head
    if infinitive.tag_ != "VB" or infinitive.left_edge.i != end or infinitive.sent != doc[start].sent \
            or infinitive.dep_ not in ("acl", "relcl", "advcl", "xcomp") or _reports_itself(infinitive, vocabulary):
        return span
    return start, subtree(infinitive)[1]


def with_list_after_colon(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """Content with what a colon right after it spells out in lower case, to the end of its sentence ("named three
    priorities: roads, schools and water", "think about one figure: 412"): the same content, itemized. (A
    capital or a quotation mark after the colon opens a statement of its own, which is another quote's.)"""
    start, end = span
    if end + 1 >= len(doc) or doc[end].text != ":" or not (doc[end + 1].is_lower or doc[end + 1].like_num):
        return span
    return start, trim(doc, start, doc[end + 1].sent.end)[1]


def _is_as_phrase(child: Token) -> bool:
    """An "as" phrase on a verb: a preposition, or a clause or adjective the parse opened with "as" ("sees
    the minister as ruled by a rigid doctrine", "see the coverage as most biased")."""
    if child.dep_ == "prep" and child.lower_ == "as":
        return True
    first = child.doc[child.left_edge.i]
    # ("as the vote neared", with a subject of its own, says when, not what)
    return child.dep_ in ("advcl", "acomp", "oprd", "xcomp") and first.lower_ == "as" and first.i < child.i \
        and first.dep_ in ("mark", "advmod", "prep") and not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS
                                                                 for c in child.children)


def _with_stray_subject(verb: Token, clause: Token, start: int) -> int:
    """Where a finite clause without a subject of its own starts: at the object the parse hung on the verb right
    before it, which is the clause's subject ("The poll showed a majority of voters say the council should act",
    "told reporters the city's standards are not perfect")."""
    if any(c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "expl" for c in clause.children):
        return start
    if not any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in (clause, *clause.children)
               if t == clause or t.dep_ in ("aux", "auxpass")):
        return start
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == start]
    return objects[0].left_edge.i if objects else start


def _before_next_cue(verb: Token, clause: Token, start: int, end: int, vocabulary: Vocabulary) -> int:
    """Where a clause's content stops: before a second reporting verb of the same subject misparsed into it
    ("She said that A and predicted that B": a conjoined verb without a subject, in the reporting verb's tense;
    "said that A before adding that B"). The tense is that of the word the verb's infinitive hangs on ("continues to
    insist that A and refuses to B")."""
    finite = verb.head if verb.dep_ == "xcomp" and has_to(verb) \
        and verb.head.lemma_.lower() in vocabulary.catenatives else verb
    for token in verb.doc[clause.i + 1:end]:
        if token.dep_ == "conj" and token.i > clause.i and not any(c.dep_ in SUBJECTS for c in token.children) \
                and (token.lemma_ == verb.lemma_ or vocabulary.group(token.lemma_.lower()) is not None
                     and any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
                     and (token.tag_ == finite.tag_ and token.tag_ in ("VBD", "VBZ", "VBP")
                          or token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in ("did", "does", "do")
                                                        for c in token.children))
                     # "He says he admires Okafor and calls her “a very sharp negotiator”", "adds that
                     # she has published her plan and called on Pryce to do the same": a second cue with its own
                     # content, finite like the reporting verb, is a second attribution of the same speaker
                     or vocabulary.group(token.lemma_.lower()) is not None and token.i > verb.i
                     and token.tag_ in ("VBD", "VBZ") and verb.tag_ in ("VBD", "VBZ")
                     and token.lemma_ != token.head.lemma_
                     and _second_cue_content(token, verb, vocabulary)
                     # "urged the party to unite and tried to make the case that ...": a finite verb is never
                     # joined to an infinitive; when that is the reporting verb's own, it goes with the reporting
                     # verb (not so "said she would like Pryce to explain it but supports him")
                     or token.tag_ in ("VBD", "VBZ") and token.head.tag_ == "VB" and has_to(token.head)
                     and token.head.head == verb):
            cut = token.left_edge.i  # (with what the second verb has before it: "and again claimed")
        elif said_next(token, vocabulary):
            cut = token.i - 1
        elif token.dep_ == "advcl" and is_report(token, vocabulary) and _concessive(token):
            # "said the levy would pass, even though many observers doubt it": the writer sets another's view
            # against what was said; it is a report of its own, not part of the content
            cut = token.left_edge.i
        else:
            continue
        while cut > start and (verb.doc[cut - 1].dep_ == "cc" or verb.doc[cut - 1].is_punct):
            cut -= 1
        return cut
    return end


def _with_second_clause(verb: Token, end: int) -> int:
    """Where a clause's content ends with a second "that" clause the parse joined to the reporting verb after it
    ("predicted that wages would fall, but that overtime pay would offset the loss"): more of what was said. (A
    clause without "that" is as often the writer's: "said she would not ask Okafor to withdraw, but she has
    bristled at ...".)"""
    doc = verb.doc
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.left_edge.i >= end):
        first = doc[conj.left_edge.i]
        if first.lower_ == "that" and first.head == conj and first.dep_ == "mark" \
                and all(t.is_punct or t.is_space or t.dep_ == "cc" for t in doc[end:first.i]):
            return subtree(conj)[1]
    return end


def with_joined_clause(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """Content with a second clause after "and", "but" or "or" that opens with "that" or a question word, wherever
    the parse hung it ("are quick to point out that he placed second, and that polls show him gaining", "talked
    about immigration and how it is changing the country", "declined to elaborate on the plan or whether he would
    sign it"): more of what was said (not "but that could change", "but if he did": a pronoun, a condition). A
    "that" clause goes on only from one ("makes clear that he is polite and shows respect, and that he ...": the
    second is another cue's); the clause stops at a dash ("and that it is now bouncing back - though economists
    have contested that view")."""
    start, end = span
    k = end + 1 if end < len(doc) and doc[end].text == "," else end
    if k + 1 >= len(doc) or doc[k].lower_ not in ("and", "but", "or") or doc[k].dep_ != "cc":
        return span
    opener = doc[k + 1]
    if not (opener.lower_ == "whether" and opener.dep_ == "mark" or opener.tag_ in ("WRB", "WP")
            and opener.lower_ in ("how", "why", "what")
            or opener.lower_ == "that" and opener.dep_ == "mark" and doc[start].lower_ == "that"):
        return span
    clause = opener.head
    if clause.left_edge.i != opener.i or clause.dep_ not in ("conj", "ccomp", "advcl") \
            or clause.sent != doc[start].sent:
        return span
    stop = next((t.i for t in doc[opener.i:clause.right_edge.i] if t.text in DASHES or t.text == ";"), None)
    return start, trim(doc, start, stop)[1] if stop is not None else subtree(clause)[1]


def said_next(token: Token, vocabulary: Vocabulary) -> bool:
    """A speech act the speaker went on to ("said the plan would fail, before adding that ...", "after accusing
    the rebels of ..."): a subjectless gerund after "before", "after" or "while", which the parse hangs on the
    reported clause; its subject is the speaker's, so it is an attribution of its own, not more of the content."""
    group = vocabulary.group(token.lemma_.lower())
    return token.tag_ == "VBG" and group is not None and group.name in SAYING \
        and token.dep_ in ("pcomp", "advcl") and token.doc[token.i - 1].lower_ in ("before", "after", "while") \
        and not any(c.dep_ in SUBJECTS for c in token.children)


def reporter_above(token: Token, vocabulary: Vocabulary) -> Token:
    """The reporting verb whose speaker goes on to the speech act of a gerund: the nearest above it, past one that is
    itself what another reports ("have said they would support Marlow, while stressing it is no endorsement":
    "support" is what was said; not a cue inside a quotation before its speaker: '“Thank you,” Marlow replied,
    before adding ...'; nor a passive, whose agent did not go on: "was shouted down by the crowd after telling
    them ...")."""
    reporters = [a for a in token.ancestors if is_verb(a) and vocabulary.group(a.lemma_.lower())
                 and not any(c.dep_ in ("agent", "auxpass") for c in a.children)]
    if not reporters:
        return token
    reporter = reporters[0]
    while reporter.dep_ == "ccomp" and reporter.head in reporters \
            and not any(t.is_quote for t in token.doc[reporter.head.i + 1:reporter.left_edge.i]):
        reporter = reporter.head
    return reporter


def _after_aside(clause: Token, start: int, end: int) -> int:
    """Where a clause's content starts: at the quotation, past an aside the parse hung inside its clause
    ("said, turning to the cameras with a grin, “We are not done yet”")."""
    doc = clause.doc
    for child in clause.children:
        k = child.right_edge.i
        if child.dep_ == "advcl" and child.left_edge.i == start and k + 2 < end and doc[k + 1].text == "," \
                and doc[k + 2].text in OPENING and doc[k + 2].text not in CLOSING:
            return k + 2
    return start


def _to_closing_attribution(verb: Token, clause: Token, start: int, end: int) -> int:
    """Where a clause before its cue ends: at the comma that sets off the attribution, with what would be the
    writer's at the end of a clause of his own ("... thanks to the Marlow name, which is well known in the
    district, Okafor said", "... interviewed 300 applicants, approving 280 of them, he said"): before the cue,
    it is all what was said."""
    doc = verb.doc
    last = clause.right_edge.i + 1
    subjects = [c.left_edge.i for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    first = min([verb.i, *subjects])
    if last <= end or last >= first or not all(t.is_punct or t.is_space for t in doc[last:first]):
        return end
    return trim(doc, start, last)[1]


def _concessive(clause: Token) -> bool:
    """Whether a clause opens with "although", "though", "even though" or "even as" (not "while" or "whereas",
    which as often set two things the speaker said side by side: "said she would protect the fund while Pryce
    wants to spend it")."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in ("although", "though") \
        or first.lower_ == "even" and clause.doc[first.i + 1].lower_ in ("as", "though")


def _closes_before(clause: Token, verb: Token) -> bool:
    """Whether a clause ends with a quotation mark right before the verb (only punctuation between)."""
    doc = verb.doc
    between = doc[clause.right_edge.i + 1:verb.i]
    return clause.i < verb.i and any(t.text in CLOSING for t in (*between, doc[clause.right_edge.i])) \
        and all(t.is_punct for t in between)


def _past_other_speaker(verb: Token, clause: Token, vocabulary: Vocabulary) -> bool:
    """Whether a reporting verb with a subject of its own stands between the verb and a clause after it."""
    return clause.i > verb.i and any(is_report(t, vocabulary) for t in verb.doc[verb.i + 1:clause.left_edge.i])


def is_report(token: Token, vocabulary: Vocabulary) -> bool:
    """A finite reporting verb with a subject of its own: another speaker's attribution."""
    return vocabulary.group(token.lemma_.lower()) is not None and token.tag_ in ("VBD", "VBZ", "VBP") \
        and any(c.dep_ in SUBJECTS for c in token.children)


def _after_announcing_colon(verb: Token, start: int, end: int, vocabulary: Vocabulary) -> int:
    """Where content before an inverted cue starts: after a colon that closes another speaker's clause ("Marlow
    insisted that the vote was fixed: “It was stolen,” she claimed": the parse may hang the first clause, cue
    and all, inside the quotation)."""
    doc = verb.doc
    for k in range(end - 1, start, -1):
        if doc[k].text != ":":
            continue
        if any(is_report(t, vocabulary) for t in doc[start:k]):
            return trim(doc, k + 1, end)[0]
        break
    return start


def _second_cue_content(token: Token, verb: Token, vocabulary: Vocabulary) -> bool:
    """Whether a conjoined verb reports on its own: a naming ("calls her “a fine woman”"), a request through its
    preposition ("called on Pryce to do the same"), or any cue in the reporting verb's tense, or with a "that"
    clause of its own, joined to a clause verb in another ("forecast that the economy would rebound and praised
    efforts by Kerry": "praised" goes with "forecast", not with "would rebound"; "says the goal is to win, but
    conceded that ..."). Joined to a "be" in its own tense, a verb of saying is still the speaker's ("said Pryce was
    wrong and criticized him for it": what someone is does not go on to criticize; "was tired and wanted a change"
    is a state of mind, and stays in the content)."""
    lemma = token.lemma_.lower()
    content, group, preposition = content_of(token, lemma, vocabulary)
    return bool(content) and group is not None and (
        group.name == "naming" or preposition is not None
        or (token.tag_ == verb.tag_ or any(_has_that(c) for c in token.children if c.dep_ == "ccomp"))
        and (token.head.tag_ != token.tag_ or token.head.lemma_ == "be" and group.name in SAYING)
        and token.head.tag_ != "VBN")


def _has_that(clause: Token) -> bool:
    # (the parse may hang the opening "that" as an adverb: "tweeted in the early morning hours that Machado was")
    return any(c.lower_ == "that" and (c.dep_ == "mark" or c.dep_ == "advmod" and c.i == clause.left_edge.i)
               for c in clause.children)


def host_clause(verb: Token) -> list[tuple[int, int]]:
    """The content of a cue set inside or after it ("The plan, he said, is dead"; "..., he said Saturday")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or not subjects:
        return []
    host = verb.head
    if not is_verb(host) and host.pos_ not in ("AUX", "ADJ", "NOUN"):
        return []
    doc = verb.doc
    after_comma = subjects[0].left_edge.i > 0 and doc[subjects[0].left_edge.i - 1].text == ","
    # (a finite verb after the clause, its subject after a comma: the shape of a closing cue)
    closing = host.i < verb.i and after_comma and verb.tag_ in ("VBD", "VBZ", "VBP")
    if verb.dep_ == "advcl" and not (closing and not any(c.dep_ == "mark" for c in verb.children)):
        return []  # only a closing cue the parse hung as an adverbial clause ("..., the budget office reported")
    if verb.dep_ == "conj" and not (
            closing and not any(c.dep_ == "cc" and c.i < verb.i for c in (*host.children, *verb.children))
            and ends_sentence(doc, verb.i, verb.right_edge.i + 1) and doc[verb.sent.end - 1].text != ":"):
        # only a closing cue the parse joined to the clause it reports ("..., a new Herald poll finds."), not one that
        # announces what follows it ("..., Marlow continued his attacks with this statement:")
        return []
    if verb.dep_ == "ccomp" and not (verb.left_edge.i > 0 and doc[verb.left_edge.i - 1].is_punct
                                     or host.i > verb.i and after_comma and _set_off(verb)):
        # a complement ("said Marlow has not replied"), not a cue set off in its host clause (which may hang what
        # opens the host on the cue: "If she wins, Okafor suggested, women will ...")
        return []
    if _closes_quotation(doc, subjects[0].left_edge.i) and any(
            c.dep_ in SUBJECTS and c.i > verb.i for c in host.children):
        # ('“It is a scam,” Marlow said, adding that she “hid records: she shredded them”': the quotation before the
        # cue and its subject is what it says, not a clause with a subject of its own after it, on which the parse
        # hung the cue; but '“Only you,” she said, “would do this”' goes on after the cue)
        return []
    start, end = host.left_edge.i, host.right_edge.i + 1
    # ("“...,” she said, as the crowd applauded": after a quotation and its cue, an "as" clause is the writer's)
    if _closes_quotation(doc, verb.left_edge.i):
        for child in host.children:
            if child.dep_ == "advcl" and child.left_edge.i > verb.right_edge.i and any(
                    m.dep_ == "mark" and m.lower_ == "as" for m in child.children):
                end = min(end, child.left_edge.i)
    # The attribution starts at the comma before its subject or, inverted, before the verb: what the parse hung
    # on the cue before that comma is the host's ("Instead, Trump told CNN, his policy would ...", "The bank,
    # said Marlow, would fail")
    cut = verb.left_edge.i
    first = verb.i if any(c.i > verb.i for c in subjects) else subjects[-1].left_edge.i
    if cut < first and doc[first - 1].text == ",":
        cut = first - 1
    if verb.dep_ in ("advcl", "conj"):  # (a closing cue: what the parse hung after it is no longer what was reported)
        end = cut
    return minus(start, end, cut, verb.right_edge.i + 1, verb.doc)


def _closes_quotation(doc: Doc, i: int) -> bool:
    """Whether a closing quotation mark (and a comma) comes right before token i."""
    k = i - 1
    while k > 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].text in CLOSING


def _set_off(verb: Token) -> bool:
    """Whether a comma closes the cue and the host goes on after it, not a quotation the cue announces ("Asked about
    it, Marlow shot back, “...”": what opens the sentence is then the cue's)."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    return after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].text not in OPENING


def passive_object(verb: Token, lemma: str, vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """ "The deal was announced on Monday", "Marlow was seen as the stronger candidate", "the staffer was charged
    with battery": the passive subject of a verb that takes an object is what was reported, with what the verb
    says of it ("as ...", "for ...", "with ...", "to be ...")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i] \
        or _noun_of_agent_participle(verb, vocabulary)
    if not subjects or subjects[0].lower_ in EXPLETIVES or subjects[0].tag_ == "PRP" and subjects[0].lower_ == "it":
        return []
    group = vocabulary.group(lemma)
    if group is None:
        return []
    said_of = [c for c in verb.children if c.i > verb.i and (
        c.dep_ == "prep" and (c.lower_ == "as" or group.of_clause and c.lower_ in group.said_of)
        or c.dep_ == "oprd" or c.dep_ == "xcomp" and has_to(c) and group.name in ("naming", "belief", "speech"))]
    said_of += _as_on_agent(verb)
    if not said_of and not (lemma in group.object or lemma in vocabulary.object_groups or group.name == "naming"):
        return []
    # "votes were cast", "the wall was painted": a verb that reports only with its "as" (or its "by": "Sanders is
    # viewed unfavorably by Republicans"); "they were announced": a person is not what is said
    if not said_of and not any(c.dep_ == "agent" for c in verb.children) and (
            lemma in vocabulary.as_verbs or group.name == "speech" and (
                subjects[0].ent_type_ == "PERSON" or subjects[0].tag_ == "PRP")):
        return []
    if not said_of and subjects[0].lower_ in RELATIVE:
        return []  # "The group, which is backed by Saudi Arabia, ...": a description, and "which" says nothing
    doc = verb.doc
    subject = subjects[0]
    # (the noun of a participle ends where the participle's phrase opens; a subject, before the verb and its
    # auxiliaries, where the parse may hang on it a phrase after the clause: "Some advisers are said to be urging a
    # deal ...: access to the courts", "access" an apposition of "advisers")
    verb_start = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i > subject.i])
    end = verb.left_edge.i if subject.i == verb.head.i else min(subject.right_edge.i + 1, verb_start)
    parts = [trim(doc, subject.left_edge.i, end)]
    if said_of:
        parts.append(trim(doc, said_of[0].left_edge.i, said_of[0].right_edge.i + 1))
    return [p for p in parts if p[1] > p[0]]


def _noun_of_agent_participle(verb: Token, vocabulary: Vocabulary) -> list[Token]:
    """The noun a participle with an agent hangs on, which it says what was done to, as a passive says it of its
    subject ("the immigration bill opposed by House Republicans", "a sentiment endorsed by the crowd"); not what was
    put out ("a report released by the institute" speaks for itself)."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.i > verb.i or noun.pos_ not in ("NOUN", "PROPN") \
            or verb.lemma_.lower() in vocabulary.publishing or not any(c.dep_ == "agent" for c in verb.children):
        return []
    return [noun]


def _as_on_agent(verb: Token) -> list[Token]:
    """The "as" phrase of a passive that the parse hung on the agent ("was seen by some as a demotion")."""
    return [phrase for agent in verb.children if agent.dep_ == "agent" for noun in agent.children if noun.dep_ == "pobj"
            for phrase in noun.children if phrase.dep_ == "prep" and phrase.lower_ == "as" and phrase.i > noun.i]


def stranded_preposition(verb: Token, lemma: str, vocabulary: Vocabulary) -> Token | None:
    """ "the issues they care about", "the plan she has argued for": the preposition of a cue left without its
    object at the end of a relative clause (its object is the noun the clause hangs on)."""
    return next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.n_lefts + c.n_rights == 0
                 and vocabulary.preposition_group(lemma, c.lower_) is not None), None)


def relative_object(verb: Token, lemma: str, vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """ "a point Feinstein also acknowledged", "the off-the-cuff style he prefers", "the trends Democrats point
    to": a verb that takes an object (or a cue preposition left at the end), in a relative clause without one,
    reports the noun the clause hangs on."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") \
            or not (vocabulary.takes_object(lemma) or stranded_preposition(verb, lemma, vocabulary)) \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass") for c in verb.children) \
            or not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in verb.children):
        return []
    noun = verb.head
    # (with what follows the noun before the clause: "the sort of change the party warned about")
    if verb.left_edge.i <= noun.i:
        return []
    return [trim(verb.doc, noun.left_edge.i, verb.left_edge.i)]


def gap_antecedent(verb: Token, content: list[tuple[int, int]], vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """ "a probe the agency said was ongoing", "exactly the kind of jurist many voters fear Okafor would choose", "a
    fight it expects to last into the spring": the clause after a cue in a relative clause without a relative word
    lacks the noun the relative clause hangs on, which goes before it in what was said (as PolNeAR marks it)."""
    noun = verb.head
    doc = verb.doc
    start = verb.left_edge.i
    if verb.dep_ != "relcl" or noun.i >= start or noun.lemma_.lower() in vocabulary.circumstance_nouns:
        return []
    # (a relative word stands for the noun itself: "a probe that the agency said was ongoing", "in which")
    if any(t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.lower_ == "that" or t.dep_ == "prep" for t in doc[start:verb.i]):
        return []
    # (the cue with a subject of its own: not "the first candidate to pledge to visit every county")
    if not any(c.dep_ == "nsubj" for c in verb.children) or has_to(verb):
        return []
    if not any(c.dep_ in ("ccomp", "xcomp") and content[0][0] <= c.i < content[0][1] for c in verb.children):
        return []
    antecedent = trim(doc, noun.left_edge.i, start)
    return [antecedent] if antecedent[1] > antecedent[0] else []


def relative_report(verb: Token) -> list[tuple[int, int]]:
    """ "the emails, which she said represented all her work": the parse took the relative pronoun for a second
    subject of the cue and what follows the cue for its object; the pronoun and the rest of the clause are what was
    said (split around the cue and its source later)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2 or subjects[0].tag_ not in ("WDT", "WP") or subjects[1].tag_ in ("WDT", "WP") \
            or verb.right_edge.i == verb.i:
        return []
    return [(subjects[0].i, verb.right_edge.i + 1)]


def compared_with(verb: Token) -> list[tuple[int, int]]:
    """ "turnout was higher than most analysts had forecast", "gave her more delegates than her advisers expected":
    a cue with a subject of its own in a clause opened by "than" reports the amount compared, which "than" stands
    for (as a relative pronoun stands for its noun: "a point Feinstein acknowledged")."""
    than = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "than" and c.i == verb.left_edge.i), None)
    if than is None or not any(c.dep_ == "nsubj" and c.lower_ not in EXPLETIVES for c in verb.children):
        return []
    return [(than.i, than.i + 1)]


def as_clause(verb: Token, group: CueGroup | None) -> list[tuple[int, int]]:
    """ "As reported by the Valley Courier, inspectors found ...", "The economy, as the Fed said, is slowing":
    a cue of saying, knowing or believing in an "as"-clause reports the clause it hangs on (other "as"-clauses say
    when: "“...,” she said, as the crowd applauded")."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return []
    if group is None or group.name not in ("speech", "evidence", "belief"):
        return []
    host = verb.head
    if not is_verb(host) and host.pos_ not in ("AUX", "ADJ"):
        return []
    if any(c.dep_ in SUBJECTS and c.lower_ in ("i", "we") for c in verb.children) \
            or any(t.lower_ == "according" for t in host.subtree):
        return []  # "As I mentioned above, ...": the writer's aside; "..., according to X": X's
    return minus(host.left_edge.i, host.right_edge.i + 1, verb.left_edge.i, verb.right_edge.i + 1, verb.doc)
