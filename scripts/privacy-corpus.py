#!/usr/bin/env python3
"""Generates the binary documents of Sablier's labelled privacy corpus (corpus/privacy).

Each entry of corpus/privacy/manifest-*.json that names a `source` (a plain-text file under
corpus/privacy/sources) is rendered into the format its `file` ends with:

  .docx  Office Open XML written by hand: word/document.xml, the letterhead in word/header1.xml,
         text split into several runs the way Word splits it;
  .odt   OpenDocument text: content.xml, the letterhead in styles.xml's master page header,
         repeated spaces as text:s, runs as text:span;
  .pdf   PDF 1.4 with Helvetica (WinAnsiEncoding) text lines in a FlateDecode stream, several
         pages when long, letterhead at the top of every page;
  .rtf   RTF 1 (ansicpg1252) with \\'hh and \\uN escapes and the letterhead in a {\\header} group;
  .txt   the text as is.

Entries with a `damage` are derived from another generated file (`from`), to test what an unreadable
file does: `truncate:N` keeps the first N bytes; `corrupt:ENTRY` flips bytes inside a zip entry's
compressed data; `image-only` writes a PDF whose only page is an image (a scan without text layer).
Files with neither (hand-written .csv, .html, .xml, .txt) are left alone.
Standard library only; deterministic output (fixed zip dates), so regenerating changes nothing.

A source is plain text; an optional block between the lines `@header` and `@end` at its start is
the letterhead. Run from the repository root:  python3 scripts/privacy-corpus.py
"""
import json
import os
import random
import sys
import zipfile
import zlib
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "privacy")
ZIP_DATE = (2025, 1, 1, 0, 0, 0)


def read_source(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = []
    if lines and lines[0] == "@header":
        end = lines.index("@end")
        header = lines[1:end]
        lines = lines[end + 1:]
    while lines and lines[-1] == "":
        lines.pop()
    return header, lines


def runs(text, rng):
    """Splits a line into 1-3 runs at word boundaries, as word processors do after edits."""
    if len(text) < 12:
        return [text]
    cuts = sorted(rng.sample(range(1, len(text)), k=min(2, len(text) - 1)))
    parts, start = [], 0
    for cut in cuts:
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return [p for p in parts if p]


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


# --- .docx -----------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def docx_paragraph(line, rng):
    if line == "":
        return "<w:p/>"
    out = ["<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"]
    for part in runs(line, rng):
        pieces = part.split("\t")
        out.append("<w:r><w:rPr><w:lang w:val=\"fr-CA\"/></w:rPr>")
        for index, piece in enumerate(pieces):
            if index:
                out.append("<w:tab/>")
            if piece:
                out.append('<w:t xml:space="preserve">%s</w:t>' % escape(piece))
        out.append("</w:r>")
    out.append("</w:p>")
    return "".join(out)


def make_docx(path, header, lines, rng):
    body = "".join(docx_paragraph(l, rng) for l in lines)
    sect = '<w:sectPr>%s<w:pgSz w:w="12240" w:h="15840"/></w:sectPr>' % (
        '<w:headerReference w:type="default" r:id="rIdHeader1"/>' if header else "")
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document %s><w:body>%s%s</w:body></w:document>' % (W, body, sect))
    rels = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    if header:
        rels.append('<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>')
    entries = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
         + ('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' if header else "")
         + '</Types>', zipfile.ZIP_DEFLATED),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>', zipfile.ZIP_DEFLATED),
        ("word/_rels/document.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join(rels),
         zipfile.ZIP_DEFLATED),
        ("word/document.xml", document, zipfile.ZIP_DEFLATED),
        ("word/styles.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s><w:docDefaults/></w:styles>' % W,
         zipfile.ZIP_DEFLATED),
    ]
    if header:
        entries.append(("word/header1.xml",
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s>%s</w:hdr>'
                        % (W, "".join(docx_paragraph(l, rng) for l in header)), zipfile.ZIP_DEFLATED))
    write_zip(path, entries)


