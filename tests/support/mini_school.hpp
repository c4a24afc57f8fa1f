#pragma once
#include <string>

#include "core/value.hpp"

namespace jb {
class Sink;
}

namespace jb::test {

// The smallest school that exercises every table: one class with a subgroup, one subject, a
// teacher, two students and a parent, one lesson with homework, one work with a double mark, a
// debt, an absence, a period and a final mark, a curriculum line and source ids.
struct MiniSchool {
    Id school, year, quarter, school_class, group, subject, teacher, student, second_student, parent, lesson, work;
};

MiniSchool put_mini_school(Sink& sink);

// A new archive at `path` holding the mini school (built and published like an import).
MiniSchool make_mini_archive(const std::string& path);

}  // namespace jb::test
