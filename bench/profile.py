"""Where the stack's CPU goes during a registration burst: each process's CPU by kind of thread (from /proc) and, in
its application threads, by component (from a JFR recording of each JVM), per registration. The speed issue asks
that the figures it cannot reach come with a profile of what is left; this makes that profile one command, and
keeps the recordings for a closer look (JDK Mission Control, `jfr print`). Run by bench/profile.sh (see there).

Figures are from one burst with the recordings running (JFR's default settings with a sample every 10 ms of the
Java threads running Java code). The recordings' own threads are a column of the output (about a tenth of the CPU
on two cores, with nine JVMs recording), and the sampling slows the rest: the burst's figures belong to
bench/all.sh, run without recordings. A component's milliseconds are estimated: its share of the samples
times the CPU the application threads spent, as /proc counted it.
"""
import collections
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from all import ROOT, TICKS, children, descendants, log, processes  # noqa: E402  (one definition of the stack's processes)

OUT = os.path.join(ROOT, "target", "bench-profile")
RECORDING = "bench-profile"

# the first frame below the JDK's own names says whose work a sample is; the first prefix that fits names it
COMPONENTS = [
    ("org.h2.", "store: H2 MVStore (pages, cache, commits)"),
    ("de.bwaldvogel.", "store: mongo-java-server (commands, queries)"),
    ("fi.ecosystem.local.", "store: the stand-in's own code (keys, BSON pages)"),
    ("com.icegreen.greenmail.", "SMTP server (GreenMail)"),
    ("com.mongodb.", "MongoDB driver"),
    ("org.bson.", "MongoDB driver"),
    ("org.springframework.data.", "Spring Data"),
    ("tools.jackson.", "JSON (Jackson)"),
    ("com.fasterxml.", "JSON (Jackson)"),
    ("org.springframework.kafka.", "Kafka client"),
    ("kafka.", "Kafka broker"),
    ("org.apache.kafka.", "Kafka (client or broker)"),
    ("scala.", "Kafka broker"),
    ("org.pcollections.", "Kafka broker"),
    ("com.yammer.metrics.", "Kafka broker's metrics (Yammer)"),
    ("org.apache.catalina.", "HTTP server (Tomcat)"),
    ("org.apache.coyote.", "HTTP server (Tomcat)"),
    ("org.apache.tomcat.", "HTTP server (Tomcat)"),
    ("reactor.netty.", "HTTP (Netty)"),
    ("io.netty.", "HTTP (Netty)"),
    ("io.vertx.", "HTTP (Vert.x)"),
    ("reactor.", "Reactor"),
    ("org.springframework.security.", "Spring Security"),
    ("com.nimbusds.", "Spring Security"),
    ("io.micrometer.", "observations (metrics, traces)"),
    ("brave.", "observations (metrics, traces)"),
    ("zipkin2.", "observations (metrics, traces)"),
    ("io.prometheus.", "observations (metrics, traces)"),
    ("com.linecorp.armeria.", "Zipkin's server (Armeria)"),
    ("org.springframework.cloud.gateway.", "gateway routing and filters"),
    ("io.github.resilience4j.", "circuit breakers (Resilience4j)"),
    ("org.springframework.cloud.", "gateway routing and filters"),
    ("org.springframework.web.", "Spring Web"),
    ("org.springframework.http.", "Spring Web"),
    ("ch.qos.logback.", "logging"),
    ("org.slf4j.", "logging"),
    ("org.apache.commons.logging.", "logging"),
    ("org.jboss.logging.", "logging"),
    ("org.thymeleaf.", "templates (Thymeleaf)"),
    ("jakarta.mail.", "mail client"),
    ("org.eclipse.angus.", "mail client"),
    ("org.hibernate.", "Hibernate (Keycloak)"),
    ("org.keycloak.", "Keycloak"),
    ("io.quarkus.", "Keycloak (Quarkus)"),
    ("fi.ecosystem.", "our code"),
    ("org.springframework.", None),  # named by its module: Spring core, beans, aop, context, transaction
]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")

