"""A minimal reader of R's serialised data (.rda/.RData, XDR format 2 or 3).

Why: the public copies of the name sources (Retraite Québec's given names, the US Census
surnames) are R packages' data files; reading them needs no R installed. Only what a data
frame of integers, doubles, strings and factors holds is understood.
"""

import bz2
import gzip
import lzma
import struct


class PairList:
    """An R pairlist: (tag, value) items, e.g. an object's attributes."""

    def __init__(self, items):
        self.items = items

    def get(self, tag):
        for key, value in self.items:
            if key == tag:
                return value
        return None


class Vector(list):
    """An R vector with its attributes (names, levels, class...)."""

    def __init__(self, values, attributes):
        super().__init__(values)
        self.attributes = attributes

    def attribute(self, tag):
        return self.attributes.get(tag) if self.attributes else None


def load(path):
    """The objects of an .rda file, as a PairList of (name, object)."""
    raw = open(path, "rb").read()
    if raw[:3] == b"BZh":
        raw = bz2.decompress(raw)
    elif raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    elif raw[:5] == b"\xfd7zXZ":
        raw = lzma.decompress(raw)
    if raw[:5] not in (b"RDX2\n", b"RDX3\n"):
        raise ValueError(f"{path}: not an R data file")
    return _Reader(raw[5:]).top()


def data_frame(path, name):
    """The columns of data frame `name` in `path`, as {column: list}; factors as strings."""
    frame = load(path).get(name)
    if frame is None:
        raise ValueError(f"{path}: no object {name}")
    columns = {}
    for column, values in zip(frame.attribute("names"), frame):
        levels = values.attribute("levels")
        columns[column] = [levels[v - 1] if v is not None and v > 0 else None for v in values] if levels else list(values)
    return columns


_NA_INTEGER = -(2**31)


class _Reader:
    def __init__(self, data):
        self.data = data
        self.position = 0
        self.references = []

    def integer(self):
        value = struct.unpack(">i", self.data[self.position:self.position + 4])[0]
        self.position += 4
        return value

    def top(self):
        if self.data[:2] != b"X\n":
            raise ValueError("only the XDR format is read")
        self.position = 2
        version = self.integer()
        self.integer()
        self.integer()
        if version == 3:
            length = self.integer()  # then the native encoding's name
            self.position += length
        return self.item()

    def item(self):
        flags = self.integer()
        kind = flags & 0xFF
        has_attributes = flags & (1 << 9)
        has_tag = flags & (1 << 10)
        if kind in (254, 253, 252, 251, 250, 242, 241):  # NULL, environments, markers
            return None
        if kind == 255:  # reference to an earlier symbol
            index = flags >> 8
            return self.references[(index or self.integer()) - 1]
        if kind == 1:  # symbol
            symbol = self.item()
            self.references.append(symbol)
            return symbol
        if kind in (2, 239):  # pairlist
            attributes = self.item() if has_attributes else None
            tag = self.item() if has_tag else None
            value = self.item()
            rest = self.item()
            del attributes
            return PairList([(tag, value)] + (rest.items if isinstance(rest, PairList) else []))
        if kind == 9:  # string
            length = self.integer()
            if length == -1:
                return None
            text = self.data[self.position:self.position + length].decode("utf-8", "replace")
            self.position += length
            return text
        if kind in (10, 13):  # logical, integer
            count = self.integer()
            values = list(struct.unpack(f">{count}i", self.data[self.position:self.position + 4 * count]))
            values = [None if v == _NA_INTEGER else v for v in values]
            self.position += 4 * count
        elif kind == 14:  # double
            count = self.integer()
            values = list(struct.unpack(f">{count}d", self.data[self.position:self.position + 8 * count]))
            self.position += 8 * count
        elif kind in (16, 19, 20):  # strings, list, expression
            values = [self.item() for _ in range(self.integer())]
        elif kind == 238:  # ALTREP: class info, state, attributes
            self.item()
            state = self.item()
            self.item()
            return state
        else:
            raise ValueError(f"R type {kind} not understood (byte {self.position})")
        attributes = self.item() if has_attributes else None
        return Vector(values, attributes)
