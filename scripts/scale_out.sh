#!/usr/bin/env bash
# N gunicorn processes (ports APP_PORT, APP_PORT+1, ...) behind one nginx (docker/nginx.conf rendered for this
# machine by docker/render_nginx.py), sharing one Redis and one PostgreSQL: the production layout of
# docs/deployment.md on one machine, to try it and to measure it. Stops everything on Ctrl-C.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal scripts/scale_out.sh [-n 3] [-p 8080] [-w]
#
#   -n N      gunicorn processes (default 3), each with GUNICORN_WORKERS workers (default 2)
#   -p PORT   nginx's port on 127.0.0.1 (default 8080); the purge port is PORT+1 (docker/nginx/purge.conf)
#   -w        also one Celery worker on every queue (a beat is not started: no periodic mails from a trial)
#
# The database must be migrated (and seeded for a trial: `manage.py seed_demo`). Production settings with the
# few changes plain http on loopback needs: no redirect to https, no HSTS. Signing in to the admin needs https
# (secure cookies): this is for the public side. Files: MEDIA_ROOT (default var/media), static files collected
# into the run folder. Run folder (logs, nginx's cache): RUN_DIR, default a new folder under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."

N=3
PORT=8080
WITH_WORKER=0
while getopts "n:p:wh" option; do
  case $option in
    n) N=$OPTARG ;;
    p) PORT=$OPTARG ;;
    w) WITH_WORKER=1 ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done

: "${DATABASE_URL:?set DATABASE_URL (postgres://user@host:5432/name), the database all processes share}"
PY=${PY:-.venv/bin/python}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[ -x "$NGINX" ] || { echo "nginx is not installed (make browser-tools installs it)" >&2; exit 1; }
APP_PORT=${APP_PORT:-8101}
RUN_DIR=${RUN_DIR:-$(mktemp -d /tmp/portal-scale-out.XXXXXX)}
mkdir -p "$RUN_DIR/app" "$RUN_DIR/log"

export DATABASE_URL
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-portal.settings.production}
export SECRET_KEY=${SECRET_KEY:-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-localhost,.localhost,127.0.0.1}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-https://localhost}
export SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0
export PORTAL_TRUSTED_PROXIES=${PORTAL_TRUSTED_PROXIES:-127.0.0.1}
export PORTAL_CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR
export STATIC_ROOT="$RUN_DIR/app/static"
export MEDIA_ROOT=${MEDIA_ROOT:-$PWD/var/media}
mkdir -p "$MEDIA_ROOT"
ln -sfn "$MEDIA_ROOT" "$RUN_DIR/app/media"

pids=()
stop() {
  trap - EXIT
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "Stopped. Logs: $RUN_DIR/log"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for_port() {  # port, what
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "$2 did not start on port $1 (see $RUN_DIR/log)" >&2
  exit 1
}

wait_for_app() {  # port: until its workers answer /healthz (their first request loads the whole portal)
  "$PY" - "$1" <<'PYTHON' || { echo "gunicorn on port $1 did not answer (see $RUN_DIR/log)" >&2; exit 1; }
import sys, time, urllib.error, urllib.request
request = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/healthz", headers={"Host": "localhost"})
deadline = time.monotonic() + 180
while time.monotonic() < deadline:
    try:
        urllib.request.urlopen(request, timeout=60).close()
        sys.exit(0)
    except urllib.error.HTTPError:
        sys.exit(0)  # an answer (503: a check failed, listed in the body): the process is up
    except OSError:
        time.sleep(0.5)
sys.exit(1)
PYTHON
}

echo "Collecting static files into $STATIC_ROOT"
"$PY" manage.py collectstatic --noinput --verbosity 0

purge_args=()
if grep -qs cache_purge /etc/nginx/modules-enabled/*.conf; then
  purge_args=(--purge-listen "127.0.0.1:$((PORT + 1))" --purge-scheme http)
  export PORTAL_FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:$((PORT + 1))"
fi

upstreams=()
for i in $(seq 0 $((N - 1))); do
  port=$((APP_PORT + i))
  upstreams+=(--upstream "127.0.0.1:$port")
  "$PY" -m gunicorn -c docker/gunicorn.conf.py portal.wsgi:application --bind "127.0.0.1:$port" \
    --workers "${GUNICORN_WORKERS:-2}" --timeout 60 --access-logfile "$RUN_DIR/log/gunicorn-$port.log" \
    --control-socket "$RUN_DIR/gunicorn-$port.ctl" \
    >>"$RUN_DIR/log/gunicorn-$port.log" 2>&1 &
  pids+=($!)
done

if [ "$WITH_WORKER" = 1 ]; then
  "$(dirname "$PY")/celery" -A portal worker -Q publishing,indexing,mail,extraction,celery --loglevel=INFO \
    --concurrency=2 >>"$RUN_DIR/log/worker.log" 2>&1 &
  pids+=($!)
fi

conf=$("$PY" docker/render_nginx.py --out "$RUN_DIR/nginx" --listen "127.0.0.1:$PORT" "${upstreams[@]}" \
  --app-root "$RUN_DIR/app" --workers 2 "${purge_args[@]}")
"$NGINX" -t -q -p "$RUN_DIR/nginx/" -e "$RUN_DIR/nginx/log/error.log" -c "$conf"
"$NGINX" -p "$RUN_DIR/nginx/" -e "$RUN_DIR/nginx/log/error.log" -c "$conf" -g "daemon off;" &
pids+=($!)

for i in $(seq 0 $((N - 1))); do wait_for_port $((APP_PORT + i)) "gunicorn"; done
wait_for_port "$PORT" "nginx"
echo "Waiting for the gunicorn processes to load the portal..."
for i in $(seq 0 $((N - 1))); do wait_for_app $((APP_PORT + i)); done

echo "Portal: http://localhost:${PORT}/  (communes: http://phuoc-hau.localhost:${PORT}/ ...)"
echo "  ${N} gunicorn processes on 127.0.0.1:${APP_PORT}-$((APP_PORT + N - 1)), Redis ${REDIS_URL}, database ${DATABASE_URL%%\?*}"
echo "  nginx: X-Cache-Status on every page; logs and cache in ${RUN_DIR}. Ctrl-C stops everything."
wait -n "${pids[@]}" || true
echo "A process ended on its own (see $RUN_DIR/log)." >&2
