"""The source of a cue on the parse: its subject (or the subject of the verb it joins, the "by" agent of a passive),
the noun a relative pronoun stands for, and the span of the source as attribution corpora mark it (PolNeAR):
with its titles, age and apposition, without a dateline, a floating "both" or a phrase of time set off by commas."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.quotes.parse import (
    CLOSING,
    DASHES,
    EXPLETIVES,
    FLOATING,
    PASSIVE_SUBJECTS,
    PEOPLE_PRONOUNS,
    RELATIVE,
    SUBJECTS,
    comma_before,
    contracted_verb,
    has_to,
    headline_of,
    is_verb,
    short_line_of,
    trim,
)
from dateline.quotes.vocabulary import vocabulary

# Prepositions that, after a bare name, modify the saying rather than the person ("said Gatilov of the groups").
_NAME_TRAILERS = {"of", "about", "on", "to", "in", "at", "after", "before", "during", "when", "while"}
# Verbs whose passive takes a clause ("he's told that he must leave"): "'s" before them is "is" as often as "has".
_TOLD = {"tell", "ask", "inform", "assure", "advise", "convince", "persuade", "remind", "warn", "order", "urge"}
_SUBORDINATORS = {"when", "while", "as", "after", "before", "because", "if", "once", "since", "until"}
# "Marlow, during an interview on Thursday, said": a phrase of time after a speaker is not the speaker's (one of
# place is: "Ferro, at the Northgate Policy Centre, said").
_TIME_PREPOSITIONS = {"during", "after", "before", "while", "throughout", "amid"}
# When a poll was taken ("a poll last month"), against when it was published or read ("on Tuesday").
_PERIODS = {"month", "year", "spring", "summer", "fall", "autumn", "winter"}
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Pronouns of people, as subjects and as objects.
_PEOPLE = {"he", "she", "they", "i", "we", "who"} | PEOPLE_PRONOUNS
# The kinds of entity that name no one ("West Virginia", "2008", "67 percent")
_NOT_PEOPLE = ("GPE", "LOC", "FAC", "DATE", "TIME", "PERCENT", "CARDINAL", "QUANTITY", "MONEY")
# The tags of a word that opens a relative clause ("who", "whose", "that", "which")
_RELATIVE_TAGS = ("WP", "WP$", "WDT")


def _gerund_owner(verb: Token) -> Token | None:
    """ "his rival's claiming that the polls were rigged", "Jeb Bush's calling him a jerk": a gerund right after a
    possessive is done by its owner, however the parse hung the two."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.tag_ == "PRP$":
        return before
    if before.tag_ == "POS" and before.head.i < before.i and before.head.pos_ in ("NOUN", "PROPN"):
        return before.head
    return None


