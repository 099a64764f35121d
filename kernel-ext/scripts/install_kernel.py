#!/usr/bin/env python3
"""Install the Jupyter kernelspec "anomaly4j" (display name "Java (anomaly4j)") into a Python prefix.

The kernel is the Rapaio Java kernel started through org.anomaly4j.launcher.KernelLauncher. Its class path
is the launcher jar (kernel-ext/launcher/target/anomaly4j-kernel-launcher.jar, which carries the patched
Rapaio LoopThread and must come before the kernel's jar) followed by the library's class path
(kernel-ext/target/classpath.txt, anomaly4j.jar first); JShell compiles cells against the latter only. The
JShell init script kernel-ext/src/main/resources/org/anomaly4j/kernel/init.jshell (also used by
`make jshell`) imports the library so a first cell needs no imports.

It also turns JupyterLab's debugger extension off for the prefix (etc/jupyter/labconfig/page_config.json,
what `jupyter labextension disable --level=sys_prefix` writes): the kernel has no debugger, and JupyterLab
4.6's debugger asks every kernel for its loaded modules after each executed cell, which throws
"Error: No active debugger session" once per cell in the page when the kernel has no debug session.

usage: install_kernel.py --java-home JDK --classpath-file kernel-ext/target/classpath.txt \
                         [--launcher-jar kernel-ext/launcher/target/anomaly4j-kernel-launcher.jar] --prefix .venv \
                         [--jvm-option=-Dai.djl.offline=true ...]
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys

KERNEL_NAME = "anomaly4j"
DISPLAY_NAME = "Java (anomaly4j)"

KERNEL_EXT = pathlib.Path(__file__).resolve().parents[1]
INIT_SCRIPT = KERNEL_EXT / "src/main/resources/org/anomaly4j/kernel/init.jshell"
LAUNCHER_JAR = KERNEL_EXT / "launcher/target/anomaly4j-kernel-launcher.jar"
LAUNCHER_MAIN = "org.anomaly4j.launcher.KernelLauncher"

# The kernel JVM's heap and collector settings. `make bench` (kernel-ext/src/bench/python/bench.py) runs its Java
# side with exactly these, so the peak memory it reports is what a notebook user gets; README "make bench" gives
# the measurements behind each choice (2 shared cores, 24 GB RAM, JDK 25). A later --jvm-option overrides one,
# e.g. --jvm-option=-Xmx8g for more heap.
MEMORY_OPTIONS = [
    # G1 (the JVM's default collector, named so that a machine class the JVM thinks small does not get Serial):
    # Shenandoah came closest to pandas' memory but cost the Isolation Forest and one-class SVM 30-80 % more CPU
    # time; Serial and Parallel kept the dead tables of repeated reads until the heap was large
    "-XX:+UseG1GC",
    # a fixed ceiling, the same on every machine (the default, a quarter of the RAM, changes G1's region size
    # and so which arrays are "humongous"); 2 GB holds the 1e7 x 10 Isolation Forest
    "-Xmx2g",
    # start small: the default initial heap is 1/64 of the RAM (384 MB here), resident as soon as it is used
    "-Xms16m",
    # 4 MB regions and a young generation of at most 32 MB, measured against the 8 MB / 64 MB used before (one
    # run's peak resident set, make bench, three runs each): read_csv 188-200 MB (was 185-195), describe 185-195
    # (201-247), the mixed read_csv 197-207 (210-254), one-class SVM 326-340 (361-362), Isolation Forest 1e6
    # 234-242 (242-243), times unchanged. A column of more than 262,144 doubles (2 MB) is then "humongous": placed
    # straight in an old region instead of being copied out of the young generation by every young collection
    # that finds it alive, which is what the larger young generation's peak held twice. Six reads of the
    # 284,807-row table 1.5 s apart (a notebook's pace; the periodic collection below runs between them): peak
    # 239-257 MB (251-290). Six reads back to back with no pause, a dead table's columns stay referenced by its
    # old-region Table object until a marking cycle: 306-379 MB (310-316). (1 MB regions, G1's choice for 2 GB,
    # grew the heap instead of collecting; MaxNewSize 16 MB gave about 500 MB every run.)
    "-XX:G1HeapRegionSize=4m",
    "-XX:MaxNewSize=32m",
    # a concurrent collection after 1 s without any, and the heap shrunk to at most 30 % free after collections:
    # an idle notebook gives memory back (JEP 346)
    "-XX:G1PeriodicGCInterval=1000",
    "-XX:MinHeapFreeRatio=10",
    "-XX:MaxHeapFreeRatio=30",
]

# The incubating Vector API: with it, Isolation Forest scoring takes the top tree levels in SIMD lanes
# (detect/IsolationVectorWalk, about 2x faster per node visit, the same scores); without it the scalar walk
# runs. The JVM's one-line "WARNING: Using incubator modules" goes to the kernel process's stderr at start-up (the Jupyter server's log),
# before any cell runs, so no notebook output shows it.
VECTOR_OPTIONS = ["--add-modules=jdk.incubator.vector"]


def java_major(java: pathlib.Path) -> int:
    out = subprocess.run([str(java), "-XshowSettings:properties", "-version"], capture_output=True, text=True)
    for line in out.stderr.splitlines():
        if "java.specification.version" in line:
            return int(line.split("=")[1].strip().split(".")[0])
    return 0


def kernel_json(java_home: pathlib.Path, launcher_jar: pathlib.Path, classpath: str,
                init_script: pathlib.Path, jvm_options: list[str] | None = None) -> dict:
    java = java_home / "bin" / ("java.exe" if os.name == "nt" else "java")
    # JDK >= 23 warns when Tablesaw's classgraph uses sun.misc.Unsafe; the warning would land in cells.
    quiet_unsafe = ["--sun-misc-unsafe-memory-access=allow"] if java_major(java) >= 23 else []
    # The deep detectors (anomaly4j-deep on the class path) load libtorch through JNI; JDK >= 24 warns about
    # that restricted call unless native access is enabled.
    native = ["--enable-native-access=ALL-UNNAMED"] if "anomaly4j-deep" in classpath else []
    return {
        "argv": [
            str(java),
            "-cp", os.pathsep.join([str(launcher_jar), classpath]),
            *quiet_unsafe,
            *native,
            *MEMORY_OPTIONS,
            *VECTOR_OPTIONS,
            # e.g. -Dai.djl.offline=true -DDJL_CACHE_DIR=build/djl-cache (JShell runs inside this JVM)
            *(jvm_options or []),
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            LAUNCHER_MAIN,
            "{connection_file}",
        ],
        "display_name": DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # Rapaio kernel settings: the JShell compiler class path (the library's, without the launcher)
            # and the start-up imports.
            "RJK_CLASSPATH": classpath,
            "RJK_INIT_SCRIPT": str(init_script),
            "RJK_COMPILER_OPTIONS": "",
            "RJK_TIMEOUT_MILLIS": "-1",
        },
        "metadata": {"anomaly4j": {"classpath_file": "kernel-ext/target/classpath.txt",
                                   "launcher_jar": "kernel-ext/launcher/target/anomaly4j-kernel-launcher.jar"}},
    }


def disable_lab_debugger(prefix: pathlib.Path) -> pathlib.Path:
    """Adds @jupyterlab/debugger-extension to the prefix's disabled JupyterLab extensions (kept: the rest)."""
    conf = prefix / "etc" / "jupyter" / "labconfig" / "page_config.json"
    page = json.loads(conf.read_text()) if conf.is_file() else {}
    page.setdefault("disabledExtensions", {})["@jupyterlab/debugger-extension"] = True
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(json.dumps(page, indent=2) + "\n")
    return conf


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--java-home", required=True, type=pathlib.Path)
    ap.add_argument("--classpath-file", required=True, type=pathlib.Path)
    ap.add_argument("--launcher-jar", default=LAUNCHER_JAR, type=pathlib.Path)
    ap.add_argument("--prefix", required=True, type=pathlib.Path)
    ap.add_argument("--jvm-option", action="append", default=[], metavar="OPTION",
                    help="an option for the kernel JVM, e.g. --jvm-option=-Dai.djl.offline=true (repeatable)")
    a = ap.parse_args()

    if not a.classpath_file.is_file():
        print(f"{a.classpath_file} is missing: build the library first (make build)", file=sys.stderr)
        return 1
    classpath = a.classpath_file.read_text().strip()
    first = classpath.split(os.pathsep)[0]
    if not first.endswith("anomaly4j.jar") or not pathlib.Path(first).is_file():
        print(f"class path must start with an existing anomaly4j.jar, got {first}", file=sys.stderr)
        return 1
    if not a.launcher_jar.is_file():
        print(f"{a.launcher_jar} is missing: build the kernel launcher first (make build)", file=sys.stderr)
        return 1
    if not (a.java_home / "bin" / "jshell").exists():
        print(f"{a.java_home} is not a JDK with jshell", file=sys.stderr)
        return 1

    kdir = a.prefix.resolve() / "share" / "jupyter" / "kernels" / KERNEL_NAME
    kdir.mkdir(parents=True, exist_ok=True)
    init = kdir / "init.jshell"
    init.write_text(INIT_SCRIPT.read_text())
    spec = kernel_json(a.java_home.resolve(), a.launcher_jar.resolve(), classpath, init, a.jvm_option)
    (kdir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    print(f"installed kernelspec {KERNEL_NAME} ({DISPLAY_NAME}) in {kdir}")
    print(f"JupyterLab's debugger extension is off (the kernel has none): {disable_lab_debugger(a.prefix.resolve())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
