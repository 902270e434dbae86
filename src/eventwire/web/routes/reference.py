"""/api/codes/cameo: the CAMEO code table (names, PLOVER type, Goldstein, QuadClass), for labels."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from eventwire.knowledge.cameo import default_cameo_table

router = APIRouter(tags=["reference"])


@router.get("/codes/cameo", summary="CAMEO codes with names, PLOVER types, Goldstein and QuadClass")
def cameo_codes() -> dict[str, Any]:
    table = default_cameo_table()
    items = []
    for code in table.codes():
        entry = table.get(code)
        items.append(
            {
                "code": code,
                "name": entry.name,
                "plover": table.plover_type(code),
                "goldstein": table.goldstein(code),
                "quad_class": table.quad_class(code),
            }
        )
    return {"items": items}
