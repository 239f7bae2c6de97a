"""Helpers for the translation catalogues (Simplified Chinese first, English).

    python tools/i18n.py untranslated            # msgids of zh_Hans still empty or fuzzy, as JSON lines
    python tools/i18n.py apply FILE.json         # fill zh_Hans from {"msgid": "译文", ...}

Run `make messages` afterwards to compile the .mo files.
"""

import json
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale/zh_Hans/LC_MESSAGES/django.po"


def untranslated(po):
    return [e for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def main(argv):
    po = polib.pofile(str(PO))
    if argv[:1] == ["untranslated"]:
        for entry in untranslated(po):
            print(json.dumps(entry.msgid, ensure_ascii=False))
    elif argv[:1] == ["apply"]:
        table = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        for entry in po:
            if entry.msgid in table:
                text = table[entry.msgid]
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: text}
                else:
                    entry.msgstr = text
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
        po.save()
        print(f"{len(untranslated(po))} left untranslated")
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
