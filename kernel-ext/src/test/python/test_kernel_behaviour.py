"""The kernel behaves as a notebook user expects (issue 19), checked on the real anomaly4j kernel through
jupyter_client: interrupting a running cell stops it and leaves the kernel answering; a restart gives a fresh
JShell with the library imported again; long work shows progress in the cell; the kernel advertises no
debugger (JupyterLab would then send debug requests the kernel cannot answer)."""
from __future__ import annotations

import time

import pytest
from jupyter_client import KernelManager

TIMEOUT_S = 60


@pytest.fixture(scope="module")
def kernel(kernel_spec):
    km = KernelManager(kernel_name="anomaly4j")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT_S)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def run(kc, code: str, timeout: float = TIMEOUT_S) -> tuple[dict, list[dict]]:
    """Executes code; returns the execute_reply content and the cell's iopub messages."""
    msgs: list[dict] = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=msgs.append)
    return reply["content"], msgs


def reply_to(kc, msg_id: str, timeout: float = TIMEOUT_S) -> dict:
    """The shell reply to one request (earlier replies still queued, e.g. wait_for_ready's, are skipped)."""
    deadline = time.monotonic() + timeout
    while True:
        m = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if m["parent_header"].get("msg_id") == msg_id:
            return m


def result(msgs: list[dict]) -> str | None:
    for m in msgs:
        if m["msg_type"] == "execute_result":
            data = m["content"]["data"]
            return (data.get("text/plain") or data.get("text/html") or "").strip()
    return None


def stdout(msgs: list[dict]) -> str:
    return "".join(m["content"]["text"] for m in msgs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def test_kernel_info_advertises_no_debugger(kernel, kernel_spec):
    _, kc = kernel
    reply = reply_to(kc, kc.kernel_info())
    assert reply["msg_type"] == "kernel_info_reply"
    assert reply["content"]["language_info"]["name"] == "java"
    # protocol 5.3+: "debugger" absent means false; JupyterLab also reads the kernelspec's metadata
    assert reply["content"].get("debugger", False) is False
    assert kernel_spec.get("metadata", {}).get("debugger", False) is False


def test_interrupt_stops_a_running_cell_and_the_kernel_answers_the_next(kernel):
    km, kc = kernel
    # one statement, so the whole cell is one JShell snippet, running once it prints (an interrupt that
    # arrives while JShell still compiles a snippet finds nothing to cancel, as in Rapaio itself)
    msg_id = kc.execute('for (long spins = 0; ; spins++) { if (spins == 0) System.out.println("running"); '
                        'Thread.sleep(10); }')
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream":
            assert m["content"]["text"] == "running\n"
            break
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id, timeout=30)  # Rapaio 3.0.1 alone sends it as a reply to the interrupt
    assert reply["content"]["status"] == "error"
    assert "Interrupted" in reply["content"]["ename"], reply["content"]
    content, msgs = run(kc, "1+1")
    assert content["status"] == "ok" and result(msgs) == "2", "the kernel answers the next cell"
    content, msgs = run(kc, 'System.out.println("still here")')
    assert stdout(msgs) == "still here\n"


def test_long_work_shows_progress_in_the_cell(kernel):
    _, kc = kernel
    content, msgs = run(kc, 'var p = org.anomaly4j.progress.Progress.start("demo"); '
                            'Thread.sleep(org.anomaly4j.progress.Progress.QUIET_MILLIS + 100); '
                            'p.update("1 of 1 steps"); p.done("1 of 1 steps");')
    assert content["status"] == "ok"
    out = stdout(msgs)
    assert out.startswith("\rdemo: 1 of 1 steps, ") and "\rdemo: 1 of 1 steps, done in " in out, repr(out)
    assert out.endswith(" s\n")


def test_restart_gives_a_fresh_shell_with_the_library_imported(kernel, tmp_path):
    km, kc = kernel
    csv = tmp_path / "small.csv"
    csv.write_text("a,b\n1,2.5\n2,3.5\n3,4.5\n")
    content, _ = run(kc, "int beforeRestart = 1;")
    assert content["status"] == "ok"
    km.restart_kernel(now=True)
    kc.wait_for_ready(timeout=TIMEOUT_S)
    content, _ = run(kc, "beforeRestart")
    assert content["status"] == "error", "a restart forgets the previous session"
    # readCsv and describe come from the init script's static import of A4j: no import in the cell
    content, msgs = run(kc, f'describe(readCsv(java.nio.file.Path.of("{csv.as_posix()}"))).rowCount() > 0')
    assert content["status"] == "ok", content
    assert result(msgs) == "true"


def test_jupyterlab_runs_without_its_debugger_extension(kernel_spec):
    """JupyterLab 4.6's debugger asks the kernel for its modules after every executed cell and, with no debug
    session (this kernel has none), throws "Error: No active debugger session" once per cell into the page
    (7 for notebook 02, measured in headless Chromium; 0 with the extension off). `make kernel` turns the
    extension off in .venv; this reads the page config the way JupyterLab's server does."""
    from jupyter_core.paths import jupyter_path
    from jupyterlab_server.config import get_page_config
    page = get_page_config(jupyter_path("labextensions"))
    assert "@jupyterlab/debugger-extension" in page.get("disabledExtensions", [])
