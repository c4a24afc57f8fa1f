#pragma once
#include <string>
#include <string_view>
#include <utility>

#include "core/record.hpp"

namespace jb::synth {

// jb::RecordBuilder with an exact overload for every argument type the generator passes: a
// std::string, an Id or a double are ambiguous with RecordBuilder's own set() overloads.
class Record {
public:
    explicit Record(const TableSpec& spec) : builder_(spec) {}

    Record& set(std::string_view column, Value value) {
        builder_.set(column, std::move(value));
        return *this;
    }
    Record& set(std::string_view column, std::string text) { return set(column, Value(std::move(text))); }
    Record& set(std::string_view column, std::string_view text) { return set(column, Value(std::string(text))); }
    Record& set(std::string_view column, const char* text) { return set(column, Value(std::string(text))); }
    Record& set(std::string_view column, Id id) { return set(column, Value(id)); }
    Record& set(std::string_view column, int number) { return set(column, Value(std::int64_t{number})); }
    Record& set(std::string_view column, double number) { return set(column, Value(number)); }
    Record& set(std::string_view column, bool flag) { return set(column, Value(std::int64_t{flag ? 1 : 0})); }

    Id put(Sink& sink) { return builder_.put(sink); }

private:
    RecordBuilder builder_;
};

}  // namespace jb::synth
