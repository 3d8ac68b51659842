"""Readings set apart: a word belongs to one attribution.

The readings of an article's cues overlap where the parse hangs one attribution inside another: a speaker's
description that reports on its own ("Ada Brandt, who has endorsed the mayor, said ..."), a relative clause that
attributes ("the levy, which Marlow said would stay"), "according to" inside another's content, two reports joined
by "and". Each rule here cuts the outer reading's source or content at the inner one, so that both stand as
PolNeAR and PARC mark them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from spacy.tokens import Doc, Token

from dateline.quotes.cues import Reading
from dateline.quotes.parse import DASHES, OPENING, RELATIVE, comma_before, ends_sentence, is_verb, minus, trim
from dateline.quotes.phrases import according_at
from dateline.quotes.sources import closing_comma
from dateline.quotes.vocabulary import Vocabulary


def set_apart(doc: Doc, readings: list[Reading], vocab: Vocabulary) -> list[Reading]:
    """The readings with each word in one attribution: sources and contents cut at the attributions inside them,
    and the descriptions of a closing speaker that report no quote of their own left out."""
    _sources_before_inner(doc, readings)
    told = _told_in_closing_sources(readings)
    readings = [r for r in readings if id(r) not in told]
    _relative_attributions_apart(doc, readings)
    _opening_report_apart(doc, readings)
    _report_before_quotation_apart(doc, readings)
    _according_apart(doc, readings, vocab)
    _next_report_apart(doc, readings)
    _joined_reports_apart(doc, readings)
    _same_speaker_goes_on(doc, readings)
    return readings


def _sources_before_inner(doc: Doc, readings: list[Reading]) -> None:
    """An attribution told of the speaker inside a source ("Mr. Abbot, who has endorsed Mr. Marlow, offered ...",
    "Lindsey Hollis, a longtime backer of the dam, said ...") is a quote of its own, and the source stops before
    it. Not after the cue: '“...,” said Ray Marlow, who has endorsed Ms. Okafor.' ends on the speaker's description,
    which stays whole, as PolNeAR marks it two times in three; unless the clause reports more of the speaker's words
    ('said Ray Marlow, who added that ...'). A clause that says which people speak stays ("Others who have urged a
    tougher line say")."""
    cues_from = _cues_from(readings)
    for reading in readings:
        if reading.source is None:
            continue
        a, b = reading.source
        inner = [r for r in cues_from(a + 1, b) if r is not reading and r.content and r.cue[1] <= b
                 and (a < reading.cue[0] or r.group == "speech")]
        defining = [_defining_clause(doc, r, a) for r in inner]
        inner = [r for r in inner if not any(c is not None and c.left_edge.i <= r.cue[0] <= c.right_edge.i
                                             for c in defining)]
        if inner:
            cut = min(min(r.cue[0], r.content[0][0], r.source[0] if r.source and r.source[0] > a else r.cue[0])
                      for r in inner)
            # (not inside a clause on the speaker, whose words before the inner attribution would say nothing
            # whole: "say some Democrats, who cringe as they recall ..." is said by "some Democrats")
            cut = min([c.left_edge.i for c in (doc[cut], *doc[cut].ancestors)
                       if c.dep_ in ("relcl", "acl", "advcl") and a < c.left_edge.i < cut] + [cut])
            # (back over the comma, a conjunction and an article hung on the inner cue, not over a closing bracket:
            # "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said", "a senator and self-described socialist")
            while cut > a and (doc[cut - 1].is_punct and doc[cut - 1].text not in (")", "]")
                               or doc[cut - 1].dep_ == "det" and doc[cut - 1].head.i >= cut
                               or doc[cut - 1].dep_ == "cc"):
                cut -= 1
            # (with the comma that closes the speaker's apposition, as PolNeAR marks it on any source: 'said
            # Lena Okafor, the mayor's deputy, who noted that ...')
            if cut > a and a <= reading.source_head < cut:
                reading.source = (a, closing_comma(doc, a, cut, doc[reading.head]))


def _cues_from(readings: list[Reading]) -> Callable[[int, int], list[Reading]]:
    """A lookup of the readings whose cue starts at a token in first..end-1, by bisection: asked for every source,
    it keeps a long text from costing every pair of readings."""
    ordered = sorted(readings, key=lambda r: r.cue[0])
    starts = [r.cue[0] for r in ordered]
    return lambda first, end: ordered[bisect_left(starts, first):bisect_left(starts, end)]


def _told_in_closing_sources(readings: list[Reading]) -> set[int]:
    """The readings, by id, told of the speaker inside the source that follows another cue after its content
    ('“...,” said Ray Marlow, who has endorsed Ms. Okafor.'): that source keeps the description whole, as PolNeAR
    marks it two times in three, and a word belongs to one attribution, so the description is no quote of its own
    (not after a cue that opens the sentence: "Speaking on the radio, Ada Brandt, who has endorsed the mayor,
    said ...")."""
    cues_from = _cues_from(readings)
    return {id(inner) for r in readings
            if r.source is not None and r.content and r.content[0][0] < r.cue[0] and r.cue[1] <= r.source[0]
            for inner in cues_from(*r.source) if inner is not r}


def _defining_clause(doc: Doc, inner: Reading, start: int) -> Token | None:
    """The clause of an attribution inside a source that says which people speak, not set off by a comma
    ("Others who have urged a tougher line say", "House Republicans backing the bill argue"): the source keeps
    it whole, with the attributions in it, as PolNeAR marks it."""
    clause = doc[inner.head]
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    first = clause.left_edge.i
    if clause.dep_ in ("relcl", "acl") and first > start and not doc[first - 1].is_punct:
        return clause
    return None


# ---------------------------------------------------------------------------------------------------- content


# Words that open a clause of contrast or concession set off after a content (", while other voters said ...",
# ", though public records indicate ...").
_CONTRASTS = ("while", "whereas", "though", "although")


def _relative_attributions_apart(doc: Doc, readings: list[Reading]) -> None:
    """'criticized his rivals for their hostility to the department, which he argued seeks ...': a relative
    clause set off at the end of a content, with an attribution of its own, is that attribution's; the content
    stops before it (a word belongs to one attribution), or, set off inside it, goes on after it. The clause may
    open with a preposition ("offered few specifics beyond an op-ed, in which she called for a tax cut"), and so may
    a clause of contrast ("said the plan had made a good case, while other voters said ..."; without an attribution
    of its own, the contrast is more of what was said: "found that 28 percent backed Okafor, while 23 percent
    favored Marlow"). So may a phrase set off at the end of a content that holds the attribution (_phrase_set_off)."""
    for inner in readings:
        if not inner.content:
            continue
        lead = min(inner.cue[0], inner.content[0][0], inner.source[0] if inner.source else inner.cue[0])
        if doc[inner.head].dep_ == "relcl":
            lead = min(lead, doc[inner.head].left_edge.i)
        elif inner.group != "stance" and inner.source is not None:
            # (not "found that 28 percent backed Okafor, while 23 percent favored Marlow", nor "showed that Okafor
            # would win, though Marlow appears to be stronger now")
            lead = _contrast_opening(doc[inner.head], lead)
        relative = doc[lead + 1] if doc[lead].dep_ == "prep" and lead + 1 < len(doc) else doc[lead]
        if lead < 1 or relative.lower_ not in ("which", "who", "whom", *_CONTRASTS) \
                or not comma_before(doc, lead) and doc[lead - 1].text not in ("—", "–"):
            lead = _phrase_set_off(doc[inner.head])
            if lead is None:
                continue
        end = max(inner.cue[1], inner.content[-1][1])
        if doc[inner.head].dep_ == "relcl":
            # (the clause runs on past the attribution's content, which leaves out what the parse hung on the cue
            # and what the writer added at the end: "..., which the audit said was costly to farmers, who grow
            # most of the corn", "Mr. Pryce, whom he attacked during the campaign")
            end = max(end, doc[inner.head].right_edge.i + 1)
        # (a clause set off inside a content is cut out of it: "The poll suggests that Okafor, who has the support
        # of the party's leaders, still faces a hard road")
        inside = doc[inner.head].dep_ == "relcl" and end < len(doc) and doc[end].text in (",", *DASHES)
        for outer in readings:
            if outer is not inner and any(a < lead < b <= end + 1 for a, b in outer.content):
                # (a part past the clause stays: "The union, which endorsed Okafor, is widely seen | as liberal")
                outer.content = [trim(doc, a, min(b, lead - 1)) for a, b in outer.content if a < lead - 1] \
                    + [(a, b) for a, b in outer.content if a >= end]
            elif outer is not inner and inside and any(a < lead and end + 1 < b for a, b in outer.content):
                outer.content = [part for a, b in outer.content for part in minus(a, b, lead - 1, end + 1, doc)]


def _phrase_set_off(verb: Token) -> int | None:
    """Where the phrase set off by a comma or a dash starts that holds a cue with a source of its own: a relative
    clause on the phrase's noun (", in a finish that he said defied expectations", ", about the same number who said
    the party cares", ", at a time when many Democrats would be asking him to step aside") or a participle after
    "with" (" - with 50 percent saying she is prepared"). The phrase says when or how many, and the clause reports
    on its own, neither of them more of what was said; None if there is none. Not a clause with no relative
    pronoun, which goes on with a list (", including provisions he said would restrict ...", where PolNeAR keeps
    the examples in what was said)."""
    doc = verb.doc
    if verb.dep_ == "relcl" and verb.head.dep_ == "pobj" \
            and doc[verb.left_edge.i].lower_ in (*RELATIVE, "when", "where"):
        phrase = verb.head.head
    elif verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with":
        phrase = verb.head.head
    elif verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        phrase = verb.head
    else:
        return None
    first = phrase.left_edge.i
    return first if first == phrase.i and (comma_before(doc, first) or doc[first - 1].text in DASHES) else None


def _opening_report_apart(doc: Doc, readings: list[Reading]) -> None:
    """'Though Marlow boasts of higher turnout, there is no link between turnout and winning, experts say', 'While
    Okafor evinces confidence that the port will reopen, the shippers have moved on, Pryce said': a clause of
    contrast that opens a content before its cue, set off by a comma, whose verb (or its object) is a cue with a
    source of its own, sets that speaker's view against what follows; it is that attribution's, and the content
    starts after it (a word belongs to one attribution). Not a clause that says when or on what condition ("After
    Marlow asked about it, the council balked, a clerk said"), nor a cue deeper in the clause ("While Okafor has
    devoted her time to speaking out against the levy, ...")."""
    for inner in readings:
        if inner.source is None or not inner.content:
            continue
        word = doc[inner.head]
        clause = word if word.dep_ == "advcl" else word.head
        if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.i == clause.left_edge.i
                                             and c.lower_ in _CONTRASTS for c in clause.children):
            continue
        first, last = clause.left_edge.i, clause.right_edge.i + 1
        if last >= len(doc) or doc[last].text != "," or not (first <= inner.cue[0] and inner.content[-1][1] <= last):
            continue
        for outer in readings:
            if outer is not inner and outer.content and outer.content[0][0] == first and outer.cue[0] > last:
                outer.content = [trim(doc, last + 1, outer.content[0][1]), *outer.content[1:]]


