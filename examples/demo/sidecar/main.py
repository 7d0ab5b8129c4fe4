"""FastAPI application for the sidecar service."""
from fastapi import FastAPI

from sidecar.admin import router as admin_router
from sidecar.embed import router as embed_router

app = FastAPI()
app.include_router(admin_router)
app.include_router(embed_router)
