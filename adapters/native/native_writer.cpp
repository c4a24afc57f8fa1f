#include <nlohmann/json.hpp>

#include "adapters/native/native_format.hpp"
#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/sqlite.hpp"

namespace jb::native {
namespace {

using ordered = nlohmann::ordered_json;

ordered field_json(const Column& column, const Value& value) {
    if (is_null(value)) return nullptr;
    switch (column.type) {
        case ColumnType::id:
        case ColumnType::ref:
        case ColumnType::opt_ref:
        case ColumnType::any_ref: return id_to_hex(std::get<std::int64_t>(value));
        case ColumnType::boolean: return std::get<std::int64_t>(value) != 0;
        case ColumnType::integer: return std::get<std::int64_t>(value);
        case ColumnType::opt_real:
            if (const auto* n = std::get_if<std::int64_t>(&value)) return static_cast<double>(*n);
            return std::get<double>(value);
        default: return std::get<std::string>(value);
    }
}

std::string select_sql(const TableSpec& spec) {
    std::string columns;
    for (const Column& column : spec.columns) columns += (columns.empty() ? "\"" : ",\"") + std::string(column.name) + "\"";
    return "SELECT " + columns + " FROM \"" + std::string(spec.table) + "\" ORDER BY id";
}

}  // namespace

void write_bundle(sql::Db& db, std::ostream& out, Progress* progress) {
    ordered header{{kRecordKey, "header"}, {"format", kFormatName}, {"version", kFormatVersion}};
    out << header.dump() << '\n';
    std::int64_t records = 0;
    for (const TableSpec* spec : all_tables()) {
        sql::Stmt rows(db, select_sql(*spec));
        while (rows.step()) {
            ordered record{{kRecordKey, spec->table}};
            for (std::size_t i = 0; i < spec->columns.size(); ++i)
                record[std::string(spec->columns[i].name)] = field_json(spec->columns[i], rows.column(static_cast<int>(i)));
            out << record.dump() << '\n';
            ++records;
            if (progress && (records & 0xfff) == 0) progress->tick(records);
        }
    }
    ordered end{{kRecordKey, "end"}, {"records", records}};
    out << end.dump() << '\n';
    if (!out) throw Error("write failed (disk full?)");
}

}  // namespace jb::native
