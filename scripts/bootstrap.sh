#!/usr/bin/env bash
# Installs what appraise needs on a fresh Debian machine with Swift: the system libyaml
# (pkg-config yaml-0.1) for building, and Python's jsonschema for the tests that validate
# SARIF and JSON Schema output with an independent validator. Installs only what is missing.
set -euo pipefail

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
pkg-config --exists yaml-0.1 2>/dev/null || missing+=(libyaml-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bootstrap: installing ${missing[*]}" >&2
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "bootstrap: installing python jsonschema" >&2
    python3 -m pip install -q jsonschema 2>/dev/null \
        || sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema
fi
