#pragma once
#include <istream>
#include <ostream>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace jb {
namespace sql {
class Db;
}
class Sink;
class Progress;

namespace native {

// jbridge's own bundle: JSON Lines, one record per line, canonical (docs/native-format.md).
inline constexpr const char* kFormatName = "jbridge-native";
inline constexpr int kFormatVersion = 1;
// The key that names a line's record type ("header", a model table, "end"); no column may use it.
inline constexpr const char* kRecordKey = "record";

// Streams a bundle into the sink, checking every record; `name` is used in error messages.
void read_bundle(std::istream& in, const std::string& name, Sink& sink);

// Writes the whole archive canonically: tables in dependency order, rows by id, fields in spec order.
void write_bundle(sql::Db& db, std::ostream& out, Progress* progress);

// JSON Schema (draft 2020-12) of one bundle line, generated from the model's table specs.
nlohmann::json json_schema();

}  // namespace native
}  // namespace jb
