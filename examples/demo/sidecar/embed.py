"""Embedding endpoint backed by the local model server."""
from fastapi import APIRouter

from .model_client import embed_texts

router = APIRouter(prefix="/embed")


@router.post("/")
def embed(texts: list[str]):
    return {"vectors": embed_texts(texts)}
