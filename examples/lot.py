#!/usr/bin/env python3
"""Recomputes a council election's lot (rule C6) from what the API publishes; see docs/lot.md.

Usage: examples/lot.py SEED_HEX CANDIDATE_ID...   (prints the commitment, then the drawn order, one id a line)
   or: curl -s "$KONWENT_URL/api/v1/konwents/$K/elections/$E/result" | examples/lot.py -
Standard library only (Python 3.6+)."""
import hashlib
import hmac
import json
import sys


def commitment(seed):
    """The commitment published when the election opens: lowercase hex SHA-256 of the 32-byte seed."""
    return hashlib.sha256(seed).hexdigest()


def draw(seed, tied_candidate_ids):
    """The drawn order of the tied candidates; the first ones take the undecided seats."""
    pool = sorted(tied_candidate_ids)  # canonical order: ids ascending
    order = []
    step = 0
    while pool:
        n = len(pool)
        limit = 2 ** 32 - (2 ** 32 % n)  # rejection sampling: every index equally likely
        attempt = 0
        while True:
            mac = hmac.new(seed, "lot:{}:{}".format(step, attempt).encode("ascii"), hashlib.sha256).digest()
            x = int.from_bytes(mac[:4], "big")
            if x < limit:
                break
            attempt += 1
        order.append(pool.pop(x % n))
        step += 1
    return order


def main(args):
    if args == ["-"]:
        result = json.load(sys.stdin)
        seed_hex = result["lot"]["seed"]
        tied = [r["candidateId"] for r in result["ranking"] if r["candidateId"] in result["tieDecision"]["order"]]
        published = result["lot"]["commitment"]
    else:
        seed_hex, tied, published = args[0], args[1:], None
    seed = bytes.fromhex(seed_hex)
    if published is not None and commitment(seed) != published:
        sys.exit("the seed does not match the commitment published at opening")
    order = draw(seed, tied)
    if args == ["-"] and order != result["tieDecision"]["order"]:
        sys.exit("the published order is not the draw from the revealed seed")
    print(commitment(seed))
    for candidate in order:
        print(candidate)


if __name__ == "__main__":
    main(sys.argv[1:])
