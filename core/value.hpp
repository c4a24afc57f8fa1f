#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace jb {

using Id = std::int64_t;

// One column value of a record: SQL NULL, INTEGER, REAL or TEXT.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
using Row = std::vector<Value>;

inline bool is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }

}  // namespace jb
