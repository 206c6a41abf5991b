#!/usr/bin/env python3
"""Run `appraise eval` over CEL conformance cases (JSON Lines) and count the results.

Standard-library Python 3 only. Each case line looks like

  {"file": "basic", "section": "variables", "name": "self_eval_bound_lookup",
   "expr": "x", "vars": {"x": "123"},
   "expect": {"type": "int", "value": 123}   or   {"error": true},
   "skip": null  or  "reason it is out of scope"}

and is run as

  CLI eval --format json [--var NAME=VALUE]... -- EXPR

(options first, then `--` so that an expression such as `-1` is not read as an
option). A value case passes when the program exits 0 and prints one line
{"type": T, "value": V} whose type is exactly the expected one and whose value
matches: ints exactly, doubles within a relative 1e-9 (NaN/Infinity/-Infinity as
strings), lists in order, maps whatever their order, timestamps and durations
as the same instant/length. An error case passes on exit 1 (evaluation error)
or 2 (parse/check error). A crash (signal or any other exit code), a time-out,
or output that is not that one JSON line fails. Skipped cases are not run.

The last line printed is always `N passed, M failed, K skipped`. Exit status:
0 when nothing failed, 1 when something failed, 2 for bad arguments or cases.

  run.py --cli .build/release/appraise --cases Tests/Conformance/cel/*.jsonl
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections import OrderedDict

REL_TOLERANCE = 1e-9
VALUE_TYPES = {"bool", "int", "double", "string", "null", "list", "map",
               "timestamp", "duration", "date", "type"}
NON_FINITE = {"NaN", "Infinity", "-Infinity"}


# ---------------------------------------------------------------------------
# Loading cases
# ---------------------------------------------------------------------------


class CaseError(Exception):
    pass


def expand_case_paths(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out.extend(os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".jsonl"))
        else:
            out.append(p)
    return out


def load_cases(paths):
    cases = []
    for path in paths:
        try:
            f = open(path, encoding="utf-8")
        except OSError as e:
            raise CaseError("cannot read %s: %s" % (path, e.strerror))
        with f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = "%s:%d" % (path, lineno)
                try:
                    case = json.loads(line)
                except ValueError as e:
                    raise CaseError("%s: not JSON: %s" % (where, e))
                validate_case(case, where)
                case["_where"] = where
                cases.append(case)
    return cases


def validate_case(case, where):
    if not isinstance(case, dict):
        raise CaseError("%s: a case must be a JSON object" % where)
    for key in ("file", "section", "name", "expr", "vars", "expect", "skip"):
        if key not in case:
            raise CaseError("%s: missing %r" % (where, key))
    if case["skip"] is not None:
        return
    if not isinstance(case["expr"], str) or not isinstance(case["vars"], dict):
        raise CaseError("%s: expr must be a string and vars an object" % where)
    for name, value in case["vars"].items():
        if not isinstance(value, str):
            raise CaseError("%s: var %s must be a YAML string" % (where, name))
    exp = case["expect"]
    if not isinstance(exp, dict):
        raise CaseError("%s: expect must be an object" % where)
    if exp.get("error") is True:
        return
    if exp.get("type") not in VALUE_TYPES or "value" not in exp:
        raise CaseError("%s: expect needs {\"error\": true} or a known type and a value" % where)


# ---------------------------------------------------------------------------
# Comparing values
# ---------------------------------------------------------------------------


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def doubles_match(expected, got):
    if isinstance(expected, str):  # "NaN", "Infinity", "-Infinity"
        return got == expected
    if not is_number(got):
        return False
    try:
        g = float(got)
    except OverflowError:
        return False
    e = float(expected)
    if e == g:
        return True
    return abs(e - g) <= REL_TOLERANCE * max(abs(e), abs(g))


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


_TIMESTAMP_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})\Z")
_DURATION_RE = re.compile(r"(-)?(\d+)(?:\.(\d{1,9}))?s\Z")


def parse_timestamp(text):
    """RFC 3339 text -> nanoseconds since the epoch, or None."""
    if not isinstance(text, str):
        return None
    m = _TIMESTAMP_RE.match(text)
    if not m:
        return None
    y, mo, d, h, mi, s = (int(m.group(i)) for i in range(1, 7))
    if not (1 <= mo <= 12 and 1 <= d <= 31 and h <= 23 and mi <= 59 and s <= 60):
        return None
    nanos = int((m.group(7) or "").ljust(9, "0"))
    offset = 0
    zone = m.group(8)
    if zone not in ("Z", "z"):
        sign = -1 if zone[0] == "-" else 1
        offset = sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    seconds = _days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset
    return seconds * 1000000000 + nanos


def parse_duration(text):
    """CEL/protobuf JSON duration text ("3600s", "-1.5s") -> nanoseconds, or None."""
    if not isinstance(text, str):
        return None
    m = _DURATION_RE.match(text)
    if not m:
        return None
    total = int(m.group(2)) * 1000000000 + int((m.group(3) or "").ljust(9, "0"))
    return -total if m.group(1) else total


def describe(x):
    text = json.dumps(x, ensure_ascii=False)
    return text if len(text) <= 200 else text[:197] + "..."


def compare_typed(t, expected, got, path="value"):
    """None when got matches expected of CEL type t, else a short reason."""
    if t == "int":
        ok = is_int(got) and got == expected
    elif t == "double":
        ok = doubles_match(expected, got)
    elif t == "bool":
        ok = isinstance(got, bool) and got == expected
    elif t in ("string", "type", "date"):
        ok = isinstance(got, str) and got == expected
    elif t == "null":
        ok = got is None
    elif t == "timestamp":
        e, g = parse_timestamp(expected), parse_timestamp(got)
        ok = e is not None and e == g
    elif t == "duration":
        e, g = parse_duration(expected), parse_duration(got)
        ok = e is not None and e == g
    elif t in ("list", "map"):
        return compare_untyped(expected, got, path)
    else:
        return "unknown expected type %s" % t
    return None if ok else "%s is %s, expected %s" % (path, describe(got), describe(expected))


def compare_untyped(expected, got, path):
    """Compare an element inside a list or map: its JSON form carries its kind."""
    if expected is None or isinstance(expected, bool):
        ok = got is expected
    elif is_int(expected):
        ok = is_int(got) and got == expected
    elif isinstance(expected, float):
        ok = doubles_match(expected, got)
    elif isinstance(expected, str):
        ok = got == expected
    elif isinstance(expected, list):
        if not isinstance(got, list):
            ok = False
        elif len(got) != len(expected):
            return "%s has %d elements, expected %d" % (path, len(got), len(expected))
        else:
            for i, (e, g) in enumerate(zip(expected, got)):
                why = compare_untyped(e, g, "%s[%d]" % (path, i))
                if why:
                    return why
            return None
    elif isinstance(expected, dict):
        if not isinstance(got, dict):
            ok = False
        elif set(got) != set(expected):
            missing = sorted(set(expected) - set(got))
            extra = sorted(set(got) - set(expected))
            return "%s keys differ (missing %s, unexpected %s)" % (path, describe(missing), describe(extra))
        else:
            for k in expected:
                why = compare_untyped(expected[k], got[k], "%s[%s]" % (path, json.dumps(k, ensure_ascii=False)))
                if why:
                    return why
            return None
    else:
        return "cannot compare %s" % describe(expected)
    return None if ok else "%s is %s, expected %s" % (path, describe(got), describe(expected))


class _Unparseable(ValueError):
    pass


def _reject_constant(name):
    raise _Unparseable("bare %s is not JSON (use the string \"%s\")" % (name, name))


def _no_duplicates(pairs):
    obj = OrderedDict()
    for k, v in pairs:
        if k in obj:
            raise _Unparseable("duplicate key %s" % json.dumps(k))
        obj[k] = v
    return obj


def parse_output(stdout):
    """The program's stdout -> (type, value), or raise _Unparseable."""
    lines = [l for l in stdout.split("\n") if l.strip()]
    if len(lines) != 1:
        raise _Unparseable("expected one line of JSON, got %d lines" % len(lines))
    try:
        obj = json.loads(lines[0], parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except _Unparseable:
        raise
    except ValueError as e:
        raise _Unparseable("not JSON: %s" % e)
    if not isinstance(obj, dict) or set(obj) != {"type", "value"}:
        raise _Unparseable("expected an object with exactly \"type\" and \"value\"")
    if obj["type"] not in VALUE_TYPES:
        raise _Unparseable("unknown type %s" % describe(obj["type"]))
    return obj["type"], obj["value"]


# ---------------------------------------------------------------------------
# Running one case
# ---------------------------------------------------------------------------


def case_argv(cli, case):
    argv = list(cli) + ["eval", "--format", "json"]
    for name, value in case["vars"].items():
        argv += ["--var", "%s=%s" % (name, value)]
    return argv + ["--", case["expr"]]


def _first_line(text, limit=300):
    text = text.strip()
    line = text.split("\n", 1)[0] if text else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def run_case(cli, case, timeout, env):
    """Returns (passed, detail, argv, rc, stdout, stderr, seconds)."""
    argv = case_argv(cli, case)
    if any("\0" in a for a in argv):
        return False, "case cannot be passed on a command line (NUL)", argv, None, "", "", 0.0
    start = time.monotonic()
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, start_new_session=True)
    except OSError as e:
        return False, "cannot start the program: %s" % e, argv, None, "", "", 0.0
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        out, err = proc.communicate()
        return (False, "timed out after %gs" % timeout, argv, None,
                out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                time.monotonic() - start)
    seconds = time.monotonic() - start
    rc = proc.returncode
    stdout = out.decode("utf-8", "replace")
    stderr = err.decode("utf-8", "replace")
    passed, detail = judge(case["expect"], rc, out, stdout)
    return passed, detail, argv, rc, stdout, stderr, seconds


