"""Tests of coachbridge.engine.readability and the `coachbridge readability` command."""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from coachbridge.engine.commands import run_engine_command
from coachbridge.engine.readability import (
    KINDS,
    LEVELS,
    MESSAGES,
    Analysis,
    Issue,
    analyse,
    analyse_interface_text,
    syllables,
)
from coachbridge.engine.readability import fit as fitting
from coachbridge.engine.readability.level import model
from coachbridge.engine.readability.sentences import split_sentences
from coachbridge.engine.readability.signals import jargon_terms

pytestmark = pytest.mark.unit


def kinds(result: Analysis) -> list[str]:
    return [i.kind for i in result.issues]


def of_kind(result: Analysis, kind: str) -> list[Issue]:
    return [i for i in result.issues if i.kind == kind]


# --- sentences and syllables -----------------------------------------------------------------


def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "Dit is zin een. Bijv. dr. Jansen zegt dat o.a. coaches dit doen!  Klopt dat?\n\n- punt"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Dit is zin een.",
        "Bijv. dr. Jansen zegt dat o.a. coaches dit doen!",
        "Klopt dat?",
        "- punt",
    ]


def test_a_wrapped_line_stays_one_sentence_but_a_heading_does_not() -> None:
    text = "Coaching helpt mensen\nom hun doel te halen.\nKop:\nTekst hier."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Coaching helpt mensen\nom hun doel te halen.",
        "Kop:",
        "Tekst hier.",
    ]


def test_windows_line_ends_and_an_empty_text() -> None:
    text = "Eerste alinea\r\n\r\nTweede alinea."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Eerste alinea", "Tweede alinea."]
    empty = analyse("  ", "nl")
    assert (empty.level, empty.sentences, empty.scores["words"]) == ("A2", (), 0)


def test_results_can_be_hashed_and_compared() -> None:
    first = analyse("Het plan wordt besproken.", "nl")
    again = analyse("Het plan wordt besproken.", "nl")
    assert first == again
    assert len({*first.issues, *again.issues}) == 1


@pytest.mark.parametrize(
    ("word", "lang", "count"),
    [
        ("coaching", "nl", 2),
        ("onderzoek", "nl", 3),
        ("financiële", "nl", 5),
        ("ideeën", "nl", 3),
        ("betrouwbaarheid", "nl", 4),
        ("coaching", "en", 2),
        ("the", "en", 1),
        ("made", "en", 1),
        ("wanted", "en", 2),
        ("intervention", "en", 4),
        ("simple", "en", 2),
        ("reliability", "en", 6),
        ("period", "en", 3),
    ],
)
def test_syllables(word: str, lang: str, count: int) -> None:
    assert syllables(word, lang) == count


def test_flesch_douma_and_flesch_reading_ease_from_their_formulas() -> None:
    # 6 words of one syllable in one sentence
    nl = analyse("De kat zit op de mat.", "nl").scores
    assert nl["flesch"] == pytest.approx(206.835 - 0.93 * 6 - 77.0 * 1, abs=1e-3)
    en = analyse("The cat sat on the mat.", "en").scores
    assert en["flesch"] == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 1, abs=1e-3)
    # two sentences of 3 words, 11 syllables (wij le-zen boe-ken, jul-lie ma-ken mu-ziek)
    two = analyse("Wij lezen boeken. Jullie maken muziek.", "nl").scores
    assert two["words_per_sentence"] == 3
    assert two["flesch"] == pytest.approx(206.835 - 0.93 * 3 - 77.0 * 11 / 6, abs=1e-3)


# --- issues ----------------------------------------------------------------------------------


def test_every_issue_points_into_the_text_and_has_a_message() -> None:
    text = (
        "Het onderzoek werd door de universiteit uitgevoerd. De effectgrootte van de "
        "interventies was significant, omdat de deelnemers die vaker kwamen meer leerden dan "
        "de mensen die wegbleven, wat opviel bij de betrouwbaarheidsintervallen."
    )
    result = analyse(text, "nl")
    assert result.level in LEVELS
    assert set(kinds(result)) == {"passive", "jargon", "long_sentence", "clauses"}
    # the long compound is reported once, as jargon (with its plain alternative)
    assert of_kind(result, "jargon")[-1].text == "betrouwbaarheidsintervallen"
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for issue in sentence.issues:
            assert text[issue.start : issue.end] == issue.text
            assert sentence.start <= issue.start < issue.end <= sentence.end
            assert issue.kind in KINDS and issue.message and issue.suggestion


