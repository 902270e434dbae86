"""CAMEO actor codes (PETRARCH/Phoenix) and eventwire's country + type.

A CAMEO actor code is a three-letter root (a country such as ``USA``, or ``IGO``/``NGO``/``NGM``/``IMG``
for international and transnational actors) followed by three-letter role segments: ``USAGOV``,
``PSEREBHMS``, ``IGOUNO``. eventwire keeps the root as the actor's country and takes its type from the
first segment that names one of eventwire's types (:data:`ROLE_TYPES`); segments that name none (``HMS``,
``FRM``) only survive in the code itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

ROLE_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "GOV": "GOV", "MIL": "MIL", "REB": "REB", "COP": "COP", "JUD": "JUD", "OPP": "OPP", "CVL": "CVL",
        "MED": "MED", "BUS": "BUS", "IGO": "IGO", "NGO": "NGO", "PMC": "PMC",
        # CAMEO roles without an eventwire type of their own, mapped to the nearest one
        "LEG": "GOV", "SPY": "GOV", "ELI": "GOV", "MOP": "OPP", "PTY": "OPP", "INS": "REB", "UAF": "REB",
        "SEP": "REB", "RAD": "REB", "HRI": "NGO", "NGM": "NGO", "EDU": "CVL", "REL": "CVL", "LAB": "CVL",
        "AGR": "CVL", "HLH": "CVL", "REF": "CVL", "ENV": "CVL", "CRM": "CVL", "DEV": "CVL", "SET": "CVL",
    }
)  # fmt: skip
"""CAMEO role segment -> eventwire actor type (see ANNOTATION.md for eventwire's types)."""
DEFAULT_AGENT_TYPE = "CVL"
"""Type given to an agent noun whose code names no eventwire type (``~GGS``): PETRARCH codes every agent
as an actor, and an unnamed group of people is a civilian one for eventwire."""
TRANSNATIONAL_ROOTS: Mapping[str, str] = MappingProxyType(
    {"IGO": "IGO", "NGO": "NGO", "NGM": "NGO", "IMG": "REB"}
)
"""Roots that are not countries: eventwire's pseudo-country and type for them."""
SEGMENT = 3


def segments(code: str) -> list[str]:
    """'PSEREBHMS' -> ['PSE', 'REB', 'HMS']; a code whose length is not a multiple of three keeps the rest."""
    return [code[i : i + SEGMENT] for i in range(0, len(code), SEGMENT)]


def country_of_code(code: str) -> str | None:
    """The actor's country: the root, or eventwire's pseudo-country for an international root."""
    root = code[:SEGMENT]
    if len(root) < SEGMENT or not root.isalpha():
        return None
    return "IGO" if root == "IGO" else "NGO" if root in {"NGO", "NGM"} else root


def type_of_code(code: str) -> str | None:
    """eventwire type of a code: the first role segment that maps to one (``USAGOVFRM`` -> GOV), else the
    type of an international root (``IGOUNO`` -> IGO); None for a bare country."""
    parts = segments(code)
    for part in parts[1:]:
        if part in ROLE_TYPES:
            return ROLE_TYPES[part]
    root = parts[0] if parts else ""
    return TRANSNATIONAL_ROOTS.get(root)


def agent_type(code: str) -> str:
    """eventwire type of an agent code (``GOVFRM`` -> GOV, ``GGS`` -> CVL)."""
    for part in segments(code):
        if part in ROLE_TYPES:
            return ROLE_TYPES[part]
    return DEFAULT_AGENT_TYPE


def is_country_code(code: str) -> bool:
    """A bare three-letter root that is not an international one: a country or territory."""
    return len(code) == SEGMENT and code.isalpha() and code not in TRANSNATIONAL_ROOTS
