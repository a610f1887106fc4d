"""Tests of coachbridge.engine.themes and the `coachbridge themes` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coachbridge.engine.commands import run_engine_command
from coachbridge.engine.themes import Guide, GuideError, Note, Theme, find_themes

pytestmark = pytest.mark.unit

HARVEST = Path(__file__).resolve().parents[2] / "bench" / "data" / "themes_harvest.jsonl"

NOTES = [
    Note("a1", "Kan een chatbot coachen?"),
    Note("a2", "AI als sparringpartner tussen de sessies door"),
    Note("a3", "Will AI replace coaches?"),
    Note("a4", "digitale tools en apps in het traject"),
    Note("g1", "Coaching in groepen onderzoeken"),
    Note("g2", "teamcoaching bij zelfsturende teams"),
    Note("g3", "group dynamics and psychological safety"),
    Note("g4", "verbondenheid als uitkomst van groepscoaching"),
    Note("r1", "Effect op de partner thuis"),
    Note("r2", "Rimpeleffect van coaching op collega's"),
    Note("r3", "Ripple effect on family"),
    Note("r4", "sociale omgeving van de coachee"),
]


def harvest(n: int) -> list[Note]:
    rows = [json.loads(line) for line in HARVEST.read_text("utf-8").splitlines()[:n]]
    return [Note(r["id"], r["text"]) for r in rows]


def assignment(themes: list[Theme]) -> dict[str, str]:
    return {nid: t.id for t in themes for nid in t.notes}


def test_empty_input_gives_no_themes() -> None:
    assert find_themes([]) == []


def test_one_note_is_one_theme() -> None:
    (theme,) = find_themes([Note("x", "Coaching is duur")], embedder=None)
    assert theme.notes == ("x",)
    assert theme.highlights == ("x",)
    assert theme.label in "Coaching is duur"


def test_every_note_in_exactly_one_theme() -> None:
    notes = harvest(80)
    themes = find_themes(notes, embedder=None)
    placed = [nid for t in themes for nid in t.notes]
    assert sorted(placed) == sorted(n.id for n in notes)
    assert len(placed) == len(set(placed))
    assert [t.id for t in themes] == [f"t{i}" for i in range(1, len(themes) + 1)]


def test_labels_quote_a_note_of_their_theme_and_highlights_are_members() -> None:
    notes = harvest(80)
    by_id = {n.id: n.text for n in notes}
    for theme in find_themes(notes, k=8, embedder=None):
        assert theme.label
        assert any(theme.label in by_id[nid] for nid in theme.notes), theme.label
        assert 1 <= len(theme.highlights) <= 3
        assert set(theme.highlights) <= set(theme.notes)
        text_of_theme = " ".join(by_id[nid].lower() for nid in theme.notes)
        for keyword in theme.keywords:
            assert keyword in text_of_theme


def test_k_is_respected() -> None:
    assert len(find_themes(NOTES, k=3, embedder=None)) == 3
    assert len(find_themes(NOTES[:2], k=5, embedder=None)) == 2


def test_clear_topics_are_separated() -> None:
    where = assignment(find_themes(NOTES, k=3, embedder=None))
    for prefix in "agr":
        group = {where[n.id] for n in NOTES if n.id.startswith(prefix)}
        assert len(group) == 1, prefix
    assert len(set(where.values())) == 3


def test_same_input_same_output() -> None:
    notes = harvest(60)
    first = find_themes(notes, embedder=None)
    second = find_themes(list(notes), embedder=None)
    assert first == second
    assert find_themes(NOTES) == find_themes(NOTES)  # with the packaged encoder, if installed


def test_guided_examples_stay_in_their_theme() -> None:
    guide = [
        Guide("Technologie", ("a1", "a3")),
        Guide("Groepen", ("g1",)),
        Guide("Rimpeleffect", ("r3", "r4")),
    ]
    themes = find_themes(NOTES, guide=guide, embedder=None)
    assert [t.label for t in themes] == ["Technologie", "Groepen", "Rimpeleffect"]
    for theme, entry in zip(themes, guide, strict=True):
        assert set(entry.examples) <= set(theme.notes)
    assert sorted(nid for t in themes for nid in t.notes) == sorted(n.id for n in NOTES)


def test_guide_with_extra_themes_and_bad_guides() -> None:
    themes = find_themes(NOTES, k=4, guide=[Guide("AI", ("a1",))], embedder=None)
    assert len(themes) == 4
    assert themes[0].label == "AI"
    assert "a1" in themes[0].notes
    with pytest.raises(GuideError):
        find_themes(NOTES, guide=[Guide("x", ("nope",))], embedder=None)
    with pytest.raises(GuideError):
        find_themes(NOTES, guide=[Guide("x", ("a1",)), Guide("y", ("a1",))], embedder=None)


def test_duplicate_note_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="a1"):
        find_themes([Note("a1", "x"), Note("a1", "y")], embedder=None)


class _ByTopicEmbedder:
    """A fake encoder: one direction per topic word, so the grouping must follow it."""

    def encode(self, texts: list[str]) -> Any:
        import numpy as np

        out = np.zeros((len(texts), 3))
        for i, t in enumerate(texts):
            out[i, 0 if "ai" in t.lower() else 1 if "groep" in t.lower() else 2] = 1.0
        return out


def test_embedder_is_pluggable() -> None:
    notes = [Note(f"n{i}", t) for i, t in enumerate(["AI x", "AI y", "groep x", "groep y"])]
    where = assignment(find_themes(notes, k=2, embedder=_ByTopicEmbedder(), embedding_weight=3.0))
    assert where["n0"] == where["n1"] != where["n2"] == where["n3"]


# --- the command -----------------------------------------------------------------------------


def write_notes(path: Path, rows: list[Any]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def test_command_prints_themes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = write_notes(tmp_path / "notes.jsonl", [{"id": n.id, "text": n.text} for n in NOTES])
    guide = tmp_path / "guide.json"
    guide.write_text(json.dumps([{"label": "AI", "examples": ["a1", "a2"]}]))
    code = run_engine_command("themes", ["--notes", str(notes), "--k", "3", "--no-embedding"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["themes"]) == 3
    assert set(out["themes"][0]) == {"id", "label", "keywords", "notes", "highlights"}
    code = run_engine_command(
        "themes", ["--notes", str(notes), "--guide", str(guide), "--no-embedding"]
    )
    assert code == 0
    (theme,) = json.loads(capsys.readouterr().out)["themes"]
    assert theme["label"] == "AI"
    assert len(theme["notes"]) == len(NOTES)


def test_command_on_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    assert run_engine_command("themes", ["--notes", str(empty)]) == 0
    assert json.loads(capsys.readouterr().out) == {"themes": []}


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"id": "b"}', "field 'text'"),
        ('{"id": "b", "text": "  "}', "field 'text'"),
        ('{"text": "hallo"}', "field 'id'"),
        ('{"id": "a", "text": "dubbel"}', "field 'id'"),
        ('{"id": "b", "text": "hallo", "lang": "de"}', "field 'lang'"),
        ('{"id": "b", "text": "hallo"', "not valid JSON"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_command_rejects_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, field: str
) -> None:
    path = write_notes(tmp_path / "notes.jsonl", [{"id": "a", "text": "eerste notitie"}, line])
    assert run_engine_command("themes", ["--notes", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"{path}:2:" in err
    assert field in err


def test_command_rejects_a_bad_guide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = write_notes(tmp_path / "notes.jsonl", [{"id": "a", "text": "eerste notitie"}])
    guide = tmp_path / "guide.json"
    guide.write_text(json.dumps([{"label": "AI", "examples": ["zz"]}]))
    assert run_engine_command("themes", ["--notes", str(notes), "--guide", str(guide)]) == 2
    err = capsys.readouterr().err
    assert "entry 1" in err
    assert "field 'examples'" in err
    assert "'zz'" in err


def test_command_rejects_missing_file_and_bad_k(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_engine_command("themes", ["--notes", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err
    notes = write_notes(tmp_path / "notes.jsonl", [{"id": "a", "text": "x"}])
    assert run_engine_command("themes", ["--notes", str(notes), "--k", "0"]) == 2
    assert "--k" in capsys.readouterr().err


def test_identical_or_empty_notes_give_fewer_themes_than_asked() -> None:
    same = [Note(str(i), "coaching") for i in range(6)]
    assert [t.notes for t in find_themes(same, k=3, embedder=None)] == [tuple("012345")]
    stop_words_only = [Note(str(i), "de het een") for i in range(7)]
    (theme,) = find_themes(stop_words_only, embedder=None)
    assert theme.label == "de het een"
    two_kinds = [Note(str(i), "AI" if i % 2 else "coaching") for i in range(8)]
    assert len(find_themes(two_kinds, embedder=None)) == 2
