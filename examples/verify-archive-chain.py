#!/usr/bin/env python3
"""Recompute a konwent's archive chain (rule D3) from its public records and documents, trusting nothing the
server says about hashes: every record's hash, every link, and for each public document's latest record the SHA-256
of the document's content with its files' bytes downloaded and hashed here. Python 3 standard library only.

Usage: KONWENT_URL=http://localhost:8080 examples/verify-archive-chain.py KONWENT_ID [PINNED_SEQUENCE PINNED_HASH]

Prints one JSON object: {"valid": true|false, "records": n, "head": {"sequence", "hash"}, "broken": null or
{"sequence", "documentId", "link", "detail"}}; exits 0 when valid, 1 otherwise. With a pinned head (from an earlier
run, /archive-chain/head or the JSON feed), the chain must still contain exactly that record at that sequence.
"""
import hashlib
import json
import os
import sys
import urllib.parse
import urllib.request

GENESIS = "0" * 64


def canonical(value):
    """The bytes that are hashed: canonical JSON (RFC 8785 for strings, integers, lists and objects), UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def record_hash(record):
    return sha256(canonical({k: v for k, v in record.items() if k != "hash"}))


def content_hash(document, file_bytes):
    files = sorted(({"id": f["id"], "name": f["name"], "sha256": sha256(file_bytes(f["id"])), "size": f["size"],
                     "type": f["contentType"]} for f in document["files"]), key=lambda f: f["id"])
    return sha256(canonical({"body": document["body"], "date": document["date"], "files": files,
                             "language": document["language"]}))


def main():
    base = os.environ.get("KONWENT_URL", "http://localhost:8080").rstrip("/") + "/api/v1/konwents/"
    konwent = sys.argv[1]
    pinned = (int(sys.argv[2]), sys.argv[3]) if len(sys.argv) > 3 else None
    chain = base + urllib.parse.quote(konwent, safe="") + "/archive-chain"

    def get(url):
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "*/*"})) as reply:
            return reply.read()

    records, cursor = [], None
    while True:
        page = json.loads(get(chain + "?limit=500" + ("&cursor=" + cursor if cursor else "")))
        records += page["items"]
        cursor = page["next"]
        if not cursor:
            break

    def result(checked, broken):
        head = {"sequence": records[-1]["sequence"], "hash": records[-1]["hash"]} if records \
            else {"sequence": 0, "hash": GENESIS}
        print(json.dumps({"valid": broken is None, "records": checked, "head": head, "broken": broken},
                         ensure_ascii=False))
        return 0 if broken is None else 1

    def broken(record, link, detail):
        return {"sequence": record["sequence"], "documentId": record["documentId"], "link": link, "detail": detail}

    latest = {r["documentId"]: r["sequence"] for r in records}
    before = (0, GENESIS)
    for checked, record in enumerate(records):
        if record["sequence"] != before[0] + 1:
            return result(checked, broken(record, "SEQUENCE", "follows record %d" % before[0]))
        if record["previousHash"] != before[1]:
            return result(checked, broken(record, "PREVIOUS_HASH", "the record before hashes to " + before[1]))
        if record_hash(record) != record["hash"]:
            return result(checked, broken(record, "RECORD_HASH", "its fields hash to " + record_hash(record)))
        if latest[record["documentId"]] == record["sequence"] and record["action"] in ("PUBLISHED", "REVISED"):
            document_url = base + urllib.parse.quote(konwent, safe="") + "/documents/" + record["documentId"]
            try:
                document = json.loads(get(document_url))
            except urllib.error.HTTPError as e:
                return result(checked, broken(record, "DOCUMENT", "the document answers %d" % e.code))
            if document["title"] != record["title"] or document["kind"] != record["kind"]:
                return result(checked, broken(record, "DOCUMENT", "title or kind differ"))
            found = content_hash(document, lambda file_id: get(document_url + "/files/" + file_id))
            if found != record["contentSha256"]:
                return result(checked, broken(record, "CONTENT", "the content hashes to " + found))
        before = (record["sequence"], record["hash"])
    if pinned and not any(r["sequence"] == pinned[0] and r["hash"] == pinned[1] for r in records) \
            and pinned != (0, GENESIS):
        return result(len(records), {"sequence": pinned[0], "documentId": None, "link": "HEAD",
                                     "detail": "the pinned head is not in the chain"})
    return result(len(records), None)


if __name__ == "__main__":
    sys.exit(main())
