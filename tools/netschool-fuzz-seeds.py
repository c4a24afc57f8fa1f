#!/usr/bin/env python3
"""Seeds for tests/fuzz/netschool_fuzz.cpp from fixtures/netschool: one file per capture with the
bodies in the fuzz target's endpoint order, joined by its separator, plus each report page alone.
Usage: tools/netschool-fuzz-seeds.py OUTPUT_DIR"""
import base64
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "netschool")
ENDPOINTS = ["/webapi/context", "/webapi/grade/assignment/types", "/webapi/grade/attendance/reasons", "/webapi/classes",
             "/webapi/subjectgroups", "/webapi/terms/search", "/webapi/grade/studentList", "/webapi/grade/journal",
             "/webapi/student/diary/init", "/webapi/student/diary?", "/webapi/student/diary/assigns/", "/webapi/files/"]
SEPARATOR = b"\n--8<--\n"

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for name in ("staff.har", "pupil.har", "combined.har"):
    entries = json.load(open(os.path.join(ROOT, name), encoding="utf-8"))["log"]["entries"]
    bodies = {}
    for entry in entries:
        content = entry["response"]["content"]
        text = content.get("text", "")
        body = base64.b64decode(text) if content.get("encoding") == "base64" else text.encode()
        for i, endpoint in enumerate(ENDPOINTS):
            if endpoint in entry["request"]["url"] and entry["response"]["status"] == 200:
                bodies.setdefault(i, body)
                break
    with open(os.path.join(out, name + ".seed"), "wb") as seed:
        empty = {7: b'{"journals":[]}', 9: b"{}"}
        seed.write(SEPARATOR.join(bodies.get(i, empty.get(i, b"[]")) for i in range(len(ENDPOINTS))))
for name in os.listdir(ROOT):
    if name.endswith(".html"):
        with open(os.path.join(ROOT, name), "rb") as page, open(os.path.join(out, name + ".seed"), "wb") as seed:
            seed.write(page.read())