def _object_of_as(verb: Token) -> Token | None:
    """ "As Ada Brandt, the mayor, put it, ...": the speaker of a finite verb whose clause opens with "as", which
    the parse read as a preposition with the speaker's name as its object."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    opening = verb.doc[verb.left_edge.i]
    if opening.lower_ != "as" or opening.dep_ != "prep" or opening.head.i != verb.i:
        return None
    # (a name: "As part of his plea, Marcel Lazar said" opens with a phrase of its own)
    return next((c for c in opening.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The verb's subject (or its agent when passive), and whether the verb is passive."""
    passive = any(c.dep_ in ("auxpass", "agent") or c.dep_ in PASSIVE_SUBJECTS for c in verb.children)
    if passive and _has_contracted(verb):
        # "he's said he'll fight on", "she's spoken out against the law": the parse takes the "'s" of "has" for
        # the "is" of a passive; a verb with a clause, an object or a particle of its own is active (so is one
        # whose subject the parse itself calls active: "he's predicted big wins", "who's argued for years that")
        subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS | SUBJECTS), None)
        if subject is not None and subject.lower_ not in EXPLETIVES:
            return subject, False
    if passive:
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0], True
        agent = _misplaced_agent(verb)
        if agent is None:
            return holders_among(verb), True
        return next(c for c in agent.children if c.dep_ == "pobj"), True
    owner = _gerund_owner(verb)
    if owner is not None:
        return owner, False
    inside = set_inside(verb)
    if inside is not None:
        return inside[1], False
    # ("While discussing the tweet, House Speaker Paul Ryan said": a clause that opens with a subordinating word
    # tells when, however the parse hung it)
    # (nor a mark the parse took for one: '«We will go,» said Smith' with "»" as a subject)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ != "PUNCT"
                and not (c.dep_ == "csubj" and verb.doc[c.left_edge.i].lower_ in _SUBORDINATORS)]
    # "4:15 p.m. A filing released Monday says ...": a live blog's time stamp, or a subject in another
    # paragraph, that the parse took for a subject
    if len(subjects) > 1:
        subjects = [c for c in subjects if c.ent_type_ not in ("TIME", "DATE")] or subjects
        # "Party elders — whose party was once known for its unity — both suggested": a quantifier after the
        # subject, which the parse gave the verb as a second subject, says how many of them
        subjects = [c for c in subjects if c.lower_ not in FLOATING] or subjects
        # "Marlow, speaking later at a rally, did not mention Okafor": a participle set off after the subject, which
        # the parse made a clausal subject beside it, tells what the subject did
        subjects = [c for c in subjects if c.dep_ != "csubj"] or subjects
        # '"Anybody who attacks him ...," said Louise Sunshine': the parse may take a word of the quotation for a
        # second subject; the speaker is the one next to the verb
        # (and "This, said the mayor, is ...": after a comma, the one after the verb; so too after a quotation that
        # closes on its comma: '"Meh," wrote a supporter who runs the account', where the parse took "Meh" for one)
        inverted = verb.i > 0 and comma_before(verb.doc, verb.i)
        subjects.sort(key=lambda c: (abs(c.i - verb.i), not (inverted and c.i > verb.i)))
        # "Ban Ki-moon, the secretary general of the United Nations, vowed": a description set off after a name,
        # which the parse made a second subject, is the name's apposition
        named = _apposed_to(subjects[0], subjects[1:])
        if named is not None:
            subjects.insert(0, named)
        # "Okafor (D) and Brandt (R) announced", "45% of Republicans, 28% of independents and 12% of Democrats say":
        # subjects listed with commas or "and" that the parse gave the verb one by one are one source, from the first
        first = subjects[0]
        while (earlier := next((c for c in subjects if c.i < first.i and _listed(c, first)), None)) is not None:
            first = earlier
        if first is not subjects[0]:
            subjects.insert(0, first)
    for child in subjects:
        if child.lower_ in EXPLETIVES and child.dep_ == "expl":
            return None, False
        if depth < 3 and _published(child):
            return subject_of(verb.head.head, depth + 1)
        if child.ent_type_ == "TIME" and child.i < verb.i and any(
                "\n" in t.text for t in verb.doc[child.i:verb.i]):
            # "2:40 p.m.\n\nMarlow's campaign manager says": the speaker hung on the time stamp as an apposition
            named = [c for c in child.children if c.dep_ == "appos" and "\n" in verb.doc[child.i:c.left_edge.i].text]
            if named:
                return named[0], False
            continue
        return child, False
    named = _named_before_infinitive(verb) or _object_of_as(verb)
    if named is not None:
        return named, False
    # "Lavrov said the talks would resume, calling them ...": a reporting participle after a comma that the
    # parser hung inside another cue's clause is that cue's speaker's, not the clause's subject's (not a clause of
    # a participle, which the participle goes on with: "I remember Marlow going on TV, declaring war on coal").
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.i > 0 \
            and comma_before(verb.doc, verb.i):
        node = verb.head
        while node.dep_ in ("conj", "advcl", "xcomp") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "ccomp" and vocabulary().group(node.head.lemma_.lower()) is not None and depth < 3 \
                and not _inverted_cue(node) and not _participle_clause(node):
            return subject_of(node.head, depth + 1)
        # (or in the "that" clause of the object: "Bennett denied the notion that a shakeup is coming, explaining
        # that ...")
        if node.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children) \
                and node.head.dep_ == "dobj" and is_verb(node.head.head) and depth < 3:
            return subject_of(node.head.head, depth + 1)
    if verb.dep_ == "xcomp":
        on_adjective = verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp"
        copula = verb.head.head if on_adjective else verb.head
        # "It's important to remember that ...", "It is worth noting": after "it is" and an adjective, the
        # infinitive is the writer's aside, and "it" stands for no one
        if copula.lemma_ == "be" and any(c.dep_ == "acomp" for c in copula.children) \
                and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children):
            return None, False
        # "is likely to stress", "was quick to point out": the subject of the copula the adjective hangs on.
        if depth < 3 and on_adjective:
            return subject_of(copula, depth + 1)
    if verb.dep_ in ("conj", "ccomp"):
        joined = _subject_joined_to_object(verb)
        if joined is not None:
            return joined, False
    # "Okafor adds that she has published her plan and called on Pryce to do the same": a finite cue joined
    # to a reported clause speaks for the one who reports it (also one whose tense a "did" carries: "Marlow said
    # that he would pray for the nominee but did not suggest it would be Okafor").
    if depth < 3 and verb.dep_ == "conj" and (verb.tag_ in ("VBD", "VBZ") or verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ in ("did", "does") for c in verb.children)) and verb.head.dep_ == "ccomp" \
            and verb.head.head.tag_ in ("VBD", "VBZ") and verb.head.i > verb.head.head.i:
        if vocabulary().group(verb.head.head.lemma_.lower()) is not None \
                and vocabulary().group(verb.lemma_.lower()) is not None:
            return subject_of(verb.head.head, depth + 1)
    named = _named_with(verb)
    if named is not None:
        return named, False
    # "There were also emails that night showing that ...": a participle on a document or people that the parse
    # hung on the "be" of "there is" describes them, as it would hung on the noun
    held = _existential_holder(verb)
    if held is not None:
        return held, False
    # "and said", ", adding that", "continued to say": the subject of the verb it joins.
    # (also a finite verb the parse left unlabelled beside the verb before it: "Marlow gestured, then leaned in and
    # boomed:")
    if depth < 3 and (verb.dep_ in ("conj", "advcl", "xcomp") or verb.dep_ == "dep" and verb.tag_ in ("VBD", "VBZ")) \
            and verb.head.i != verb.i and is_verb(verb.head):
        # (a participle or an infinitive, also a perfect one: "Having announced that ..., Judge Berman said"; or a
        # finite verb listed after the first; a clause of its own has the name the parse hung elsewhere, or no one)
        if verb.dep_ == "advcl" and verb.tag_ != "VBG" and not has_to(verb) \
                and not any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children) \
                and not _state_of_mind_before(verb) and not _listed_after(verb):
            return _name_before_aside(verb), False
        host = _past_relative_clause(verb) or verb.head
        if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and host.tag_ in ("VB", "VBG"):
            # "Romney ran on his ability to jolt the recovery and accused Obama of ...": a finite verb the parse
            # joined to an infinitive or a participle goes with the finite verb above them
            host = next((a for a in host.ancestors if a.tag_ in ("VBD", "VBZ", "VBP")), host)
        if (verb.dep_ in ("conj", "xcomp") or _adjunct_participle(verb)) and not passive:
            # "Marlow was forced into damage control and said ...", "Marlow was prompted to say": who undergoes
            # the first verb says the second (also a participle of what he did: "Marlow was booed by the crowd
            # while telling them ...")
            patient = next((c for c in host.children if c.dep_ == "nsubjpass" and c.lower_ not in EXPLETIVES), None)
            if patient is not None:
                return patient, False
        controlled = _controlled(verb, host)
        if controlled is not None:
            return controlled, False
        subject, passive = subject_of(host, depth + 1)
        if verb.dep_ == "xcomp" and host.lemma_ == "be" and subject is not None and not passive:
            subject = _owner_of_aim(subject) or subject
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and subject is not None and not someone(subject):
            # "The first incident came when protesters interrupted her speech, shouting “...”": a participle set
            # after a clause of time whose subject is someone, where the sentence's subject is a thing
            subject = _subject_of_clause_before(verb) or subject
        return subject, passive
    if depth < 3 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        return _gerund_subject(verb, depth)
    # "Marlow, who chairs the panel, tweeted on Friday to say ...", "a woman shouted “Enough!”": a finite reporting
    # verb the parse hung on the noun before it as a participle, where that noun has no verb of its own (it is the
    # sentence's root) or the verb opens a quotation, itself or after what hangs on it ("Ada Brandt, the Green
    # nominee, tweeted in response: “...”"), in the past tense or, after a name, as a participle; also where the
    # parse made that noun the subject of a later word but the cue has an object, a predicate or a clause of its own,
    # which a passive participle describing the noun lacks ("The Greens’ campaign called Herald’s report a “rush to
    # judgment,” because ...", not "a plan backed by Okafor would cut taxes")
    # (also a relative clause the parse gave no subject: "Speaker Ryan, the party's leader, on Tuesday called the
    # remarks “racist”"; not a clause of when: "Cruz, when asked what was wrong, responded")
    if verb.dep_ in ("acl", "relcl") and verb.head.i < verb.i and not passive and verb.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.tag_ == "WRB" or c.dep_ == "mark" for c in verb.lefts) and (
            verb.tag_ in ("VBD", "VBN") and (verb.head.dep_ == "ROOT" or verb.head.dep_ == "nsubj" and any(
                c.dep_ in ("dobj", "oprd", "ccomp") for c in verb.children))
            or (verb.tag_ == "VBD" or verb.tag_ == "VBN" and verb.head.pos_ == "PROPN") and _opens_quotation(verb)):
        return verb.head, False
    # "Marlow, who had failed to win his party's nomination, called for a recount": a past tense right after the
    # comma that closes a relative clause set off after a name, which the parse hung on the clause's last noun
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and comma_before(verb.doc, verb.i) and not passive \
            and (named := _named_before_relative_clause(verb)) is not None:
        return named, False
    # "Okafor was the first Democrat to endorse Brandt", "The only member to vote against it was Ray Marlow": an
    # infinitive on the first or only one of a kind tells what the one said to be it did
    if has_to(verb) and verb.dep_ in ("acl", "relcl") and verb.head.i < verb.i \
            and (one := _one_of_a_kind(verb.head)) is not None:
        return one, False
    # "those looking to win", "an Oregon Democrat backing Okafor", "the only Greens to vote against":
    # a participle or an infinitive that describes the people it hangs on
    if verb.dep_ == "acl" and verb.head.i < verb.i and (verb.tag_ == "VBG" or has_to(verb)) and (
            verb.head.ent_type_ in ("PERSON", "NORP", "ORG") or verb.head.pos_ in ("PROPN", "PRON")):
        # (through a quantifier set after them: "with Marlow, Okafor and Pryce all calling for a recount")
        if verb.head.lower_ in FLOATING and verb.head.dep_ == "appos":
            return verb.head.head, False
        return verb.head, False
    # "Okafor spent much of the run-up to the vote portraying Marlow as ...", "spent his speech defending the plan":
    # who spends the time does what fills it
    if depth < 3 and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i:
        spent = verb.head
        while spent.dep_ == "pobj" and spent.head.dep_ == "prep" and spent.head.head.i < spent.i:
            spent = spent.head.head
        if spent.dep_ == "dobj" and spent.head.lemma_.lower() in vocabulary().spending:
            return subject_of(spent.head, depth + 1)
    # "issued a statement saying", "wrote a letter asking", "took a moment to point out", "has a rare chance to
    # show": the one who issued, wrote, took or had (not people the participle describes, who speak for
    # themselves: "the emails included staff members suggesting ...", "recruited pastors backing Okafor"; nor a
    # document that no one is said to have put out, which speaks for itself: "there is evidence suggesting ...",
    # "Guests are given tickets telling them when to queue")
    if depth < 3 and verb.dep_ == "acl" and verb.head.i < verb.i and (verb.tag_ == "VBG" or has_to(verb)) \
            and verb.head.pos_ == "NOUN" and verb.head.dep_ in ("dobj", "attr") and is_verb(verb.head.head) \
            and not (_holds_participle(verb) and verb.head.lemma_.lower() in vocabulary().participle_people):
        issuer = subject_of(verb.head.head, depth + 1)
        if issuer[0] is not None or not _holds_participle(verb):
            return issuer
    # "the spectacle of Mr. Pryce denouncing the plan", "the sight of Okafor calling for a recount": a participle the
    # parse hung on the noun before "of" describes the person named right before it, who does what it says
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i - 2 \
            and (named := verb.doc[verb.i - 1]).dep_ == "pobj" and named.head.lower_ == "of" \
            and named.head.head.i == verb.head.i and (named.pos_ == "PRON" or named.ent_type_ == "PERSON"):
        return named, False
    # "new surveys showing a closer contest", "a group backing Hale", "club members saying they want":
    # a participle that describes people or a document tells what they say or back (PolNeAR's source is the
    # noun the participle hangs on); other things it describes ("a speech attacking Okafor") say nothing
    if _holds_participle(verb):
        return verb.head, False
    # "went so far as to say", "went out of his way to say": an infinitive the parse hung on a word of the phrase
    # says what the subject of the phrase's verb says (not of "be": "a good way to understand it is ...")
    if depth < 3 and has_to(verb) and verb.dep_ in ("advcl", "relcl"):
        host = _phrase_verb(verb)
        if host is not None and host.lemma_ != "be":
            return subject_of(host, depth + 1)
    # "Sanders, who sits at zero endorsements, said", "activists clamoring to block him say": a finite cue with no
    # subject, where the parse took its subject for that of the clause set before it (a relative clause, also one on
    # a description of the subject: "DeMoro, director of a union that has endorsed Sanders and that has been busing
    # members to rallies, said"; or a participle it misread as a verb of its own, or a verb listed before the cue:
    # "He pledged to cut taxes, suggested that the real rate was higher")
    # (also a past tense the tagger read as a participle, the root of its sentence with no auxiliary: "Fewer than
    # half agreed with Mr. Pryce")
    if verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children) \
            or verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not passive:
        doc = verb.doc
        for clause in (c for c in verb.lefts if c.dep_ in ("ccomp", "advcl")):
            opener = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == clause.left_edge.i),
                          None)
            if opener is not None and (opener.pos_ in ("NOUN", "PROPN") and (
                    doc[opener.i + 1].text == "," and any(t.tag_ in _RELATIVE_TAGS for t in doc[opener.i + 1:clause.i])
                    or clause.tag_ == "VBG" and not any(c.dep_ == "aux" for c in clause.children))
                    or _listed_predicate(clause, verb)):
                return opener, False
        listed = _listed_before_stance(verb)
        if listed is not None:
            return listed, False
        named = _name_before(verb) or _name_before_aside(verb) or _apposition_before(verb) \
            or _subject_read_as_adverb(verb) or _subject_read_as_clause(verb)
        if named is not None:
            return named, False
    return None, False


