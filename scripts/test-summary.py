#!/usr/bin/env python3
"""Prints what a test run ran, from Surefire's and Failsafe's reports: how many tests, how many failed or were
skipped, their time, and the slowest classes, so that a slow creep shows from one CI run to the next.

    python3 scripts/test-summary.py [target]
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

target = sys.argv[1] if len(sys.argv) > 1 else "target"
suites = []
for kind in ("surefire-reports", "failsafe-reports"):
    for path in glob.glob(os.path.join(target, kind, "TEST-*.xml")):
        root = ET.parse(path).getroot()
        suites.append((kind, root.get("name"), int(root.get("tests", 0)), int(root.get("failures", 0)),
                       int(root.get("errors", 0)), int(root.get("skipped", 0)), float(root.get("time", 0) or 0)))
if not suites:
    print("test summary: no test reports under " + target)
    sys.exit(0)
for kind, label in (("surefire-reports", "tests"), ("failsafe-reports", "integration tests")):
    mine = [s for s in suites if s[0] == kind]
    if mine:
        print("%s: %d run in %d classes, %d failed, %d errors, %d skipped, %.0f s in the tests themselves"
              % (label, sum(s[2] for s in mine), len(mine), sum(s[3] for s in mine), sum(s[4] for s in mine),
                 sum(s[5] for s in mine), sum(s[6] for s in mine)))
print("slowest classes:")
for kind, name, tests, failures, errors, skipped, time in sorted(suites, key=lambda s: -s[6])[:10]:
    print("  %7.1f s  %3d tests  %s" % (time, tests, name))
