"""Admin endpoints: health and reload."""
from fastapi import APIRouter

router = APIRouter(prefix="/admin")


@router.get("/health")
def health():
    return {"ok": True}
