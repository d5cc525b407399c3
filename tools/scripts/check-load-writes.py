#!/usr/bin/env python3
"""Checks that every write load.py saw acknowledged is in the SQLite database (orders, payments, disputes, deliveries).
usage: check-load-writes.py LOAD.jsonl DATABASE.db   (exit 1 when one is missing)"""
import json, sqlite3, sys

records = [json.loads(line) for line in open(sys.argv[1])]
db = sqlite3.connect(f'file:{sys.argv[2]}?mode=ro', uri=True)
checks = {'order': 'select 1 from orders where Number=?', 'payment': 'select 1 from payments where Reference=?',
          'dispute': 'select 1 from disputes where Number=?',
          'deliver': "select 1 from orders where Number=? and Status in ('Delivered', 'Invoiced')"}
failed = False
for op, sql in checks.items():
    acknowledged = [r['id'] for r in records if r['op'] == op and r['st'] in (200, 201)]
    missing = [i for i in acknowledged if db.execute(sql, (i,)).fetchone() is None]
    failed |= bool(missing)
    print(json.dumps({'op': op, 'acknowledged': len(acknowledged), 'missing': missing[:10], 'missingCount': len(missing)}))
conflicts = [r for r in records if r['st'] == 409 or r['st'] >= 500]
print(json.dumps({'conflictsOr5xx': len(conflicts)}))
sys.exit(1 if failed or conflicts else 0)
