"""gunicorn's configuration for the web container (docker/Dockerfile, docker/compose.yml):
``gunicorn -c docker/gunicorn.conf.py portal.wsgi:application``; bind, workers and timeout stay on the
command lines.

gunicorn writes ``Server: gunicorn`` on every response and has no setting for it; the name tells a
scanner which server's flaws to try. The header is sent empty instead: the value is read from this
module attribute for each response, in the workers this file is loaded into before they fork.
"""

import gunicorn.http.wsgi

gunicorn.http.wsgi.SERVER = ""
