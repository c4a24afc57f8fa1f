#pragma once
#include <string>

#include "core/validate/finding.hpp"

namespace jb::validate {

// The report for a deputy director, in Russian: totals, rules that could not run and why, then the
// findings grouped by class, then subject and teacher, in date order.
std::string render_text(const ValidationResult& result);

}  // namespace jb::validate