def _named_before_relative_clause(verb: Token) -> Token | None:
    """The name a relative clause is set off after by commas, where the parse hung the verb after the clause's closing
    comma inside the clause."""
    doc = verb.doc
    clause = next((a for a in verb.ancestors if a.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ != "PROPN" or clause.head.i + 1 >= clause.i \
            or doc[clause.head.i + 1].text != "," or doc[clause.head.i + 2].lower_ not in ("who", "whose"):
        return None
    return clause.head


def _one_of_a_kind(noun: Token) -> Token | None:
    """Whom "be" says a noun of the first or only one of a kind is: its subject where the noun is what it is said to be
    ("Okafor was the first Democrat to ..."), what it is said to be where the noun is the subject ("The only member
    to ... was Ray Marlow")."""
    if noun.head.lemma_ != "be" or not any(c.lower_ in vocabulary().first_of_kind for c in noun.lefts):
        return None
    other = {"attr": "nsubj", "nsubj": "attr"}.get(noun.dep_)
    one = next((c for c in noun.head.children if c.dep_ == other), None)
    return one if one is not None and one.lower_ not in EXPLETIVES | RELATIVE else None


def _listed_before_stance(verb: Token) -> Token | None:
    """ "She has promised to cut the levy, opposed the port deal and ...", "Marlow stood at the pulpit and, citing
    scripture, endorsed Okafor": the subject of the clause before a verb of support or opposition with no subject,
    which the parse hung below the verb as if what it reported; no one sets such a verb after what he backs (as
    "said" is: "The plan will fail, said Marlow"), so the clause is one listed before it, with its subject."""
    group = vocabulary().group(verb.lemma_.lower())
    if group is None or group.name != "stance":
        return None
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None) if clause is not None else None
    return subject if subject is not None and subject.lower_ not in EXPLETIVES else None


def _subject_read_as_adverb(verb: Token) -> Token | None:
    """ "But Skelly vouched for them", "after half said so", "more call themselves conservative": a name, or a word
    of how many, right before a finite cue with no subject, which the tagger read as an adverb of the cue."""
    if verb.i == 0:
        return None
    word = verb.doc[verb.i - 1]
    if word.dep_ != "advmod" or word.head.i != verb.i:
        return None
    if word.lower_ in vocabulary().adverb_subjects:
        return word
    named = word.text[0].isupper() and not word.is_sent_start and word.tag_ in ("RB", "NNP")
    return word if named and headline_of(word) is None else None


def _subject_read_as_clause(verb: Token) -> Token | None:
    """ "Marlow, speaking later at a rally, did not mention Okafor", "Less than a third agreed with the mayor": the
    noun that opens the sentence of a finite cue with no subject, which the parse hung on the cue as a clause or a
    measure (not a time: "Last week, Marlow's office said")."""
    sentence = verb.sent
    opener = next((c for c in verb.lefts if c.dep_ in ("advcl", "npadvmod", "dep")), None)
    if opener is None or opener.pos_ not in ("PROPN", "NOUN", "PRON") or opener.ent_type_ in ("DATE", "TIME"):
        return None
    first = sentence.start + (sentence[0].dep_ == "cc")
    return opener if opener.left_edge.i == first else None


def _holds_participle(verb: Token) -> bool:
    """Whether a participle right after a noun (no comma) tells what the people or the document the noun names say
    ("club members saying they want", "new surveys showing a closer contest")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.pos_ == "NOUN" \
        and not comma_before(verb.doc, verb.i) and verb.head.lemma_.lower() in vocabulary().participle_holders


def _existential_holder(verb: Token) -> Token | None:
    """The noun that "there is" introduces, where it holds the participle (no comma) hung on the "be"."""
    be = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or be.lemma_ != "be" or comma_before(verb.doc, verb.i) \
            or not any(c.dep_ == "expl" for c in be.children):
        return None
    return next((c for c in be.children if c.dep_ == "attr" and c.i < verb.i
                 and c.lemma_.lower() in vocabulary().participle_holders), None)


def _listed_predicate(clause: Token, verb: Token) -> bool:
    """ "He pledged to cut taxes and cast doubt on the jobless rate, suggested that ...", "Marlow offered him a job,
    then says he'll welcome advice": a finite verb listed before the cue, set off by a comma, which the parse took
    for the clause the cue reports; the cue reports what follows it (not "The plan will fail, says Marlow")."""
    doc = verb.doc
    between = [t for t in doc[clause.right_edge.i + 1:verb.i] if not (t.dep_ == "advmod" and t.head.i == verb.i)]
    first, last = clause.left_edge.i, clause.right_edge.i
    return clause.dep_ == "ccomp" and clause.tag_ in ("VBD", "VBZ", "VBP") and [t.text for t in between] == [","] \
        and not doc[last].is_quote and not (first > 0 and doc[first - 1].is_quote) \
        and any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children)


def set_inside(verb: Token) -> tuple[Token, Token] | None:
    """The subject of the clause a cue is set inside, and the cue's speaker after it ("Any fair reading of the
    report, said Ray Marlow, an economist, would find it too costly", "The contrast with Pryce, said Ada Brandt and
    others, would be clear"): the parse took the clause's subject, before the comma that opens the attribution, for
    the cue's, and the speaker, set off by commas after the cue, for the clause's subject (or the cue's second). Not
    a speaker before the cue with words of his own set off ("Okafor, the mayor's rival, said Marlow, a banker, would
    lose")."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # (a participle set off is the subject's: "Democrats, fearing the consequences, failed to act")
    before = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if before is None or clause is None:
        return None
    start, end = trim(doc, before.left_edge.i, before.right_edge.i + 1)
    if end != verb.i - 1 or any(doc[k].text == "," for k in range(start, end)):
        return None
    for speaker in (c for c in (*verb.children, *clause.children) if c.dep_ == "nsubj" and c.i > verb.i):
        after = trim(doc, speaker.left_edge.i, speaker.right_edge.i + 1)[1]
        if speaker.left_edge.i == verb.i + 1 and after < clause.i and doc[after].text == ",":
            return before, speaker
    return None


def _listed_after(verb: Token) -> bool:
    """ "The candidate has mocked a reporter, referred to immigrants as “rapists” and called for a ban": a finite
    verb set off by a comma right after the object of the verb it follows, with no subject or conjunction of its own,
    which the parse hung on that verb as a clause rather than listing it (not one after a clause of time the parse
    took for a phrase: "Calls grew louder as Patti Davis, Reagan's daughter, attacked Trump")."""
    host, doc = verb.head, verb.doc
    return verb.tag_ in ("VBD", "VBZ") and host.i < verb.i and host.tag_ in ("VBD", "VBZ", "VBN") \
        and comma_before(doc, verb.i) \
        and any(c.dep_ == "dobj" and c.right_edge.i + 1 == verb.i - 1 for c in host.children) and not any(
            c.dep_ in SUBJECTS | PASSIVE_SUBJECTS or c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children)


def _named_before_infinitive(verb: Token) -> Token | None:
    """ "a natural opening for Okafor to highlight her record", "it is common for voters to say", "the pressure on
    Marlow to say whether ...", "the council relies on residents to report leaks": the one named right before an
    infinitive after the "for" of a noun or an adjective, or the "on" of a word of the vocabulary's relying, does what
    it says, not the subject of the clause the parse hung the infinitive on (not a time, "the chance for years to
    come", nor what the infinitive describes: "opportunities to present herself as ...", nor the object of a verb:
    "reached for a metaphor to describe ...", nor a phrase on the object of a verb of causing, which does it: "forced
    lawyers for Okafor to respond")."""
    doc = verb.doc
    if not has_to(verb) or verb.left_edge.i == 0:
        return None
    k = verb.left_edge.i - 1
    noun = doc[k]
    while noun.dep_ != "pobj" and noun.head.i != noun.i and noun.head.right_edge.i == k:
        noun = noun.head
    if noun.dep_ != "pobj" or noun.ent_type_ in ("DATE", "TIME") or verb.head.i == noun.i \
            or is_verb(verb.head) and verb.head.lemma_.lower() in vocabulary().causing:
        return None
    preposition = noun.head
    if preposition.lower_ == "for" and preposition.head.pos_ in ("NOUN", "ADJ") or preposition.lower_ == "on" \
            and preposition.head.lemma_.lower() in vocabulary().relying:
        return noun
    return None


def _participle_clause(clause: Token) -> bool:
    """Whether a clause is a participle with its own subject and no auxiliary ("remember Marlow going on TV"), not a
    progressive ("she was thinking")."""
    return clause.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)


def _past_relative_clause(participle: Token) -> Token | None:
    """The verb of the main clause, where a participle set off by a comma after a relative clause hangs on the
    clause's verb ("Marlow had a strong moment that could play well at home, forcefully denouncing the regime",
    "Okafor has touted the projects she helped bring to the district, while attempting to portray Marlow as ..."):
    it tells more of what the main clause's subject did, not the relative clause's. Not after a clause that tells of
    an event ("held a news conference in which he attacked Okafor, mocking her plan", "in 2008, when she ran,
    seeking ..."), which the participle goes on with."""
    doc = participle.doc
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or not comma_before(doc, participle.left_edge.i):
        return None
    clause = participle.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or any(c.tag_ == "WRB" or c.dep_ == "prep" and any(
            w.tag_ in ("WDT", "WP") for w in c.children) for c in clause.children):
        return None
    return _phrase_verb(clause)


def _controlled(verb: Token, host: Token) -> Token | None:
    """The one a verb of the vocabulary's causing makes do what its infinitive says ("will force Sanders to
    acknowledge", "pushed the candidates to speak", "drove thousands of Armenians to demand a vote", which the parse
    may hang as a clause of purpose), or what its participle says right after it ("left 62 percent of voters saying
    ...", not "left the hall saying ..."); not "it" nor the subject itself ("left it to others to praise him",
    "could not bring himself to say")."""
    if host.lemma_.lower() not in vocabulary().causing or verb.dep_ not in ("xcomp", "advcl"):
        return None
    objects = [c for c in host.children if c.dep_ == "dobj" and c.i < verb.i]
    if not objects or objects[0].lower_ in EXPLETIVES or objects[0].lower_.endswith(("self", "selves")):
        return None
    if has_to(verb) or verb.tag_ == "VBG" and objects[0].right_edge.i + 1 == verb.i and someone(objects[0]):
        return objects[0]
    return None


def _adjunct_participle(verb: Token) -> bool:
    """A participle clause that tells what the subject of the verb it hangs on did ("was distracted while saying
    goodbye", "Looking ahead to the fall, Marlow was joined by ..."): not one right after a noun, which describes
    the noun ("interviewed about Pope Francis calling Christmas a sham"), nor one after a passive's agent without
    a word that opens it, which may be the agent's ("was endorsed by the union, calling him a champion")."""
    doc = verb.doc
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i > 0 and doc[verb.i - 1].pos_ in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "mark" for c in verb.children) or not any(c.dep_ == "agent" for c in verb.head.children)


def holders_among(word: Token, preposition: str = "among") -> Token | None:
    """The people in whose eyes a passive with no agent holds ("is revered among Democratic activists", "was not
    widely supported among those with direct experience"), or who hold what a reporting noun names ("a growing
    sense among economists that ...", "the willingness of those in charge to ..."): an "among" (or other) phrase
    after the word that names people (not a class: "was ranked among the favorites")."""
    for phrase in word.children:
        if phrase.dep_ == "prep" and phrase.lower_ == preposition and phrase.i > word.i:
            people = [c for c in phrase.children if c.dep_ == "pobj" and (someone(c) or c.pos_ == "PRON")]
            if people:
                return people[0]
    return None


def _named_with(verb: Token) -> Token | None:
    """ "The meeting ended with Ray Marlow asking Okafor whether ...", "The hearing closed without Okafor saying
    why": the one a "with" or "without" names right before a participle does what it says, though the parse hung
    the participle on the verb the "with" hangs on (whose subject, the meeting, says nothing)."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return None
    for preposition in verb.head.children:
        if preposition.dep_ == "prep" and preposition.lower_ in ("with", "without") and preposition.i < verb.i:
            named = [c for c in preposition.children if c.dep_ == "pobj" and c.right_edge.i == verb.i - 1]
            if named:
                return named[0]
    return None


# Participles that give a thing its name ("The ad, titled “Enough”, says").
_NAMING = {"title", "entitle", "call", "name", "dub", "label"}


def _names_the_thing(subject: Token, participle: Token) -> bool:
    """Whether a past participle set off after a thing that speaks tells which thing it is, who made it or what it
    is called ("The survey, conducted by the Valbrook Institute, finds", "The ad, titled “Enough”, says"), which
    PolNeAR keeps in the source, unlike what a person was doing ("Okafor, stung by the loss, said"), when the
    thing came out ("The poll, released on Monday, shows") or where it went ("The memo, sent to the mayor, said")."""
    return participle.tag_ == "VBN" and participle.dep_ in ("acl", "advcl") and subject.pos_ == "NOUN" \
        and subject.ent_type_ != "PERSON" and subject.lemma_.lower() not in vocabulary().participle_people \
        and (any(c.dep_ == "agent" for c in participle.children) or participle.lemma_.lower() in _NAMING) \
        and not any(t.ent_type_ in ("DATE", "TIME") for t in participle.subtree)


def _owner_of_aim(subject: Token) -> Token | None:
    """Who holds the thing that "is" an infinitive ("The aim of the council is to persuade voters that ...",
    "Marlow's goal is to convince them"): the one the thing belongs to, not the aim, which says nothing."""
    if subject.pos_ != "NOUN" or someone(subject):
        return None
    owners = [c for c in subject.children if c.dep_ == "poss"] \
        + [o for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return next((o for o in owners if o.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _misplaced_agent(verb: Token) -> Token | None:
    """The "by" of a passive's agent that the parse hung on what the subject was declared or called ("Okafor was
    declared the winner by news organizations", "has been called “a fraud” by Ray Marlow", "was seen as a
    victory by some"); not one deeper in it ("was asked about the claim of credit for the attack by a gunman"), nor a
    time, a number or a channel ("by Friday", "by 10 points", "by email")."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    for token in verb.subtree:
        if token.i <= verb.i or token.dep_ != "prep" or token.lower_ != "by":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects or objects[0].pos_ not in ("NOUN", "PROPN", "PRON") \
                or objects[0].ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL") \
                or objects[0].lemma_.lower() in vocabulary().channels:
            continue
        node = token.head
        if node.dep_ == "pobj" and node.head.lower_ == "as":
            node = node.head  # ("was confirmed as one of the passengers by ...")
        if node.i == verb.i or node.head.i == verb.i and not is_verb(node) \
                and (node.dep_ in ("oprd", "attr", "dobj", "xcomp", "advmod", "npadvmod") or node.lower_ == "as"):
            return token
    return None


def _subject_joined_to_object(verb: Token) -> Token | None:
    """ "Marlow backed the levy and Okafor opposed it", "others have said they will not attend": the subject of a
    second clause, which the parse joined to the object of the first (and the clause's verb to the first verb, or
    hung it in the first verb's clause: "One in three said the party ignores them and one in four said ...")."""
    doc = verb.doc
    if not (verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)) \
            or verb.head.i > verb.i or doc[verb.left_edge.i].is_punct:
        return None  # (not a participle set off after a noun: "in Syria and Iraq, determined to defeat it")
    k = verb.left_edge.i - 1
    if k > 0 and doc[k].text == ",":  # (with an aside set off by commas: "and Okafor, as before, opposed it")
        k = next((j - 1 for j in range(k - 1, verb.head.i, -1) if doc[j].text == ","), k)
    noun = doc[k]
    while noun.dep_ != "conj" and noun.head.i != noun.i and noun.head.right_edge.i == k:
        noun = noun.head
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or noun.head.dep_ in SUBJECTS \
            or not any(c.dep_ == "cc" and noun.head.i < c.i < noun.i for c in noun.head.children) \
            or verb.head not in noun.ancestors:
        return None
    return noun