def _report_before_quotation_apart(doc: Doc, readings: list[Reading]) -> None:
    """'Ray Marlow has also criticized the plan to move the plant - “I love this town,” he said': a content before
    a closing cue that opens with a report of its own (its source first, then its cue and content), set off by a
    dash, a comma or a colon before a quotation, is the writer's report, and what the closing cue says is the
    quotation (a word belongs to one attribution); without the cut, the report inside the content was dropped.
    Not a report with no quotation after it ("Trump welcomed the news, saying ..., CNN reported"), nor one that ends
    on a quotation of its own ("Russians now say they admire him as a ''protector,'' concluded a study"), which
    PolNeAR keeps in what the closing cue says."""
    for inner in readings:
        if inner.source is None or not inner.content or inner.cue[0] < inner.source[1]:
            continue
        start, end = inner.source[0], max(inner.cue[1], inner.content[-1][1])
        if end + 1 >= len(doc) or doc[end].text not in (",", ":", ";", *DASHES) or doc[end + 1].text not in OPENING:
            continue
        for outer in readings:
            if outer is not inner and outer.inverted and outer.content and outer.content[0][0] == start \
                    and outer.content[-1][1] <= outer.cue[0] \
                    and any(not doc[k].is_punct for a, b in outer.content for k in range(max(a, end + 1), b)):
                outer.content = [trim(doc, max(a, end + 1), b) for a, b in outer.content if b > end + 1]


