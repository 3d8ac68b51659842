"""The re3d entity scorer (bench/re3d.py) on hand-made spans, and once on the real data when ../shared has it."""

import json
from pathlib import Path

import pytest

from bench.re3d import (
    MIN_CONFIDENCE,
    TYPES,
    Counts,
    Document,
    Span,
    exact_matches,
    gold_spans,
    load_documents,
    load_entities,
    map_label,
    offset_mismatches,
    overlap_matches,
    predicted_spans,
    read_records,
    score,
    trim,
)

RE3D = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "re3d"


def span(begin, end, kind="Person", doc="d1"):
    return Span(doc, begin, end, kind)


def entity(begin, end, kind, confidence, doc="d1", value=None):
    return {"_id": f"{doc}-{begin}-{end}-{kind}", "documentId": doc, "begin": begin, "end": end, "type": kind,
            "value": value, "confidence": confidence}


# ---------------------------------------------------------------------------------------------------- matching


def test_exact_needs_both_offsets_overlap_needs_one_shared_character():
    gold = [span(0, 10)]
    assert score([span(0, 10)], gold, "exact")["all"] == Counts(1, 0, 0)
    assert score([span(4, 10)], gold, "exact")["all"] == Counts(0, 1, 1)
    assert score([span(4, 10)], gold, "overlap")["all"] == Counts(1, 0, 0)
    assert score([span(9, 15)], gold, "overlap")["all"] == Counts(1, 0, 0)
    # touching is not overlapping
    assert score([span(10, 15)], gold, "overlap")["all"] == Counts(0, 1, 1)


def test_one_prediction_matches_at_most_one_gold_span():
    gold = [span(0, 20), span(4, 10)]  # nested gold, as in "the city of Mosul" / "Mosul"
    assert score([span(0, 20)], gold, "overlap")["all"] == Counts(1, 0, 1)
    assert score([span(2, 8)], gold, "overlap")["all"] == Counts(1, 0, 1)


def test_one_gold_span_matches_at_most_one_prediction():
    gold = [span(0, 20)]
    assert score([span(0, 5), span(10, 20)], gold, "overlap")["all"] == Counts(1, 1, 0)
    assert score([span(0, 20), span(0, 20)], gold, "exact")["all"] == Counts(1, 1, 0)


def test_overlap_pairing_is_maximum_not_greedy():
    # p1 overlaps g1 and g2, p2 only g1: greedy p1->g1 would leave p2 unmatched.
    g1, g2 = span(0, 10), span(12, 20)
    p1, p2 = span(5, 15), span(0, 3)
    pairs = overlap_matches([p1, p2], [g1, g2])
    assert sorted(pairs, key=lambda pair: pair[0].begin) == [(p2, g1), (p1, g2)]


def test_overlap_prefers_the_exact_partner():
    gold = [span(0, 20), span(4, 10)]
    assert overlap_matches([span(4, 10)], gold) == [(span(4, 10), span(4, 10))]
    assert exact_matches([span(4, 10)], gold) == [(span(4, 10), span(4, 10))]


def test_overlap_is_never_below_exact():
    gold = [span(0, 5), span(6, 12, "Location"), span(20, 30, "Temporal")]
    predicted = [span(0, 5), span(6, 9, "Location"), span(21, 30, "Temporal"), span(40, 44)]
    exact, overlap = score(predicted, gold, "exact"), score(predicted, gold, "overlap")
    assert exact["all"] == Counts(1, 3, 2)
    assert overlap["all"] == Counts(3, 1, 0)


def test_type_mismatch_is_a_false_positive_and_a_false_negative():
    result = score([span(0, 5, "Location")], [span(0, 5, "Organisation")], "overlap")
    assert result["Location"] == Counts(0, 1, 0)
    assert result["Organisation"] == Counts(0, 0, 1)
    assert result["all"] == Counts(0, 1, 1)


def test_spans_in_other_documents_do_not_match():
    assert score([span(0, 5, doc="d2")], [span(0, 5, doc="d1")], "overlap")["all"] == Counts(0, 1, 1)


def test_predictions_of_unscored_types_are_ignored():
    result = score([span(0, 5, "Quantity"), span(10, 12, "Weapon")], [span(20, 25)], "overlap")
    assert result["all"] == Counts(0, 0, 1)
    assert set(result) == {*TYPES, "all"}