def _kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.kill()
    except ProcessLookupError:
        pass


def judge(expect, rc, raw_out, stdout):
    if rc < 0:
        try:
            name = signal.Signals(-rc).name
        except ValueError:
            name = "signal %d" % -rc
        return False, "crashed (%s)" % name
    if rc not in (0, 1, 2):
        return False, "crashed or unexpected exit code %d" % rc
    if expect.get("error"):
        if rc in (1, 2):
            return True, ""
        return False, "expected an error, got exit 0 with %s" % _first_line(stdout)
    want = "%s %s" % (expect["type"], describe(expect["value"]))
    if rc != 0:
        kind = "an evaluation error" if rc == 1 else "a parse/check error or bad arguments"
        return False, "expected %s, got %s (exit %d)" % (want, kind, rc)
    try:
        raw_out.decode("utf-8")
        got_type, got_value = parse_output(stdout)
    except UnicodeDecodeError:
        return False, "unparseable output: not UTF-8"
    except _Unparseable as e:
        return False, "unparseable output (%s): %s" % (e, _first_line(stdout))
    if got_type != expect["type"]:
        return False, "expected %s, got %s %s" % (want, got_type, describe(got_value))
    why = compare_typed(expect["type"], expect["value"], got_value)
    if why is None:
        return True, ""
    if why.startswith("value is "):  # the whole value differs: no more to say
        return False, "expected %s, got %s" % (want, describe(got_value))
    return False, "expected %s, got %s (%s)" % (want, describe(got_value), why)


