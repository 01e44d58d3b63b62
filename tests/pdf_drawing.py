"""What a PDF's pages draw, as a reader draws it: each form XObject a page places (the
board's stars and flags, drawn once each) spelled out where it is placed, so a test
counts and colours the marks a reader sees, however the file shares them."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

PLACED = re.compile(rb"(/[^\s/]+) Do")


def drawing_of(pdf: bytes) -> bytes:
    """Every page's content, with each placed form's own content in place of its Do."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        shared = resources.get("/XObject") or {}
        forms = {name.encode(): shared[name].get_object().get_data() for name in shared}
        content = page.get_contents().get_data()
        out.append(PLACED.sub(lambda m, forms=forms: forms.get(m.group(1), m.group(0)), content))
    return b"".join(out)


def forms_in(pdf: bytes) -> int:
    """How many form XObjects the file holds."""
    return len(re.findall(rb"/Subtype /Form\b", pdf))


STAR_PATH = re.compile(rb"m(?:\s+[-\d.]+\s+[-\d.]+\s+l){9}\s+h")  # ten points, closed


def page_bytes(pdf: bytes) -> int:
    """The pages' own content, uncompressed, without the forms they place."""
    return sum(len(page.get_contents().get_data()) for page in PdfReader(io.BytesIO(pdf)).pages)
