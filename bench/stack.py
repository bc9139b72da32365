"""A production-like stack on one machine: two gunicorn app servers and Varnish in front.

    make stack         # or: .venv/bin/python bench/stack.py start
    make stack-stop    # or: .venv/bin/python bench/stack.py stop
    .venv/bin/python bench/stack.py prepare   # the database alone, loaded if new

PostgreSQL and Redis must already run (127.0.0.1:5432 and :6379). The stack uses a database of
its own (STACK_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/kip_stack; created,
migrated and loaded with the project's content on first use), Redis database 5
(STACK_REDIS_URL), production settings (DEBUG off, collected static files through whitenoise),
two gunicorn servers of two sync workers each on free loopback ports, and Varnish
(deploy/varnish/default.vcl with those ports) on a free port; each process in its own process
group. What runs where is written to .cache/stack/state.json, which `stop` reads to stop
exactly those process groups.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
STATE_DIR = ROOT / ".cache" / "stack"
STATE = STATE_DIR / "state.json"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DATABASE_URL = os.environ.get("STACK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kip_stack")
REDIS_URL = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/5")
VARNISHD = os.environ.get("VARNISHD", "/usr/sbin/varnishd")
BYPASS_HEADER = "X-Bench-Bypass"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(varnish_port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{varnish_port}",
        VARNISH_URLS=f"http://127.0.0.1:{varnish_port}",
        PAGE_CACHE_BYPASS_HEADER=BYPASS_HEADER,
    )
    return env


def ensure_database(env) -> None:

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    conn = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres", dbname="postgres"
    )
    conn.autocommit = True
    cursor = conn.cursor()
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    fresh = cursor.fetchone() is None
    if fresh:
        cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    manage = [PYTHON, "manage.py"]
    # Maintenance commands: no request-sized timeouts (operations.db), and no purges of a
    # Varnish that is not running yet.
    env = dict(env, DATABASE_STATEMENT_TIMEOUT="0", DATABASE_LOCK_TIMEOUT="0", DATABASE_CLIENT_TIMEOUT="0")
    env["VARNISH_URLS"] = ""
    # Static files first: the PDFs load_content builds link their stylesheet through the manifest.
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    try:
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        if fresh:
            print("stack: loading the content into", name, flush=True)
            subprocess.run([*manage, "load_content"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError:
        if fresh:  # a half-loaded database would never be loaded again
            drop_database(name)
        raise


def drop_database(name: str) -> None:

    parts = urlsplit(DATABASE_URL)
    conn = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres", dbname="postgres"
    )
    conn.autocommit = True
    conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


def spawn(name: str, command: list[str], env) -> dict:
    log = open(STATE_DIR / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return {"name": name, "pid": process.pid, "pgid": process.pid}


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except Exception:
            if time.monotonic() > deadline:
                raise SystemExit(f"stack: {url} did not answer within {seconds} s (see .cache/stack/*.log)") from None
            time.sleep(0.3)


def start() -> dict:
    if STATE.exists():
        print("stack: already running (make stack-stop first):", STATE.read_text())
        return json.loads(STATE.read_text())
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    varnish_port = free_port()
    env = environment(varnish_port)
    ensure_database(env)
    app_ports = [free_port(), free_port()]
    state = {"varnish": f"http://127.0.0.1:{varnish_port}", "apps": [], "processes": [], "bypass": BYPASS_HEADER}
    try:
        for number, port in enumerate(app_ports, start=1):
            command = [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "config.wsgi",
                f"--bind=127.0.0.1:{port}",
                "--workers=2",
                f"--name=kip-app{number}",
                "--log-level=warning",
            ]
            state["processes"].append(spawn(f"app{number}", command, env))
            state["apps"].append(f"http://127.0.0.1:{port}")
        vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
        vcl = vcl.replace('.port = "8001"', f'.port = "{app_ports[0]}"').replace(
            '.port = "8002"', f'.port = "{app_ports[1]}"'
        )
        (STATE_DIR / "default.vcl").write_text(vcl)
        workdir = STATE_DIR / "varnish"
        workdir.mkdir(exist_ok=True)
        command = [VARNISHD, "-F", "-n", str(workdir), "-a", f"127.0.0.1:{varnish_port}"]
        command += ["-f", str(STATE_DIR / "default.vcl"), "-s", "malloc,256m", "-T", "127.0.0.1:0"]
        if os.geteuid() == 0:
            command += ["-j", "none"]  # the stack's own files: no privilege separation needed
        state["processes"].append(spawn("varnish", command, env))
        STATE.write_text(json.dumps(state, indent=2))
        for app in state["apps"]:
            wait_for(app + "/robots.txt")
        wait_for(state["varnish"] + "/en/")
    except BaseException:
        stop()
        raise
    print(f"stack: Varnish {state['varnish']}, app servers {', '.join(state['apps'])}", flush=True)
    return state


def stop() -> None:
    if not STATE.exists():
        print("stack: not running")
        return
    state = json.loads(STATE.read_text())
    for process in state["processes"]:
        try:
            os.killpg(process["pgid"], signal.SIGTERM)
        except ProcessLookupError:
            continue
    deadline = time.monotonic() + 10
    for process in state["processes"]:
        while time.monotonic() < deadline:
            try:
                os.killpg(process["pgid"], 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        else:
            try:
                os.killpg(process["pgid"], signal.SIGKILL)
            except ProcessLookupError:
                pass
    STATE.unlink()
    print("stack: stopped")


def prepare() -> None:
    """Only the stack's database (created and loaded if new, as `start` does): CI runs it alongside other steps."""
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    ensure_database(environment(free_port()))


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "start"
    {"start": start, "stop": stop, "prepare": prepare}[action]()