def _state_of_mind_before(participle: Token) -> bool:
    """ "Worried the nation might miss its target, the government proposed a levy", "Determined to win, Okafor
    campaigned": a participle of believing or meaning that opens the sentence tells the mind of the subject after
    it (not one of saying, whose subject is the one told or asked: "Asked about the plan, Marlow said")."""
    group = vocabulary().group(participle.lemma_.lower())
    return participle.tag_ == "VBN" and participle.i == participle.sent.start and participle.head.i > participle.i \
        and group is not None and group.name in ("belief", "intention", "stance") \
        and not any(c.dep_ in ("mark", "aux", "auxpass") or c.dep_ in SUBJECTS for c in participle.children)


def someone(noun: Token) -> bool:
    """Whether a noun names people: a person, a group or a nation, a personal pronoun, a word for people."""
    return noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.lower_ in _PEOPLE \
        or noun.lemma_.lower() in vocabulary().participle_holders


def _subject_of_clause_before(participle: Token) -> Token | None:
    """The subject, someone, of the clause of time that ends right before the participle's comma ("when protesters
    interrupted her speech, shouting"), which the parse set beside the participle."""
    doc = participle.doc
    comma = participle.left_edge.i - 1
    for clause in participle.head.children:
        if clause.dep_ == "advcl" and comma - 1 <= clause.right_edge.i <= comma \
                and any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and someone(subject) and doc[comma].text == ",":
                return subject
    return None


