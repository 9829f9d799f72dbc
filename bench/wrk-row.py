"""One table row from wrk's --latency output on stdin: label, req/s, p50 and p99 in ms, non-2xx responses.
Used by the bench scripts:  wrk ... --latency URL | python3 bench/wrk-row.py "label"  (header: --header "title";
--raw: "req/s p50 p90 p99 non-2xx" as plain numbers for a script to compare)."""
import re
import sys

FORMAT = "%-36s %8s %9s %9s %8s"

if sys.argv[1] == "--header":
    print(FORMAT % (sys.argv[2], "req/s", "p50 ms", "p99 ms", "non-2xx"))
    sys.exit(0)


def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50, p90, p99 = (ms(re.search(r"\s" + p + r"%\s+(\S+)", text).group(1)) for p in ("50", "90", "99"))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
non2xx = errors.group(1) if errors else 0
if sys.argv[1] == "--raw":
    print("%.0f %.2f %.2f %.2f %s" % (rps, p50, p90, p99, non2xx))
    sys.exit(0)
print(FORMAT % (sys.argv[1], "%.1f" % rps, "%.2f" % p50, "%.2f" % p99, non2xx))