# the JVM's own threads, by the name the kernel shows (15 characters at most)
THREAD_KINDS = [
    (re.compile(r"^C\d CompilerThre"), "JIT compilers"),
    (re.compile(r"^(VM Thread|GC Thread|G1 |VM Periodic|Sweeper|Service Thread|Monitor Deflati)"), "GC and VM"),
    (re.compile(r"^JFR "), "the recording"),
]
KINDS = ["JIT compilers", "GC and VM", "the recording", "application threads"]


def jvm_of(pid, tree):
    """The java process at or below pid (Keycloak's java runs under its start script), or None."""
    for member in descendants(pid, tree):
        try:
            if os.path.basename(os.readlink(f"/proc/{member}/exe")) == "java":
                return member
        except OSError:
            continue
    return None


def jdk_tool(pid, tool):
    """The tool of the JDK the process runs on, so that jcmd attaches to its own version."""
    return os.path.join(os.path.dirname(os.readlink(f"/proc/{pid}/exe")), tool)


def threads(pid):
    """thread id -> (its name, its CPU seconds), of every live thread of the process."""
    found = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        fields = text.rsplit(")", 1)[1].split()
        found[task] = (text[text.index("(") + 1:text.rindex(")")], (int(fields[11]) + int(fields[12])) / TICKS)
    return found


def kind_of(thread_name):
    for pattern, kind in THREAD_KINDS:
        if pattern.search(thread_name):
            return kind
    return "application threads"


