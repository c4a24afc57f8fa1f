#pragma once
#include <string>
#include <string_view>

#include "core/entities.hpp"

namespace jb {

// Dates are YYYY-MM-DD, times HH:MM[:SS], timestamps ISO 8601 (date, 'T', time with optional
// fraction, optional 'Z' or ±HH:MM offset).
bool is_valid_date(std::string_view text);
bool is_valid_time(std::string_view text);
bool is_valid_timestamp(std::string_view text);
bool is_valid_text_format(TextFormat format, std::string_view text);
std::string_view text_format_name(TextFormat format);

// Why `text` cannot be stored in `column` (not one of its allowed values, or not its date/time
// format), or "" when it can. Empty text is allowed wherever there is no enumeration.
std::string column_value_problem(const Column& column, std::string_view text);

}  // namespace jb
