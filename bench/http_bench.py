"""HTTP benchmark against the production-like stack (bench/stack.py): pages through Varnish,
through one app server's page cache, and with the page cache bypassed, plus a static file.

    make bench        # also runs the translation-coverage and search benchmarks
    .venv/bin/python bench/http_bench.py --seconds 5

Starts the stack if it is not running (and stops it at the end), then for each page type runs
`wrk -t2 -c8 -d<seconds>s` three ways and prints one Markdown table: SQL queries (counted
in-process with the page cache bypassed; 0 on a hit), requests per second, p50 and p99 in ms,
errors (non-2xx/3xx and socket errors), then the peak resident memory (VmHWM) of each gunicorn
worker. A measurement, not a test.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import stack  # noqa: E402


def wrk(url: str, seconds: int, header: str | None = None) -> dict:
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url]
    if header:
        command[1:1] = ["-H", f"{header}: 1"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        value, unit = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return {"rate": rate, "p50": percentile(50), "p99": percentile(99), "errors": errors}


def page_urls() -> list[tuple[str, str]]:
    """(label, path) of one page of each type, from the stack's database (in-process Django)."""
    from wagtail.models import Page

    wanted = [
        ("home", "homepage", "en"),
        ("home (fr)", "homepage", "fr"),
        ("guide chapter", "guidechapterpage", "en"),
        ("case-study library", "casestudyindexpage", "en"),
        ("case study", "casestudypage", "en"),
        ("tour scene", "tourscenepage", "en"),
        ("event page", "eventpage", "en"),
        ("event index", "eventindexpage", "en"),
    ]
    urls = []
    for label, model, language in wanted:
        page = Page.objects.live().filter(content_type__model=model, locale__language_code=language).first()
        if page:
            urls.append((label, page.url))
    urls.append(("search ?q=guidance", "/en/search/?q=guidance"))
    return urls


def query_count(path: str, bypass: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={bypass: "1"})
    client.get(path)  # warm the fragment caches
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def worker_peaks(state) -> list[tuple[str, float]]:
    peaks = []
    for process in state["processes"]:
        if not process["name"].startswith("app"):
            continue
        children = Path(f"/proc/{process['pid']}/task/{process['pid']}/children").read_text().split()
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            kib = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
            peaks.append((f"{process['name']} worker {pid}", kib / 1024))
    return peaks


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration of each run (default 5)")
    args = parser.parse_args()
    started = not stack.STATE.exists()
    state = stack.start() if started else json.loads(stack.STATE.read_text())
    try:
        env = stack.environment(int(state["varnish"].rsplit(":", 1)[1]))
        env["ALLOWED_HOSTS"] += ",testserver"
        os.environ.update(env)
        import django

        django.setup()
        varnish, app = state["varnish"], state["apps"][0]
        rows = []
        for label, path in page_urls():
            queries = query_count(path, state["bypass"])
            for mode, base, header in (
                ("Varnish", varnish, None),
                ("page cache", app, None),
                ("bypassed", app, state["bypass"]),
            ):
                subprocess.run(["curl", "-s", "-o", "/dev/null", base + path], check=False)  # warm
                result = wrk(base + path, args.seconds, header)
                rows.append((label, mode, 0 if mode != "bypassed" and "search" not in label else queries, result))
        from django.contrib.staticfiles.storage import staticfiles_storage

        static = app + staticfiles_storage.url("css/site.css")
        rows.append(("static CSS file", "app server", 0, wrk(static, args.seconds)))
        ceiling = rows[-1][3]["rate"]
        print("\n| page | via | queries | req/s | % of static | p50 ms | p99 ms | errors |")
        print("|---|---|---|---|---|---|---|---|")
        for label, mode, queries, r in rows:
            share = 100 * r["rate"] / ceiling
            print(
                f"| {label} | {mode} | {queries} | {r['rate']:,.0f} | {share:.1f} % | "
                f"{r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} |"
            )
        print("\n| gunicorn worker | peak RSS MiB |\n|---|---|")
        for name, mib in worker_peaks(state):
            print(f"| {name} | {mib:.0f} |")
    finally:
        if started:
            stack.stop()


if __name__ == "__main__":
    main()
