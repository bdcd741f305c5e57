#!/usr/bin/env python3
"""CPU time (user + system) of whole commands, interleaved: every round runs each command once, so a
busy machine slows all of them alike. Prints medians and the ratio to the first command.
    bench/cpu-time.py ROUNDS 'COMMAND 1' 'COMMAND 2' ...
"""
import os
import shlex
import statistics
import subprocess
import sys
import time

rounds, commands = int(sys.argv[1]), sys.argv[2:]
cpu = {c: [] for c in commands}
wall = {c: [] for c in commands}
devnull = os.open(os.devnull, os.O_WRONLY)
for command in commands:  # one warm-up each: page cache, disk
    subprocess.run(shlex.split(command), stdout=devnull, stderr=devnull, check=False)
for _ in range(rounds):
    for command in commands:
        start = time.perf_counter()
        process = subprocess.Popen(shlex.split(command), stdout=devnull, stderr=devnull)
        _, _, usage = os.wait4(process.pid, 0)
        wall[command].append(time.perf_counter() - start)
        cpu[command].append(usage.ru_utime + usage.ru_stime)
anchor = statistics.median(cpu[commands[0]])
for command in commands:
    median = statistics.median(cpu[command])
    print(f"cpu {median * 1000:7.1f} ms  (x{median / anchor:5.2f})  wall {statistics.median(wall[command]) * 1000:7.1f} ms  {command}")
