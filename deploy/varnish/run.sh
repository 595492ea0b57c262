#!/usr/bin/env bash
# deploy/varnish/run.sh start|stop|run|status: Varnish in front of a local gunicorn, for
# `make run`-style setups, the tests and `make bench`. It writes its own site.vcl (backend,
# purge ACL) into a working directory of its own under var/, never /var/lib/varnish, so any
# number of them can run side by side; `stop` ends exactly the varnishd it started, by PID.
#
#   VARNISH_LISTEN      address:port readers use              (127.0.0.1:8001)
#   VARNISH_ADMIN       address:port of the management CLI    (127.0.0.1:8002)
#   BACKEND_HOST        gunicorn's address                    (127.0.0.1)
#   BACKEND_PORT        gunicorn's port                       (8000)
#   PURGE_FROM          addresses allowed to PURGE, commas    (127.0.0.1,::1)
#   PROBE_URL           the backend's health check; empty: none (/health/)
#   MAX_TTL             the longest a page stays fresh here, e.g. 30s; empty: s-maxage decides
#   VARNISH_STORAGE     cache storage                         (malloc,256m)
#   VARNISH_DIR         working directory (pid file, logs)    (var/varnish-<listen port>)
#   VARNISH_PARAMS      extra varnishd arguments, e.g. "-p thread_pool_min=20"
# Production uses Debian's own varnish.service with default.vcl and site.vcl from this
# folder (see README.md, "Deploying").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

listen=${VARNISH_LISTEN:-127.0.0.1:8001}
admin=${VARNISH_ADMIN:-127.0.0.1:8002}
backend_host=${BACKEND_HOST:-127.0.0.1}
backend_port=${BACKEND_PORT:-8000}
purge_from=${PURGE_FROM:-127.0.0.1,::1}
probe_url=${PROBE_URL-/health/}
max_ttl=${MAX_TTL:-}
storage=${VARNISH_STORAGE:-malloc,256m}
port=${listen##*:}
dir=${VARNISH_DIR:-$root/var/varnish-$port}
pidfile=$dir/varnishd.pid
VARNISHD=$(command -v varnishd || echo /usr/sbin/varnishd)

site_vcl() {
    cat <<VCL
# Written by deploy/varnish/run.sh; see deploy/varnish/site.vcl for what each line means.
vcl 4.1;

backend app {
    .host = "$backend_host";
    .port = "$backend_port";
    .connect_timeout = 1s;
    .first_byte_timeout = 5s;
    .between_bytes_timeout = 5s;
VCL
    if [[ -n $probe_url ]]; then
        cat <<VCL
    .probe = {
        .url = "$probe_url";
        .timeout = 1s;
        .interval = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
VCL
    fi
    echo "}"
    if [[ -n $max_ttl ]]; then
        # Runs before default.vcl's vcl_backend_response (Varnish joins same-named subs).
        cat <<VCL

sub vcl_backend_response {
    if (beresp.ttl > $max_ttl) {
        set beresp.ttl = $max_ttl;
    }
}
VCL
    fi
    cat <<VCL

acl purgers {
VCL
    local address
    IFS=, read -ra addresses <<<"$purge_from"
    for address in "${addresses[@]}"; do
        address=${address// /}
        [[ -n $address ]] && printf '    "%s";\n' "$address"
    done
    echo "}"
}

running() {
    [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

varnishd_args() {
    # -j none: no privilege separation, the working directory belongs to whoever runs this
    # (root in CI, a developer locally). Debian's service keeps its jail.
    echo -j none -n "$dir/work" -a "$listen" -T "$admin" -S "$dir/secret" \
        -f "$here/default.vcl" -p "vcl_path=$dir:$here:/usr/share/varnish/vcl" \
        -s "$storage" ${VARNISH_PARAMS:-}
}

prepare() {
    if [[ ! -x $VARNISHD ]]; then
        echo "varnishd is missing: apt-get install -y varnish" >&2
        exit 1
    fi
    mkdir -p "$dir"
    site_vcl >"$dir/site.vcl"
    [[ -s $dir/secret ]] || head -c 32 /dev/urandom | base64 >"$dir/secret"
    chmod 600 "$dir/secret"
}

case ${1:-} in
start)
    if running; then
        echo "varnishd already running (pid $(cat "$pidfile"))" >&2
        exit 1
    fi
    prepare
    # shellcheck disable=SC2046
    "$VARNISHD" -P "$pidfile" $(varnishd_args) >"$dir/varnishd.log" 2>&1 || {
        cat "$dir/varnishd.log" >&2
        exit 1
    }
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/${listen%:*}/$port") 2>/dev/null; then
            echo "varnishd on http://$listen/ -> $backend_host:$backend_port (pid $(cat "$pidfile"))"
            exit 0
        fi
        sleep 0.1
    done
    echo "varnishd did not start listening on $listen" >&2
    cat "$dir/varnishd.log" >&2
    exit 1
    ;;
stop)
    if ! running; then
        rm -f "$pidfile"
        exit 0
    fi
    pid=$(cat "$pidfile")
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid"
    fi
    rm -f "$pidfile"
    ;;
run)
    prepare
    # shellcheck disable=SC2046
    exec "$VARNISHD" -F $(varnishd_args)
    ;;
status)
    if running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 3; fi
    ;;
*)
    echo "usage: $0 start|stop|run|status" >&2
    exit 2
    ;;
esac
