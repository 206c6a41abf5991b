#!/bin/sh
# Writes every report format of one appraise binary into a folder, so that two binaries can
# be compared byte for byte (`diff -r OLD NEW`) after a change that must not change answers:
# the shipped slate, every hostile dossier, the dossier fuzz corpus and a generated folder,
# in json, jsonl, sarif, text --explain and text --lang vi.
# Usage: scripts/report-snapshot.sh APPRAISE OUTDIR [GENERATED_DIR]
set -u
cd "$(dirname "$0")/.."
bin="$1"; out="$2"; generated="${3:-}"
mkdir -p "$out"
common="--rules rules --as-of 2025-09-20 --fail-on never --jobs 2"
run() { # name, then arguments
    name="$1"; shift
    "$bin" "$@" $common >"$out/$name" 2>"$out/$name.stderr"
    echo "exit $?" >>"$out/$name.stderr"
}
for target in candidates/slate.yaml ${generated:+"$generated"}; do
    tag=$(echo "$target" | tr '/' '_')
    run "$tag.json" screen "$target" --format json
    run "$tag.jsonl" screen "$target" --format jsonl
    run "$tag.sarif" screen "$target" --format sarif
    run "$tag.explain.txt" screen "$target" --explain --no-color
    run "$tag.vi.txt" screen "$target" --lang vi --no-color
done
for file in Tests/CLITests/Hostile/*.yaml Fuzz/Corpus/dossier/* candidates/invalid/*.yaml; do
    [ -f "$file" ] || continue
    tag=$(echo "$file" | tr '/' '_')
    run "$tag.json" check "$file" --format json
    run "$tag.txt" check "$file" --explain --no-color
done
