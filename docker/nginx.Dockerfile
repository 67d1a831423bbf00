# nginx in front of the portal (docker/nginx.conf): Debian's nginx with the brotli and ngx_cache_purge modules,
# which load themselves from /etc/nginx/modules-enabled/.
FROM debian:bookworm-slim

RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-filter \
    libnginx-mod-http-brotli-static libnginx-mod-http-cache-purge \
 && rm -rf /var/lib/apt/lists/* \
 && rm -f /etc/nginx/sites-enabled/default \
 && mkdir -p /var/cache/nginx /etc/nginx/portal/http.d \
 && ln -sf /dev/stdout /var/log/nginx/access.log \
 && ln -sf /dev/stderr /var/log/nginx/error.log

COPY docker/nginx.conf /etc/nginx/nginx.conf
COPY docker/nginx/upstream.conf docker/nginx/proxy.conf /etc/nginx/portal/
# The optional parts: both modules are installed above.
COPY docker/nginx/brotli.conf docker/nginx/purge.conf /etc/nginx/portal/http.d/

EXPOSE 80 8081
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
