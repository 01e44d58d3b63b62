"""The period a printout covers, in words: 2026年11月, 2026年度, 历年累计."""

from __future__ import annotations

from villagebook.i18n import t


def period_words(period: str) -> str:
    """2026-11 -> 2026年11月; 2026 -> 2026年度; ..2026-11 -> 历年累计."""
    if period.startswith(".."):
        year, month = period[2:].split("-")
        return t("p.period.all", year=year, month=int(month))
    if len(period) == 4:
        return t("p.period.year", year=period, month=12).split("（")[0].split(" (")[0]
    year, month = period.split("-")
    return t("p.period.month", year=year, month=int(month))
