#!/usr/bin/env python3
"""Offline licence check, for machines without cargo-deny: every package in the
dependency tree (all features, dev-dependencies included) must have a licence
expression whose every alternative of some OR-branch is in deny.toml's allow list,
and come from crates.io or this repository."""
import json
import re
import subprocess
import sys
import tomllib

with open("deny.toml", "rb") as f:
    allowed = set(tomllib.load(f)["licenses"]["allow"])
meta = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--all-features", "--locked", "--offline"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
)
bad = []
for package in meta["packages"]:
    source = package["source"]
    if source is not None and not source.startswith("registry+https://github.com/rust-lang/crates.io-index"):
        bad.append(f"{package['name']} {package['version']}: source {source}")
    expression = (package["license"] or "").replace("/", " OR ")
    branches = [re.split(r"\s+AND\s+", b.strip(" ()")) for b in re.split(r"\s+OR\s+", expression)]
    if not any(all(term.strip(" ()") in allowed for term in branch) for branch in branches):
        bad.append(f"{package['name']} {package['version']}: licence {package['license']!r}")
for line in bad:
    print(line)
print(f"{len(meta['packages'])} packages, {len(bad)} rejected")
sys.exit(1 if bad else 0)
