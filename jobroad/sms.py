"""What an SMS costs: its encoding and how many segments it travels in. Pure Python, no Django.

A text written only with the GSM 03.38 alphabet goes as GSM-7: 160 characters in one segment, 153 in each of a
longer message's parts (the rest of a part carries the header that joins them). A character of the extension table
(``€ [ ] { } \\ ^ ~ |`` and the form feed) is sent as an escape plus the character, so it counts twice, and the
pair is never split between parts. Any other character — Arabic, Ge'ez (Tigrinya), Cyrillic, but also the invisible
direction marks (RLM U+200F, isolates U+2066 to U+2069) that right-to-left messages carry — turns the whole message
into UCS-2: 70 UTF-16 units in one segment, 67 in each part; a character beyond the BMP (an emoji) takes two units.
"""

from dataclasses import dataclass

GSM7 = "GSM-7"
UCS2 = "UCS-2"

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

# (units in a single segment, units in each part of a longer message)
LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}


@dataclass(frozen=True)
class SmsCost:
    encoding: str  # GSM7 or UCS2
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int

    @property
    def per_segment(self) -> int:
        single, part = LIMITS[self.encoding]
        return single if self.segments <= 1 else part


def encoding_of(text: str) -> str:
    return GSM7 if all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text) else UCS2


def sms_cost(text: str) -> SmsCost:
    """The encoding and number of segments ``text`` is sent in. An empty text still costs one segment."""
    encoding = encoding_of(text)
    if encoding == GSM7:
        widths = [2 if char in GSM7_EXTENSION else 1 for char in text]
    else:
        widths = [len(char.encode("utf-16-le")) // 2 for char in text]
    return SmsCost(encoding=encoding, units=sum(widths), segments=_segments(widths, *LIMITS[encoding]))


def _segments(widths: list[int], single: int, part: int) -> int:
    """Parts filled in order; a character that does not fit whole (an escape pair, a surrogate pair) starts the
    next part."""
    if sum(widths) <= single:
        return 1
    segments, used = 1, 0
    for width in widths:
        if used + width > part:
            segments, used = segments + 1, 0
        used += width
    return segments