def _name_before(verb: Token) -> Token | None:
    """ "..., Speaker of the House Paul Ryan (R-WI) said": a name right before a finite cue that has no subject,
    which the parse hung on the phrase before it (as an apposition or the object of a preposition)."""
    doc = verb.doc
    k = verb.i - 1
    if k > 0 and doc[k].text == ")":  # the party and state after a lawmaker's name
        k = next((j for j in range(k - 1, max(k - 6, 0), -1) if doc[j].text == "("), 0) - 1
    if k < 0:
        return None
    name = doc[k]
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG") \
            or name.dep_ in SUBJECTS or name.dep_ == "compound" or name.head.i > name.i:
        return None
    if verb.head.i == name.i:  # (the verb describes the name: "a PAC called Stop Hillary")
        return None
    # (the first of the names joined by "and": "..., Obama and Clinton call them"; not a name before a comma:
    # "an image of Hillary Clinton, Senate Majority Leader Mitch McConnell said")
    while name.dep_ == "conj" and name.head.i < name.i and name.head.pos_ == "PROPN" \
            and name.head.ent_type_ in ("PERSON", "ORG") \
            and any(c.dep_ == "cc" and name.head.i < c.i < name.i for c in name.head.children):
        name = name.head
    # (the title the name is the object of: "Speaker of the House Rep. Paul Ryan")
    if name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.pos_ == "PROPN":
        return name.head.head
    return name


def _name_before_aside(verb: Token) -> Token | None:
    """ "The issue came up after Mr. Trump, asked about the deaths of journalists, had said ...", "Calls grew louder
    as Patti Davis, Ronald Reagan's daughter, attacked Trump": a name right before an aside set off by commas (a
    participle, the name's apposition, a phrase of where or how), right before a finite cue with no subject, which
    the parse hung elsewhere (here on "after" and "as")."""
    doc = verb.doc
    k = _before_auxiliaries(verb)
    if doc[k].text != ",":
        return None
    opening = next((j for j in range(k - 1, verb.sent.start, -1) if doc[j].text == ","), None)
    if opening is None:
        return None
    name = doc[opening - 1]
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG") or name.dep_ in SUBJECTS:
        return None
    # (not the last words of a noun phrase the name is part of: "a study by the Centre for Economic Policy Research, a
    # London-based think tank, concluded", where the study speaks)
    if name.dep_ == "pobj" and name.head.head.pos_ in ("NOUN", "PROPN"):
        return None
    # (not a name right after a quotation, nor one the parse split or hung words of a quotation on: '“...,” Gene
    # Sperling, a top adviser, said', which the words around the cue give whole)
    first = name.i
    while first > 0 and doc[first - 1].pos_ == "PROPN":
        first -= 1
    if first < name.left_edge.i or first > 0 and doc[first - 1].is_quote \
            or any(t.is_quote for t in doc[name.left_edge.i:name.i]):
        return None
    # (a past participle the tagger may read as a past tense: "asked about ...", but one with no subject of its own)
    aside = doc[opening + 1]
    participle = aside.tag_ in ("VBN", "VBG", "VBD") \
        and not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in aside.children)
    apposed = any(t.dep_ == "appos" and t.head.i == name.i for t in doc[opening + 1:k])
    # (or a phrase the parse hung on the cue: "Lazar, in a green jail jumpsuit, said little")
    prepositional = aside.dep_ == "prep" and aside.head.i == verb.i
    return name if participle or apposed or prepositional else None


def _before_auxiliaries(verb: Token) -> int:
    """The token right before the verb and the auxiliaries, negation and adverbs the parse hung on it before it."""
    doc = verb.doc
    k = verb.i - 1
    while k > 0 and doc[k].head.i == verb.i and doc[k].dep_ in ("aux", "neg", "advmod"):
        k -= 1
    return k


def _apposition_before(verb: Token) -> Token | None:
    """ "At a rally in Des Moines, a woman who had driven from Ohio told Trump ...": the people right before a
    finite cue with no subject, set off by a comma after a phrase that opens the sentence (a place, a time, a clause
    of its own), which the parse took for an apposition of that phrase's last noun."""
    doc = verb.doc
    # (also before the verb's auxiliary, and after the comma that closes the apposition where the parse left it out:
    # "In addition to Mr. Regalado, two Republican members of Congress, Ileana Ros-Lehtinen and Carlos Curbelo, have
    # said"; people, not the place or the time that says more of the phrase's last noun: "at a rally in Charleston,
    # West Virginia, did not mention")
    last = _before_auxiliaries(verb)
    ends = (last, last - 1) if doc[last].text == "," else (last,)
    apposed = [t for t in doc[verb.sent.start:verb.i] if t.dep_ == "appos" and t.right_edge.i in ends
               and t.head.dep_ == "pobj" and doc[t.left_edge.i - 1].text == "," and someone(t)
               and t.ent_type_ not in _NOT_PEOPLE]
    return min(apposed, key=lambda t: t.left_edge.i) if apposed else None


def _gerund_subject(verb: Token, depth: int) -> tuple[Token | None, bool]:
    """Who does what a gerund after a preposition says: the subject of the clause the phrase hangs on ("began by
    crediting", "took the unusual step of criticizing", "After months of refusing to apologize, Clinton said",
    "are united in supporting"), the one who undergoes a passive ("Marlow is quoted as saying", "Romer was
    sidelined after demonstrating that ..."), or the one whose habit or policy it is ("his policy of not
    attacking Trump")."""
    preposition, host = verb.head, verb.head.head
    for _ in range(3):  # up through the nouns the phrase hangs on ("In addition to stating ..., Clinton has said")
        if host.pos_ not in ("NOUN", "PROPN"):
            break
        owners = [c for c in host.children if c.dep_ == "poss"]
        if preposition.lower_ == "of" and owners:
            return owners[0], False
        if host.dep_ == "dobj":
            host = host.head
        elif host.dep_ == "pobj" and host.head.dep_ == "prep":
            preposition, host = host.head, host.head.head
        else:
            break
    # (through the adjective or adverb the phrase hangs on: "are united in supporting", "stopped short of
    # endorsing", "Instead of attacking Okafor, Marlow praised")
    if host.pos_ == "ADJ" and host.dep_ == "acomp" or host.pos_ == "ADV" and host.dep_ == "advmod":
        host = host.head
    if not (is_verb(host) or host.lemma_ == "be"):
        return None, False
    # (also of the passive the verb joins: "Okafor was booed and shouted down by the crowd after telling them ...")
    joined = host
    while joined.dep_ == "conj" and not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in joined.children):
        joined = joined.head
    patient = next((c for c in joined.children if c.dep_ in PASSIVE_SUBJECTS and c.lower_ not in EXPLETIVES), None)
    if patient is not None:
        return patient, False
    return subject_of(host, depth + 1)


