"""The headers every response carries: plain ASGI middleware, so they hold for every route, the static files
and the errors alike. (The cap on request bodies is FastAPI's own, `max_body_size`, set in app.py.)"""

from __future__ import annotations

MAX_BODY = 5 * 1024 * 1024  # bytes of a request body: a long article as HTML is well under 1 MB

# The web view loads nothing from elsewhere and runs no inline script or style: an article that smuggled markup
# past the escaping could still run nothing. One policy for every response: the API's reference page (/docs) is
# one of the web view's pages, not FastAPI's Swagger UI, which loads its code from a CDN with an inline script.
PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in (b"content-security-policy", b"x-content-type-options")]
                headers += [
                    (b"content-security-policy", PAGE_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
