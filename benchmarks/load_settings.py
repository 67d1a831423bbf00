"""Settings of the load benchmark's servers (benchmarks/bench_load.py): production as deployed, plus a
minimal view to measure against (benchmarks/load_urls.py).

What production requires from the environment (SECRET_KEY, ALLOWED_HOSTS, WAGTAILADMIN_BASE_URL) the
benchmark sets; SECURE_SSL_REDIRECT=0 because nothing terminates TLS on the loopback.
"""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.load_urls"