# ---------------------------------------------------------------------------
# Why cases are skipped
# ---------------------------------------------------------------------------

# A skipped case's reason, as the converter wrote it, mapped to the part of CEL that appraise
# leaves out (rules.md); the first pattern that matches names the category.
SKIP_CATEGORIES = [
    (re.compile(r"\buint\b"), "uint values (appraise has no unsigned integers)"),
    (re.compile(r"\bbytes\b"), "bytes values (no byte strings in dossiers)"),
    (re.compile(r"protobuf|container"), "protocol buffer messages, types and containers"),
    (re.compile(r"disable_check"), "needs the type-checker off (appraise always checks)"),
    (re.compile(r"reserved word|qualified"), "variable names YAML bindings cannot express"),
    (re.compile(r"undeclared function"), "functions outside the standard library"),
    (re.compile(r"optional"), "optional types"),
]


def skip_category(reason):
    for pattern, category in SKIP_CATEGORIES:
        if pattern.search(reason):
            return category
    return "other: " + reason


def print_skip_summary(cases):
    """Prints how many cases were skipped for each reason category, largest first."""
    counts = OrderedDict()
    for case in cases:
        if case["skip"] is not None:
            category = skip_category(case["skip"])
            counts[category] = counts.get(category, 0) + 1
    if not counts:
        return
    print()
    print("skipped, outside the CEL subset appraise implements (docs/writing-rules.md):")
    for category, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %5d  %s" % (n, category))


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def resolve_cli(value):
    if os.path.exists(value):
        words = [value]
    else:
        words = shlex.split(value)
    if not words:
        raise CaseError("--cli is empty")
    exe = words[0]
    if os.sep in exe:
        if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
            raise CaseError("--cli: %s is not an executable file" % exe)
        words[0] = os.path.abspath(exe)
    elif shutil.which(exe) is None:
        raise CaseError("--cli: %s not found on PATH" % exe)
    return words


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run appraise eval over CEL conformance cases (JSON Lines).")
    ap.add_argument("--cli", required=True,
                    help="the appraise executable, or a command line (e.g. 'swift run appraise')")
    ap.add_argument("--cases", nargs="+", required=True, metavar="FILE",
                    help="case files (.jsonl), or folders of them")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="cases run at once")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds allowed per case (default 10)")
    ap.add_argument("--list-failures", type=int, default=10, metavar="N",
                    help="show the first N failures in detail (default 10; 0 for none)")
    ap.add_argument("--match", metavar="REGEX",
                    help="only cases whose file/section/name matches REGEX")
    args = ap.parse_args(argv)
    if args.jobs < 1 or args.timeout <= 0 or args.list_failures < 0:
        ap.error("--jobs and --timeout must be positive, --list-failures not negative")

    try:
        cli = resolve_cli(args.cli)
        cases = load_cases(expand_case_paths(args.cases))
    except CaseError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    if args.match:
        pattern = re.compile(args.match)
        cases = [c for c in cases if pattern.search("%s/%s/%s" % (c["file"], c["section"], c["name"]))]

    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    results = [None] * len(cases)
    to_run = [i for i, c in enumerate(cases) if c["skip"] is None]
    started = time.monotonic()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(run_case, cli, cases[i], args.timeout, env): i for i in to_run}
            for fut in concurrent.futures.as_completed(futures):
                results[futures[fut]] = fut.result()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    elapsed = time.monotonic() - started

    per_file = OrderedDict()
    failures = []
    for case, result in zip(cases, results):
        counts = per_file.setdefault(case["file"], {"passed": 0, "failed": 0, "skipped": 0})
        if result is None:
            counts["skipped"] += 1
        elif result[0]:
            counts["passed"] += 1
        else:
            counts["failed"] += 1
            failures.append((case, result))

    width = max([len("file")] + [len(f) for f in per_file])
    print("%-*s %7s %7s %7s %7s" % (width, "file", "total", "passed", "failed", "skipped"))
    for name, c in per_file.items():
        print("%-*s %7d %7d %7d %7d" % (width, name, sum(c.values()), c["passed"], c["failed"], c["skipped"]))

    if failures and args.list_failures:
        print()
        print("failures (first %d of %d):" % (min(args.list_failures, len(failures)), len(failures)))
        for case, (_, detail, case_args, rc, stdout, stderr, secs) in failures[: args.list_failures]:
            print("FAIL %s/%s/%s: %s" % (case["file"], case["section"], case["name"], detail))
            print("  run:    %s" % " ".join(shlex.quote(a) for a in case_args))
            if stderr.strip():
                print("  stderr: %s" % _first_line(stderr))

    print_skip_summary(cases)

    passed = sum(c["passed"] for c in per_file.values())
    failed = sum(c["failed"] for c in per_file.values())
    skipped = sum(c["skipped"] for c in per_file.values())
    print()
    print("ran %d cases in %.1fs with %d jobs" % (passed + failed, elapsed, args.jobs))
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
