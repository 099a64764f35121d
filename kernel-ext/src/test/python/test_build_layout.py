"""The build layout: the library jar holds anomaly4j's own classes only; the kernel patch (Rapaio's LoopThread
and the kernel's logging.properties) lives in the launcher jar, which only the kernelspec puts on a class
path, first."""
from __future__ import annotations

import os
import pathlib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[4]
LIBRARY_JAR = ROOT / "kernel-ext" / "target" / "anomaly4j.jar"
CLASSPATH_TXT = ROOT / "kernel-ext" / "target" / "classpath.txt"
LAUNCHER_JAR = ROOT / "kernel-ext" / "launcher" / "target" / "anomaly4j-kernel-launcher.jar"
LAUNCHER_MAIN = "org.anomaly4j.launcher.KernelLauncher"


def entries(jar: pathlib.Path) -> list[str]:
    assert jar.is_file(), f"{jar} is missing: run `make build`"
    with zipfile.ZipFile(jar) as z:
        return [n for n in z.namelist() if not n.endswith("/")]


def test_library_jar_holds_only_org_anomaly4j():
    names = entries(LIBRARY_JAR)
    assert "org/anomaly4j/A4j.class" in names
    outside = [n for n in names if not n.startswith(("org/anomaly4j/", "META-INF/"))]
    assert outside == [], f"anomaly4j.jar must hold org/anomaly4j/** only, found {outside}"
    assert not [n for n in names if n.startswith("org/anomaly4j/launcher/")], "the launcher is its own jar"


def test_launcher_jar_holds_the_kernel_patch_and_nothing_of_the_library():
    names = entries(LAUNCHER_JAR)
    classes = sorted(n for n in names if n.endswith(".class"))
    assert "org/rapaio/jupyter/kernel/channels/LoopThread.class" in classes
    assert "org/rapaio/jupyter/kernel/channels/ControlChannel.class" in classes
    assert "org/anomaly4j/launcher/KernelLauncher.class" in classes
    assert "logging.properties" in names
    stray = [n for n in classes if not n.startswith(("org/anomaly4j/launcher/", "org/rapaio/jupyter/kernel/channels/"))]
    assert stray == [], f"the launcher jar must not copy library classes: {stray}"


def test_classpath_file_is_the_library_only():
    cp = CLASSPATH_TXT.read_text().strip().split(os.pathsep)
    assert pathlib.Path(cp[0]).name == "anomaly4j.jar", cp[:2]
    assert not [p for p in cp if "anomaly4j-kernel-launcher" in p]
    assert [p for p in cp if "rapaio-jupyter-kernel" in p], "the display SPI needs the kernel jar"


def test_kernelspec_puts_the_launcher_first(kernel_spec):
    argv = kernel_spec["argv"]
    cp = argv[argv.index("-cp") + 1].split(os.pathsep)
    assert pathlib.Path(cp[0]).name == "anomaly4j-kernel-launcher.jar", cp[:3]
    rapaio = next(i for i, p in enumerate(cp) if "rapaio-jupyter-kernel" in p)
    assert rapaio > 0, "the launcher's LoopThread must shadow the kernel's"
    assert LAUNCHER_MAIN in argv
    # cells compile against the library's class path, never the patched kernel class
    assert "anomaly4j-kernel-launcher" not in kernel_spec["env"]["RJK_CLASSPATH"]
