#pragma once
#include <iosfwd>
#include <string>

#include "core/diff/archive_diff.hpp"

namespace jb::diff {

// For an admin, in Russian: a summary, then the changes grouped by class, subject and student.
void write_text(const DiffResult& result, std::ostream& out);

// One JSON object: {"old","new","school","counts","changes","findings","summary"}; findings have
// the validate shape {"rule","severity","message","where"}.
void write_json(const DiffResult& result, std::ostream& out);

// The mark.changed finding's message for a change that breaks the rule.
std::string finding_message(const Change& change);

// "2024-09-03" → "03.09.2024"; other text unchanged.
std::string russian_date(const std::string& iso_date);

}  // namespace jb::diff
