"""Thin client for the local model server."""
import numpy as np
import requests


def embed_texts(texts):
    response = requests.post("http://127.0.0.1:11434/api/embed", json={"input": texts}, timeout=30)
    return np.asarray(response.json()["embeddings"]).tolist()
