"""The Rasa server's memory over many conversations: the resident personas apply again and
again (new phone numbers each round) through the real Rasa and action servers until
`--messages` messages were sent; the Rasa process's resident memory (VmRSS) and its peak
(VmHWM) are read from /proc after start-up and every 250 messages.

    .venv/bin/python -m bench.rasa_memory --messages 2000 --runs 2

Run it on a quiet machine: a training or test run beside it changes the timings (not the
memory much). Prints one JSON line per run and the median and spread over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from tests.personas.live import Servers
from tests.personas.resident import load_all

MIB = 1024


def memory_kib(pid: int) -> dict[str, int]:
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    values = dict(line.split(":", 1) for line in status if line.startswith(("VmRSS", "VmHWM")))
    return {key: int(value.split()[0]) for key, value in values.items()}


def one_run(messages: int, every: int = 250) -> dict:
    personas = load_all()
    with tempfile.TemporaryDirectory() as folder:
        servers = Servers(Path(folder))
        with servers as live:
            pid = servers.rasa.process.pid
            start = memory_kib(pid)
            samples, sent, rounds, started = [], 0, 0, time.monotonic()
            while sent < messages:
                for index, persona in enumerate(personas):
                    outcome = live.run(persona, rounds * 1000 + index, prefix="+86136")
                    sent += outcome.messages
                    if sent // every > len(samples):
                        samples.append({"messages": sent, **memory_kib(pid)})
                    if sent >= messages:
                        break
                rounds += 1
            end = memory_kib(pid)
            seconds = time.monotonic() - started
    return {
        "messages": sent,
        "seconds": round(seconds, 1),
        "ms_per_message": round(1000 * seconds / sent, 1),
        "rss_start_mib": round(start["VmRSS"] / MIB),
        "rss_end_mib": round(end["VmRSS"] / MIB),
        "peak_mib": round(end["VmHWM"] / MIB),
        "samples_mib": [(s["messages"], round(s["VmRSS"] / MIB)) for s in samples],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        runs.append(one_run(args.messages))
        print(json.dumps(runs[-1]), flush=True)
    for key in ("rss_start_mib", "rss_end_mib", "peak_mib", "ms_per_message"):
        values = [run[key] for run in runs]
        print(f"{key}: median {statistics.median(values)}, min {min(values)}, max {max(values)}")


if __name__ == "__main__":
    main()
