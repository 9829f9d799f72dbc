#!/usr/bin/env python3
"""Where the answer time of the requests went, hop by hop, from the traces the stack's Zipkin kept.

Each sampled request through the gateway is one trace: the gateway's server span (the whole answer as the gateway
saw it), its client span (the routed call) and the service's server span. Between them lie the hops:

  gateway, before routing   the gateway's server span starts -> its routed call starts (security, filters)
  to the service            the routed call starts -> the service's span starts (connection, Tomcat's queue)
  in the service            the service's own span (its work and every wait inside it: store, locks, CPU)
  back to the gateway       the service's span ends -> the routed call ends (the answer written and read)
  gateway, after            the routed call ends -> the gateway's span ends (the answer written to the client)

Only traces with all three spans count; the services sample at most 20 new traces a second and Zipkin keeps the
last 10,000 spans, so a long burst leaves its last part: the time the traces cover is printed beside the burst's.
Nothing found is said so (exit 1), never printed as a figure.
  python3 bench/hops.py --from EPOCH_MS --to EPOCH_MS [--service events-service]
      [--span 'http post /api/events/{eventid}/registrations'] [--zipkin http://localhost:9411]
"""
import argparse
import json
import statistics
import sys
import urllib.parse
import urllib.request

HOPS = [
    ("gateway, before routing", "before"),
    ("to the service", "to_service"),
    ("in the service", "service"),
    ("back to the gateway", "back"),
    ("gateway, after", "after"),
    ("the whole answer (gateway)", "total"),
]


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def one(spans, service, kind, name=None):
    found = [s for s in spans if s.get("localEndpoint", {}).get("serviceName") == service and s.get("kind") == kind
             and (name is None or s.get("name") == name) and "duration" in s]
    return found[0] if len(found) == 1 else None


def hops(trace, service, span_name):
    served = one(trace, service, "SERVER", span_name)
    if served is None:
        return None
    routed = next((s for s in trace if s.get("id") == served.get("parentId") and s.get("kind") == "CLIENT"
                   and s.get("localEndpoint", {}).get("serviceName") == "gateway" and "duration" in s), None)
    if routed is None:
        return None
    gateway = next((s for s in trace if s.get("id") == routed.get("parentId") and s.get("kind") == "SERVER"
                    and "duration" in s), None)
    if gateway is None:
        return None
    ms = 1000.0
    return {
        "start": gateway["timestamp"],
        "before": (routed["timestamp"] - gateway["timestamp"]) / ms,
        "to_service": (served["timestamp"] - routed["timestamp"]) / ms,
        "service": served["duration"] / ms,
        "back": (routed["timestamp"] + routed["duration"] - served["timestamp"] - served["duration"]) / ms,
        "after": (gateway["timestamp"] + gateway["duration"] - routed["timestamp"] - routed["duration"]) / ms,
        "total": gateway["duration"] / ms,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="start", type=int, required=True, help="epoch milliseconds")
    parser.add_argument("--to", dest="end", type=int, required=True, help="epoch milliseconds")
    parser.add_argument("--service", default="events-service")
    parser.add_argument("--span", default="http post /api/events/{eventid}/registrations")
    parser.add_argument("--zipkin", default="http://localhost:9411")
    args = parser.parse_args()

    query = urllib.parse.urlencode({"serviceName": args.service, "spanName": args.span, "endTs": args.end,
                                    "lookback": max(1, args.end - args.start), "limit": 100000})
    try:
        with urllib.request.urlopen(f"{args.zipkin}/api/v2/traces?{query}", timeout=60) as answer:
            traces = json.load(answer)
    except Exception as failure:  # the figures cannot be read: say so
        print(f"    hops: not read, Zipkin at {args.zipkin} did not answer ({failure})")
        return 1
    rows = [row for row in (hops(trace, args.service, args.span) for trace in traces) if row is not None
            and args.start * 1000 <= row["start"] <= args.end * 1000]
    if not rows:
        print(f"    hops: not read, Zipkin kept no complete trace of '{args.span}' between the given times "
              f"({len(traces)} traces of the span, none with the gateway's spans)")
        return 1
    first = (min(r["start"] for r in rows) / 1000 - args.start) / 1000
    last = (max(r["start"] for r in rows) / 1000 - args.start) / 1000
    print(f"    where the answer time went, {len(rows)} sampled traces sent {first:.0f}-{last:.0f} s into the "
          f"{(args.end - args.start) / 1000:.0f} s run (Zipkin's traces; ms):")
    slowest = sorted(rows, key=lambda r: r["total"])[-max(1, len(rows) // 20):]
    print(f"      {'hop':28}{'p50':>9}{'p90':>9}{'p99':>9}{'slowest 5 %, mean':>19}")
    for label, key in HOPS:
        values = [r[key] for r in rows]
        print(f"      {label:28}{quantile(values, 0.5):9.1f}{quantile(values, 0.9):9.1f}{quantile(values, 0.99):9.1f}"
              f"{statistics.mean(r[key] for r in slowest):19.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
