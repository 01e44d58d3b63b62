"""Everything villagebook prints (reportlab): boards, sheets, slips and notices.

Each printout is a function of plain data from the core and returns the PDF's bytes;
the same data gives the same bytes (reportlab's invariant mode).
"""
