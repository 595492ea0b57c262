#!/usr/bin/env python
"""The launch-day benchmark (`make bench`): requests per second for each kind of public
page, served by gunicorn (2 workers of 4 threads, as `make run`, DEBUG off) uncached, from
the in-app page cache, and through Varnish, each as a ratio of nginx serving the same bytes
in the same run (../shared/tools/load.sh); the code before the change, checked out into a
temporary git worktree, measured in the same run (req/s side by side, and CPU per request:
gunicorn's workers and PostgreSQL's backends); then a bounded soak through Varnish.

Figures are ratios measured in one run on this machine, never absolute limits. Environment:
BENCH_BEFORE (commit to compare with, 6a4e005), BENCH_ROUNDS (runs of before and uncached
side by side for each page, 5; the speed-up printed is the median of the runs'), BENCH_DURATION (per
measurement, 5s), BENCH_CONNS (8), BENCH_SOAK (60s), BENCH_SOAK_CONNS (64), DATABASE_URL
(PostgreSQL: two databases of this run's own are created on that server and dropped;
otherwise SQLite files), CACHE_URL (redis://127.0.0.1:6379/3), BENCH_PORT (8107: gunicorn),
VARNISH_PORT (8117), VARNISH_ADMIN_PORT (8127), LOAD_SH (../shared/tools/load.sh),
BENCH_PAGES (comma-separated page types to measure, e.g. "home,statement"; all by default).
"""

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BEFORE = os.environ.get("BENCH_BEFORE", "6a4e005")
DURATION = os.environ.get("BENCH_DURATION", "5s")
CONNS = os.environ.get("BENCH_CONNS", "8")
SOAK = os.environ.get("BENCH_SOAK", "60s")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SOAK_CONNS = os.environ.get("BENCH_SOAK_CONNS", "64")
GUNICORN_PORT = int(os.environ.get("BENCH_PORT", "8107"))
VARNISH_PORT = int(os.environ.get("VARNISH_PORT", "8117"))
VARNISH_ADMIN_PORT = int(os.environ.get("VARNISH_ADMIN_PORT", "8127"))
LOAD_SH = Path(os.environ.get("LOAD_SH", ROOT.parent / "shared" / "tools" / "load.sh"))
if not LOAD_SH.exists():
    LOAD_SH = Path("/work/shared/tools/load.sh")
COLUMNS = ("before", "uncached", "in-app hit", "Varnish")
GIT = shutil.which("git") or "/usr/bin/git"
WRK = shutil.which("wrk") or "/usr/bin/wrk"  # where load.sh installs it when missing
TARGETS = {"in-app hit": 0.1, "Varnish": 0.5, "uncached vs before": 2.0}


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Databases:
    """One database per checkout: PostgreSQL databases of this run's own (dropped at the
    end) when DATABASE_URL names a server, SQLite files otherwise."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.server = os.environ.get("DATABASE_URL", "")
        self.created = []

    def url(self, name):
        if not self.server.startswith("postgres"):
            return f"sqlite:///{self.workdir / (name + '.sqlite3')}"
        import psycopg

        database = f"bench_{os.getpid()}_{name}"
        with psycopg.connect(self._url("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{database}"')
        self.created.append(database)
        return self._url(database)

    def _url(self, database):
        parts = urlsplit(self.server)
        return urlunsplit(parts._replace(path="/" + database))

    def drop(self):
        if not self.created:
            return
        import psycopg

        with psycopg.connect(self._url("postgres"), autocommit=True) as admin:
            for database in self.created:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


class Checkout:
    """A checkout of the site with its own database, static files and settings."""

    def __init__(self, name, folder, workdir, database_url, settings):
        self.name = name
        self.folder = folder
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "bench-" + os.urandom(24).hex(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "VAR_DIR": str(workdir / f"var-{name}"),
            "STATIC_ROOT": str(workdir / f"static-{name}"),
            "MEDIA_ROOT": str(workdir / f"media-{name}"),
            "CACHE_URL": os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/3"),
            "BENCH_KEY_PREFIX": f"bench-{os.getpid()}-{name}",
            "LOG_LEVEL": "ERROR",
        }
        self.env.pop("VARNISH_URL", None)

    def manage(self, *args, **env):
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args],
            cwd=self.folder,
            env={**self.env, **env},
            check=True,
        )

    def prepare(self):
        log(f"[{self.name}] migrate, collectstatic, demo content")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("load_demo_content", "-v0")

    def site(self, *args, **env):
        result = subprocess.run(  # noqa: S603
            [PYTHON, str(ROOT / "bench" / "checkout_pages.py"), *args],
            cwd=self.folder,
            env={**self.env, **env},
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    def serve(self, port, workdir, **env):
        return Gunicorn(self, port, workdir, env)


class Gunicorn:
    def __init__(self, checkout, port, workdir, env):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        logfile = (workdir / f"gunicorn-{checkout.name}-{port}.log").open("w")
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "advocacy.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--error-logfile",
                "-",
            ],
            cwd=checkout.folder,
            env={**checkout.env, **env},
            stdout=logfile,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "/robots.txt", timeout=5):  # noqa: S310
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start, see {logfile.name}") from None
                time.sleep(0.2)

    def stop(self):
        """Stop this gunicorn by its PID."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Varnish:
    def __init__(self, backend_port, workdir):
        self.env = {
            **os.environ,
            "VARNISH_LISTEN": f"127.0.0.1:{VARNISH_PORT}",
            "VARNISH_ADMIN": f"127.0.0.1:{VARNISH_ADMIN_PORT}",
            "BACKEND_PORT": str(backend_port),
            "VARNISH_DIR": str(workdir / "varnish"),
        }
        self.url = f"http://127.0.0.1:{VARNISH_PORT}"
        self.run("start")

    def run(self, command):
        script = str(ROOT / "deploy" / "varnish" / "run.sh")
        subprocess.run([script, command], env=self.env, check=True)  # noqa: S603

    def stop(self):
        self.run("stop")  # by the PID in its pid file


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.status, dict(response.headers)


