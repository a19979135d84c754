#!/usr/bin/python3
"""Walks a subtree with pysnmp (what the original system used), as the anchor for our SNMP engine's walk benchmark.

Usage: pysnmp_walk.py HOST PORT COMMUNITY ROOT MAX_REPETITIONS   -> prints the number of varbinds walked.
"""
import sys

from pysnmp.hlapi import (CommunityData, ContextData, ObjectIdentity, ObjectType, SnmpEngine, UdpTransportTarget,
                          bulkCmd)

host, port, community, root, repetitions = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
count = 0
for error_indication, error_status, _, var_binds in bulkCmd(
        SnmpEngine(), CommunityData(community, mpModel=1), UdpTransportTarget((host, port), timeout=5, retries=2),
        ContextData(), 0, repetitions, ObjectType(ObjectIdentity(root)), lexicographicMode=False, lookupMib=False):
    if error_indication or error_status:
        sys.exit(f"pysnmp: {error_indication or error_status.prettyPrint()}")
    count += len(var_binds)
print(count)
