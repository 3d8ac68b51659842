"""The API reference page (/docs): the routes of the OpenAPI description (/openapi.json) as a plain page.

Rendered on the server from the same description, with the site's one stylesheet, so it loads nothing from
elsewhere and runs no script: FastAPI's own docs pages (Swagger UI, ReDoc) load their code from a CDN, which an
offline tool can't count on, and need a wider Content-Security-Policy than the web view's. Nothing about a route
is written here: its summary and its parameters' descriptions are the API's own (api.py, params.py).
"""

from __future__ import annotations


def operations(spec: dict) -> list[dict]:
    """Each route of the description, in its order: method, path, summary, whether it needs the API key, its
    query and path parameters, and the fields of its JSON body."""
    schemas = spec.get("components", {}).get("schemas", {})
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            body = schemas.get(body.get("$ref", "").rpartition("/")[2], body)
            found.append({
                "method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                "key": bool(operation.get("security")),
                "parameters": [_field(p["name"], p.get("schema", {}), p.get("required", False), p.get("in"),
                                      p.get("description")) for p in operation.get("parameters", [])],
                "body": [_field(name, schema, name in body.get("required", ()), "body", schema.get("description"))
                         for name, schema in body.get("properties", {}).items()],
            })
    return found


def _field(name: str, schema: dict, required: bool, where: str | None, description: str | None) -> dict:
    return {"name": name, "in": where, "required": required, "type": _type(schema),
            "default": schema.get("default"), "description": description or schema.get("description") or ""}


def _type(schema: dict) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = schema.get("type", "")
    bounds = [f"{word} {schema[key]}" for key, word in (("minimum", "≥"), ("maximum", "≤")) if key in schema]
    pattern = [f"matching {schema['pattern']}"] if "pattern" in schema else []
    return " ".join([kind, *bounds, *pattern])
