"""Write docker/nginx.conf (and its parts in docker/nginx/) for one machine: every path under one folder, the
gunicorn processes on given addresses, so that nginx runs without root and without touching /etc/nginx.

Used by tests/portal/test_nginx_config.py and scripts/scale_out.sh:

    python docker/render_nginx.py --out /tmp/front --listen 127.0.0.1:8080 \
        --upstream 127.0.0.1:8001 --upstream 127.0.0.1:8002 --app-root /path/with/static-and-media \
        [--brotli auto|on|off] [--purge-listen 127.0.0.1:8081 --purge-scheme http]
    nginx -p /tmp/front/ -e /tmp/front/log/error.log -c /tmp/front/nginx.conf

Prints the path of the written nginx.conf. The production files themselves are never changed.
"""

import argparse
import getpass
import os
import re
import subprocess
import sys
from pathlib import Path

DOCKER = Path(__file__).resolve().parent
MODULES_ENABLED = Path("/etc/nginx/modules-enabled")


def nginx_modules_path():
    """Where this nginx's dynamic modules are (its --modules-path), for absolute load_module lines."""
    try:
        out = subprocess.run(["nginx", "-V"], capture_output=True, text=True, timeout=10).stderr
    except (OSError, subprocess.SubprocessError):
        return Path("/usr/lib/nginx/modules")
    found = re.search(r"--modules-path=(\S+)", out)
    return Path(found.group(1)) if found else Path("/usr/lib/nginx/modules")


def module_lines():
    """The load_module lines Debian's module packages installed, with absolute paths (a relative one would be
    read from the rendered prefix)."""
    if not MODULES_ENABLED.is_dir():
        return []
    base = nginx_modules_path()
    lines = []
    for conf in sorted(MODULES_ENABLED.glob("*.conf")):
        for line in conf.read_text().splitlines():
            found = re.match(r"\s*load_module\s+([^;]+);", line)
            if found:
                path = Path(found.group(1).strip())
                if not path.is_absolute():
                    path = base / path.name
                lines.append(f"load_module {path};")
    return lines


def render(
    out,
    *,
    listen,
    upstreams,
    app_root,
    brotli="auto",
    purge_listen=None,
    purge_scheme="https",
    purge_allow=("127.0.0.1",),
    workers=2,
    access_log=True,
):
    out = Path(out).resolve()
    for folder in ("http.d", "log", "cache"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    modules = module_lines()
    (out / "modules.conf").write_text("\n".join(modules) + "\n")
    have_brotli = any("brotli_filter" in line for line in modules)
    have_purge = any("cache_purge" in line for line in modules)

    conf = (DOCKER / "nginx.conf").read_text()
    replacements = [
        ("include /etc/nginx/modules-enabled/*.conf;", f"include {out}/modules.conf;"),
        ("/etc/nginx/portal/", f"{out}/"),
        ("/var/cache/nginx/", f"{out}/cache/"),
        ("/var/log/nginx/", f"{out}/log/"),
        ("pid /run/nginx.pid;", f"pid {out}/nginx.pid;"),
        ("root /app;", f"root {Path(app_root).resolve()};"),
        ("listen 80 default_server;", f"listen {listen} default_server;"),
        ("worker_processes auto;", f"worker_processes {workers};"),
    ]
    for old, new in replacements:
        if old not in conf:
            raise SystemExit(f"docker/nginx.conf no longer contains {old!r}: update docker/render_nginx.py")
        conf = conf.replace(old, new)
    if not access_log:
        conf = re.sub(r"access_log \S+ portal;", "access_log off;", conf)
    if os.geteuid() == 0:
        # As root the workers would run as "nobody", who cannot read a private temporary folder.
        conf = f"user {getpass.getuser()};\n" + conf
    (out / "nginx.conf").write_text(conf)

    (out / "proxy.conf").write_text((DOCKER / "nginx" / "proxy.conf").read_text())
    servers = "\n".join(f"    server {address} max_fails=3 fail_timeout=10s;" for address in upstreams)
    (out / "upstream.conf").write_text(f"upstream portal {{\n{servers}\n    keepalive 32;\n}}\n")

    for stale in (out / "http.d").glob("*.conf"):
        stale.unlink()
    if brotli == "on" or (brotli == "auto" and have_brotli):
        if not have_brotli:
            raise SystemExit("--brotli on: this nginx has no brotli module in /etc/nginx/modules-enabled/")
        (out / "http.d" / "brotli.conf").write_text((DOCKER / "nginx" / "brotli.conf").read_text())
    if purge_listen:
        if not have_purge:
            raise SystemExit(
                "--purge-listen: this nginx has no ngx_cache_purge module in /etc/nginx/modules-enabled/"
            )
        purge = (DOCKER / "nginx" / "purge.conf").read_text()
        purge = purge.replace("listen 8081;", f"listen {purge_listen};")
        purge = re.sub(r"(?m)^    allow .*\n", "", purge)
        allows = "".join(f"    allow {address};\n" for address in purge_allow)
        purge = purge.replace("    deny all;", f"{allows}    deny all;")
        purge = purge.replace(
            "set $portal_public_scheme https;", f"set $portal_public_scheme {purge_scheme};"
        )
        (out / "http.d" / "purge.conf").write_text(purge)
    return out / "nginx.conf"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--upstream", action="append", required=True, help="host:port of a gunicorn process")
    parser.add_argument("--app-root", required=True, help="folder holding static/ and media/")
    parser.add_argument("--brotli", choices=("auto", "on", "off"), default="auto")
    parser.add_argument("--purge-listen")
    parser.add_argument("--purge-scheme", default="https")
    parser.add_argument("--purge-allow", action="append")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    path = render(
        args.out,
        listen=args.listen,
        upstreams=args.upstream,
        app_root=args.app_root,
        brotli=args.brotli,
        purge_listen=args.purge_listen,
        purge_scheme=args.purge_scheme,
        purge_allow=tuple(args.purge_allow or ("127.0.0.1",)),
        workers=args.workers,
    )
    print(path)


if __name__ == "__main__":
    sys.exit(main())