def _published(subject: Token) -> bool:
    """Whether the subject is a "that" or "which" standing for what the subject of a verb of publishing put out: "The
    ministry issued a statement that accused Israel", "posted a comment on Twitter that compared ..."."""
    clause = subject.head
    return subject.tag_ == "WDT" and clause.dep_ == "relcl" and clause.head.dep_ == "dobj" \
        and clause.head.head.lemma_.lower() in vocabulary().publishing


def _apposed_to(subject: Token, others: list[Token]) -> Token | None:
    """The name among other subjects of the verb that the subject (a description) is set off after by a comma."""
    doc = subject.doc
    start = subject.left_edge.i
    if subject.pos_ != "NOUN":
        return None
    return next((o for o in others if o.pos_ == "PROPN" and o.right_edge.i + 2 == start
                 and doc[start - 1].text == ","), None)


def _listed(before: Token, after: Token) -> bool:
    """Whether a later subject of the same verb goes on with the list the subject before it opens, one source the
    parse split in two: after "and" ("Okafor (D) and Brandt (R) announced"), or after a comma where the list goes on
    ("45% of Republicans, 28% of independents and 12% of Democrats say")."""
    between = _between(before, after)
    return bool(between) and between <= {",", "and"} \
        and ("and" in between or any(c.dep_ == "conj" for c in after.children))


def _titled(title: Token, name: Token) -> bool:
    """Whether a subject of the verb is the title or kin right before the name, its other subject, that the parse
    split from it ("Pryce's lawyer Ada Brandt did not respond", not "The pride Mr. Pryce feels")."""
    return _between(title, name) == set() and name.ent_type_ == "PERSON" and title.pos_ == "NOUN" \
        and not any(c.dep_ == "det" for c in title.children)


def _dashed(before: Token, after: Token) -> bool:
    """Whether a subject of the verb is set off by dashes right after another, which it names or counts ("A former
    candidate -- Ray Marlow, who ran the port -- said", "Just a fifth of the board – six members – can ask")."""
    doc = after.doc
    between = _between(before, after)
    last = after.right_edge.i  # (the parse may hang the closing dash on the subject)
    closing = last if doc[last].text in DASHES else last + 1
    return between is not None and len(between) == 1 and between <= DASHES \
        and closing < len(doc) and doc[closing].text in DASHES


def _between(before: Token, after: Token) -> set[str] | None:
    """The words between the phrases of two subjects of a verb, None where the first phrase holds a clause ("The
    general stumped for Okafor, and the campaign has touted ...") or either is a relative pronoun."""
    doc = before.doc
    last = before.right_edge.i
    if last >= after.left_edge.i or before.lower_ in RELATIVE or after.lower_ in RELATIVE:
        return None
    # (the parse may hang the "and" on the first: "89% of Democrats and 83% of Republicans"; the bracket that closes
    # the first's party stays its own: "Gov. Ray Marlow (D) and Gov. Ada Brandt (R)")
    while last > before.i and doc[last].dep_ in ("cc", "punct") and doc[last].text != ")":
        last -= 1
    if any(t.dep_ in ("acl", "relcl", "advcl", "ccomp") for t in doc[before.left_edge.i:last + 1]):
        return None
    return {t.lower_ for t in doc[last + 1:after.left_edge.i] if not t.is_space}


def _phrase_verb(token: Token) -> Token | None:
    """The verb above the token, through at most three adverbs, prepositions or nouns ("went so far as", "went out of
    his way")."""
    for steps, node in enumerate(token.ancestors):
        if is_verb(node):
            return node
        if steps == 3 or node.pos_ not in ("ADV", "ADP", "NOUN"):
            return None
    return None


def _opens_quotation(verb: Token) -> bool:
    """Whether a quotation mark or a colon follows the verb, or what hangs on it ("tweeted in response:")."""
    doc = verb.doc
    return any(k < len(doc) and (doc[k].is_quote or doc[k].text == ":") for k in (verb.i + 1, verb.right_edge.i + 1))


def _inverted_cue(verb: Token) -> bool:
    """A cue set after what was said, with its speaker, that the parse hung inside another cue's clause: '“...,”
    Marlow added,' (and not the "believe" of "said he didn't believe ...")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    return bool(subjects) and vocabulary().group(verb.lemma_.lower()) is not None \
        and subjects[0].left_edge.i > 0 and verb.doc[subjects[0].left_edge.i - 1].text in CLOSING | {","}


def _has_contracted(verb: Token) -> bool:
    """ "he's said that ...": a participle after a contracted "'s" with a clause, object or particle (or an active
    subject) of its own and no "by" agent (not "he's told that ...", where the one told is the subject)."""
    children = list(verb.children)
    return verb.tag_ in ("VBN", "VBD") and verb.lemma_.lower() not in _TOLD \
        and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in children) \
        and not any(c.dep_ == "agent" for c in children) \
        and any(c.dep_ in ("ccomp", "dobj", "prt", "nsubj") for c in children)


def _of_where(preposition: Token) -> bool:
    """ "said Sen. Ada Brandt of Ohio", "said Mr. Kell of the Budget Research Center": an "of" phrase that names
    the speaker's state or organisation is part of the name (not "said Gatilov of the groups in Aleppo")."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return preposition.lower_ == "of" and bool(objects) and (
        objects[0].pos_ == "PROPN" or objects[0].ent_type_ in ("GPE", "ORG", "LOC", "FAC", "NORP"))


def antecedent_of(subject: Token) -> int:
    """The token that stands for the speaker: the noun a relative pronoun hangs on, else the subject."""
    if subject.lower_ in RELATIVE and subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        noun = subject.head.head
        # "Kaine is a former lawyer who opposes ...", "X is a liar and birther who has pledged ...": the noun is
        # what the subject of "be" is said to be, and stands for it
        described = noun
        while described.dep_ == "conj" and described.head.i != described.i:
            described = described.head
        if described.dep_ == "attr" and described.head.lemma_ == "be":
            verb = described.head  # ("X incites violence and is a liar": the subject of the verb "is" joins)
            while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head
            named = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON")), None)
            if named is not None:
                return named.i
        # "Peter Thiel, the billionaire who backed ...": the description set beside a name stands for the name
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.ent_type_ not in ("DATE", "TIME"):
            return noun.head.i
        return noun.i
    return subject.i


