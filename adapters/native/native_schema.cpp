#include <nlohmann/json.hpp>

#include "adapters/native/native_format.hpp"
#include "core/entities.hpp"

namespace jb::native {
namespace {

using ordered = nlohmann::ordered_json;

const char* hex_id_pattern = "^[0-7][0-9a-f]{15}$";

ordered format_pattern(TextFormat format) {
    switch (format) {
        case TextFormat::date: return "^$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
        case TextFormat::time: return "^$|^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$";
        case TextFormat::timestamp:
            return "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$";
        case TextFormat::free: break;
    }
    return nullptr;
}

ordered column_schema(const Column& column) {
    ordered schema;
    switch (column.type) {
        case ColumnType::id:
        case ColumnType::ref:
        case ColumnType::any_ref: schema = {{"type", "string"}, {"pattern", hex_id_pattern}}; break;
        case ColumnType::opt_ref: schema = {{"type", {"string", "null"}}, {"pattern", hex_id_pattern}}; break;
        case ColumnType::integer: schema = {{"type", "integer"}}; break;
        case ColumnType::boolean: schema = {{"type", "boolean"}}; break;
        case ColumnType::opt_real: schema = {{"type", {"number", "null"}}}; break;
        case ColumnType::text: schema = {{"type", "string"}}; break;
        case ColumnType::opt_text: schema = {{"type", {"string", "null"}}}; break;
        case ColumnType::enumeration:
        case ColumnType::opt_enumeration: {
            ordered values = ordered::array();
            for (auto value : column.allowed) values.push_back(value);
            if (column.type == ColumnType::opt_enumeration) values.push_back(nullptr);
            schema = {{"enum", values}};
            break;
        }
    }
    ordered pattern = format_pattern(column.format);
    if (!pattern.is_null()) schema["pattern"] = pattern;
    if (column.key) schema["description"] = "part of the natural key";
    if (column.type == ColumnType::ref || column.type == ColumnType::opt_ref)
        schema["description"] = std::string(column.key ? "part of the natural key; " : "") + "id of a " +
                                std::string(column.ref_table) + " record";
    return schema;
}

}  // namespace

nlohmann::json json_schema() {
    ordered variants = ordered::array();
    variants.push_back({{"title", "header"},
                        {"type", "object"},
                        {"required", {kRecordKey, "format", "version"}},
                        {"additionalProperties", false},
                        {"properties",
                         {{kRecordKey, {{"const", "header"}}},
                          {"format", {{"const", kFormatName}}},
                          {"version", {{"const", kFormatVersion}}}}}});
    for (const TableSpec* spec : all_tables()) {
        ordered properties{{kRecordKey, {{"const", spec->table}}}};
        ordered required = ordered::array({kRecordKey});
        for (const Column& column : spec->columns) {
            properties[std::string(column.name)] = column_schema(column);
            required.push_back(column.name);
        }
        variants.push_back({{"title", spec->table},
                            {"type", "object"},
                            {"required", required},
                            {"additionalProperties", false},
                            {"properties", properties}});
    }
    variants.push_back({{"title", "end"},
                        {"type", "object"},
                        {"required", {kRecordKey, "records"}},
                        {"additionalProperties", false},
                        {"properties", {{kRecordKey, {{"const", "end"}}}, {"records", {{"type", "integer"}, {"minimum", 0}}}}}});
    ordered schema{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                   {"$id", "https://jbridge.invalid/native-bundle-v1.schema.json"},
                   {"title", "One line of a jbridge native bundle (format version 1)"},
                   {"description",
                    "A bundle is JSON Lines: a header record, the entity records, then an end record with the count. "
                    "Generated from core/entities.cpp; see docs/native-format.md."},
                   {"oneOf", variants}};
    return nlohmann::json::parse(schema.dump());
}

}  // namespace jb::native
