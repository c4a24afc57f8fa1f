#include "core/archive_info.hpp"

#include <nlohmann/json.hpp>

#include "core/schema.hpp"
#include "core/sqlite.hpp"

namespace jb {
namespace {

using ordered = nlohmann::ordered_json;

ordered value_json(const Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
    if (const auto* d = std::get_if<double>(&value)) return *d;
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    return nullptr;
}

// Every row of a query as an object keyed by the column names given.
ordered rows(sql::Db& db, std::string_view query, std::initializer_list<const char*> names, std::int64_t bind = -1) {
    sql::Stmt stmt(db, query);
    if (bind >= 0) stmt.bind(1, bind);
    ordered list = ordered::array();
    while (stmt.step()) {
        ordered row;
        int i = 0;
        for (const char* name : names) row[name] = value_json(stmt.column(i++));
        list.push_back(row);
    }
    return list;
}

}  // namespace

nlohmann::json archive_info(sql::Db& db) {
    ordered info;
    info["schema_version"] = schema_version(db);
    ordered schools = rows(db, "SELECT id, code, name, region, timezone FROM school ORDER BY name",
                           {"id", "code", "name", "region", "timezone"});
    for (auto& school : schools) {
        ordered years = rows(db,
                             "SELECT id, start_year, start_date, end_date, "
                             "(SELECT count(*) FROM class WHERE year_id = school_year.id) FROM school_year "
                             "WHERE school_id = ? ORDER BY start_year",
                             {"id", "start_year", "start_date", "end_date", "classes"}, school["id"].get<std::int64_t>());
        for (auto& year : years) {
            year["periods"] = rows(db,
                                   "SELECT kind, number, name, start_date, end_date FROM period WHERE year_id = ? "
                                   "ORDER BY start_date, kind",
                                   {"kind", "number", "name", "start_date", "end_date"}, year["id"].get<std::int64_t>());
            year.erase("id");
        }
        school["years"] = years;
        school.erase("id");
    }
    info["schools"] = schools;
    ordered runs = rows(db,
                        "SELECT id, adapter, adapter_version, jbridge_version, started_at, finished_at, records, "
                        "inserted, updated, unchanged FROM import_run ORDER BY id",
                        {"run", "adapter", "adapter_version", "jbridge_version", "started_at", "finished_at",
                         "records", "inserted", "updated", "unchanged"});
    for (auto& run : runs)
        run["inputs"] = rows(db, "SELECT path, sha256, size FROM run_input WHERE run_id = ? ORDER BY position",
                             {"path", "sha256", "size"}, run["run"].get<std::int64_t>());
    info["import_runs"] = runs;
    info["captures"] = rows(db, "SELECT name, sha256, size, compressed_size, compression FROM capture ORDER BY id",
                            {"name", "sha256", "size", "compressed_size", "compression"});
    return nlohmann::json::parse(info.dump());
}

}  // namespace jb
