#include "core/store.hpp"

#include "core/error.hpp"
#include "core/sqlite.hpp"
#include "core/text_format.hpp"

namespace jb {

namespace {

// Columns where "empty" means "this source does not say": '' or null never overwrite a value the
// archive already has, so a later import from a poorer source cannot erase what a richer one gave.
bool empty_means_unknown(ColumnType type) {
    switch (type) {
        case ColumnType::text:
        case ColumnType::opt_text:
        case ColumnType::opt_real:
        case ColumnType::opt_ref:
        case ColumnType::opt_enumeration: return true;
        default: return false;
    }
}

}  // namespace

std::string upsert_sql(const TableSpec& spec) {
    std::string table = "\"" + std::string(spec.table) + "\"";
    std::string names, params, updates, differs;
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        const Column& column = spec.columns[i];
        std::string name = "\"" + std::string(column.name) + "\"";
        names += (i ? "," : "") + name;
        params += (i ? ",?" : "?");
        if (i == 0 || column.key) continue;  // equal keys are what made the conflict
        std::string incoming = "excluded." + name;
        if (empty_means_unknown(column.type)) incoming = "coalesce(nullif(" + incoming + ",''), " + table + "." + name + ")";
        updates += std::string(updates.empty() ? "" : ",") + name + "=" + incoming;
        differs += std::string(differs.empty() ? "" : " OR ") + table + "." + name + " IS NOT " + incoming;
    }
    std::string sql = "INSERT INTO " + table + "(" + names + ") VALUES(" + params + ") ON CONFLICT(id) DO ";
    if (updates.empty()) return sql + "NOTHING";
    return sql + "UPDATE SET " + updates + " WHERE " + differs;
}

void check_row(const TableSpec& spec, const Row& row) {
    if (row.size() != spec.columns.size())
        throw Error(std::string(spec.table) + ": a record with " + std::to_string(row.size()) + " values instead of " +
                    std::to_string(spec.columns.size()));
    for (std::size_t i = 0; i < row.size(); ++i) {
        const auto* text = std::get_if<std::string>(&row[i]);
        if (!text) continue;
        std::string problem = column_value_problem(spec.columns[i], *text);
        if (!problem.empty())
            throw Error(std::string(spec.table) + "." + std::string(spec.columns[i].name) + ": " + problem);
    }
}

Store::Store(sql::Db& db) : db_(db) {}
Store::~Store() = default;

Store::TableState& Store::state_for(const TableSpec& spec) {
    if (&spec == last_spec_) return *last_state_;
    TableState& state = tables_[&spec];
    if (!state.upsert) state.upsert = std::make_unique<sql::Stmt>(db_, upsert_sql(spec));
    last_spec_ = &spec;
    last_state_ = &state;
    return state;
}

void Store::put(const TableSpec& spec, const Row& row) {
    check_row(spec, row);
    TableState& state = state_for(spec);
    sql::Stmt& stmt = *state.upsert;
    for (std::size_t i = 0; i < row.size(); ++i) stmt.bind(static_cast<int>(i + 1), row[i]);
    stmt.run();
    ++records_;
    ++state.records;
    written_ += db_.changes();
}

std::map<std::string, std::int64_t> Store::per_table() const {
    std::map<std::string, std::int64_t> counts;
    for (const auto& [spec, state] : tables_)
        if (state.records > 0) counts[std::string(spec->table)] = state.records;
    return counts;
}

}  // namespace jb
