"""Make resources/fonts/ArchivistSansSC-Regular.otf: a subset of Noto Sans CJK SC (SIL OFL
1.1, resources/fonts/OFL.txt) that the app registers with Qt and PDFium, so Chinese text
shows on a machine with no CJK font installed (a fresh Debian has DejaVu only).

    apt-get install fonts-noto-cjk                # only here, never at run or test time
    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python tools/cjk_font.py

The subset: every character of GB2312 (the 6,763 Han characters of mainland newspapers
and their punctuation), Big5's frequently used Han characters (level 1, Traditional
pages), Latin-1, the CJK and full-width punctuation blocks, and every character of the
bundled samples, the test pages and the translations. The family is renamed (OFL: a
modified version is no longer the original), so a full Noto installed on the system is
never shadowed by this subset.
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC = 2  # "Noto Sans CJK SC" inside the collection
OUT = ROOT / "resources" / "fonts" / "ArchivistSansSC-Regular.otf"
FAMILY = "Archivist Sans SC"
BLOCKS = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),
          (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F),
          (0x3040, 0x30FF), (0x3200, 0x32FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]


def double_byte(encoding: str, leads: range, trails: range) -> set[str]:
    out = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(bytes((lead, trail)).decode(encoding))
            except UnicodeDecodeError:
                pass
    return out


def characters() -> set[str]:
    chars = {chr(c) for lo, hi in BLOCKS for c in range(lo, hi + 1)}
    chars |= double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    chars |= double_byte("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    texts = [*ROOT.glob("resources/samples/*.txt"), *ROOT.glob("resources/translations/*.ts"),
             ROOT / "tests" / "data" / "scan" / "sample.txt"]
    for path in texts:
        chars |= set(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() or c == "\u3000"}


def main() -> int:
    font = TTCollection(str(SOURCE)).fonts[SC]
    options = subset.Options()
    options.layout_features = ["kern", "palt", "vert", "vrt2", "liga"]  # no locl: SC forms only
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False             # CFF hints matter little on screen; a smaller file
    options.desubroutinize = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[ord(c) for c in characters()])
    sub.subset(font)
    font.recalcTimestamp = False  # the same input gives the same file
    names = font["name"]
    for rec in list(names.names):
        if rec.nameID in (1, 16):
            names.setName(FAMILY, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 4:
            names.setName(f"{FAMILY} Regular", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID in (3, 6):
            names.setName("ArchivistSansSC-Regular", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    if "CFF " in font:  # the PostScript name inside the CFF table too
        cff = font["CFF "].cff
        cff.fontNames = ["ArchivistSansSC-Regular"]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    print(f"{OUT.relative_to(ROOT)}: {len(font.getBestCmap())} characters, {OUT.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
