#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/value.hpp"

namespace jb::sql {
class Db;
}

// How completely a journal is kept (the numbers of the «Анализ работы с классными журналами»,
// seeds 001 §4.2 and 002 §5.2): current marks per student per subject per period, and how many
// held lessons carry a topic and a homework, per class-subject and per teacher.
namespace jb::report {

struct StudentPeriodMarks {
    Id class_id = 0, subject_id = 0, period_id = 0, student_id = 0;
    std::string class_name, subject_name, period_name, student_name;
    std::int64_t marks = 0;  // current marks (debt markers not counted), by the work's (or lesson's) date
};

struct LessonFill {
    std::int64_t lessons = 0, with_topic = 0, with_homework = 0;
    double topic_percent() const;     // 0 when there are no lessons
    double homework_percent() const;
};

struct ClassSubjectCompleteness {
    Id class_id = 0, subject_id = 0;
    std::string class_name, subject_name;
    LessonFill fill;
    std::int64_t student_periods = 0;  // (student, period) pairs the class-subject had
    std::int64_t marks = 0;
    std::int64_t min_marks = 0;        // fewest marks of one student in one period
    std::int64_t without_marks = 0;    // (student, period) pairs with no mark at all
    double marks_per_student_period() const;
};

struct TeacherCompleteness {
    Id teacher_id = 0;
    std::string name;
    LessonFill fill;
};

struct Completeness {
    std::string as_of;  // lessons after this date are not yet due; periods starting after it are skipped
    std::vector<StudentPeriodMarks> student_marks;      // by class, subject, period, student
    std::vector<ClassSubjectCompleteness> class_subjects;  // by class, subject
    std::vector<TeacherCompleteness> teachers;          // by name
    LessonFill total;
    std::int64_t student_periods = 0, marks = 0;
};

// Lessons count when dated on or before `as_of` (YYYY-MM-DD) and taught by the teacher as main
// teacher or substitute. A class-subject taught only in groups counts the students of those groups.
// Periods are the year's finest division (quarters rather than halves); "year" periods are not used.
Completeness compute_completeness(sql::Db& db, const std::string& as_of);

}  // namespace jb::report
