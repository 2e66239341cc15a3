#!/usr/bin/env python3
"""Turns wrk output into results (called by run.sh).

    report.py put FILE key=value ...         merge values into a JSON object file (key:=value keeps a string)
    report.py scenario FILE key=value ... warmup=WRK_OUT measured=WRK_OUT
                                             parse the BENCH_RESULT lines of two wrk runs, check statuses
    report.py final RUN_DIR OUT_DIR          write OUT_DIR/results.json and results.md, print targets
"""
import glob
import json
import os
import re
import sys

SCENARIO_ORDER = ["ceiling", "list", "list-uncached", "deep", "article", "conditional",
                  "search-rare", "search-common-cjk", "search-latin", "create", "update"]


def parse_value(text):
    if re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", text):
        return float(text)
    return text


def parse_pair(pair):
    """key=value (a number if it looks like one) or key:=value (always a string)."""
    key, _, value = pair.partition("=")
    if key.endswith(":"):
        return key[:-1], value
    return key, parse_value(value)


def load(path):
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def put(path, pairs):
    data = load(path)
    for pair in pairs:
        key, value = parse_pair(pair)
        data[key] = value
    save(path, data)


def wrk_result(path):
    """The JSON that wrk/common.lua's done() prints after BENCH_RESULT, or None."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("BENCH_RESULT "):
                    return json.loads(line[len("BENCH_RESULT "):])
    except OSError:
        pass
    return None


def problems_of(result, expect, label):
    if result is None:
        return [f"{label}: no result from wrk (see the raw output)"]
    problems = []
    errors = result["errors"]
    if errors["non_2xx_3xx"]:
        problems.append(f"{label}: {errors['non_2xx_3xx']} responses with status >= 400")
    sockets = {k: v for k, v in errors.items() if k != "non_2xx_3xx" and v}
    if sockets:
        problems.append(f"{label}: socket errors {sockets}")
    statuses = result.get("statuses")
    if statuses:
        unexpected = {k: v for k, v in statuses.items() if k != str(expect)}
        if unexpected:
            problems.append(f"{label}: expected only {expect}, got {statuses}")
    if result["requests"] == 0:
        problems.append(f"{label}: no request completed")
    return problems


def scenario(path, pairs):
    meta = {}
    for pair in pairs:
        key, value = parse_pair(pair)
        meta[key] = value
    warmup_file, measured_file = meta.pop("warmup", None), meta.pop("measured")
    expect = meta["expect"]
    warmup = wrk_result(warmup_file) if warmup_file else None
    measured = wrk_result(measured_file)
    problems = (problems_of(warmup, expect, "warm-up") if warmup_file else []) + problems_of(measured, expect, "measured")
    data = dict(meta)
    data["warmup"] = warmup
    data["result"] = measured
    data["problems"] = problems
    data["ok"] = not problems
    save(path, data)
    if measured:
        lat = measured["latency_ms"]
        print(f"  {meta['name']:<18} {measured['rps']:>10.1f} req/s   p50 {lat['p50']:8.2f} ms   "
              f"p95 {lat['p95']:8.2f} ms   p99 {lat['p99']:8.2f} ms   {'ok' if not problems else 'PROBLEM'}")
    for problem in problems:
        print(f"  !! {meta['name']}: {problem}")


# ---- final report ---------------------------------------------------------------------------------

def fmt(value, digits=1):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def targets(sizes):
    """(name, size label, measured text, passed or None when it cannot be computed)."""
    rows = []

    def scen(size, name):
        return size["scenarios"].get(name, {}).get("result")

    def rps(size, name):
        result = scen(size, name)
        return result["rps"] if result else None

    def p95(size, name):
        result = scen(size, name)
        return result["latency_ms"]["p95"] if result else None

    for size in sizes:
        label = f"{size['articles']:,}"
        ceiling = rps(size, "ceiling")
        for name, share in (("list", 0.5), ("article", 0.5), ("conditional", 0.8)):
            value = rps(size, name)
            if value is None or not ceiling:
                rows.append((f"{name} ≥ {share:.0%} of ceiling", label, "not measured", None))
            else:
                rows.append((f"{name} ≥ {share:.0%} of ceiling", label, f"{value / ceiling:.0%}", value / ceiling >= share))
        deep, first = rps(size, "deep"), rps(size, "list-uncached")
        if deep is None or not first:
            rows.append(("deep within 15% of first page (uncached)", label, "not measured", None))
        else:
            rows.append(("deep within 15% of first page (uncached)", label, f"deep/first = {deep / first:.2f}", deep / first >= 0.85))
        for name, limit in (("search-common-cjk", 50), ("search-rare", 10)):
            value = p95(size, name)
            rows.append((f"{name} p95 ≤ {limit} ms", label, "not measured" if value is None else f"{value:.1f} ms",
                         None if value is None else value <= limit))
        value = rps(size, "create")
        rows.append(("create ≥ 1,000/s with 8 clients", label, "not measured" if value is None else f"{value:,.0f}/s",
                     None if value is None else value >= 1000))
        memory = size.get("peak_memory_mb")
        rows.append(("peak memory ≤ 250 MB", label, "not measured" if memory is None else f"{memory:.0f} MB",
                     None if memory is None else memory <= 250))
        startup = size.get("startup_ms")
        rows.append(("start → first 200 from /health/ready ≤ 1.5 s", label, "not measured" if startup is None else f"{startup:.0f} ms",
                     None if startup is None else startup <= 1500))
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        pair = f"{small['articles']:,} → {large['articles']:,}"
        for name in ("list", "deep", "article"):
            a, b = rps(small, name), rps(large, name)
            if a is None or b is None:
                rows.append((f"{name}: largest vs smallest library within 15%", pair, "not measured", None))
            else:
                rows.append((f"{name}: largest vs smallest library within 15%", pair, f"{b / a:.2f}×", b / a >= 0.85))
    return rows


def final(run_dir, out_dir):
    meta = load(os.path.join(run_dir, "run.json"))
    sizes = []
    for size_dir in sorted(glob.glob(os.path.join(run_dir, "size-*")), key=lambda d: int(d.rsplit("-", 1)[1])):
        size = load(os.path.join(size_dir, "size.json"))
        if not size:
            continue
        size["scenarios"] = {}
        startups = [size[k] for k in ("startup_cached_ms", "startup_uncached_ms") if k in size]
        size["startup_ms"] = max(startups) if startups else None
        memories = [size[k] for k in ("peak_memory_cached_mb", "peak_memory_uncached_mb") if k in size]
        size["peak_memory_mb"] = max(memories) if memories else None
        for name in SCENARIO_ORDER:
            data = load(os.path.join(size_dir, f"{name}.json"))
            if data:
                size["scenarios"][name] = data
        ceiling = size["scenarios"].get("ceiling", {}).get("result")
        for data in size["scenarios"].values():
            result = data.get("result")
            data["ratio_to_ceiling"] = result["rps"] / ceiling["rps"] if result and ceiling and ceiling["rps"] else None
        sizes.append(size)

    target_rows = targets(sizes)
    results = dict(meta)
    results["sizes"] = sizes
    results["targets"] = [{"target": t, "size": s, "value": v, "pass": p} for t, s, v, p in target_rows]
    os.makedirs(out_dir, exist_ok=True)
    save(os.path.join(out_dir, "results.json"), results)

    md = [f"# ContentApi benchmark — {meta.get('date', '?')}", ""]
    md.append(f"- commit `{meta.get('commit', '?')}`; machine: {meta.get('cpus', '?')} × {meta.get('cpu_model', '?')}, "
              f"{fmt(meta.get('memory_mb'), 0)} MB RAM, {meta.get('os', '?')}; .NET SDK {meta.get('dotnet', '?')}; {meta.get('wrk', '?')}")
    md.append(f"- each scenario: {meta.get('warmup_s', '?')} s warm-up ({meta.get('write_warmup_s', meta.get('warmup_s', '?'))} s for create and update, "
              f"{meta.get('search_warmup_s', meta.get('warmup_s', '?'))} s for the searches), "
              f"then {meta.get('duration_s', '?')} s measured; "
              f"wrk threads ≤ {meta.get('threads', '?')}; seed {meta.get('seed', '?')}")
    if meta.get("runtime_env"):
        md.append(f"- the app ran with the runtime settings the Dockerfile sets: `{meta['runtime_env']}`")
    if meta.get("load_average"):
        md.append(f"- load average before the run: {meta['load_average']} (other work on the machine skews every number)")
    md.append("")
    for size in sizes:
        md.append(f"## {size['articles']:,} articles")
        md.append("")
        md.append(f"database {fmt(size.get('db_mb'))} MB · startup {fmt(size.get('startup_ms'), 0)} ms "
                  f"(cache-on instance {fmt(size.get('startup_cached_ms'), 0)} ms, cache-off instance {fmt(size.get('startup_uncached_ms'), 0)} ms) · "
                  f"peak memory {fmt(size.get('peak_memory_mb'), 0)} MB (cache on {fmt(size.get('peak_memory_cached_mb'), 0)}, "
                  f"cache off {fmt(size.get('peak_memory_uncached_mb'), 0)}) · list response {fmt(size.get('list_bytes'), 0)} bytes")
        md.append("")
        md.append("| scenario | cache | conns | req/s | p50 ms | p95 ms | p99 ms | × ceiling | status check |")
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for name in SCENARIO_ORDER:
            data = size["scenarios"].get(name)
            if not data:
                continue
            result = data.get("result") or {}
            lat = result.get("latency_ms", {})
            ratio = data.get("ratio_to_ceiling")
            statuses = result.get("statuses") or (data.get("warmup") or {}).get("statuses") or {}
            check = "ok" if data["ok"] else "PROBLEM"
            if statuses:
                check += " (" + ", ".join(f"{k}×{v:,}" for k, v in sorted(statuses.items())) + ")"
            md.append(f"| {name} | {data.get('cache', '')} | {data.get('connections', '')} | {fmt(result.get('rps'))} | {fmt(lat.get('p50'), 2)} | "
                      f"{fmt(lat.get('p95'), 2)} | {fmt(lat.get('p99'), 2)} | {'–' if ratio is None else f'{ratio:.2f}'} | {check} |")
        problems = [f"{name}: {p}" for name, data in size["scenarios"].items() for p in data.get("problems", [])]
        if size.get("app_log_errors"):
            problems.append(f"the app logged {size['app_log_errors']} error lines (raw/size-{size['articles']}/app-*.log)")
        if problems:
            md.append("")
            md.append("Problems: " + "; ".join(problems))
        md.append("")
    md.append("## Targets")
    md.append("")
    md.append("| target | size | measured | result |")
    md.append("| --- | --- | --- | --- |")
    for target, size, value, passed in target_rows:
        md.append(f"| {target} | {size} | {value} | {'PASS' if passed else 'FAIL' if passed is False else 'n/a'} |")
    md.append("")
    with open(os.path.join(out_dir, "results.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md))

    print()
    for target, size, value, passed in target_rows:
        verdict = "PASS" if passed else "FAIL" if passed is False else "N/A "
        print(f"{verdict}  {target} [{size}]: {value}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "put":
        put(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "scenario":
        scenario(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "final":
        final(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