def _contrast_opening(verb: Token, lead: int) -> int:
    """Where an attribution starts with the "while" before it ("while other voters said", "while her rival has
    soared in the polls by saying") or opening the clause of its cue ("while attempting to portray Okafor as a
    carpetbagger", where the speaker is named before); else its lead."""
    doc = verb.doc
    if lead > 0 and doc[lead - 1].lower_ in _CONTRASTS:
        return lead - 1
    while verb.dep_ == "xcomp":
        verb = verb.head
    first = doc[verb.left_edge.i]
    return first.i if first.lower_ in _CONTRASTS and first.head == verb else lead


def _according_apart(doc: Doc, readings: list[Reading], vocab: Vocabulary) -> None:
    """'Pryce said he was happy to see that Okafor won, according to the Herald': the parse can hang a closing
    "according to X", set off by a comma, on a verb of another cue's content; X tells the whole report, cue and
    all, so that content stops before the phrase. Not a phrase that opens what was said ("The AP reported that,
    according to her calendar, 85 of the meetings were with donors")."""
    for phrase in readings:
        lead = phrase.cue[0]
        if not phrase.inverted or lead < 1 or doc[lead - 1].text != "," \
                or according_at(doc, lead, vocab) != phrase.cue[1] - lead:
            continue
        end = max(phrase.cue[1], phrase.source[1] if phrase.source else 0)
        if not ends_sentence(doc, lead, end):
            continue
        for outer in readings:
            if outer is not phrase and any(a < lead and end <= b for a, b in outer.content):
                outer.content = [part for a, b in outer.content for part in minus(a, b, lead - 1, end, doc)]


