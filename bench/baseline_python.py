#!/usr/bin/env python3
"""Baseline A of bench/run.sh: what an admin would write instead of jbridge.

Loads a Dnevnik.ru HAR with the standard library only (json + sqlite3, executemany in one
transaction) into three tables: students, lessons and marks (lesson marks and period marks, each
once). With --csv DIR it writes the same normalised rows as CSV files instead (baseline B's input
for the sqlite3 command line's .import) and creates no database.

  baseline_python.py CAPTURE.har OUT.sqlite
  baseline_python.py CAPTURE.har --csv DIR
"""
import csv
import json
import os
import re
import sqlite3
import sys

SCHEMA = """
CREATE TABLE students(id TEXT PRIMARY KEY, last_name TEXT, first_name TEXT, middle_name TEXT);
CREATE TABLE lessons(id TEXT PRIMARY KEY, group_id TEXT, subject_id TEXT, date TEXT, number INTEGER, title TEXT);
CREATE TABLE marks(id TEXT PRIMARY KEY, student_id TEXT, work_id TEXT, lesson_id TEXT, value TEXT, date TEXT,
                   work_type TEXT);
"""

PERSONS = re.compile(r"/v2/edu-groups/\d+/persons")
LESSONS = re.compile(r"/v2/edu-groups/\d+/lessons/")
MARKS = re.compile(r"/v2/edu-groups/\d+/marks/")
FINALS = re.compile(r"/v2/edu-groups/\d+/final-marks$|/allfinalmarks$")


def rows_of(har_path):
    students, lessons, marks = {}, {}, {}

    def add_mark(mark):
        marks[mark["id_str"]] = (mark["id_str"], mark["person_str"], mark["work_str"], mark.get("lesson_str"),
                                 mark["value"], mark["date"][:10], str(mark.get("workType")))

    with open(har_path, encoding="utf-8") as f:
        har = json.load(f)
    for entry in har["log"]["entries"]:
        url = entry["request"]["url"].split("?")[0]
        if entry["response"]["status"] != 200:
            continue
        text = entry["response"]["content"].get("text")
        if not text:
            continue
        if PERSONS.search(url):
            for p in json.loads(text):
                students[p["id_str"]] = (p["id_str"], p["lastName"], p["firstName"], p.get("middleName"))
        elif LESSONS.search(url):
            for l in json.loads(text):
                lessons[l["id_str"]] = (l["id_str"], l["group_str"], l["subject"]["id_str"], l["date"][:10],
                                        l["number"], l["title"])
        elif MARKS.search(url):
            for m in json.loads(text):
                add_mark(m)
        elif FINALS.search(url):
            body = json.loads(text)
            if isinstance(body, dict):
                for m in body.get("marks", []):
                    add_mark(m)
            else:
                for person in body:
                    for each in person.get("per-subject-final-marks", []):
                        add_mark(each["final-mark"])
    return students, lessons, marks


def main():
    if len(sys.argv) != 3 and not (len(sys.argv) == 4 and sys.argv[2] == "--csv"):
        sys.exit(__doc__)
    students, lessons, marks = rows_of(sys.argv[1])
    if sys.argv[2] == "--csv":
        out = sys.argv[3]
        os.makedirs(out, exist_ok=True)
        for name, rows in (("students", students), ("lessons", lessons), ("marks", marks)):
            with open(os.path.join(out, name + ".csv"), "w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows(rows.values())
        with open(os.path.join(out, "schema.sql"), "w", encoding="utf-8") as f:
            f.write(SCHEMA)
        return
    db = sqlite3.connect(sys.argv[2])
    db.executescript(SCHEMA)
    with db:
        db.executemany("INSERT INTO students VALUES(?,?,?,?)", students.values())
        db.executemany("INSERT INTO lessons VALUES(?,?,?,?,?,?)", lessons.values())
        db.executemany("INSERT INTO marks VALUES(?,?,?,?,?,?,?)", marks.values())
    db.close()
    print(f"baseline A: {len(students)} students, {len(lessons)} lessons, {len(marks)} marks")


if __name__ == "__main__":
    main()
