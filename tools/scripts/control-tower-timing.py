#!/usr/bin/env python3
"""Times the control tower and the w3 element statistics on one or more running hosts, alternating between them
(3 rounds): wall time, the host process CPU per request (from /proc), medians, then each host VmRSS/VmHWM.
Usage: control-tower-timing.py NAME:PORT:PID:CREDENTIALS_FILE ... (process.owner from the demo credentials file)."""
import base64, os, statistics, sys, time, urllib.request
hosts = {name: (int(port), int(pid), cred) for name, port, pid, cred in (a.split(':') for a in sys.argv[1:])}
def auth(cred):
    creds = {l.split()[0]: l.split()[1] for l in open(cred) if l.strip() and not l.lstrip('\ufeff').startswith('#')}
    return 'Basic ' + base64.b64encode(f"process.owner:{creds['process.owner']}".encode()).decode()
def cpu(pid):
    f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')
def mem(pid):
    d = dict(l.split(':', 1) for l in open(f'/proc/{pid}/status'))
    return d['VmRSS'].strip(), d['VmHWM'].strip()
res = {}
for rnd in range(3):
    for path in ('/api/control-tower', '/api/definitions/w3/elements?days=30'):
        for name, (port, pid, cred) in hosts.items():
            req = urllib.request.Request(f'http://127.0.0.1:{port}{path}', headers={'Authorization': auth(cred)})
            c0, t0 = cpu(pid), time.monotonic()
            body = urllib.request.urlopen(req, timeout=300).read()
            t, c = time.monotonic() - t0, cpu(pid) - c0
            res.setdefault((name, path), []).append((t, c))
            print(rnd, name, path, f'{t:.3f}s wall, {c:.2f}s cpu, {len(body)} bytes, load {os.getloadavg()[0]:.1f}', flush=True)
for (name, path), v in res.items():
    print(name, path, 'median wall', round(statistics.median(x[0] for x in v), 3), 'median cpu', round(statistics.median(x[1] for x in v), 2), 'all', [round(x[0], 2) for x in v])
for name, (port, pid, cred) in hosts.items():
    print(name, 'VmRSS/VmHWM', mem(pid))
