#pragma once
#include <string>

#include "core/validate/finding.hpp"

namespace jb::validate {

class RuleContext;

// Facts as a finding names them, read back by id: class, subject, teacher, student, date and the
// fact itself. Each returns false when the record is gone.
struct MarkFacts {
    Id mark = 0, work = 0, student = 0, school_class = 0, subject = 0, group = 0, lesson = 0;
    std::string raw, value, date, type_raw, entered_at;
};
bool read_mark(RuleContext& c, Id mark, MarkFacts& out);
// A finding about one mark, located: «5А, Русский язык, Белова А.С., Орлов Пётр, 2024-09-03».
Finding& add_mark_finding(RuleContext& c, const MarkFacts& mark, std::string message);

struct LessonFacts {
    Id lesson = 0, school_class = 0, subject = 0, group = 0;
    std::string date, topic;
    std::int64_t number = 0;
};
bool read_lesson(RuleContext& c, Id lesson, LessonFacts& out);
Finding& add_lesson_finding(RuleContext& c, const LessonFacts& lesson, std::string message);
std::string lesson_name(const std::string& date, std::int64_t number);  // «2024-09-03, урок 2»

// A REAL or INTEGER column value as a number (0 for null or text).
double real_of(const Value& value);

// «…» quoting used in messages.
std::string quoted(const std::string& text);

}  // namespace jb::validate
