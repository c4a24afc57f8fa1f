#pragma once
#include <string_view>

#include "core/entities.hpp"

namespace jb {

// Builds one row of a table by column name and derives its id from the natural key:
//   Id m = RecordBuilder(tables::mark).set("work_id", w).set("student_id", s).set("raw", "5-").put(sink);
// Unset text columns are '', unset integers and booleans 0, everything else null.
class Sink;

class RecordBuilder {
public:
    explicit RecordBuilder(const TableSpec& spec);

    RecordBuilder& set(std::string_view column, Value value);
    RecordBuilder& set(std::string_view column, const char* text) { return set(column, Value(std::string(text))); }
    RecordBuilder& set(std::string_view column, std::string_view text) { return set(column, Value(std::string(text))); }
    RecordBuilder& set(std::string_view column, const std::string& text) { return set(column, Value(text)); }
    RecordBuilder& set(std::string_view column, int number) { return set(column, Value(std::int64_t{number})); }
    RecordBuilder& set(std::string_view column, std::int64_t number) { return set(column, Value(number)); }  // ids too
    RecordBuilder& set(std::string_view column, double number) { return set(column, Value(number)); }
    RecordBuilder& set(std::string_view column, bool flag) { return set(column, Value(std::int64_t{flag ? 1 : 0})); }

    Id id() const;                 // derived from the key columns set so far
    const Row& row();              // with the id filled in
    Id put(Sink& sink);            // sends the row, returns its id
    const TableSpec& spec() const { return spec_; }

private:
    const TableSpec& spec_;
    Row row_;
};

}  // namespace jb
