#!/usr/bin/env bash
# Runs the web server and a Celery worker with embedded beat; stops both on Ctrl-C.
set -euo pipefail
PY=${PY:-.venv/bin/python}
PORT=${PORT:-8000}
# DEBUG is on and the demo accounts share a known password: listen on this machine only unless told
# otherwise (HOST=0.0.0.0 make run). *.localhost resolves to 127.0.0.1, so the communes' sites still work.
HOST=${HOST:-127.0.0.1}
CELERY="$(dirname "$PY")/celery"

# Every queue (CELERY_TASK_ROUTES, portal/settings/base.py): one worker does all the background work here;
# production gives each queue its own workers (docs/deployment.md).
QUEUES=${QUEUES:-publishing,indexing,mail,extraction,celery}

# Niced: readers' pages come first; scheduled publications are prepared ahead of their time.
nice -n 10 "$CELERY" -A portal worker --beat --loglevel=INFO --concurrency=1 -Q "$QUEUES" &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null || true' EXIT INT TERM

echo "Portal: http://localhost:${PORT}/  (communes: http://phuoc-hau.localhost:${PORT}/ ...)  admin: http://localhost:${PORT}/admin/"
if [ "$HOST" != "127.0.0.1" ] && [ "$HOST" != "localhost" ] && [ "$HOST" != "::1" ]; then
  echo "WARNING: listening on ${HOST}: DEBUG is on and the demo accounts' password is public." >&2
fi
"$PY" manage.py runserver "${HOST}:${PORT}"
