#!/usr/bin/env bash
# Runs the web server and a Celery worker with embedded beat; stops both on Ctrl-C.
set -euo pipefail
PY=${PY:-.venv/bin/python}
PORT=${PORT:-8000}
CELERY="$(dirname "$PY")/celery"

# Niced: readers' pages come first; scheduled publications are prepared ahead of their time.
nice -n 10 "$CELERY" -A portal worker --beat --loglevel=INFO --concurrency=1 &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null || true' EXIT INT TERM

echo "Portal: http://localhost:${PORT}/  (communes: http://phuoc-hau.localhost:${PORT}/ ...)  admin: http://localhost:${PORT}/admin/"
"$PY" manage.py runserver "0.0.0.0:${PORT}"