def test_dutch_passive_with_worden_and_zijn_but_not_active_perfect() -> None:
    assert [i.text for i in of_kind(analyse("Het plan wordt morgen besproken.", "nl"), "passive")]
    assert of_kind(analyse("Het onderzoek is in 2020 uitgevoerd.", "nl"), "passive")
    assert of_kind(analyse("Ik weet dat het gedaan wordt.", "nl"), "passive")
    assert not of_kind(analyse("Zij is naar huis gegaan.", "nl"), "passive")
    assert not of_kind(analyse("De coach bespreekt het plan morgen.", "nl"), "passive")
    assert not of_kind(analyse("Het wordt een mooie dag.", "nl"), "passive")
    # "zijn" as a possessive, with another verb before the participle
    assert not of_kind(analyse("Zijn collega's hebben hem geholpen.", "nl"), "passive")


def test_english_passive() -> None:
    found = of_kind(analyse("The survey was carefully designed by the team.", "en"), "passive")
    assert [i.text for i in found] == ["was carefully designed"]
    assert of_kind(analyse("Coaches are often asked for advice.", "en"), "passive")
    assert not of_kind(analyse("The team designed the survey.", "en"), "passive")
    assert not of_kind(analyse("She was interested in coaching.", "en"), "passive")


def test_clauses_are_counted_per_sentence() -> None:
    heavy = analyse("Ik denk dat het helpt, omdat mensen die het proberen vaker slagen.", "nl")
    assert of_kind(heavy, "clauses")[0].params["count"] == 3
    assert not of_kind(analyse("Ik kom morgen, omdat ik tijd heb.", "nl"), "clauses")
    english = analyse("We think that coaching helps because people who try it succeed.", "en")
    assert of_kind(english, "clauses")[0].params["count"] == 3


def test_long_sentence_threshold() -> None:
    words = " ".join(["woord"] * 18)
    assert not of_kind(analyse(f"Dit zijn {words}.", "nl"), "long_sentence")
    issue = of_kind(analyse(f"Dit zijn nu {words}.", "nl"), "long_sentence")[0]
    assert issue.params == {"words": 21, "limit": 20}


def test_rare_words_but_not_names_or_common_compounds() -> None:
    result = analyse("Jansen vond de epistemologische ontologie in het coachingsgesprek.", "nl")
    rare = [i.text for i in of_kind(result, "rare_word")]
    assert "ontologie" in rare
    assert "Jansen" not in rare  # a name
    assert "coachingsgesprek" not in rare  # rare as a whole, made of common parts
    assert of_kind(analyse("The ontology was epistemically fuzzy.", "en"), "rare_word")


def test_a_long_compound_gets_its_parts_in_the_suggestion() -> None:
    result = analyse("We bespraken de tafelindelingsregels.", "nl")
    issue = of_kind(result, "long_word")[0]
    assert issue.text == "tafelindelingsregels"
    assert "tafel" in str(issue.params["parts"])
    assert "tafel" in issue.suggestion


def test_jargon_matches_inflections_and_gives_the_plain_alternative() -> None:
    result = analyse("Beide interventies waren significante verbeteringen.", "nl")
    found = {i.text: i.suggestion for i in of_kind(result, "jargon")}
    assert found == {
        "interventies": "aanpak",
        "significante": "duidelijk, waarschijnlijk geen toeval",
    }
    en = analyse("The effect size of both interventions was large.", "en")
    assert [i.text for i in of_kind(en, "jargon")] == ["effect size", "interventions"]
    assert of_kind(en, "jargon")[0].message == MESSAGES["jargon"].format(
        term="effect size", plain="how big the effect is"
    )


def test_jargon_ignores_derivations_with_the_same_stem() -> None:
    # "effectiveness" has the stem of "effect"; "betrouwbaarheid" that of "betrouwbaar"
    assert [i.text for i in of_kind(analyse("The effect was clear.", "en"), "jargon")] == []
    found = [
        i.params["term"] for i in of_kind(analyse("Its effectiveness is clear.", "en"), "jargon")
    ]
    assert found == ["effectiveness"]


def test_jargon_in_a_plural_the_stemmer_keeps() -> None:
    result = analyse("De effectgroottes waren klein.", "nl")
    assert [(i.kind, i.text) for i in result.issues] == [("jargon", "effectgroottes")]


def test_a_determiner_after_a_subordinator_is_not_a_clause() -> None:
    result = analyse("Teams waarin die veiligheid hoog is, leren meer.", "nl")
    assert not of_kind(result, "clauses")


def test_jargon_inside_a_dutch_compound() -> None:
    result = analyse("De interventiegroep kwam elke week.", "nl")
    assert [i.text for i in of_kind(result, "jargon")] == ["interventiegroep"]


def test_jargon_list_is_data_with_enough_terms() -> None:
    for lang in ("nl", "en"):
        terms = jargon_terms(lang)
        assert len(terms) >= 150
        assert all(t.plain and t.plain != t.term for t in terms)
        duplicates = [k for k, n in Counter(t.term.casefold() for t in terms).items() if n > 1]
        assert duplicates == []


# --- levels ----------------------------------------------------------------------------------