def _next_report_apart(doc: Doc, readings: list[Reading]) -> None:
    """'Rubio said the real extremist is Clinton, and he railed against the moderators': a clause joined to the
    content by a comma (or a dash: "... running his campaign — and he singled out") and "and" or "but", with a
    subject and a cue of its own, is the writer's next report, not more of what was said (which would go on with
    "and that"); the content stops before it."""
    for inner in readings:
        verb = doc[inner.head]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if inner.source is None or not inner.content or verb.dep_ != "conj" or verb.tag_ == "VBG" or not subjects \
                or any(c.dep_ == "mark" for c in verb.children):
            continue
        lead = min(s.left_edge.i for s in subjects)
        if lead < 2 or doc[lead - 1].dep_ != "cc" or doc[lead - 2].text != "," and doc[lead - 2].text not in DASHES:
            continue
        end = max(inner.cue[1], inner.content[-1][1], inner.source[1])
        for outer in readings:
            if outer is not inner and any(a <= lead and end <= b for a, b in outer.content):
                outer.content = [part for a, b in outer.content for part in minus(a, b, lead - 2, end, doc)]


def _joined_reports_apart(doc: Doc, readings: list[Reading]) -> None:
    """'Officials believe the bridge is safe and have been urging the council to reopen it', 'acknowledging that the
    levy had failed but warning that ...': a cue the parse joined by "and" or "but" to a verb of another cue's
    content, in a form that cannot go on from that verb, nor from any verb between it and the cue (its number, its
    tense or its auxiliary does not fit), but can go on from the cue, is the speaker's next report, with the same
    source; the first content stops before it. (In a form that fits both, it is more of what was said as often as
    not: "said he was tired and wanted a change".)"""
    by_head = {r.head: r for r in readings}
    for inner in readings:
        verb = doc[inner.head]
        if not inner.content or verb.dep_ != "conj" or not is_verb(verb) \
                or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark") for c in verb.children):
            continue
        outer, between = _host_of_joined(verb, by_head)
        if outer is None or outer.source is None or not is_verb(doc[outer.head]) \
                or any(_goes_on_from(verb, t) for t in between) or not _goes_on_from(verb, doc[outer.head]):
            continue
        clause = verb.head
        lead = max((c.i for c in clause.children if c.dep_ == "cc" and c.i < verb.i), default=verb.left_edge.i)
        while lead > 0 and (doc[lead - 1].text == "," or doc[lead - 1].text in DASHES):
            lead -= 1
        end = max(inner.cue[1], inner.content[-1][1])
        outer.content = [part for a, b in outer.content for part in minus(a, b, lead, end, doc)]
        inner.source, inner.source_head, inner.passive = outer.source, outer.source_head, False