def test_micro_scores():
    result = score([span(0, 5), span(10, 15), span(30, 35, "Location")],
                   [span(0, 5), span(20, 25), span(30, 35, "Location"), span(40, 45, "Location")], "exact")
    assert result["Person"] == Counts(1, 1, 1)
    assert result["Location"] == Counts(1, 0, 1)
    assert result["all"] == Counts(2, 1, 2)
    assert result["all"].precision == pytest.approx(2 / 3)
    assert result["all"].recall == pytest.approx(0.5)
    assert result["all"].f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert Counts().f1 == 0.0 and Counts().precision == 0.0 and Counts().recall == 0.0


# ---------------------------------------------------------------------------------------------------- gold, predictions


def test_gold_keeps_confidence_at_least_half_and_the_five_types():
    documents = [Document("d1", "src", "", "x" * 100)]
    entities = [
        entity(0, 5, "Person", 1),
        entity(10, 15, "Person", 0.5),
        entity(20, 25, "Person", 0.49),
        entity(30, 35, "Location", 0),
        entity(40, 45, "Weapon", 1),
        entity(50, 55, "Temporal", 0.9),
        entity(0, 5, "Person", 1, doc="elsewhere"),  # a document not scored
    ]
    assert MIN_CONFIDENCE == 0.5
    assert gold_spans(entities, documents) == [span(0, 5), span(10, 15), span(50, 55, "Temporal")]


def test_gold_and_predictions_lose_edge_whitespace():
    text = "the Syrian people  said"
    documents = [Document("d1", "src", "", text)]
    assert gold_spans([entity(0, 18, "Organisation", 1)], documents) == [span(0, 17, "Organisation")]
    assert trim(span(3, 11, "Nationality"), text) == span(4, 10, "Nationality")
    assert trim(span(17, 18), text) == span(17, 18)  # all whitespace: left alone


def test_spacy_labels_map_onto_re3d_types():
    assert [map_label(x) for x in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME")] == [
        "Person", "Organisation", "Location", "Location", "Location", "Nationality", "Temporal", "Temporal"]
    for label in ("CARDINAL", "MONEY", "PRODUCT", "EVENT", "LAW", "ORDINAL", "QUANTITY", "PERCENT", "WORK_OF_ART"):
        assert map_label(label) is None
    text = "Daesh attacked Mosul on Monday, killing 12."
    predicted = predicted_spans("d1", text, [(0, 5, "ORG"), (15, 20, "GPE"), (24, 30, "DATE"), (40, 42, "CARDINAL")])
    assert predicted == [span(0, 5, "Organisation"), span(15, 20, "Location"), span(24, 30, "Temporal")]


def test_records_read_as_json_lines_or_array(tmp_path):
    records = [{"_id": "a", "text": "one"}, {"_id": "b", "text": "two"}]
    lines, array = tmp_path / "lines.json", tmp_path / "array.json"
    lines.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    array.write_text(json.dumps(records, indent=1), encoding="utf-8")
    assert read_records(lines) == records == read_records(array)


def test_offset_check_forgives_flattened_whitespace_and_quotes_only():
    documents = [Document("d1", "src", "", "Col. John \u201cJ.D.\u201d Dorrian\nsaid")]
    good = entity(0, 24, "Person", 1, value="Col. John 'J.D.' Dorrian")
    bad = entity(0, 9, "Person", 1, value="Col. Jack")
    assert offset_mismatches([good], documents) == []
    assert [e for e, _ in offset_mismatches([good, bad], documents)] == [bad]


# ---------------------------------------------------------------------------------------------------- the real data


def test_real_re3d_loads_with_sane_counts_and_aligned_offsets():
    if not RE3D.is_dir():
        pytest.skip(f"re3d is not at {RE3D} (it comes with ../shared/benchmarks, which CI has)")
    documents = load_documents(RE3D)
    entities = load_entities(RE3D)
    assert {d.source for d in documents} >= {"CENTCOM", "UK Government", "US State Department"}
    assert 50 <= len(documents) <= 200
    assert len({d.id for d in documents}) == len(documents)
    assert all(d.text.strip() for d in documents)
    assert len(entities) > 2000
    assert {e["documentId"] for e in entities} <= {d.id for d in documents}

    gold = gold_spans(entities, documents)
    per_type = {t: sum(g.type == t for g in gold) for t in TYPES}
    assert 1000 <= len(gold) <= 3000, per_type
    assert all(n > 0 for n in per_type.values()), per_type
    assert per_type["Organisation"] > per_type["Person"]

    texts = {d.id: d.text for d in documents}
    assert offset_mismatches(entities, documents) == []
    for g in gold:
        assert 0 <= g.begin < g.end <= len(texts[g.doc])
        value = texts[g.doc][g.begin : g.end]
        assert value == value.strip()
    # a few known values, exactly
    found = {texts[g.doc][g.begin : g.end] for g in gold}
    assert {"Daesh", "Syria", "Syrian"} <= found