def source_span(subject: Token, verb: Token) -> tuple[int, int]:
    """The subject with its modifiers, in its own sentence, and no clause hung on it by a misparse."""
    doc = subject.doc
    sentence = subject.sent
    start, end = subject.i, subject.i + 1
    for child in subject.children:
        if child.dep_ in ("ccomp", "parataxis") or child.i >= verb.i > subject.i or child.i <= verb.i < subject.i \
                or child.left_edge.i <= verb.i <= child.right_edge.i:  # (not the quantifier the cue hangs on)
            continue
        if subject.head.dep_ == "agent" and child.dep_ == "prep" and child.lower_ == "as":
            continue  # ("was seen by some as a demotion": what the passive's subject was seen as)
        if child.dep_ in ("prep", "advmod", "npadvmod") and child.i < subject.i \
                and doc[child.right_edge.i + 1].text == ",":
            continue  # ("At the resort, the candidate boasted": where or when, set off before the subject)
        start, end = min(start, child.left_edge.i), max(end, child.right_edge.i + 1)
    # "the chorus of critics urging Marlow to quit", "a band of Green delegates looking to block her": people
    # counted as a body, on whom the parse hung the participle, speak as the body
    if subject.dep_ == "pobj" and subject.head.lower_ == "of" and subject.head.head.i < subject.i < verb.i \
            and subject.head.head.lemma_.lower() in vocabulary().bodies:
        body = subject.head.head
        start = min([start, body.i] + [c.left_edge.i for c in body.lefts if c.dep_ in ("det", "amod", "compound")])
    start, end = max(start, sentence.start), min(end, sentence.end)
    # "12:00 p.m.\n\nTexas Sen. Ted Cruz is standing by": after a live blog's time stamp, the parse may split the
    # state or the outlet, and the title, off as sentences of their own
    while start > 0 and doc[start].is_sent_start and (split := doc[start - 1].sent).end - split.start <= 2 \
            and "\n" not in doc[start - 1].whitespace_ and all(_describes(t) for t in split):
        start = split.start
    # "Rep. Paul Ryan (R-WI) said": the party and state between the name and the cue are the name's, whichever
    # word the parse hung the brackets on (not a pointer to the page: "A video (above) shows")
    if end < verb.i and doc[verb.i - 1].text == ")":
        opening = next((k for k in range(verb.i - 2, start - 1, -1) if doc[k].text == "("), None)
        if opening is not None and opening <= end and any(t.pos_ == "PROPN" for t in doc[opening:verb.i]):
            end = verb.i
    # (the description set off after the name, which the parse made the verb's subject too: see subject_of)
    described = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i != subject.i
                      and c.left_edge.i == end + 1 and doc[end].text == "," and c.i < verb.i), None)
    if described is not None and _apposed_to(described, [subject]) is subject:
        end = described.right_edge.i + 1
    # (and the subjects listed after it, see subject_of; and the title or kin right before a name, which the parse
    # made a subject of its own: "Pryce's lawyer Ada Brandt did not respond", or the words the subject is set off
    # after by dashes: "A former candidate -- Ray Marlow -- said")
    if subject.dep_ in SUBJECTS:
        last = subject
        for other in sorted((c for c in subject.head.children if c.dep_ in SUBJECTS), key=lambda c: c.i):
            if other.i > subject.i and _listed(last, other):
                end, last = max(end, other.right_edge.i + 1), other
            elif other.i < subject.i and (_titled(other, subject) or _dashed(other, subject)):
                start = min(start, other.left_edge.i)
    # ("Clinton, Sanders had opposing views on research": the names a headline lists before the subject)
    start = _listed_in_headline(subject, start, subject.head if subject.dep_ in SUBJECTS else verb)
    # "Okafor leads Marlow - 60 percent of voters said": a dash set off by spaces before the subject opens its clause
    # (unless another closes it before the verb, around an aside: "Nearly a third — 31 percent — of voters said")
    for k in range(start, subject.i):
        if doc[k].text in DASHES and doc[k - 1].whitespace_ and doc[k].whitespace_ \
                and not any(doc[j].text in DASHES for j in range(subject.i + 1, verb.i)):
            start = k + 1
    own_verb = subject.head if subject.dep_ in SUBJECTS else verb  # (the cue may be a participle hung on it)
    # "Nia Pryce, celebrating a win in Delmar, said": a participle that tells what the speaker was
    # doing, set off after the name, is not part of the name (an age is: "Carlos Guerrero, 55, said", as PolNeAR
    # writes it nine times out of ten); nor is the speaker's own stake, told in passing after "himself" ("Marlow,
    # himself up for reelection in 2028, said", "Pryce, herself a Marlow supporter, said"); nor, as PolNeAR marks
    # it two times in three, a clause of what is the speaker's or what others did to him ("Marlow, whose campaign
    # has struggled, said", "said Ada Brandt, whom the mayor appointed"; a "who" clause of what he is or does stays).
    for child in subject.rights:
        if _names_the_thing(subject, child):
            continue
        if child.left_edge.i - 1 > subject.i and doc[child.left_edge.i - 1].text == "," and (
                child.dep_ in ("acl", "advcl") and child.tag_ in ("VBG", "VBN") and child.left_edge.i == child.i
                or child.dep_ == "appos" and child.tag_ == "PRP" and child.lower_.endswith(("self", "selves"))
                or child.dep_ == "relcl" and doc[child.left_edge.i].lower_ in ("whose", "whom")):
            end = min(end, child.left_edge.i - 1)
        # "Okafor, clearly frustrated, said", "The mayor, still stinging over ..., agreed", "Hammad, cheekily,
        # said", "Marlow, during an interview on Thursday, said": a state, a manner or the time of the saying, set
        # off after the name; or whom the one named is likened to ("Valbrook News, like the Herald, declared"; not
        # the examples of a group: "Other candidates, like Okafor and Brandt, have said")
        elif child.left_edge.i - 1 > subject.i and doc[child.left_edge.i - 1].text == "," and child.i < verb.i and (
                child.dep_ in ("amod", "acl", "advcl") and child.tag_ in ("JJ", "VBG", "VBN")
                or child.dep_ == "advmod" and child.tag_ == "RB"
                or child.dep_ == "prep" and child.lower_ == "like" and subject.tag_ == "NNP"
                or child.dep_ == "prep" and child.lower_ in _TIME_PREPOSITIONS and child.left_edge.i == child.i):
            end = min(end, child.left_edge.i - 1)
        # "A congressional report on Wednesday said", "Marlow at the time said", "Bush in a Medium post said",
        # "Trump last week invited", "according to the report on Wednesday": the day or the channel of the saying,
        # right before the verb (or its adverbs) or last after it, that the parse hung on the speaker
        # (not the month or year a poll was taken, see below: "every poll in Valbrook this year has shown")
        elif _of_the_saying(child) and _after_noun(child) and (
                any(child.i < v.i and _touches_verb(child, v) for v in (verb, own_verb))
                or subject.i > verb.i and child.right_edge.i + 1 == end) \
                and not (_when_taken(child) and subject.lemma_.lower() in vocabulary().in_documents):
            end = min(end, child.left_edge.i)
    # "A Times/CBS News poll in December found", "a Quinnipiac poll this month shows", "One in four voters in a
    # Herald poll last year said": the month or year a poll was taken names the poll (PolNeAR keeps it in the
    # source), though the parse hung it on the verb; the day of the finding does not ("a survey on Tuesday found")
    if subject.i < verb.i and end == subject.right_edge.i + 1 \
            and any(t.lemma_.lower() in vocabulary().in_documents for t in (subject, doc[end - 1])):
        end = max([end] + [c.right_edge.i + 1 for c in verb.children if c.left_edge.i == end and _when_taken(c)
                           and _touches_verb(c, verb)])
    # "Nearly eight in 10 Democratic voters overall said", "Voters nationwide say": a word that says which of the
    # people speak, which the parse hung on the verb
    if subject.i < verb.i and end < own_verb.i and doc[end].lower_ in vocabulary().scopes \
            and doc[end].head.i == own_verb.i and _touches_verb(doc[end], own_verb):
        end += 1
    # "Okafor, along with her deputy Ada Brandt, says": those set off after the speaker as joining in speak too,
    # though the parse hung them on the verb
    if subject.i < verb.i and end < own_verb.i and doc[end].text == "," and _joining(doc[end + 1], own_verb):
        end = doc[end + 1].right_edge.i + 1
    # "said the mayor when asked about the plan", "Ruiz, while visiting the site, said": a clause that opens with a
    # subordinating word tells when or why the speaker spoke, whatever the parse hung it on
    for child in subject.rights:
        if child.dep_ in ("relcl", "acl", "advcl") and child.left_edge.i > subject.i \
                and doc[child.left_edge.i].lower_ in _SUBORDINATORS:
            end = min(end, child.left_edge.i)
    if subject.i > verb.i:  # ("said Ada Brandt, president of the A.F.L.-C.I.O.": see _object_cut_off)
        end = _object_cut_off(doc, end)
    if subject.i > verb.i and subject.pos_ == "PROPN":
        # "said Gatilov of the groups operating inside Aleppo": the phrase after the name is about the saying.
        for child in subject.rights:
            if child.dep_ == "prep" and child.lower_ in _NAME_TRAILERS and not _of_where(child):
                end = min(end, child.left_edge.i)
    if subject.i > verb.i:
        # "said the chief of detectives, Gerard Gigante, at a news conference", "said Ray Marlow, an expert at the
        # Harbor Institute, via email": where or how the words were said
        for child in subject.rights:
            if child.dep_ == "prep" and child.lower_ in ("at", "in", "during", "on", "via") and any(
                    c.dep_ == "pobj" and c.lemma_.lower() in vocabulary().channels | vocabulary().occasions
                    for c in child.children):
                end = min(end, child.left_edge.i)
    # "Tennis great Billie Jean King remembered", "Fox News' Bret Baier noticed": the words of the speaker's
    # description that open the sentence, which the parse hung elsewhere
    # (not in a headline, whose capitals the tagger reads as names: "Top Climate Group Will Run Ads Demanding")
    if subject.i < verb.i and subject.lower_ not in RELATIVE:
        opening = start
        while opening > sentence.start and _describes(doc[opening - 1]):
            opening -= 1
        if sentence.start == opening < start and all(opening <= t.head.i < end or t.head.i == own_verb.i
                                                     for t in doc[opening:start]) and headline_of(subject) is None:
            start = opening
    # "Mrs. Okafor -- whose husband signed the levy into law -- said", "Marlow, who runs the mill — which hosts the
    # fair — said": a clause set off by a dash is told in passing, not who the speaker is (as PolNeAR marks it; a
    # dash that sets off a name or a list stays: "Another critic — Ray Marlow — said")
    dash = next((k for k in range(subject.i + 1, end - 1)
                 if doc[k].text in DASHES and doc[k + 1].tag_ in ("WP", "WP$", "WDT", "WRB")), None)
    if dash is not None:
        end = dash
    # "On Monday Ray Marlow said": the day the parse made part of the name (not an age: "81-year-old Ada Brandt")
    while start < subject.i and doc[start].ent_type_ in ("DATE", "TIME") and doc[start].pos_ == "PROPN" \
            and subject.pos_ == "PROPN" and subject.ent_type_ not in ("DATE", "TIME"):
        start += 1
    start, end = trim(doc, start, end)
    # "co-host Ada Brandt", "The non-profit": a word the tokenizer split at its hyphen is whole, wherever the parse
    # hung its first part
    while start - 2 >= sentence.start and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
        if start > sentence.start and doc[start - 1].dep_ == "det" \
                and (start <= doc[start - 1].head.i < end or doc[start - 1].head.i == own_verb.i):
            start -= 1  # (with its article, wherever the parse hung it)
    # "he’s said", "Okafor's been making the case", "superdelegates who’ve already said": the contracted auxiliary
    # before the cue, which the parse hung on the speaker, is the cue's (see verb_group)
    if end - start > 1 and end <= verb.i and contracted_verb(doc[end - 1]):
        end -= 1
    # "Richards and Menendez both stressed", "progressives in particular", "even economists", "just 28 percent of
    # voters": words the parse hung on the speaker that say how many or how much, not who.
    if end - start > 1 and doc[end - 1].lower_ in FLOATING and doc[end - 1].i != subject.i:
        start, end = trim(doc, start, end - 1)
    if end - start > 2 and doc[end - 1].lower_ == "particular" and doc[end - 2].lower_ == "in":
        start, end = trim(doc, start, end - 2)
    if end - start > 1 and doc[start].lower_ in ("even", "just", "also") and doc[start].dep_ == "advmod":
        start += 1
    # ("Six in 10 say so, after half said so in May": the word that opens the clause, hung on its subject)
    if end - start > 1 and doc[start].lower_ in _SUBORDINATORS and doc[start].head.i == subject.i:
        start += 1
    return start, closing_comma(doc, start, end, verb)


