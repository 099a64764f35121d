#!/usr/bin/env python3
"""Install the Jupyter kernelspec "anomaly4j" (display name "Java (anomaly4j)") into a Python prefix.

The kernel is the Rapaio Java kernel started through org.anomaly4j.kernel.KernelLauncher, with the
anomaly4j class path (kernel-ext/target/classpath.txt, anomaly4j.jar first) and the JShell init script
kernel-ext/src/main/resources/org/anomaly4j/kernel/init.jshell (also used by `make jshell`), which imports
the library so a first cell needs no imports.

usage: install_kernel.py --java-home JDK --classpath-file kernel-ext/target/classpath.txt --prefix .venv
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

INIT_SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "src/main/resources/org/anomaly4j/kernel/init.jshell"


def java_major(java: pathlib.Path) -> int:
    out = subprocess.run([str(java), "-XshowSettings:properties", "-version"], capture_output=True, text=True)
    for line in out.stderr.splitlines():
        if "java.specification.version" in line:
            return int(line.split("=")[1].strip().split(".")[0])
    return 0


def kernel_json(java_home: pathlib.Path, classpath: str, init_script: pathlib.Path,
                jvm_options: list[str] | None = None) -> dict:
    java = java_home / "bin" / ("java.exe" if os.name == "nt" else "java")
    # JDK >= 23 warns when Tablesaw's classgraph uses sun.misc.Unsafe; the warning would land in cells.
    quiet_unsafe = ["--sun-misc-unsafe-memory-access=allow"] if java_major(java) >= 23 else []
    # The deep detectors (anomaly4j-deep on the class path) load libtorch through JNI; JDK >= 24 warns about
    # that restricted call unless native access is enabled.
    native = ["--enable-native-access=ALL-UNNAMED"] if "anomaly4j-deep" in classpath else []
    return {
        "argv": [
            str(java),
            "-cp", classpath,
            *quiet_unsafe,
            *native,
            # e.g. -Dai.djl.offline=true -DDJL_CACHE_DIR=build/djl-cache (JShell runs inside this JVM)
            *(jvm_options or []),
            "-XX:+UseParallelGC",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "org.anomaly4j.kernel.KernelLauncher",
            "{connection_file}",
        ],
        "display_name": DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # Rapaio kernel settings: the JShell compiler class path and the start-up imports.
            "RJK_CLASSPATH": classpath,
            "RJK_INIT_SCRIPT": str(init_script),
            "RJK_COMPILER_OPTIONS": "",
            "RJK_TIMEOUT_MILLIS": "-1",
        },
        "metadata": {"anomaly4j": {"classpath_file": "kernel-ext/target/classpath.txt"}},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--java-home", required=True, type=pathlib.Path)
    ap.add_argument("--classpath-file", required=True, type=pathlib.Path)
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
    if not (a.java_home / "bin" / "jshell").exists():
        print(f"{a.java_home} is not a JDK with jshell", file=sys.stderr)
        return 1

    kdir = a.prefix.resolve() / "share" / "jupyter" / "kernels" / KERNEL_NAME
    kdir.mkdir(parents=True, exist_ok=True)
    init = kdir / "init.jshell"
    init.write_text(INIT_SCRIPT.read_text())
    spec = kernel_json(a.java_home.resolve(), classpath, init, a.jvm_option)
    (kdir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    print(f"installed kernelspec {KERNEL_NAME} ({DISPLAY_NAME}) in {kdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
