"""The stack behind the bakerydemo figures, on this machine: how fast is the machine itself?

The issue's reference figures were measured on another machine, where WhiteNoise served a
static CSS file through the demo's Django stack under gunicorn (2 sync workers) at 4,900
req/s. This module is such a stack, reduced to what serving that file needs: Django with
SecurityMiddleware and WhiteNoise. Served the same way and loaded the same way, the rate it
reaches here against 4,900 says how much slower or faster this machine is, so that each page
can also be compared with the demo as if both had run on the same machine.

    STATIC_ROOT=… BIND=127.0.0.1:8001 gunicorn -c python:bench.calibration
"""

import os

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application

# gunicorn's settings when this module is its configuration: as the reference was served.
wsgi_app = "bench.calibration:application"
bind = os.environ.get("BIND", "127.0.0.1:8001")
workers = 2
worker_class = "sync"

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="calibration-only-serves-one-static-folder",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
        ],
        STATIC_URL="/static/",
        STATIC_ROOT=os.environ["STATIC_ROOT"],
    )
    django.setup()

urlpatterns = []
application = get_wsgi_application()