# --- .odt ------------------------------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"')


def odf_text(text):
    """Repeated spaces as text:s, tabs as text:tab, as LibreOffice writes them."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\t":
            out.append("<text:tab/>")
            i += 1
        elif ch == " " and i + 1 < len(text) and text[i + 1] == " ":
            j = i
            while j < len(text) and text[j] == " ":
                j += 1
            out.append(" <text:s text:c=\"%d\"/>" % (j - i - 1))
            i = j
        else:
            out.append(escape(ch))
            i += 1
    return "".join(out)


def odt_paragraph(line, rng):
    if line == "":
        return '<text:p text:style-name="Standard"/>'
    parts = runs(line, rng)
    inner = "".join(odf_text(p) if k % 2 == 0 else '<text:span text:style-name="T1">%s</text:span>' % odf_text(p)
                    for k, p in enumerate(parts))
    return '<text:p text:style-name="Standard">%s</text:p>' % inner


def make_odt(path, header, lines, rng):
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:text>%s'
               '</office:text></office:body></office:document-content>' % (ODF_NS, "".join(odt_paragraph(l, rng) for l in lines)))
    header_xml = ""
    if header:
        header_xml = "<style:header>%s</style:header>" % "".join(odt_paragraph(l, rng) for l in header)
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s><office:master-styles>'
              '<style:master-page style:name="Standard" style:page-layout-name="pm1">%s</style:master-page>'
              '</office:master-styles></office:document-styles>' % (ODF_NS, header_xml))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    write_zip(path, [
        ("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
        ("content.xml", content, zipfile.ZIP_DEFLATED),
        ("styles.xml", styles, zipfile.ZIP_DEFLATED),
        ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED),
    ])


# --- .pdf ------------------------------------------------------------------------------------

def wrap(line, width=92):
    if len(line) <= width:
        return [line]
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = word if not current else current + " " + word
    out.append(current)
    return out


def pdf_string(text):
    data = text.replace("\t", "    ").encode("cp1252", errors="replace")
    out = []
    for b in data:
        if b in (0x28, 0x29, 0x5C):
            out.append("\\" + chr(b))
        elif 32 <= b < 127:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return "(" + "".join(out) + ")"


def make_pdf(path, header, lines):
    body = [w for l in lines for w in wrap(l)]
    per_page = 48 - len(header)
    pages = [body[i:i + per_page] for i in range(0, max(len(body), 1), per_page)]
    objects = []  # index 0 = object 1

    def add(obj):
        objects.append(obj)
        return len(objects)

    catalog = add(None)
    pages_id = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for page_lines in pages:
        ops = ["BT", "/F2 9 Tf", "11 TL", "72 750 Td"]
        for h in header:
            ops.append(pdf_string(h) + " Tj T*")
        ops += ["/F1 10 Tf", "13 TL", "T*"]
        for l in page_lines:
            ops.append(pdf_string(l) + " Tj T*")
        ops.append("ET")
        raw = "\n".join(ops).encode("latin-1")
        packed = zlib.compress(raw, 9)
        stream = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
        page = add(("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                    % (pages_id, font, bold, stream)).encode())
        kids.append(page)
    objects[catalog - 1] = ("<< /Type /Catalog /Pages %d 0 R >>" % pages_id).encode()
    objects[pages_id - 1] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))).encode()
    info = add(b"<< /Producer (Sablier privacy corpus generator) /CreationDate (D:20250101000000Z) >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, info, xref)
    with open(path, "wb") as f:
        f.write(bytes(out))


# --- .rtf ------------------------------------------------------------------------------------

def rtf_text(text, rng):
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\tab ")
        elif code < 128:
            out.append(ch)
        else:
            try:
                b = ch.encode("cp1252")[0]
                # Word writes most accented letters as \'hh; some writers use \uN with a fallback.
                out.append("\\u%d\\'%02x" % (code if code < 32768 else code - 65536, b) if rng.random() < 0.3 else "\\'%02x" % b)
            except UnicodeEncodeError:
                out.append("\\u%d?" % (code if code < 32768 else code - 65536))
    return "".join(out)


def make_rtf(path, header, lines, rng):
    parts = [r"{\rtf1\ansi\ansicpg1252\deff0\uc1{\fonttbl{\f0\fswiss\fcharset0 Calibri;}{\f1\fswiss\fcharset0 Arial;}}",
             r"{\colortbl;\red0\green0\blue0;\red31\green73\blue125;}",
             r"{\*\generator Sablier privacy corpus generator;}{\info{\author Sablier}{\title Corpus}}",
             r"\viewkind4\paperw12240\paperh15840\margl1440\margr1440"]
    if header:
        parts.append(r"{\header\pard\plain\f1\fs16\cf2 " + r"\par ".join(rtf_text(h, rng) for h in header) + r"\par}")
    parts.append(r"\pard\plain\f0\fs22 ")
    for line in lines:
        parts.append(rtf_text(line, rng) + "\\par\n")
    parts.append("}")
    with open(path, "w", encoding="ascii") as f:
        f.write("".join(parts))


def damage(document):
    target = os.path.join(ROOT, document["file"])
    kind = document["damage"]
    if kind == "image-only":
        rng = random.Random(document["file"])
        image = zlib.compress(bytes(rng.randrange(256) for _ in range(64 * 64)))
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
                   b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                   b"/Filter /FlateDecode /Length %d >>\nstream\n" % len(image) + image + b"\nendstream",
                   b"<< /Length 33 >>\nstream\nq 500 0 0 640 56 76 cm /Im1 Do Q\nendstream"]
        out, offsets = bytearray(b"%PDF-1.4\n"), []
        for number, obj in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    else:
        with open(os.path.join(ROOT, document["from"]), "rb") as f:
            out = bytearray(f.read())
        how, _, argument = kind.partition(":")
        if how == "truncate":
            out = out[:int(argument)]
        elif how == "corrupt":
            with zipfile.ZipFile(os.path.join(ROOT, document["from"])) as z:
                info = z.getinfo(argument)
            start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
            for index in range(start + 40, start + info.compress_size - 40, 9):
                out[index] ^= 0x5A
        else:
            sys.exit("unknown damage '%s' for %s" % (kind, document["file"]))
    with open(target, "wb") as f:
        f.write(bytes(out))


def main():
    count = 0
    damaged = []
    for manifest in sorted(n for n in os.listdir(ROOT) if n.startswith("manifest-") and n.endswith(".json")):
        with open(os.path.join(ROOT, manifest), encoding="utf-8") as f:
            documents = json.load(f)["documents"]
        damaged += [d for d in documents if d.get("damage")]
        for document in documents:
            source = document.get("source")
            if not source:
                continue
            target = os.path.join(ROOT, document["file"])
            header, lines = read_source(source)
            rng = random.Random(document["file"])
            extension = os.path.splitext(target)[1]
            if extension == ".docx":
                make_docx(target, header, lines, rng)
            elif extension == ".odt":
                make_odt(target, header, lines, rng)
            elif extension == ".pdf":
                make_pdf(target, header, lines)
            elif extension == ".rtf":
                make_rtf(target, header, lines, rng)
            elif extension == ".txt":
                with open(target, "w", encoding="utf-8") as f:
                    f.write("\n".join(header + [""] + lines if header else lines) + "\n")
            else:
                sys.exit("%s: cannot generate %s from a source" % (manifest, document["file"]))
            count += 1
    for document in damaged:
        damage(document)
    print("privacy corpus: %d documents generated and %d damaged copies in %s" % (count, len(damaged), os.path.normpath(ROOT)))


if __name__ == "__main__":
    main()