def test_language_is_detected_when_not_given() -> None:
    assert analyse("De coach luistert goed naar wat je zegt.").lang == "nl"
    assert analyse("The coach listens well to what you say.").lang == "en"


def test_plain_text_scores_easier_than_academic_text() -> None:
    plain = analyse("Je kiest een doel. De coach helpt je. Samen zet je kleine stappen.", "nl")
    academic = analyse(
        "De operationalisatie van zelfeffectiviteit in longitudinale interventiestudies wordt "
        "bemoeilijkt doordat gevalideerde meetinstrumenten, die in de literatuur beschreven "
        "worden, zelden op de coachingspraktijk zijn toegesneden.",
        "nl",
    )
    assert plain.at_most("B1")
    assert not academic.at_most("B2")
    assert plain.scores["difficulty"] < academic.scores["difficulty"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_calibration_orders_every_topic(lang: str) -> None:
    samples = [s for s in fitting.calibration(lang) if s.variant is None]
    topics = sorted({s.topic for s in samples})
    assert len(topics) >= 6
    for topic in topics:
        versions = sorted((s for s in samples if s.topic == topic), key=lambda s: s.target)
        assert [s.level for s in versions] == ["A2", "B1", "B2", "C1"]
        values = [fitting.predict(model(lang), s.signals) for s in versions]
        assert values == sorted(values), f"{topic}: {values}"
        assert len(set(values)) == len(values)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_calibration_accuracy(lang: str) -> None:
    samples = fitting.calibration(lang)
    estimated = [analyse(s.text, lang).level for s in samples]
    hits = sum(e == s.level for e, s in zip(estimated, samples, strict=True))
    assert hits / len(samples) >= 0.85, list(
        zip(estimated, [s.level for s in samples], strict=True)
    )
    # never more than one level off
    assert all(
        abs(LEVELS.index(e) - LEVELS.index(s.level)) <= 1
        for e, s in zip(estimated, samples, strict=True)
    )


def test_stored_model_is_the_fit_of_the_calibration_texts() -> None:
    stored = json.loads(
        (Path(fitting.__file__).parents[1] / "data" / "readability_model.json").read_text("utf-8")
    )
    for lang in ("nl", "en"):
        assert stored[lang] == fitting.fit_language(lang)
        assert all(w >= 0 for w in stored[lang]["weights"].values())


# --- interface strings -----------------------------------------------------------------------


def test_interface_text_blanks_placeholders_and_keeps_offsets() -> None:
    text = "Je hebt %(count)s nieuwe <strong>uitnodigingen</strong> van {name}."
    result = analyse_interface_text(text, "nl")
    assert result.at_most("B1")
    for issue in result.issues:
        assert text[issue.start : issue.end] == issue.text
    assert "count" not in " ".join(i.text for i in result.issues)


def test_interface_text_uses_word_signals() -> None:
    assert analyse_interface_text("Opslaan", "nl").level == "A2"
    assert analyse_interface_text("Bewaar je antwoorden", "nl").level == "A2"
    hard = analyse_interface_text("Operationaliseer de effectgrootte", "nl")
    assert not hard.at_most("B1")
    assert {i.kind for i in hard.issues} == {"jargon"}
    assert not analyse_interface_text("Epistemologische ontologie", "nl").at_most("B1")
    # no sentence-level issues for short strings
    long_label = (
        "Dit is een label dat wel erg veel woorden heeft maar toch maar uit een zin bestaat"
    )
    assert "long_sentence" not in kinds(analyse_interface_text(long_label + " echt", "nl"))


# --- the command -----------------------------------------------------------------------------


def run(
    argv: list[str],
    stdin: bytes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = run_engine_command("readability", argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_command_prints_the_contract(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["--lang", "en"], b"The study was done by us.", monkeypatch, capsys)
    assert code == 0
    result = json.loads(out)
    assert result["level"] in LEVELS
    assert {"level", "scores", "sentences", "lang"} <= set(result)
    issue = result["sentences"][0]["issues"][0]
    assert {"kind", "text", "suggestion", "start", "end", "message"} <= set(issue)
    assert issue["kind"] == "passive"


def test_command_reads_a_file_and_detects_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tekst.txt"
    path.write_text("De coach luistert. Jij kiest het doel.", "utf-8")
    code, out, _ = run(["--input", str(path)], b"", monkeypatch, capsys)
    assert code == 0
    assert json.loads(out)["lang"] == "nl"


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        ([], b"", "the text is empty"),
        ([], b"  \n.,;\n", "the text is empty"),
        ([], b"caf\xe9 au lait", "not UTF-8"),
        (["--lang", "de"], b"Hallo Welt.", "--lang must be one of nl, en"),
        (["--input", "/no/such/file.txt"], b"", "cannot read"),
    ],
)
def test_command_rejects_bad_input_with_one_line(
    argv: list[str],
    stdin: bytes,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(argv, stdin, monkeypatch, capsys)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1
