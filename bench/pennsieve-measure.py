# Runs one command (a whole import), and reports its wall time, peak RSS and the most bytes ever present
# below a folder while it ran, the import journal aside (what was extracted to disk).
#   python3 bench/pennsieve-measure.py FOLDER COMMAND...
import os, resource, subprocess, sys, time
folder, command = sys.argv[1], sys.argv[2:]
def size(root):
    total = 0
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith(".import-journal"):
                continue
            try:
                total += os.lstat(os.path.join(d, n)).st_size
            except OSError:
                pass
    return total
start = time.monotonic()
process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak_disk = 0
while process.poll() is None:
    peak_disk = max(peak_disk, size(folder))
    time.sleep(0.05)
err = process.stderr.read().decode(errors="replace")
seconds = time.monotonic() - start
rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if process.returncode != 0:
    sys.stderr.write(err)
    sys.exit(f"exit {process.returncode}")
print(f"{seconds:.2f} {rss_mib:.0f} {peak_disk}")
