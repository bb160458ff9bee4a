#!/usr/bin/env python3
"""Writes the two responses of a SEPPmail appliance with CUSTOMERS customers and DOMAINS
managed domains in total, in the shapes of SEPPmail's OpenAPI description, to OUT/v1/.

usage: generate.py OUT CUSTOMERS DOMAINS [CHANGED]
With CHANGED=1 the TLS level of the second domain goes from secure to may."""
import ipaddress
import json
import os
import sys

out, customers, domains = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
changed = len(sys.argv) > 4 and sys.argv[4] == "1"
per_customer = domains // customers

customer_doc = {}
domain_doc = {}
n = 0
for c in range(customers):
    name = f"cust{c:04d}"
    customer_doc[name] = {"name": name, "description": f"Customer {c} AG", "adminEmail": f"it@{name}.ch",
                          "sendBackupToAdmin": False}
    items = []
    for d in range(per_customer):
        ipv4 = ipaddress.IPv4Address("10.0.0.0") + n * 4
        item = {
            "domainName": f"d{n:05d}.{name}.ch",
            "forwarding": {"host": f"mx.{name}.ch", "port": 25},
            "tls": {"level": "may" if changed and n == 1 else "secure"},
            "sendingServers": [{"ip": str(ipv4), "netmask": 30},
                               {"ip": f"2001:db8:{c:x}:{d:x}::", "prefix": 64}],
        }
        if n % 10 == 0:
            item["requestedTenantID"] = f"936da01f-9abd-4d9d-80c7-{n:012x}"
        if n % 7 == 0:
            item["tls"] = {"level": "fingerprint", "fingerprints": [":".join(f"{(n + i) % 256:02X}" for i in range(32))]}
        if n % 5 == 0:
            item["requestedHeader"] = f"X-Relay-{c}:value-{n}"
        items.append(item)
        n += 1
    domain_doc[name] = items
domain_doc["[none]"] = [{"domainName": "orphan.example.ch", "forwarding": {"host": "mx.orphan.ch"},
                         "tls": {"level": "secure"}}]

os.makedirs(os.path.join(out, "v1", "mailsystem"), exist_ok=True)
with open(os.path.join(out, "v1", "customer"), "w") as f:
    json.dump(customer_doc, f)
with open(os.path.join(out, "v1", "mailsystem", "manageddomain"), "w") as f:
    json.dump(domain_doc, f)
print(f"{customers} customers, {n + 1} domains (one of them [none]) in {out}")