def _host_of_joined(verb: Token, by_head: dict[int, Reading]) -> tuple[Reading | None, list[Token]]:
    """The nearest reading above a joined verb whose content holds it, and the verbs on the way up to its cue (the
    first the verb is joined to)."""
    between = []
    for word in (verb.head, *verb.head.ancestors):
        host = by_head.get(word.i)
        if host is not None and any(a <= verb.i < b for a, b in host.content):
            return host, between
        if is_verb(word):
            between.append(word)
    return None, between


def _goes_on_from(verb: Token, first: Token) -> bool:
    """Whether a verb joined to another can share its subject and auxiliaries: "is acting and showing", "would
    expand and push", "has joined and admits"; not "to preserve and thinking", "has joined and admit", "be fired and
    defended"."""
    joined, aux = _verb_form(verb)
    form = _verb_form(first)[0]
    finite = ("sg", "pl", "past", "modal")
    if not aux:  # sharing the first verb's auxiliaries
        if joined == "ing":
            return first.tag_ == "VBG"
        if joined == "en":
            return form not in ("to", "ing")
        if joined in ("bare", "pl"):
            return form in ("to", "modal", "bare", "pl")
    if joined == "to":
        return form == "to"
    if joined in ("sg", "pl"):
        return form in (joined, "past", "modal")
    if joined in ("past", "modal"):
        return form in finite
    return True


def _verb_form(verb: Token) -> tuple[str, bool]:
    """The form of a verb phrase, from its first auxiliary or else the verb (to, modal, sg, pl, past, bare, ing,
    en), and whether an auxiliary gave it."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    word = aux or verb
    if word.lower_ == "to":
        return "to", True
    forms = {"MD": "modal", "VBZ": "sg", "VBP": "pl", "VBD": "past", "VB": "bare", "VBG": "ing", "VBN": "en"}
    return forms.get(word.tag_, "other"), aux is not None


def _same_speaker_goes_on(doc: Doc, readings: list[Reading]) -> None:
    """'“...,” said Pelly, adding that ...': a participle after a comma, hung on a cue whose speaker the parse did
    not give as its subject (but the cue's reading found), says more of that speaker."""
    by_head = {r.head: r for r in readings}
    for reading in readings:
        word = doc[reading.head]
        host = by_head.get(word.head.i)
        if reading.source is None and host is not None and host.source is not None and word.tag_ == "VBG" \
                and word.dep_ in ("advcl", "xcomp", "conj") and word.head.i < word.i and comma_before(doc, word.i) \
                and not reading.passive:
            reading.source, reading.source_head = host.source, host.source_head
