"""One place where every app says which personal data it keeps (GDPR export and erasure).

Each app that stores personal data registers, from its AppConfig.ready(), a function that
exports a member's data as plain JSON-ready values and one that erases it. Erasure gets
`remove_contributions`: False keeps what the member wrote in public, shown as written by
"former member"; True removes it too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any, bool], None]


@dataclass(frozen=True)
class PersonalDataSection:
    name: str
    export: Exporter
    erase: Eraser | None


_sections: dict[str, PersonalDataSection] = {}


def register_personal_data(name: str, *, export: Exporter, erase: Eraser | None = None) -> None:
    _sections[name] = PersonalDataSection(name=name, export=export, erase=erase)


def personal_data_sections() -> list[PersonalDataSection]:
    return list(_sections.values())
