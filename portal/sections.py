"""Public sections other apps add to the portal's home page (for example the published results of random
inspections, 双随机一公开, when that issue is built): register(url_name, label, icon, description)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    url_name: str
    label: str
    icon: str
    description: str = ""


_SECTIONS: dict[str, Section] = {}


def register(section: Section) -> None:
    _SECTIONS[section.url_name] = section


def registered() -> list[Section]:
    return list(_SECTIONS.values())
