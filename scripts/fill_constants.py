#!/usr/bin/env python3
"""Fills values missing from src/commands/data/4d-constants.tsv.

    scripts/fill_constants.py [EXTRACT.tsv ...] [--check]

Each EXTRACT.tsv holds `name<TAB>value<TAB>source` lines taken from the 4D documentation's
tables (`Constant | Type | Value`, or the standard actions' `Action name | Constant` table);
a value written `""` is the empty text. Built in: the ASCII Codes theme (a control character's
name gives its code) and the key constants the docs compare with `Character code(Keystroke)`.
Only empty values are filled and unknown names are added (theme from the extract, if any); an
empty theme is filled from the extract's theme; --check lists extracts that disagree with a
value already in the table instead of writing.
"""
import sys

TABLE = "src/commands/data/4d-constants.tsv"

ASCII_NAMES = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT",
               "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
               "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US", "SP"]


def builtin():
    values = {f"{n} ASCII code": str(i) for i, n in enumerate(ASCII_NAMES)}
    values["DEL ASCII code"] = "127"
    # ASCII Codes theme: printable characters named by what they are.
    values.update({"Space": "32", "Double quote": "34", "At sign": "64", "Period": "46",
                   "Backspace": "8", "Escape": "27", "Enter": "3"})
    # Key codes: the characters the keys produce (Character code(Keystroke)).
    values.update({"Backspace Key": "8", "Tab key": "9", "Enter Key": "3", "ReturnKey": "13",
                   "Escape Key": "27", "Left arrow key": "28", "Right arrow key": "29",
                   "Up arrow key": "30", "Down arrow key": "31", "Home Key": "1",
                   "End Key": "4", "Help Key": "5", "Page Up Key": "11", "Page Down Key": "12"})
    return {k: (v, "") for k, v in values.items()}


def table_value(value):
    """The table's form of a value: quotes only where a text would otherwise read as a number
    or as no value."""
    text = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else None
    if text is None:
        return value
    try:
        float(text.replace("0x", "", 1) if text.startswith("0x") else text)
        return value
    except ValueError:
        return value if text == "" else text


def main(argv):
    check = "--check" in argv
    extracts = builtin()
    for path in (a for a in argv if not a.startswith("--")):
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[0].strip():
                theme = cols[3].strip() if len(cols) > 3 else ""
                extracts[cols[0].strip()] = (table_value(cols[1].strip()), theme)
    rows = [line.rstrip("\n").split("\t") for line in open(TABLE, encoding="utf-8")]
    index = {r[0].lower(): r for r in rows[1:] if r and r[0]}
    filled = added = disagree = themed = 0
    for name, (value, theme) in extracts.items():
        row = index.get(name.lower())
        if row is None:
            rows.append([name, value, theme])
            index[name.lower()] = rows[-1]
            added += 1
            continue
        while len(row) < 3:
            row.append("")
        if row[2] == "" and theme:
            row[2] = theme
            themed += 1
        if row[1] == "":
            row[1] = value
            filled += 1
        elif row[1] != value:
            disagree += 1
            print(f"differs: {name}: table {row[1]!r}, extract {value!r}", file=sys.stderr)
    if not check:
        header, body = rows[0], sorted(rows[1:], key=lambda r: r[0].lower())
        with open(TABLE, "w", encoding="utf-8") as out:
            for r in [header] + body:
                out.write("\t".join(r) + "\n")
    missing = sum(1 for r in rows[1:] if len(r) < 2 or r[1] == "")
    print(f"filled {filled}, added {added}, themes set {themed}, differing {disagree}, "
          f"still without value {missing}")


if __name__ == "__main__":
    main(sys.argv[1:])
