"""The load `make bench` drives with locust where wrk cannot be installed: one address, no pause."""

import json
import os

from locust import constant
from locust.contrib.fasthttp import FastHttpUser
from locust.user.task import task

PATH = os.environ["BENCH_PATH"]
HEADERS = json.loads(os.environ["BENCH_HEADERS"])


class Visitor(FastHttpUser):
    wait_time = constant(0)

    @task
    def get_page(self):
        self.client.get(PATH, headers=HEADERS)
