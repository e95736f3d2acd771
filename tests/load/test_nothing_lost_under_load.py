"""Nothing lost under load: a minute of visitors on the real portal, then the same while a worker dies.

Run with `make test-load`. The figures are printed; only the invariants are asserted:
no server error, no "database is locked", and every submission the portal said it
accepted is in its database afterwards.
"""

import json
import multiprocessing
import os
import secrets
import statistics
import time

import pytest

from tests.load.visitors import FORM_KINDS, ClientReport, run_client, warm_up

LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
# One client per kind of form, each starting its round of forms with a different one.
CLIENTS = len(FORM_KINDS)
EXPECTED_STATUSES = {200, 302, 429}


def portal_shell(portal, call):
    """Run one function of tests/load/portal_side.py in the portal's Django and read its JSON."""
    output = portal.manage(
        "shell", "-v", "0", "-c", f"from tests.load import portal_side; portal_side.{call}"
    )
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def inventory(load_portal):
    pages = portal_shell(load_portal, "print_inventory()")
    with multiprocessing.get_context("spawn").Pool(CLIENTS) as pool:
        reports = pool.starmap(
            warm_up, [(load_portal.port, pages, index, CLIENTS) for index in range(CLIENTS)]
        )
    for report in reports:
        assert set(report.statuses) <= EXPECTED_STATUSES, report.samples or report.statuses
    return pages


def run_load(portal, inventory, run, meanwhile=None):
    """LOAD_SECONDS of visitors from CLIENTS processes, while `meanwhile(started)` runs here.

    Returns the clients' report summed up, the run's marker, the server's log of the run
    and what `meanwhile` returned.
    """
    marker = f"charge{run}x{secrets.token_hex(4)}"
    log_start = len(portal.log())
    started = time.time()
    deadline = started + LOAD_SECONDS
    with multiprocessing.get_context("spawn").Pool(CLIENTS) as pool:
        pending = pool.starmap_async(
            run_client, [(index, run, portal.port, inventory, marker, deadline) for index in range(CLIENTS)]
        )
        extra = meanwhile(started) if meanwhile else {}
        reports = pending.get(timeout=LOAD_SECONDS + 300)
    total = ClientReport(elapsed=time.time() - started)
    for report in reports:
        total.add(report)
    return total, marker, portal.log()[log_start:], extra


def figures(title, report, extra=""):
    cuts = statistics.quantiles(report.latencies, n=100)
    accepted = {kind: len(markers) for kind, markers in report.accepted.items()}
    lines = [
        f"== {title}: {LOAD_SECONDS:.0f} s, {CLIENTS} client processes, gunicorn 2 workers, SQLite WAL",
        f"requests {report.requests} ({report.requests / report.elapsed:.1f} req/s), "
        f"p50 {cuts[49] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms",
        f"statuses {dict(sorted(report.statuses.items()))}",
        f"submissions accepted {sum(accepted.values())} {accepted}",
        f"refused by the per-address limits {sum(report.rate_limited.values())} {dict(report.rate_limited)}",
        f"refused for form errors {sum(report.form_errors.values())} {dict(report.form_errors)}",
        f"connection errors {sum(report.errors.values())} {dict(report.errors)}; "
        f"submissions lost in flight (never answered) {dict(report.lost_in_flight)}",
    ]
    return "\n".join(lines + ([extra] if extra else []))


def assert_nothing_lost(portal, report, marker, log):
    assert not report.samples, "\n\n".join(report.samples)
    server_errors = {status: count for status, count in report.statuses.items() if status >= 500}
    assert not server_errors, server_errors
    assert set(report.statuses) <= EXPECTED_STATUSES, report.statuses
    assert "database is locked" not in log
    assert "Traceback" not in log, log[-5000:]
    assert not report.form_errors, report.form_errors
    for kind in FORM_KINDS:
        assert report.accepted[kind], f"no {kind} submission was accepted: the run tested nothing there"
    stored = portal_shell(portal, f"print_markers({marker!r})")
    for kind in FORM_KINDS:
        missing = sorted(set(report.accepted[kind]) - set(stored[kind]))
        assert not missing, (
            f"{len(missing)} accepted {kind} submissions are not in the database: {missing[:10]}"
        )


def test_a_minute_of_visitors_loses_nothing(load_portal, inventory, capsys):
    report, marker, log, _extra = run_load(load_portal, inventory, run=1)
    with capsys.disabled():
        print("\n" + figures("Load", report))

    assert not report.errors, report.errors
    assert_nothing_lost(load_portal, report, marker, log)


def test_a_worker_killed_mid_run_loses_no_accepted_submission(load_portal, inventory, capsys):
    def kill_a_worker_halfway(started):
        time.sleep(max(0.0, started + LOAD_SECONDS / 2 - time.time()))
        return {"killed": load_portal.kill_worker(), "at": time.time(), "after": time.time() - started}

    report, marker, log, kill = run_load(load_portal, inventory, run=2, meanwhile=kill_a_worker_halfway)
    workers = wait_for_workers(load_portal, replacing=kill["killed"])
    with capsys.disabled():
        print(
            "\n"
            + figures(
                "Load with a worker SIGKILLed",
                report,
                f"worker {kill['killed']} killed after {kill['after']:.0f} s; workers now {workers}",
            )
        )

    # Only requests in flight when the worker died may go unanswered: at most one per client.
    assert all(kind.startswith("connection reset") for kind in report.errors), report.errors
    assert sum(report.errors.values()) <= CLIENTS, report.errors
    assert kill["killed"] not in workers and len(workers) == 2
    assert any(at > kill["at"] for at in report.answered_at), "the portal answered nothing after the kill"
    assert_nothing_lost(load_portal, report, marker, log)


def wait_for_workers(portal, replacing, attempts=120):
    """The master's workers once it has replaced the killed one (it boots a new Django first)."""
    for _ in range(attempts):
        workers = portal.worker_pids()
        if len(workers) == 2 and replacing not in workers:
            return workers
        time.sleep(0.5)
    return portal.worker_pids()
