"""A bounded load against one address: wrk when it is there (or apt can install it), else locust."""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


@dataclass
class LoadResult:
    tool: str
    connections: int
    requests: int
    seconds: float
    errors: int
    rps: float
    p50_ms: float
    p99_ms: float

    def as_dict(self):
        return asdict(self)


def request_headers(host):
    """What a phone browser behind the HTTPS proxy sends, as far as the server cares."""
    return {
        "Host": host,
        "X-Forwarded-Proto": "https",
        "Accept-Encoding": "gzip, br",
        "Accept-Language": "fr-FR,fr;q=0.9",
    }


def load_tool():
    """'wrk', installed with apt-get when missing and allowed; else 'locust' from requirements/bench.txt."""
    if shutil.which("wrk"):
        return "wrk"
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: installing it with apt-get …", flush=True)
        apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", "wrk"]
        if subprocess.run(install, env=apt_env, capture_output=True).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=apt_env, capture_output=True)
            subprocess.run(install, env=apt_env, capture_output=True)
        if shutil.which("wrk"):
            return "wrk"
    print("wrk cannot be installed here: using locust (requirements/bench.txt) …", flush=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "-r", str(ROOT / "requirements" / "bench.txt")],
        check=True,
    )
    return "locust"


def drive(tool, port, host, path, connections, seconds):
    if tool == "wrk":
        return _wrk(port, host, path, connections, seconds)
    return _locust(port, host, path, connections, seconds)


def _wrk(port, host, path, connections, seconds):
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    for name, value in request_headers(host).items():
        command += ["-H", f"{name}: {value}"]
    command += ["-s", str(HERE / "wrk_report.lua"), f"http://127.0.0.1:{port}{path}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH-JSON "))
    figures = json.loads(line.removeprefix("BENCH-JSON "))
    elapsed = figures["duration_us"] / 1e6
    errors = sum(figures[key] for key in figures if key.endswith("_errors") or key == "timeouts")
    return LoadResult(
        tool="wrk",
        connections=connections,
        requests=figures["requests"],
        seconds=round(elapsed, 2),
        errors=errors,
        rps=round(figures["requests"] / elapsed, 1),
        p50_ms=round(figures["p50_us"] / 1000, 1),
        p99_ms=round(figures["p99_us"] / 1000, 1),
    )


def _locust(port, host, path, connections, seconds):
    env = {**os.environ, "BENCH_PATH": path, "BENCH_HEADERS": json.dumps(request_headers(host))}
    command = [sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless", "--skip-log"]
    command += ["--users", str(connections), "--spawn-rate", str(connections)]
    command += ["--run-time", f"{seconds}s", "--host", f"http://127.0.0.1:{port}", "--json"]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    (stats,) = json.loads(output)
    elapsed = stats["last_request_timestamp"] - stats["start_time"]
    # Response times in milliseconds, rounded by locust, each with how many requests took it.
    times = sorted((float(ms), count) for ms, count in stats["response_times"].items())
    return LoadResult(
        tool="locust",
        connections=connections,
        requests=stats["num_requests"],
        seconds=round(elapsed, 2),
        errors=stats["num_failures"],
        rps=round(stats["num_requests"] / elapsed, 1),
        p50_ms=_percentile(times, 0.50),
        p99_ms=_percentile(times, 0.99),
    )


def _percentile(times, fraction):
    wanted = fraction * sum(count for _ms, count in times)
    seen = 0
    for ms, count in times:
        seen += count
        if seen >= wanted:
            return ms
    return times[-1][0]
