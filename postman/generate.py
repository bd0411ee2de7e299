#!/usr/bin/env python3
"""Writes konwent.postman_collection.json (Postman v2.1) from ../openapi.yaml: one request per operation, in an
order that builds what later requests need (creations first, deletions and logout last), bodies from the
contract's examples, ids carried from one request to the next in collection variables, and a test of every
response: its status is one the contract documents for that operation, and a 2xx JSON body has the required
fields. Run it again after changing openapi.yaml (needs python3 with PyYAML); ContractCoverageTest fails if an
operation is missing."""
import json
import pathlib
import re

import yaml

HERE = pathlib.Path(__file__).resolve().parent
SPEC = yaml.safe_load((HERE.parent / "openapi.yaml").read_text(encoding="utf-8"))
METHODS = ["get", "post", "put", "delete", "patch"]


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def example_of(schema, depth=0):
    schema = resolve(schema)
    if depth > 6 or not isinstance(schema, dict):
        return None
    if "example" in schema:
        return schema["example"]
    if "enum" in schema:
        return schema["enum"][0]
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in schema:
            return example_of(schema[combined][0], depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {name: example_of(sub, depth + 1) for name, sub in schema.get("properties", {}).items()
                if name in schema.get("required", []) and not resolve(sub).get("readOnly")}
    if kind == "array":
        return [example_of(schema.get("items", {}), depth + 1)]
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "number":
        return 0.5
    if kind == "boolean":
        return False
    return {"date": "2027-01-15", "date-time": "2027-01-15T10:00:00+01:00", "email": "konwent@example.pl",
            "uri": "https://portal.example.pl/konwent"}.get(schema.get("format"), "Przykład")


def body_of(operation):
    content = resolve(operation.get("requestBody", {})).get("content", {})
    if "application/json" in content:
        media = content["application/json"]
        if "example" in media:
            return "application/json", json.dumps(media["example"], ensure_ascii=False, indent=2)
        examples = media.get("examples")
        if examples:
            return "application/json", json.dumps(resolve(next(iter(examples.values()))).get("value"),
                                                  ensure_ascii=False, indent=2)
        return "application/json", json.dumps(example_of(media.get("schema", {})), ensure_ascii=False, indent=2)
    if content:
        return next(iter(content)), "%PDF-1.4\n%Konwent\n"
    return None, None


def order(entry):
    path, method, _ = entry
    if path == "/api/v1/tokens/current" and method == "delete":
        return (3, 0)
    if method == "delete":
        return (2, -path.count("/"))
    return (0 if method == "post" and not path.endswith("}") else 1, 0)


operations = [(path, method, op) for path, item in SPEC["paths"].items() for method, op in item.items()
              if method in METHODS]
operations.sort(key=order)  # stable: within a group the contract's own order
paths = set(SPEC["paths"])

items = []
for path, method, op in operations:
    responses = {code: resolve(answer) for code, answer in op["responses"].items()}
    documented = sorted(int(code) for code in responses if code.isdigit())
    success = [code for code in documented if code < 300]
    required = []
    for code in success:
        json_schema = resolve(responses[str(code)].get("content", {}).get("application/json", {}).get("schema", {}))
        required = json_schema.get("required", [])
        break
    new_id = next((p for p in paths if re.fullmatch(re.escape(path) + r"/\{[A-Za-z]+Id\}", p)), None) \
        if method == "post" else None
    tests = [
        f"pm.test('{op['operationId']}: a documented status', function () {{",
        f"    pm.expect(pm.response.code).to.be.oneOf({json.dumps(documented)});",
        "});",
        "const json = (pm.response.headers.get('Content-Type') || '').includes('json') && pm.response.text()"
        " ? pm.response.json() : null;",
    ]
    if required:
        tests += [
            "if (pm.response.code < 300 && json && !Array.isArray(json)) {",
            f"    pm.test('{op['operationId']}: required fields', function () {{",
            f"        pm.expect(json).to.include.all.keys({json.dumps(required)});",
            "    });",
            "}",
        ]
    tests += ["if (pm.response.code >= 400 && json) {",
              f"    pm.test('{op['operationId']}: a problem document', function () {{",
              "        pm.expect(json).to.include.all.keys('type', 'title', 'status');",
              "    });",
              "}"]
    if new_id:
        variable = new_id.rsplit("{", 1)[1].rstrip("}")
        tests += ["if (pm.response.code === 201 && json && json.id) {",
                  f"    pm.collectionVariables.set('{variable}', json.id);",
                  "}"]
    if op["operationId"] == "createToken":
        tests += ["if (pm.response.code === 201) { pm.collectionVariables.set('token', json.token); }"]
    content_type, raw = body_of(op)
    headers = [{"key": "Accept", "value": "application/json, application/problem+json, */*"}]
    for parameter in map(resolve, op.get("parameters", []) + SPEC["paths"][path].get("parameters", [])):
        if parameter["in"] == "header" and parameter["name"] == "Idempotency-Key":
            headers.append({"key": "Idempotency-Key", "value": "{{$guid}}"})
    if content_type:
        headers.append({"key": "Content-Type", "value": content_type})
    url_path = re.sub(r"\{([A-Za-z]+)\}", r"{{\1}}", path).lstrip("/").split("/")
    request = {"method": method.upper(), "header": headers,
               "url": {"raw": "{{baseUrl}}/" + "/".join(url_path), "host": ["{{baseUrl}}"], "path": url_path},
               "description": (op.get("summary", "") + "\n\n" + op.get("description", "")).strip()}
    if raw is not None:
        request["body"] = {"mode": "raw", "raw": raw}
    if op["operationId"] == "createToken":
        request["auth"] = {"type": "noauth"}
        request["body"] = {"mode": "raw", "raw": json.dumps({"username": "{{username}}", "password": "{{password}}"})}
    items.append({"name": f"{op['operationId']} ({method.upper()} {path})",
                  "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": tests}}],
                  "request": request})

# Log in first: every other request uses the token.
items.sort(key=lambda item: 0 if item["name"].startswith("createToken ") else 1)
variables = sorted({name for path in paths for name in re.findall(r"\{([A-Za-z]+)\}", path)})
defaults = {"konwentId": "postman", "year": "2027", "file": "index.html", "problemType": "validation"}
collection = {
    "info": {"name": "Konwent API", "description": SPEC["info"]["description"],
             "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
    "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
    "variable": [{"key": "token", "value": ""}] + [{"key": name, "value": defaults.get(name, "unknown")}
                                                   for name in variables],
    "item": items,
}
(HERE / "konwent.postman_collection.json").write_text(
    json.dumps(collection, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{len(items)} requests")
