#!/usr/bin/env python3
"""Requests/s of one client on GET /api/auth/me with a cookie and with HTTP Basic, alternating 5 rounds of 200 (medians).
usage: basic-vs-cookie.py HOST PORT DEMO-CREDENTIALS-FILE"""
import base64, http.client, json, sys, time, statistics
host, port, creds = sys.argv[1], int(sys.argv[2]), sys.argv[3]
users = {l.split()[0]: l.split()[1] for l in open(creds) if l.strip() and not l.startswith('#')}
user = 'collector' if 'collector' in users else next(iter(users))
pw = users[user]
c = http.client.HTTPConnection(host, port)
c.request('POST', '/api/auth/login', json.dumps({'userName': user, 'password': pw}), {'content-type': 'application/json'})
r = c.getresponse(); r.read(); cookie = r.getheader('Set-Cookie').split(';')[0]
basic = 'Basic ' + base64.b64encode(f'{user}:{pw}'.encode()).decode()
def rate(headers, n=200):
    t = time.perf_counter()
    for _ in range(n):
        c.request('GET', '/api/auth/me', headers=headers); r = c.getresponse(); r.read(); assert r.status == 200, r.status
    return n / (time.perf_counter() - t)
rate({'Cookie': cookie}, 20); rate({'Authorization': basic}, 20)
rounds = [(rate({'Cookie': cookie}), rate({'Authorization': basic})) for _ in range(5)]
ck = statistics.median(r[0] for r in rounds); bs = statistics.median(r[1] for r in rounds)
print(json.dumps({'endpoint': 'GET /api/auth/me', 'user': user, 'cookiePerSecond': round(ck, 1), 'basicPerSecond': round(bs, 1), 'basicToCookie': round(bs / ck, 3), 'rounds': [[round(a, 1), round(b, 1)] for a, b in rounds]}))
