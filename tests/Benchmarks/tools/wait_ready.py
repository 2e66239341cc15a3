#!/usr/bin/env python3
"""wait_ready.py START_NS URL TIMEOUT_S PID

Polls URL every 10 ms until it answers 200 and prints the milliseconds since START_NS (a
`date +%s%N` taken just before the process was started). Exits 1 if PID dies or on timeout.
"""
import os
import sys
import time
import urllib.error
import urllib.request

start_ns, url, timeout_s, pid = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
deadline = time.monotonic() + timeout_s
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            if response.status == 200:
                print(f"{(time.time_ns() - start_ns) / 1e6:.0f}")
                sys.exit(0)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        pass
    if not os.path.exists(f"/proc/{pid}"):
        sys.exit(f"process {pid} exited before {url} answered 200")
    time.sleep(0.01)
sys.exit(f"{url} did not answer 200 within {timeout_s:.0f} s")
