"""Which IP addresses dateline may connect to: only public ones, unless the user allows private ones."""

from __future__ import annotations

import ipaddress

# NAT64's well-known prefix carries an IPv4 address in its last 32 bits (RFC 6052): 64:ff9b::a00:1 is 10.0.0.1
# to a host behind a NAT64 gateway.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public(address: str) -> bool:
    """True for a globally routable unicast address; False for private, loopback, link-local, multicast,
    reserved, unspecified, and for IPv6 forms that carry such an IPv4 address (mapped, 6to4, NAT64)."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public(str(ip.ipv4_mapped))
        if ip.sixtofour is not None:
            return is_public(str(ip.sixtofour))
        if ip in _NAT64:
            return is_public(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
        if ip.is_site_local:
            return False
    # is_global alone would let multicast through (224.0.0.1 is "global"); the rest are spelled out so that a
    # reader can check the list against the policy without knowing ipaddress's tables.
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def any_address(address: str) -> bool:
    """The policy under --allow-private: every address is allowed."""
    return True
