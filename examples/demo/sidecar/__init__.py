"""Lakehouse sidecar: embeddings, generation and admin endpoints."""