def jcmd(pid, *arguments):
    result = subprocess.run([jdk_tool(pid, "jcmd"), str(pid), *arguments], capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or "Could not" in result.stdout or "error" in result.stdout.lower():
        raise RuntimeError(f"jcmd {pid} {' '.join(arguments)}: {(result.stdout + result.stderr).strip()[:300]}")
    return result.stdout


def component_of(frames):
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        if name.startswith(JDK):
            continue
        for prefix, component in COMPONENTS:
            if name.startswith(prefix):
                return component or "Spring " + name.split(".")[2]
        return ".".join(name.split(".")[:2]) + " (other)"
    return "the JDK alone (no library frame in the top 24)"


def samples(pid, path):
    """component -> samples, and method -> samples of the top frame, of the recording's execution samples."""
    printed = subprocess.run([jdk_tool(pid, "jfr"), "print", "--json", "--stack-depth", "24", "--events",
                              "jdk.ExecutionSample", path], capture_output=True, text=True, timeout=600)
    if printed.returncode != 0:
        raise RuntimeError(f"jfr print {path}: {printed.stderr.strip()[:300]}")
    components, methods = collections.Counter(), collections.Counter()
    for event in json.loads(printed.stdout)["recording"]["events"]:
        frames = (event["values"].get("stackTrace") or {}).get("frames") or []
        if frames:
            components[component_of(frames)] += 1
            top = frames[0]["method"]
            methods[top["type"]["name"].replace("/", ".").split("$")[0].rsplit(".", 1)[-1] + "." + top["name"]] += 1
    return components, methods


def main(requests, clients, places):
    os.makedirs(OUT, exist_ok=True)
    tree = children()
    jvms = {}
    try:
        found = processes()
    except OSError as failure:
        log(f"FAILED: the stack console (port 8025) does not answer, so its processes are unknown: {failure}")
        return 1
    for name, pid in found.items():
        jvm = jvm_of(pid, tree)
        if jvm:
            jvms[name] = jvm
        else:
            log(f"{name}: no JVM found below pid {pid}, not profiled")
    if not jvms:
        log("FAILED: the stack console lists no JVM of this machine (a stack of another machine is not profiled)")
        return 1
    recording = {}
    for name, pid in jvms.items():
        try:
            jcmd(pid, "JFR.stop", f"name={RECORDING}")  # one left running by an interrupted run
        except (RuntimeError, OSError):
            pass
        try:
            jcmd(pid, "JFR.start", f"name={RECORDING}", "settings=default", "method-profiling=high")
            recording[name] = pid
        except (RuntimeError, OSError) as failure:
            log(f"{name}: not recorded ({failure})")
    files, after = {}, {}
    try:
        time.sleep(2)  # starting a recording costs a little; not inside the window
        before = {}
        for name, pid in jvms.items():
            try:
                before[name] = threads(pid)
            except OSError:
                log(f"{name}: ended before the burst (pid {pid}), its figures are not read")
        started = time.time()
        load = subprocess.run(["bash", "bench/registrations.sh", str(requests), str(clients), str(places)], cwd=ROOT,
                              capture_output=True, text=True)
        seconds = time.time() - started
        for name, pid in jvms.items():
            if name not in before:
                continue
            try:
                after[name] = threads(pid)
            except OSError:
                log(f"{name}: ended during the burst (pid {pid}), its figures are not read")
    finally:  # the recordings end even when the burst is interrupted
        for name, pid in recording.items():
            path = os.path.join(OUT, re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-") + ".jfr")
            try:
                jcmd(pid, "JFR.stop", f"name={RECORDING}", f"filename={path}")
                files[name] = path
            except (RuntimeError, OSError) as failure:
                log(f"{name}: recording not saved ({failure})")

    log(f"Profile of one burst: {requests} registrations, {clients} clients, {places} places, through the gateway; "
        f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {seconds:.0f} s")
    for line in load.stdout.strip().splitlines()[:6]:
        log("  " + line.strip())
    if load.returncode != 0:
        log(f"  FAILED: the load ended with exit {load.returncode}: {load.stderr.strip()[-300:]}")
    if "exactly right" not in load.stdout:
        log("  the burst was not stored exactly right: the figures per registration below are of what it did")
    log("")
    log("CPU per registration by kind of thread (ms, from /proc; the JIT compilers' share falls once the code is compiled):")
    log("| process | all | " + " | ".join(KINDS) + " |")
    log("| --- | ---: | " + " | ".join("---:" for _ in KINDS) + " |")
    application = {}
    total = 0.0
    for name in jvms:
        if name not in after:
            continue
        spent = collections.Counter()
        for task, (thread, cpu) in after[name].items():
            # a thread started during the burst counts whole; one that ended is gone (the JIT's come and go)
            spent[kind_of(thread)] += cpu - before[name].get(task, (thread, 0.0))[1]
        application[name] = spent["application threads"]
        all_kinds = sum(spent.values())
        total += all_kinds
        log(f"| {name} | {all_kinds * 1000 / requests:.1f} | "
            + " | ".join(f"{spent[kind] * 1000 / requests:.1f}" for kind in KINDS) + " |")
    whole = "all" if len(application) == len(jvms) else f"the {len(application)} of {len(jvms)} processes read"
    log(f"| {whole} | {total * 1000 / requests:.1f} | | | | |")
    log("(a thread that ended during the burst is not counted; the process's total in bench/all.py's table counts it)")
    for name, path in files.items():
        if name not in application:
            continue
        try:
            components, methods = samples(jvms[name], path)
        except (RuntimeError, OSError, ValueError) as failure:
            log(f"\n{name}: the recording was not read ({failure})")
            continue
        count = sum(components.values())
        log("")
        if count == 0:
            log(f"{name}: no execution sample in the recording (its Java threads ran no Java code while sampled)")
            continue
        rough = "; too few for more than a rough share" if count < 100 else ""
        log(f"{name}: its application threads, {application[name] * 1000 / requests:.1f} ms per registration, "
            f"by component ({count} samples{rough}; {path}):")
        log("| component | share of samples | ≈ ms per registration |")
        log("| --- | ---: | ---: |")
        shown = components.most_common(8)
        for component, hits in shown:
            log(f"| {component} | {hits * 100 / count:.0f} % | {hits / count * application[name] * 1000 / requests:.2f} |")
        rest = count - sum(hits for _, hits in shown)
        if rest:
            log(f"| the rest | {rest * 100 / count:.0f} % | {rest / count * application[name] * 1000 / requests:.2f} |")
        log("hottest methods (own time): " + ", ".join(f"{method} {hits * 100 / count:.0f} %"
                                                     for method, hits in methods.most_common(4)))
    return 0 if load.returncode == 0 else 1


if __name__ == "__main__":
    arguments = [int(argument) for argument in sys.argv[1:4]]
    sys.exit(main(*(arguments + [5000, 200, 500][len(arguments):])))
