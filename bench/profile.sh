#!/usr/bin/env bash
# Where the stack's CPU goes during a registration burst (bench/profile.py): each process's CPU per registration by
# kind of thread (the JIT compilers, GC, the application), and its application threads' by component (the store's
# pages, the HTTP server, Spring Security, Kafka, …) from a JFR recording of every JVM, kept in target/bench-profile/.
# The recordings cost about a tenth of the CPU (their own column) and slow the burst: its figures belong to
# bench/all.sh, run without them; this says where they come from.
# Needs a running stack (./run-local.sh); a fresh one profiles the first burst, JIT included.
#   bench/profile.sh [requests] [clients] [places]
set -euo pipefail
cd "$(dirname "$0")/.."
curl -sf http://localhost:8080/actuator/health >/dev/null || { echo "start the stack first: ./run-local.sh" >&2; exit 1; }
exec python3 bench/profile.py "$@"