def load(base_url, path, workdir):
    """load.sh BASE_URL PATH → its JSON line (wrk against the page, then against nginx)."""
    result = subprocess.run(  # noqa: S603
        [shutil.which("bash") or "/bin/bash", str(LOAD_SH), base_url, path],
        env={**os.environ, "DURATION": DURATION, "CONNS": CONNS, "WARMUP": "1s"},
        capture_output=True,
        text=True,
    )
    (workdir / "load.log").open("a").write(result.stderr)
    if result.returncode != 0:
        log(f"load.sh {base_url}{path} failed: {result.stderr[-500:]}")
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def side_by_side(before_url, after_url, workdir):
    """(before req/s, after req/s): wrk against both at once, CONNS/2 connections each."""
    conns = max(1, int(CONNS) // 2)
    runs = [
        subprocess.Popen(  # noqa: S603
            [WRK, "-t1", f"-c{conns}", f"-d{DURATION}", url],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for url in (before_url, after_url)
    ]
    rates = []
    for run in runs:
        out, _ = run.communicate()
        (workdir / "load.log").open("a").write(out)
        found = re.search(r"^Requests/sec:\s+([\d.]+)", out, re.MULTILINE)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        rates.append(float(found.group(1)) if found and not errors else None)
    return tuple(rates)


def proc_stat(pid):
    """(command name, the fields after it) from /proc/PID/stat; None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.index("(") + 1 : text.rindex(")")], text.rsplit(")", 1)[1].split()


def cpu_ticks(pids):
    """CPU time (user + system, in clock ticks) the processes have used so far."""
    total = 0
    for stat in filter(None, map(proc_stat, pids)):
        _name, fields = stat
        total += int(fields[11]) + int(fields[12])
    return total


def processes():
    """{pid: (parent pid, command name)} of every process on the machine."""
    found = {}
    for path in Path("/proc").glob("[0-9]*"):
        stat = proc_stat(path.name)
        if stat is not None:
            name, fields = stat
            found[int(path.name)] = (int(fields[1]), name)
    return found


def cpu_per_request(server, path, workdir):
    """Milliseconds of CPU that one request costs: the server's gunicorn workers and the
    PostgreSQL backends (on this machine) during wrk -dDURATION against the page alone."""
    table = processes()
    pids = [
        pid
        for pid, (parent, name) in table.items()
        if parent == server.process.pid or name.startswith("postgres")
    ]
    started = cpu_ticks(pids)
    result = subprocess.run(  # noqa: S603
        [WRK, "-t2", f"-c{CONNS}", f"-d{DURATION}", server.url + path],
        capture_output=True,
        text=True,
    )
    used = cpu_ticks(pids) - started
    (workdir / "load.log").open("a").write(result.stdout)
    found = re.search(r"^\s*(\d+) requests in", result.stdout, re.MULTILINE)
    if not found or not int(found.group(1)) or "Non-2xx" in result.stdout:
        return None
    return used * 1000 / os.sysconf("SC_CLK_TCK") / int(found.group(1))


def soak(base_url, paths, workdir):
    """wrk through Varnish for SOAK at SOAK_CONNS connections, every page type in turn."""
    script = workdir / "rotate.lua"
    script.write_text(
        "local paths = {"
        + ", ".join(json.dumps(p) for p in paths)
        + "}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\nend\n"
    )
    result = subprocess.run(  # noqa: S603
        [
            WRK,
            "-t2",
            f"-c{SOAK_CONNS}",
            f"-d{SOAK}",
            "--latency",
            "-s",
            str(script),
            base_url,
        ],
        capture_output=True,
        text=True,
    )
    out = result.stdout
    (workdir / "soak.txt").write_text(out + result.stderr)

    def grab(pattern):
        found = re.search(pattern, out, re.MULTILINE)
        return found.group(1) if found else None

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {
        "requests": grab(r"^\s*(\d+) requests in"),
        "rps": grab(r"^Requests/sec:\s+([\d.]+)"),
        "p50": grab(r"^\s+50%\s+(\S+)"),
        "p99": grab(r"^\s+99%\s+(\S+)"),
        "non_2xx": int(grab(r"Non-2xx or 3xx responses: (\d+)") or 0),
        "socket_errors": errors,
    }


def chosen(pages):
    """The page types BENCH_PAGES names (all when unset), in the benchmark's order."""
    wanted = {name.strip() for name in os.environ.get("BENCH_PAGES", "").split(",") if name}
    unknown = wanted - set(pages)
    if unknown:
        sys.exit(
            f"BENCH_PAGES: no page type {', '.join(sorted(unknown))}; known: {', '.join(pages)}"
        )
    return {label: path for label, path in pages.items() if not wanted or label in wanted}


def ratio(result):
    if not result:
        return None, None
    return result["dynamic"]["rps"], result["ratio_dynamic_over_static"]


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-http-", dir=ROOT / "var"))
    log(f"working in {workdir}")
    before_dir = workdir / "before"
    subprocess.run(  # noqa: S603
        [GIT, "worktree", "add", "--detach", "--quiet", str(before_dir), BEFORE],
        cwd=ROOT,
        check=True,
    )
    databases = Databases(workdir)
    running = []
    try:
        after = Checkout("after", ROOT, workdir, databases.url("after"), "bench.settings")
        before = Checkout(
            "before", before_dir, workdir, databases.url("before"), "advocacy.settings.local"
        )
        for checkout in (after, before):
            checkout.prepare()
        pages = chosen(after.site("paths"))
        before_pages = chosen(before.site("paths"))
        queries = after.site("queries", *pages.values(), BENCH_PAGE_CACHE="off")
        before_queries = before.site("queries", *before_pages.values())
        rows = {label: {"queries": queries[path]} for label, path in pages.items()}
        for label, path in before_pages.items():
            rows[label]["queries before"] = before_queries[path]

        def measure(column, server, paths):
            for label, path in paths.items():
                log(f"[{column}] {label} {path}")
                fetch(server.url + path)
                rows[label][column] = ratio(load(server.url, path, workdir))

        # The speed-up is measured with both servers loaded at once (wrk against each, half
        # the connections each, the same seconds): whatever else the machine does then
        # falls on both alike. It understates a gain in queries: the database's backends
        # compete for the same cores, and the code running more queries keeps more of them
        # busy, so it gets more of the machine. Hence also the CPU one request costs, each
        # server loaded alone. Median of ROUNDS runs of each. The req/s and × nginx columns
        # come from load.sh, one server at a time.
        log(f"== before and uncached: alone against nginx, then {ROUNDS} rounds side by side")
        before_server = before.serve(free_port(), workdir)
        running.append(before_server)
        after_server = after.serve(free_port(), workdir, BENCH_PAGE_CACHE="off")
        running.append(after_server)
        for label, path in pages.items():
            before_path = before_pages[label]
            fetch(before_server.url + before_path)
            fetch(after_server.url + path)
            log(f"[before] {label} {before_path}")
            rows[label]["before"] = ratio(load(before_server.url, before_path, workdir))
            log(f"[uncached] {label} {path}")
            rows[label]["uncached"] = ratio(load(after_server.url, path, workdir))
            speedups, cpu_before, cpu_after = [], [], []
            for turn in range(ROUNDS):
                log(f"[side by side, round {turn + 1}] {label}")
                then, now = side_by_side(
                    before_server.url + before_path, after_server.url + path, workdir
                )
                if then and now:
                    speedups.append(now / then)
                log(f"[CPU per request, round {turn + 1}] {label}")
                cpu_before.append(cpu_per_request(before_server, before_path, workdir))
                cpu_after.append(cpu_per_request(after_server, path, workdir))
            rows[label]["speedups"] = speedups
            rows[label]["speedup"] = statistics.median(speedups) if speedups else None
            pairs = [(b, a) for b, a in zip(cpu_before, cpu_after, strict=True) if b and a]
            if pairs:
                rows[label]["cpu"] = (
                    statistics.median(b for b, _ in pairs),
                    statistics.median(a for _, a in pairs),
                    statistics.median(b / a for b, a in pairs),
                )
        for server in (before_server, after_server):
            server.stop()
            running.remove(server)

        log("== in-app cache and Varnish")
        server = after.serve(GUNICORN_PORT, workdir)
        running.append(server)
        measure("in-app hit", server, pages)
        varnish = Varnish(GUNICORN_PORT, workdir)
        running.append(varnish)
        cache_states = {}
        for label, path in pages.items():
            fetch(varnish.url + path)
            cache_states[label] = fetch(varnish.url + path)[1].get("X-Cache", "?")
        measure("Varnish", varnish, pages)
        log(f"== soak through Varnish: {SOAK} at {SOAK_CONNS} connections")
        soaked = soak(varnish.url, list(pages.values()), workdir)
    finally:
        for process in reversed(running):
            process.stop()
        databases.drop()
        subprocess.run(  # noqa: S603
            [GIT, "worktree", "remove", "--force", str(before_dir)], cwd=ROOT, check=False
        )
    report(rows, cache_states, soaked)
    measured = [row.get(column) for row in rows.values() for column in COLUMNS]
    if all(cell and cell[0] for cell in measured):
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        log(f"Some figures are missing: wrk's output is in {workdir / 'load.log'}")


def report(rows, cache_states, soaked):
    def cell(value):
        if not value or value[0] is None:
            return "failed"
        rps, of_nginx = value
        return f"{rps:>8.0f} {of_nginx:>7.4f}"

    print()
    print(
        f"Public pages, gunicorn 2 workers × 4 threads, DEBUG off; wrk -c{CONNS} -d{DURATION}; "
        f"req/s and × nginx (same bytes, same run); before = {BEFORE}"
    )
    header = (
        f"{'page':<15}{'queries':>9}{'before':>8}  {'uncached req/s ×ngx':>19}"
        f"  {'in-app hit req/s ×ngx':>21}  {'Varnish req/s ×ngx':>18}  {'X-Cache':>8}"
        f"  {'before req/s':>12}  {'uncached ×before':>16}"
    )
    print(header)
    print("-" * len(header))
    for label, row in rows.items():
        uncached, before = row.get("uncached"), row.get("before")
        speedup = f"{row['speedup']:>16.2f}" if row.get("speedup") is not None else f"{'-':>16}"
        before_rps = f"{before[0]:>12.0f}" if before and before[0] else f"{'-':>12}"
        print(
            f"{label:<15}{row['queries']:>9}{row.get('queries before', '-'):>8}"
            f"  {cell(uncached):>19}  {cell(row.get('in-app hit')):>21}"
            f"  {cell(row.get('Varnish')):>18}  {cache_states.get(label, '?'):>8}"
            f"  {before_rps}  {speedup}"
        )
    print(
        f"uncached ×before: before and uncached loaded at once, {max(1, int(CONNS) // 2)} "
        f"connections each, median of {ROUNDS} runs of {DURATION}; the runs:"
    )
    for label, row in rows.items():
        runs = " ".join(f"{value:.2f}" for value in row.get("speedups", []))
        print(f"  {label:<15}{runs}")
    print(
        "CPU per request (gunicorn workers + PostgreSQL backends, each server loaded alone, "
        f"wrk -c{CONNS} -d{DURATION}), median of {ROUNDS} runs: before → uncached, ×less"
    )
    for label, row in rows.items():
        if row.get("cpu"):
            then, now, less = row["cpu"]
            print(f"  {label:<15}{then:>7.1f} ms → {now:>5.1f} ms  {less:>5.2f}")
    print(
        "targets: in-app hit ≥ {in-app hit} × nginx, Varnish ≥ {Varnish} × nginx, uncached ≥ "
        "{uncached vs before} × before; queries ≤ 8".format(**TARGETS)
    )
    print()
    verdict = (
        "ok"
        if soaked["socket_errors"] == 0 and soaked["non_2xx"] == 0 and soaked["requests"]
        else "ERRORS"
    )
    print(
        f"soak through Varnish, {SOAK} at {SOAK_CONNS} connections, all page types in turn: "
        f"{soaked['requests']} requests, {soaked['rps']} req/s, p50 {soaked['p50']}, "
        f"p99 {soaked['p99']}, non-2xx {soaked['non_2xx']}, socket errors "
        f"{soaked['socket_errors']}: {verdict}"
    )


if __name__ == "__main__":
    main()
