"""gunicorn with the project's gunicorn.conf.py on a loopback port, stopped whatever happens.

The one way the bench, the browser and load tests and the two-host test start the portal.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.commands import ROOT


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Gunicorn:
    port: int
    process: subprocess.Popen  # the master; its children are the workers


@contextmanager
def running_gunicorn(env, log_path, probe_path="/", probe_host="localhost", port=None, args=None):
    """Serve until the block ends; the whole process group is stopped on any exit.

    `args`: gunicorn's arguments instead of the project's configuration file."""
    port = port or free_port()
    server_env = {**env, "BIND": f"127.0.0.1:{port}", "PORT": str(port), "GUNICORN_ACCESSLOG": ""}
    with open(log_path, "w") as log:
        # A session of its own: a Ctrl-C in the terminal reaches this script, which stops
        # gunicorn in order, instead of hitting master and workers half-way through a request.
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", *(args or ("-c", "gunicorn.conf.py"))],
            cwd=ROOT,
            env=server_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_serving(server, port, probe_path, probe_host, log_path)
            yield Gunicorn(port, server)
        finally:
            _stop(server)


def _stop(server):
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _wait_until_serving(server, port, path, host, log_path):
    deadline = time.monotonic() + 90
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", path, headers={"Host": host, "X-Forwarded-Proto": "https"})
            connection.getresponse().read()
            return
        except (OSError, http.client.HTTPException):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"gunicorn did not start; its log, {log_path}:\n{Path(log_path).read_text()[-3000:]}"
                ) from None
            time.sleep(0.3)
        finally:
            connection.close()
