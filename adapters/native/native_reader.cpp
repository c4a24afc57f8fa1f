#include <nlohmann/json.hpp>

#include "adapters/native/native_format.hpp"
#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/sink.hpp"
#include "core/text_format.hpp"

namespace jb::native {
namespace {

using nlohmann::json;

struct LineContext {
    const std::string& name;
    std::size_t line;
    [[noreturn]] void fail(const std::string& message, std::size_t column = 0) const {
        throw input_error(name, line, column, message);
    }
    [[noreturn]] void fail_field(std::string_view field, const std::string& message) const {
        fail("/" + std::string(field) + ": " + message);
    }
};

std::string json_kind(const json& value) {
    if (value.is_null()) return "null";
    if (value.is_boolean()) return "a boolean";
    if (value.is_number()) return "a number";
    if (value.is_string()) return "a string";
    if (value.is_array()) return "an array";
    return "an object";
}

json parse_line(const std::string& text, const LineContext& where) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        std::string message = e.what();
        auto colon = message.find(": ", message.find("column"));
        message = colon == std::string::npos ? message : message.substr(colon + 2);
        if (!text.empty() && text.front() == '<') message = "an HTML page, not a jbridge native bundle";
        if (message.find("UTF-8") != std::string::npos)
            message = "text is not valid UTF-8 (a windows-1251 file? convert it with iconv first)";
        where.fail("malformed JSON: " + message, e.byte);
    } catch (const json::exception& e) {  // e.g. a number too large for a double
        std::string message = e.what();
        where.fail("malformed JSON: " + message.substr(message.find(']') + 2));
    }
}

Value id_value(const json& value, const Column& column, const LineContext& where) {
    if (value.is_null() && column.type == ColumnType::opt_ref) return std::monostate{};
    Id id = 0;
    if (!value.is_string() || !id_from_hex(value.get_ref<const std::string&>(), id))
        where.fail_field(column.name, "expected a 16-digit lower-case hex id, found " + json_kind(value));
    return id;
}

Value text_value(const json& value, const Column& column, const LineContext& where) {
    bool nullable = column.type == ColumnType::opt_text || column.type == ColumnType::opt_enumeration;
    if (value.is_null() && nullable) return std::monostate{};
    if (!value.is_string()) where.fail_field(column.name, "expected a string, found " + json_kind(value));
    const auto& text = value.get_ref<const std::string&>();
    std::string problem = column_value_problem(column, text);
    if (!problem.empty()) where.fail_field(column.name, problem);
    return text;
}

Value column_value(const json& value, const Column& column, const LineContext& where) {
    switch (column.type) {
        case ColumnType::id:
        case ColumnType::ref:
        case ColumnType::opt_ref:
        case ColumnType::any_ref: return id_value(value, column, where);
        case ColumnType::integer:
            if (!value.is_number_integer()) where.fail_field(column.name, "expected an integer, found " + json_kind(value));
            if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::uint64_t{INT64_MAX})
                where.fail_field(column.name, "integer out of range");
            return value.get<std::int64_t>();
        case ColumnType::boolean:
            if (!value.is_boolean()) where.fail_field(column.name, "expected true or false, found " + json_kind(value));
            return std::int64_t{value.get<bool>() ? 1 : 0};
        case ColumnType::opt_real:
            if (value.is_null()) return std::monostate{};
            if (!value.is_number()) where.fail_field(column.name, "expected a number or null, found " + json_kind(value));
            return value.get<double>();
        default: return text_value(value, column, where);
    }
}

Row record_row(const json& record, const TableSpec& spec, const LineContext& where) {
    Row row(spec.columns.size());
    std::size_t seen = 1;  // the record key
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        const Column& column = spec.columns[i];
        auto it = record.find(std::string(column.name));
        if (it == record.end()) where.fail_field(column.name, "missing in this " + std::string(spec.table) + " record");
        row[i] = column_value(*it, column, where);
        ++seen;
    }
    if (seen != record.size()) {
        for (const auto& [key, value] : record.items())
            if (key != kRecordKey && spec.index_of(key) < 0)
                where.fail_field(key, "unknown field in a " + std::string(spec.table) + " record");
    }
    Id expected = derive_id(spec, row);
    if (std::get<std::int64_t>(row[0]) != expected)
        where.fail_field("id", "does not match the record's natural key (expected " + id_to_hex(expected) + ")");
    return row;
}

bool has_string(const json& record, const char* key, std::string_view expected) {
    auto it = record.find(key);
    return it != record.end() && it->is_string() && it->get_ref<const std::string&>() == expected;
}

void check_header(const json& record, const LineContext& where) {
    if (!record.is_object() || !has_string(record, kRecordKey, "header") || !has_string(record, "format", kFormatName))
        where.fail("not a jbridge native bundle (the first line must be its header record)");
    auto version = record.find("version");
    if (version == record.end() || !version->is_number_integer())
        where.fail_field("version", "missing or not an integer");
    if (version->get<int>() > kFormatVersion)
        where.fail("native format version " + std::to_string(version->get<int>()) +
                   " was written by a newer jbridge (this one reads up to " + std::to_string(kFormatVersion) + ")");
    if (version->get<int>() < 1) where.fail_field("version", "unknown native format version");
}

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

}  // namespace

void read_bundle(std::istream& in, const std::string& name, Sink& sink) {
    std::string text;
    std::size_t line_number = 0;
    std::int64_t records = 0;
    bool header_seen = false, end_seen = false;
    while (std::getline(in, text)) {
        ++line_number;
        LineContext where{name, line_number};
        if (line_number == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
        if (is_blank(text)) continue;
        if (end_seen) where.fail("content after the end record");
        json record = parse_line(text, where);
        if (!header_seen) {
            check_header(record, where);
            header_seen = true;
            continue;
        }
        if (!record.is_object()) where.fail("expected a JSON object, found " + json_kind(record));
        auto type = record.find(kRecordKey);
        if (type == record.end() || !type->is_string()) where.fail_field(kRecordKey, "missing or not a string");
        const auto& type_name = type->get_ref<const std::string&>();
        if (type_name == "end") {
            auto count = record.find("records");
            if (count == record.end() || !count->is_number_integer() || count->get<std::int64_t>() != records)
                where.fail("the end record promises " + (count == record.end() ? std::string("?") : count->dump()) +
                           " records but the bundle holds " + std::to_string(records));
            end_seen = true;
            continue;
        }
        const TableSpec* spec = find_table(type_name);
        if (!spec) where.fail_field(kRecordKey, "unknown record type '" + type_name + "'");
        sink.put(*spec, record_row(record, *spec, where));
        ++records;
    }
    if (in.bad()) throw Error(name + ": read error");
    if (!header_seen) throw Error(name + ": empty file, not a jbridge native bundle");
    if (!end_seen)
        throw input_error(name, line_number, 0, "truncated: the bundle ends without its end record");
}

}  // namespace jb::native
