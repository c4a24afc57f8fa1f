#pragma once
#include <string>
#include <vector>

#include "tools/netschool-sim/sim_school.hpp"

// What netschool-sim serves to a staff (teacher) account: attendance reasons, classes, subject
// groups, terms, and the class journal (grade/journal) of every subject group and term
// (docs/platforms/netschool.md §3.10).
namespace jb::netschool_sim {

// Answers the staff endpoints; {404} for any other path.
Answer staff_answer(const SimSchool& school, const std::string& path, const Query& query);
// Every request a full staff pull makes after context, years/current, the types and diary/init.
std::vector<std::string> staff_targets(const SimSchool& school);

}  // namespace jb::netschool_sim
