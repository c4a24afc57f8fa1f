#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/value.hpp"
#include "tools/gen-synthetic/calendar.hpp"
#include "tools/gen-synthetic/subjects.hpp"
#include "tools/gen-synthetic/timetable.hpp"

namespace jb::synth {

// What the journal of one class needs to know about its school and its pupils; the school
// generator fills it in, the journal writer streams lessons, marks and attendance from it.

inline constexpr std::string_view kPlatform = "synthetic";
inline constexpr std::string_view kInstance = "synthetic.invalid";

struct Teacher {
    Id id = 0;
    int subject = -1;  // index into SchoolPlan::subjects
};

struct SchoolPlan {
    int index = 0;
    std::uint64_t seed = 0;
    Id id = 0, year = 0;
    SchoolCalendar calendar;
    int quarters = 1;                      // how many quarters get lessons
    std::vector<Id> quarter_ids;           // all four
    std::vector<const SubjectInfo*> subjects;
    std::vector<Id> subject_ids;
    std::vector<Teacher> teachers;
    std::vector<Busy> busy;                // per teacher: the lessons of the week they teach
    std::int64_t next_lesson_source = 0;   // made-up platform ids of lessons
};

struct Student {
    Id id = 0;
    int group = 0;                        // 0 or 1 for the split subject
    Date joined;
    std::optional<Date> left;             // first day no longer in the class
    bool released_from_pe = false;        // medical exemption: «осв» and no marks in PE
    std::vector<std::uint8_t> level;      // per subject: 0 weak … 3 excellent
    std::vector<std::uint8_t> target;     // per subject: marks a quarter the teacher aims for
    int ill_days_left = 0;                // running state of the attendance model

    bool active_on(Date day) const { return joined <= day && (!left || day < *left); }
};

struct ClassPlan {
    int index = 0;
    Id id = 0;
    int grade = 0;
    std::string name;
    std::array<Id, 2> groups{};                     // of the split subject, when it is taught
    std::vector<Student> students;
    Timetable timetable;
    std::vector<std::array<int, 2>> teachers;       // per subject: teacher index per group (or [t, -1])
};

}  // namespace jb::synth
