"""`make bench`: the production settings under gunicorn, on a seeded territory, under a bounded load.

Prepares its own folder (default var/bench/: SQLite file, media, cache, static files),
migrates and seeds it once (`seed_scale`; later runs reuse it), counts each page's SQL
queries in-process, then for each cache mode starts gunicorn with gunicorn.conf.py on a
loopback port, warms each page up and loads it with wrk (or locust), and prints a table;
the figures go to a JSON file. gunicorn is stopped on any exit, Ctrl-C included.

Cache modes: "none", every page rendered from the database (page cache and town cache off);
"off", the page cache off, pages rendered with what the town cache keeps (as for a signed-in
shopkeeper, a filtered directory or the first visit after a change); "on", both caches on,
as anonymous visitors are served.

Before them, the static file of the bakerydemo reference figures is served by that stack
(bench/calibration.py) on this machine: the ratio of its rate here to the reference one
puts every page beside the demo as if both had been measured on the same machine.

Options (each also read from the environment variable in brackets):
  --duration S      seconds of load per page and cache mode [BENCH_DURATION, 10]
  --warmup S        seconds of discarded load before each measure [BENCH_WARMUP, 2]
  --connections N   concurrent connections [BENCH_CONNECTIONS, 8]
  --database-url U  a database of its own, e.g. postgres://postgres@127.0.0.1:5432/bench
                    (migrated and seeded: never a database with real content) [BENCH_DATABASE_URL]
  --redis-url U     Redis for the cache instead of files [BENCH_REDIS_URL]
  --seed-args A     options for seed_scale, e.g. "--towns 2" [BENCH_SEED_ARGS]
  --reseed          seed again even if the database was seeded by an earlier run
  --cache MODES     "none,off,on" (default), or some of them [BENCH_CACHE]
  --pages NAMES     only these pages, e.g. "search,product-search" [BENCH_PAGES]
  --var-dir D       the bench's folder [BENCH_VAR_DIR, var/bench]
  --output F        the JSON file [BENCH_OUTPUT, <var-dir>/results.json]
"""

import argparse
import datetime
import gzip
import hashlib
import http.client
import json
import os
import platform
import secrets
import shlex
import shutil
import signal
import sys
import time
from pathlib import Path

from bench.load import drive, load_tool, request_headers
from bench.report import render_table
from tests.support import commands
from tests.support.gunicorn import running_gunicorn

ROOT = commands.ROOT
APPS = ["core", "towns", "accounts", "home", "shops", "learning", "programme", "demo"]
SEARCH_PAGES = ("search", "product-search")
# The bakerydemo figures' static-file stack (bench/calibration.py), as its own gunicorn configuration.
CALIBRATION_ARGS = ("-c", "python:bench.calibration")


