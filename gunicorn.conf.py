"""gunicorn, as `make run` and servers start it: `gunicorn -c gunicorn.conf.py`."""

import os

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("BIND", f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}")
# Two cores on a small town server: two workers of two threads. Pages are CPU-bound: more
# threads only queue on the GIL (measured slower with 4), while a second thread keeps a worker
# answering during a slow upload.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Each response closes its connection (the HTTPS proxy in front keeps the visitors' ones open):
# a worker then only takes a connection when it is free. Kept open, a burst of connections
# could all land on one worker while the other idles (measured: half the throughput, at random).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "0"))
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# One control socket per install, so two portals on one machine (or the browser
# tests beside `make run`) never answer for each other.
control_socket = os.path.join(os.environ.get("PROXIMITE_VAR_DIR", "var"), "gunicorn.ctl")
