"""Run the reportgen command line with faults injected, for the end-to-end safety tests.

    python tests/e2e/faults.py --folder OUT [options] -- build OUTLINE --out OUT

Only renames *into* OUT count (``os.replace`` with a destination in OUT):

--crash-after-replace N   end the process (``os._exit(86)``, no clean-up) right after the N-th
--crash-before-replace N  end it just before the N-th
--slow-replace SECONDS    sleep after each one
--signal PATH             create PATH after the first one
--wait-for PATH           before the first one, or the first ``fcntl.flock``, wait until PATH exists
--lock-timeout SECONDS    set ``reportgen.build.folder_lock.TIMEOUT``

Nothing here is part of reportgen: the faults are monkeypatched into this process only.
"""

from __future__ import annotations

import argparse
import fcntl
import importlib
import os
import sys
import time
from pathlib import Path

CRASHED = 86


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--crash-after-replace", type=int)
    parser.add_argument("--crash-before-replace", type=int)
    parser.add_argument("--slow-replace", type=float, default=0.0)
    parser.add_argument("--signal", type=Path)
    parser.add_argument("--wait-for", type=Path)
    parser.add_argument("--lock-timeout", type=float)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    folder = options.folder.resolve()
    real_replace, real_flock = os.replace, fcntl.flock
    count = 0
    waited = False

    def wait_once() -> None:
        nonlocal waited
        if options.wait_for is not None and not waited:
            waited = True
            deadline = time.monotonic() + 60
            while not options.wait_for.exists() and time.monotonic() < deadline:
                time.sleep(0.02)

    def replace(source, destination, *args, **kwargs):  # noqa: ANN001, ANN202 - os.replace's own signature
        nonlocal count
        if Path(destination).resolve().parent != folder:
            return real_replace(source, destination, *args, **kwargs)
        wait_once()
        count += 1
        if count == options.crash_before_replace:
            os._exit(CRASHED)
        real_replace(source, destination, *args, **kwargs)
        if count == options.crash_after_replace:
            os._exit(CRASHED)
        if count == 1 and options.signal is not None:
            options.signal.touch()
        time.sleep(options.slow_replace)

    def flock(fd, operation):  # noqa: ANN001, ANN202
        wait_once()
        return real_flock(fd, operation)

    os.replace = replace
    fcntl.flock = flock
    if options.lock_timeout is not None:
        try:
            importlib.import_module("reportgen.build.folder_lock").TIMEOUT = options.lock_timeout
        except ImportError:  # a reportgen without the lock
            pass
    from reportgen.cli import main as reportgen_main

    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    sys.argv = ["reportgen", *command]
    reportgen_main()


if __name__ == "__main__":
    main()