def parse_args(argv):
    env = os.environ.get
    parser = argparse.ArgumentParser(
        prog="make bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=int(env("BENCH_DURATION", "10")))
    parser.add_argument("--warmup", type=int, default=int(env("BENCH_WARMUP", "2")))
    parser.add_argument("--connections", type=int, default=int(env("BENCH_CONNECTIONS", "8")))
    parser.add_argument("--database-url", default=env("BENCH_DATABASE_URL", ""))
    parser.add_argument("--redis-url", default=env("BENCH_REDIS_URL", ""))
    parser.add_argument("--seed-args", default=env("BENCH_SEED_ARGS", ""))
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--cache", default=env("BENCH_CACHE", "none,off,on"))
    parser.add_argument("--pages", default=env("BENCH_PAGES", ""))
    parser.add_argument(
        "--var-dir", type=Path, default=Path(env("BENCH_VAR_DIR", str(ROOT / "var" / "bench")))
    )
    parser.add_argument(
        "--output", type=Path, default=Path(env("BENCH_OUTPUT", "")) if env("BENCH_OUTPUT") else None
    )
    args = parser.parse_args(argv)
    args.var_dir = args.var_dir.resolve()
    args.output = args.output or args.var_dir / "results.json"
    return args


def server_env(args):
    env = commands.clean_environment(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        # Replaced by the towns' host names once the database is seeded.
        ALLOWED_HOSTS="localhost",
        PROXIMITE_VAR_DIR=str(args.var_dir),
        PROXIMITE_PAGE_CACHE="0",
        PROXIMITE_TOWN_CACHE="0",
        LOG_LEVEL="ERROR",
    )
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    return env


def manage(env, *arguments):
    commands.manage(env, *arguments, capture=False)


def command_exists(name):
    return any((ROOT / app / "management" / "commands" / f"{name}.py").exists() for app in APPS)


def seed_command():
    """seed_scale, the territory-sized data; the demo towns where it does not exist."""
    return "seed_scale" if command_exists("seed_scale") else "load_demo"


def prepare_database(env, args):
    """Migrate, seed once (the marker records what seeded which database), collect static files."""
    marker = args.var_dir / "seeded.json"
    database = args.database_url or f"sqlite:///{args.var_dir / 'db.sqlite3'}"
    wanted = {
        "database": hashlib.sha256(database.encode()).hexdigest(),
        "command": seed_command(),
        "args": shlex.split(args.seed_args),
    }
    if not args.database_url and not (args.var_dir / "db.sqlite3").exists():
        marker.unlink(missing_ok=True)
    print("== migrate", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    done = json.loads(marker.read_text()) if marker.exists() and not args.reseed else {}
    if {key: done.get(key) for key in wanted} != wanted:
        print(f"== {wanted['command']} {args.seed_args} (once; later runs reuse the database)", flush=True)
        started = time.monotonic()
        marker.unlink(missing_ok=True)
        # The demo app, where the seeding commands live, is installed by the laptop settings only.
        manage({**env, "DJANGO_SETTINGS_MODULE": commands.DEMO_SETTINGS}, wanted["command"], *wanted["args"])
        done = dict(wanted)
        marker.write_text(json.dumps(done))
        print(f"   seeded in {time.monotonic() - started:.0f} s", flush=True)
    else:
        print(
            f"== database seeded by {wanted['command']} earlier: reused (--reseed to seed again)", flush=True
        )
    if command_exists("prepare_renditions") and not done.get("renditions"):
        # What the background worker does after a publication: visitors never wait for a rendition.
        print("== prepare_renditions --now (once)", flush=True)
        manage(env, "prepare_renditions", "--now")
        marker.write_text(json.dumps({**done, "renditions": True}))
    # What the nightly `analyze_database` task keeps current on a server.
    manage(env, "analyze_database")
    print("== collectstatic", flush=True)
    manage(env, "collectstatic", "--noinput", "-v0")
    return wanted["command"]


def response_size(port, target):
    """Bytes of the body as sent to a browser that accepts gzip and brotli, and its size gzipped."""
    # Also the first request of the page: it may make what a worker caches (long under load).
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request("GET", target.path, headers=request_headers(target.host))
        response = connection.getresponse()
        body = response.read()
        encoding = response.getheader("Content-Encoding", "")
        if response.status != 200:
            raise RuntimeError(f"{target.path} answered {response.status} from gunicorn")
    finally:
        connection.close()
    return {
        "sent_bytes": len(body),
        "content_encoding": encoding,
        "gzip_bytes": len(body) if encoding else len(gzip.compress(body, compresslevel=6)),
    }


def measure_page_weight(port, targets):
    """tests/support/page_weight.py at 375 px for the shop page and the directory, when chromium is here."""
    try:
        from playwright.sync_api import sync_playwright

        from tests.support.page_weight import PHONE, page_weight
    except ImportError as error:
        return {"skipped": f"tests/support/page_weight.py cannot be used: {error}"}
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not chromium:
        return {"skipped": "chromium is not installed (apt-get install chromium)"}
    weights = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for target in targets:
                if target.name not in ("shop", "directory"):
                    continue
                # A fresh context per page: a first visit, through the HTTPS proxy as far as Django knows.
                context = browser.new_context(
                    viewport=PHONE,
                    device_scale_factor=2,
                    is_mobile=True,
                    has_touch=True,
                    extra_http_headers={"X-Forwarded-Proto": "https"},
                )
                try:
                    url = f"http://{target.host}:{port}{target.path}"
                    weights[target.name] = page_weight(context, url)["total"]
                finally:
                    context.close()
            browser.close()
    except Exception as error:  # a failed measure leaves the load figures standing
        return {"skipped": f"page_weight failed: {error!r}"}
    return weights


def run_mode(mode, env, args, tool, targets, measure_weight, file_caches):
    """Serve with the caches of this mode and load every page; returns its figures."""
    mode_env = {
        **env,
        "PROXIMITE_PAGE_CACHE": "1" if mode == "on" else "0",
        "PROXIMITE_TOWN_CACHE": "0" if mode == "none" else "1",
    }
    # A cache of this run only: files are removed, Redis keys get a prefix of their own.
    for folder in file_caches:
        shutil.rmtree(folder, ignore_errors=True)
    mode_env["CACHE_KEY_PREFIX"] = f"bench-{mode}-{secrets.token_hex(4)}"
    figures = {"pages": {}, "one_connection": {}, "page_weight": {}}
    probe = targets[0]
    log = args.var_dir / f"gunicorn-{mode}.log"
    with running_gunicorn(mode_env, log, probe.path, probe.host) as served:
        port = served.port
        for target in targets:
            print(f"   {mode:<4} {target.name:<20} {target.path}", flush=True)
            size = response_size(port, target)
            drive(tool, port, target.host, target.path, args.connections, args.warmup)
            result = drive(tool, port, target.host, target.path, args.connections, args.duration)
            figures["pages"][target.name] = {**result.as_dict(), **size}
        if mode in ("none", "off"):
            for target in targets:
                if target.name in SEARCH_PAGES:
                    print(f"   {mode:<4} {target.name:<20} one connection", flush=True)
                    result = drive(tool, port, target.host, target.path, 1, args.duration)
                    figures["one_connection"][target.name] = result.as_dict()
        if measure_weight:
            figures["page_weight"] = measure_page_weight(port, targets)
    return figures


def calibrate(env, args, tool, static_root, static_path, reference_rps):
    """The reference static file's stack on this machine (bench/calibration.py): its rate here."""
    print("== calibration: the bakerydemo figures' static-file stack on this machine", flush=True)
    log = args.var_dir / "gunicorn-calibration.log"
    server_env = {**env, "STATIC_ROOT": str(static_root)}
    with running_gunicorn(server_env, log, static_path, "localhost", args=CALIBRATION_ARGS) as served:
        drive(tool, served.port, "localhost", static_path, args.connections, args.warmup)
        result = drive(tool, served.port, "localhost", static_path, args.connections, args.duration)
    return {
        "static_rps": result.rps,
        "reference_static_rps": reference_rps,
        # > 1: this machine is slower than the one the bakerydemo figures come from.
        "machine_factor": round(reference_rps / result.rps, 2) if result.rps else None,
    }


def main(argv=None):
    args = parse_args(argv)
    # `kill` or a closed terminal ends the run as Ctrl-C does: through the finally blocks.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    args.var_dir.mkdir(parents=True, exist_ok=True)
    env = server_env(args)
    seeded_with = prepare_database(env, args)

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connection
    from django.test import override_settings
    from wagtail.models import Site

    from bench.pages import BAKERYDEMO_RPS, busiest_site, count_queries, find_targets

    file_caches = [
        Path(cache["LOCATION"])
        for cache in settings.CACHES.values()
        if cache["BACKEND"].endswith("FileBasedCache")
    ]
    hosts = sorted({site.hostname for site in Site.objects.all()})
    settings.ALLOWED_HOSTS = hosts
    env["ALLOWED_HOSTS"] = ",".join(hosts)
    site = busiest_site()
    targets = find_targets(site)
    if args.pages:
        wanted = {name.strip() for name in args.pages.split(",")}
        targets = [target for target in targets if target.name in wanted]
    print(f"== SQL queries per page (in-process, page cache off), town {site.hostname}", flush=True)
    queries = {"none": count_queries(targets)}
    with override_settings(TOWN_CACHE=True):
        queries["off"] = count_queries(targets)
    database_vendor = connection.vendor
    connection.close()

    modes = [mode.strip() for mode in args.cache.split(",") if mode.strip()]
    notes = []
    if seeded_with != "seed_scale":
        notes.append("seed_scale does not exist yet: measured on the demo towns (load_demo).")
    tool = load_tool()
    static_path = staticfiles_storage.url("css/main.css")
    machine = calibrate(env, args, tool, settings.STATIC_ROOT, static_path, BAKERYDEMO_RPS["static"][1])
    results = {}
    for index, mode in enumerate(modes):
        print(
            f"== load: caches {mode}, {args.connections} connections, {args.duration} s a page",
            flush=True,
        )
        results[mode] = run_mode(
            mode, env, args, tool, targets, measure_weight=index == len(modes) - 1, file_caches=file_caches
        )

    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "database": database_vendor,
        "cache_backend": "redis" if args.redis_url else "files",
        "seeded_with": seeded_with,
        "town": site.hostname,
        "tool": tool,
        "connections": args.connections,
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "bakerydemo_rps": BAKERYDEMO_RPS,
        "calibration": machine,
        "pages": [{"name": t.name, "kind": t.kind, "path": t.path} for t in targets],
        "sql_queries": queries,
        "modes": results,
        "notes": notes,
        "elapsed_s": round(time.monotonic() - started),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print()
    print(render_table(report))
    for note in notes:
        print(f"Note: {note}")
    print(f"\nFigures written to {args.output} ({report['elapsed_s']} s in all).")


if __name__ == "__main__":
    main()
