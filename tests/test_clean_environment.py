"""A portal started by the tests or the bench never takes its configuration from whoever runs them.

`tests.support.commands.clean_environment` drops every variable the settings and
gunicorn.conf.py read: a variable added there and not to the list would let a developer's
DATABASE_URL-like setting reach the portal under test.
"""

import ast

from tests.support.commands import ROOT, clean_environment, configures_the_portal

CONFIGURATION = [*sorted((ROOT / "portal" / "settings").glob("*.py")), ROOT / "gunicorn.conf.py"]
READERS = {"get", "env_list", "env_bool", "required"}


def variables_read(path):
    """Names of the environment variables a settings file reads."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in READERS and str(node.args[0].value).isupper():
                yield node.args[0].value
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            yield ast.unparse(node.slice).strip("'\"")


def test_every_variable_of_the_configuration_is_dropped():
    # dj_database_url reads DATABASE_URL itself.
    read = {"DATABASE_URL", *(name for path in CONFIGURATION for name in variables_read(path))}
    assert {"REDIS_URL", "SECRET_KEY", "PORT"} <= read  # the reading itself works
    assert sorted(name for name in read if not configures_the_portal(name)) == []


def test_the_caller_keeps_its_path_and_gives_the_portal_its_own_settings(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://someone@their-laptop/theirs")
    monkeypatch.setenv("REDIS_URL", "redis://their-laptop/0")
    env = clean_environment(DJANGO_SETTINGS_MODULE="portal.settings.dev", PROXIMITE_VAR_DIR="/tmp/portal")
    assert "DATABASE_URL" not in env and "REDIS_URL" not in env
    assert env["DJANGO_SETTINGS_MODULE"] == "portal.settings.dev" and env["PATH"]