def _listed_in_headline(subject: Token, start: int, verb: Token) -> int:
    """Where a source starts that a headline lists with commas where prose writes "and" ("Okafor, Marlow clash over
    levy", "Obama, Biden to campaign for Okafor"): at the name that opens the line, which the parse hung on the verb
    or the subject, before the comma (not a word that opens a line of prose, "Overall, Democrats appeared pleased",
    nor a name set off before the subject in prose: "Trump, Sexton said, has ...")."""
    doc = subject.doc
    if start < 2 or doc[start - 1].text != "," or subject.i > verb.i \
            or any(t.text == "," for t in doc[subject.right_edge.i + 1:verb.i]):
        return start
    name = doc[start - 2]
    while name.dep_ in ("compound", "conj") and start - 1 > name.head.i > name.i:
        name = name.head
    line = short_line_of(name)
    if name.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") or name.head.i not in (verb.i, subject.i) \
            or line is None or line[0] != name.left_edge.i:
        return start
    return name.left_edge.i


# The most words a name after a preposition runs to ("Vice President Joseph R. Biden Jr.").
_NAME_WORDS = 8


def _object_cut_off(doc: Doc, end: int) -> int:
    """Where a source after its cue ends that ends on a preposition the parse left without its object ("said Ada
    Brandt, president of the A.F.L.-C.I.O." where the parse split the sentence at the abbreviation's stops, "a former
    adviser to Vice President Joseph R. Biden Jr." where it hung the name on the verb): with the name that follows,
    to the end of its line or the next mark."""
    last = doc[end - 1]
    if last.dep_ != "prep" or any(c.i < end for c in last.children):
        return end

    def closes(k: int) -> bool:
        return k == len(doc) or doc[k].is_space or doc[k].text in (".", ",", ";")

    k = end
    while not closes(k) and k - end < _NAME_WORDS and not is_verb(doc[k]) \
            and (doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT") or doc[k].tag_ == "DT"):
        k += 1
    return k if closes(k) and any(t.text[0].isupper() for t in doc[end:k]) else end


def _of_the_saying(modifier: Token) -> bool:
    """Whether a phrase on a speaker tells when or through what the speaker spoke: "on Wednesday", "last week", "at
    the time", "in a Medium post"."""
    if modifier.dep_ == "npadvmod":  # (not "today": "Clinton defenders today" are those of today)
        return modifier.ent_type_ in ("DATE", "TIME") and modifier.lower_ != "today"
    return modifier.dep_ == "prep" and any(
        c.dep_ == "pobj" and ((c.ent_type_ in ("DATE", "TIME") or c.lower_ == "time")
                              and modifier.lower_ in ("on", "at", "during")
                              or c.lemma_.lower() in vocabulary().channels and modifier.lower_ in ("in", "on", "via"))
        for c in modifier.children)


def _when_taken(modifier: Token) -> bool:
    """Whether a phrase names a month, a season or a year ("in December", "last month", "this year"), not a day."""
    if modifier.dep_ == "npadvmod":
        return modifier.ent_type_ == "DATE" and modifier.lemma_.lower() in _PERIODS \
            and any(c.lower_ in ("this", "last") for c in modifier.children)
    return modifier.dep_ == "prep" and modifier.lower_ == "in" and any(
        c.dep_ == "pobj" and c.ent_type_ == "DATE" and c.lower_ not in _DAYS for c in modifier.children)


def _describes(token: Token) -> bool:
    """Whether a word can be part of a description before a name: a noun, an adjective, a possessive, a name."""
    if token.ent_type_ in ("DATE", "TIME") or token.is_stop:
        return False
    if token.text in ("’", "'") or token.tag_ in ("POS", "HYPH"):
        return True
    # (a word, not a stray mark the tagger calls a noun: "BEIRUT (AP) � A Kurdish militia spokesman")
    return any(c.isalpha() for c in token.text) and (token.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ")
                                                      or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))


def _after_noun(phrase: Token) -> bool:
    """Whether the phrase follows a noun (not a word that describes it: "a Monmouth poll out Monday")."""
    before = next((t for t in reversed(phrase.doc[:phrase.left_edge.i]) if not t.is_space), None)
    return before is not None and before.pos_ in ("NOUN", "PROPN", "PRON")


def _joining(phrase: Token, verb: Token) -> bool:
    """Whether a phrase on the verb names others who join in, set off by commas right before it ("along with her
    deputy", "together with the union")."""
    doc = verb.doc
    closing = phrase.right_edge.i + 1
    return phrase.head.i == verb.i and phrase.lower_ in vocabulary().joining \
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in phrase.children) \
        and closing < verb.i and doc[closing].text == "," and _touches_verb(doc[closing], verb)


def _touches_verb(phrase: Token, verb: Token) -> bool:
    """Whether only the verb's auxiliaries and adverbs stand between the phrase and the verb ("on Monday also
    doubled down")."""
    return all(t.head.i == verb.i and t.dep_ in ("aux", "neg", "advmod")
               for t in verb.doc[phrase.right_edge.i + 1:verb.i])


def closing_comma(doc: Doc, start: int, end: int, verb: Token) -> int:
    """Where a source ends: with the comma (or dash) that closes its apposition, before the cue ("Jennifer Green,
    director of the literacy program, said") or after it ("said Ed Harlan, a Marlow voter, in an interview")."""
    if end < len(doc) and (end < verb.i or start > verb.i) and (doc[end].text == "," or doc[end].text in DASHES) \
            and any(doc[k].text == doc[end].text for k in range(start, end)):
        return end + 1
    return end
