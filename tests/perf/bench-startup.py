#!/usr/bin/python3
"""Start-up to first frame, and peak memory, of the app opening the example engagement,
against a bare GTK 4 window measured in the same run. Prints figures; asserts nothing.

Each round starts the process and waits for it to exit, which it does once its window has
drawn its first frame; the time is the wall time of the whole process, the memory its peak
resident set (getrusage). The three are run in turn, ROUNDS times each; medians. The second
baseline, the same bare window made with libadwaita, shows what the toolkit the app is
written with costs by itself; the goals are against the first.
Usage: bench-startup.py APP BARE_WINDOW EXAMPLE [ROUNDS]
"""
import os
import statistics
import subprocess
import sys
import time

app, bare, example = sys.argv[1:4]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 10
env = dict(os.environ, SCS_ASSESSOR_QUIT_AFTER_FIRST_FRAME="1")


def once(argv):
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - start
    if status != 0:
        sys.exit("%s exited with status %d" % (argv[0], status))
    return elapsed * 1000, usage.ru_maxrss / 1024


runs = {"app": [], "bare": [], "adw": []}
for _ in range(2):   # warm the caches of the file system and fontconfig
    once([bare]), once([bare, "--adwaita"]), once([app, example])
for _ in range(rounds):
    runs["bare"].append(once([bare]))
    runs["adw"].append(once([bare, "--adwaita"]))
    runs["app"].append(once([app, example]))

t_app = statistics.median(t for t, _ in runs["app"])
t_bare = statistics.median(t for t, _ in runs["bare"])
m_app = statistics.median(m for _, m in runs["app"])
m_bare = statistics.median(m for _, m in runs["bare"])
t_adw = statistics.median(t for t, _ in runs["adw"])
m_adw = statistics.median(m for _, m in runs["adw"])
print("start-up to first frame, %d rounds each, medians" % rounds)
print("bare GTK 4 window (baseline): %7.0f ms  %6.1f MB peak RSS" % (t_bare, m_bare))
print("bare libadwaita window:        %7.0f ms  %6.1f MB peak RSS  (%.2f×, %.2f×)"
      % (t_adw, m_adw, t_adw / t_bare, m_adw / m_bare))
print("app on the example:           %7.0f ms  %6.1f MB peak RSS" % (t_app, m_app))
print("start-up ratio %.2f× (goal ≤ 1.25×): %s" % (t_app / t_bare, "met" if t_app / t_bare <= 1.25 else "not met"))
print("peak RSS ratio %.2f× (goal ≤ 1.3×): %s" % (m_app / m_bare, "met" if m_app / m_bare <= 1.3 else "not met"))
