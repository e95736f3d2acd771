"""The real portal under gunicorn, for the browser and load tests.

One server on a free loopback port with its own SQLite file, media, cache and
e-mail folder, the demo data loaded into it, started with the project's
gunicorn.conf.py as `make run` starts it. The demo app is installed by the laptop
settings only: `load_demo` runs with them on the same folder whatever settings serve.
"""

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes
from pathlib import Path

from tests.support import commands
from tests.support.gunicorn import free_port, running_gunicorn

# What django.core.mail.backends.filebased writes after each message.
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


@dataclass
class Portal:
    port: int
    var_dir: Path
    env: dict
    server: subprocess.Popen | None = None

    def url(self, path="/", town="bethune"):
        return f"http://{self.host(town)}{path}"

    def host(self, town="bethune"):
        name = "localhost" if town == "bethune" else f"{town}.localhost"
        return f"{name}:{self.port}"

    def manage(self, *args):
        """Run a management command against the live portal's database."""
        return commands.manage(self.env, *args).stdout

    def sent_emails(self):
        """Every e-mail the server sent; Django's file backend may put several in one file."""
        folder = self.var_dir / "mail"
        if not folder.exists():
            return []
        return [
            message_from_bytes(raw.strip())
            # In the order they were sent: file names only tell the second, and not the order within it.
            for path in sorted(folder.iterdir(), key=lambda path: path.stat().st_mtime_ns)
            for raw in path.read_bytes().split(MAIL_SEPARATOR)
            if raw.strip()
        ]

    @staticmethod
    def plain_text(message):
        """What a person reads in an e-mail the portal sent: its text part (each has an HTML one too)."""
        part = next(part for part in message.walk() if part.get_content_type() == "text/plain")
        return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")

    def worker_pids(self):
        """The gunicorn workers the master runs now."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                # The parent pid is the second field after the parenthesised command name.
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process ended while we looked
            if int(fields[1]) == self.server.pid:
                pids.append(int(stat.parent.name))
        return sorted(pids)

    def kill_worker(self):
        """SIGKILL one worker, as the kernel's OOM killer would; return its pid."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def log(self):
        return (self.var_dir / "gunicorn.log").read_text(errors="replace")


@contextmanager
def running_portal(var_dir, settings="portal.settings.dev", env=None):
    """Migrate, load the demo data, collect static files, then serve until the block ends.

    `env` adds or overrides environment variables of the portal (settings, gunicorn).
    """
    port = free_port()
    portal_env = commands.clean_environment(
        DJANGO_SETTINGS_MODULE=settings,
        PROXIMITE_VAR_DIR=str(var_dir),
        PORT=str(port),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        WAGTAILADMIN_BASE_URL=f"http://localhost:{port}",
        **(env or {}),
    )
    live = Portal(port, Path(var_dir), portal_env)
    live.manage("migrate", "--noinput", "-v0")
    commands.manage({**portal_env, "DJANGO_SETTINGS_MODULE": commands.DEMO_SETTINGS}, "load_demo")
    live.manage("collectstatic", "--noinput", "-v0")
    # As `make run`: the background worker makes the demo's image renditions beside gunicorn.
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "renditions", "--no-reload", "-v0"],
        cwd=commands.ROOT,
        env=portal_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Production settings answer the plain-HTTP probe with a redirect: any answer will do.
        with running_gunicorn(
            portal_env, live.var_dir / "gunicorn.log", "/", live.host(), port=port
        ) as served:
            live.server = served.process
            yield live
    finally:
        worker.kill()  # its database is thrown away: no task to finish
        worker.wait(timeout=20)
