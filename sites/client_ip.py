"""The visitor's address: one function for every limiter (search, suggestions, document keyword search,
comments, login lockout, password reset).

Behind a reverse proxy the socket's address is the proxy's. A forwarding header is believed only when the
request comes from a trusted proxy (``PORTAL_TRUSTED_PROXIES``, addresses or networks), and only the part
of it written by trusted proxies: from the right of ``X-Forwarded-For``, the first address that is not a
trusted proxy is the client. Anything missing or malformed falls back to the socket's address; the
function never raises.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNKNOWN = "0.0.0.0"  # noqa: S104  (a key for requests with no usable address, never an address to bind)


def _address(value):
    try:
        address = ipaddress.ip_address(str(value).strip().split("%", 1)[0])
    except ValueError:
        return None
    # "::ffff:10.0.0.5" (a dual-stack socket) is the IPv4 proxy or client 10.0.0.5
    return getattr(address, "ipv4_mapped", None) or address


@lru_cache(maxsize=8)
def _networks(proxies):
    networks = []
    for item in proxies:
        try:
            networks.append(ipaddress.ip_network(str(item).strip(), strict=False))
        except ValueError:
            continue
    return tuple(networks)


def _trusted(address):
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXIES", ()) or ()
    if isinstance(proxies, str):  # "10.0.0.5, 10.0.1.0/24" written as one string
        proxies = proxies.split(",")
    networks = _networks(tuple(proxies))
    return any(address in network for network in networks)


def client_ip(request):
    """The client's address as a string (IPv4, or IPv6 in its /64 network's first address so that one
    phone cannot rotate through its addresses), never failing."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return UNKNOWN
    client = remote
    if _trusted(remote):
        header = getattr(settings, "PORTAL_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
        hops = [hop for hop in str(request.META.get(header, "")).split(",") if hop.strip()]
        for hop in reversed(hops):
            address = _address(hop)
            if address is None:
                break  # malformed: nothing left of it can be believed
            client = address
            if not _trusted(address):
                break
    if client.version == 6:
        return str(ipaddress.ip_network(f"{client}/64", strict=False).network_address)
    return str(client)
