"""Complete the English catalog: the source strings are English, so each entry is its own translation.

Run by `make messages` after makemessages; an entry someone has given another English wording keeps it.
"""

import sys

import polib


def fill_po(path):
    po = polib.pofile(path)
    for entry in po:
        if "fuzzy" in entry.flags:  # msgmerge's guess from a changed string: start again from the source
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = None
            entry.msgstr, entry.msgstr_plural = "", dict.fromkeys(entry.msgstr_plural, "")
        if entry.msgid_plural:
            if not any(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        elif not entry.msgstr:
            entry.msgstr = entry.msgid
    po.metadata_is_fuzzy = False
    po.header = "English UI strings of the portal (the source language). Filled by scripts/en_catalog.py."
    po.metadata.update(
        {
            "Project-Id-Version": "portal",
            "Language": "en",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
    )
    po.save(path)


if __name__ == "__main__":
    fill_po(sys.argv[1])
