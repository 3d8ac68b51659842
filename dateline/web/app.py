"""The server of `dateline serve`: the JSON API (/api, described at /openapi.json and, as a page, at /docs) and the
web view over one store.

    uvicorn.run(create_app("news.db", api_key="..."), host="127.0.0.1", port=8001)
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline import __version__
from dateline.store import open_store

from . import api, pages
from .access import StoreAccess
from .security import MAX_BODY, SecurityHeaders

STATIC = Path(__file__).resolve().parent / "static"


def create_app(store: str, *, api_key: str | None = None, read_only: bool = False,
               max_body: int = MAX_BODY) -> FastAPI:
    """The app over the store at `store` (a SQLite path or a database URL).

    `api_key`: the key that POST /api/analyze and POST /api/articles require; without one they are refused.
    `read_only`: store nothing (POST /api/articles is refused). `max_body`: the largest request body, in bytes.
    The store is opened once here so that a wrong path or an old schema stops the server at start, with why.
    """
    store = str(store)
    writable = api_key is not None and not read_only
    # A server that may store articles creates its store when missing; one that only reads needs it to exist.
    open_store(store, read_only=not writable).close()
    app = _DatelineApp(
        title="dateline", version=__version__, max_body_size=max_body,  # larger bodies: 413
        # No Swagger UI or ReDoc: they load from a CDN. /docs is the web view's own page (reference.py).
        docs_url=None, redoc_url=None,
        description="News articles as event data: who did what to whom, where, when, and who said what, each "
                    "with its evidence span. Every page of the web view has its JSON twin here: the same path "
                    "and query under /api.",
    )
    app.state.access = StoreAccess(store, api_key=api_key, read_only=read_only)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    return app


class _DatelineApp(FastAPI):
    def build_middleware_stack(self):
        # Outermost, outside even FastAPI's body limit and its error handler: the security headers go on every
        # response, the 413s and 500s included, which a middleware added with add_middleware would not see.
        return SecurityHeaders(super().build_middleware_stack())


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith(("/api", "/static")) or path == "/openapi.json")


async def _http_error(request: Request, error: StarletteHTTPException):
    if _wants_html(request):
        return pages.render_error(request, error.status_code, str(error.detail))
    return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)


async def _validation_error(request: Request, error: RequestValidationError):
    if _wants_html(request):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        return pages.render_error(request, 422, problems)
    return JSONResponse({"detail": _jsonable(error.errors())}, status_code=422)


def _jsonable(errors: list[dict]) -> list[dict]:
    # Without `input`, which would echo a whole article back; a validator's exception in `ctx` said in words.
    cleaned = []
    for error in errors:
        error = {k: v for k, v in error.items() if k != "input"}
        if "ctx" in error:
            error["ctx"] = {k: str(v) for k, v in error["ctx"].items()}
        cleaned.append(error)
    return cleaned
