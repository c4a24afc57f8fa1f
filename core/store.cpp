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

std::string quoted_name(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string column_names(const TableSpec& spec) {
    std::string names;
    for (std::size_t i = 0; i < spec.columns.size(); ++i) names += (i ? "," : "") + quoted_name(spec.columns[i].name);
    return names;
}

std::string placeholders(const TableSpec& spec) {
    std::string params;
    for (std::size_t i = 0; i < spec.columns.size(); ++i) params += (i ? ",?" : "?");
    return params;
}

std::string stage_name(const TableSpec& spec) { return quoted_name("stage_" + std::string(spec.table)); }

// What a record whose id is already in the archive does to the row there.
std::string on_conflict(const TableSpec& spec) {
    std::string table = quoted_name(spec.table);
    std::string updates, differs;
    for (std::size_t i = 1; i < spec.columns.size(); ++i) {
        const Column& column = spec.columns[i];
        if (column.key) continue;  // equal keys are what made the conflict
        std::string name = quoted_name(column.name);
        std::string incoming = "excluded." + name;
        if (empty_means_unknown(column.type)) incoming = "coalesce(nullif(" + incoming + ",''), " + table + "." + name + ")";
        updates += std::string(updates.empty() ? "" : ",") + name + "=" + incoming;
        differs += std::string(differs.empty() ? "" : " OR ") + table + "." + name + " IS NOT " + incoming;
    }
    if (updates.empty()) return " ON CONFLICT(id) DO NOTHING";
    return " ON CONFLICT(id) DO UPDATE SET " + updates + " WHERE " + differs;
}

// INSERT … SELECT of the stage table's rows into the archive, in id order, with upsert_sql's rules.
std::string merge_sql(const TableSpec& spec) {
    // `WHERE true` keeps SQLite's parser from reading ON CONFLICT as a join constraint.
    return "INSERT INTO " + quoted_name(spec.table) + "(" + column_names(spec) + ") SELECT " + column_names(spec) +
           " FROM temp." + stage_name(spec) + " WHERE true ORDER BY id, rowid" + on_conflict(spec);
}

}  // namespace

std::string upsert_sql(const TableSpec& spec) {
    return "INSERT INTO " + quoted_name(spec.table) + "(" + column_names(spec) + ") VALUES(" + placeholders(spec) +
           ")" + on_conflict(spec);
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
    if (!state.upsert && staging_) {
        db_.exec("CREATE TEMP TABLE " + stage_name(spec) + "(" + column_names(spec) + ")");
        std::string append = "INSERT INTO temp." + stage_name(spec) + " VALUES(" + placeholders(spec) + ")";
        state.upsert = std::make_unique<sql::Stmt>(db_, append);
        state.staged = true;
    }
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
    if (!state.staged) written_ += db_.changes();
}

void Store::stage_in_temporary_tables() {
    db_.exec("PRAGMA temp_store = FILE");  // stage tables as large as the capture stay out of memory
    staging_ = true;
    last_spec_ = nullptr;
    last_state_ = nullptr;
}

void Store::merge_staged(const std::function<void(std::int64_t, std::int64_t)>& on_table) {
    std::int64_t total = 0, done = 0;
    for (const auto& [spec, state] : tables_) total += state.staged ? 1 : 0;
    staging_ = false;
    last_spec_ = nullptr;
    last_state_ = nullptr;
    auto merge = [&](const TableSpec& spec, TableState& state) {
        if (!state.staged) return;
        state.upsert.reset();  // the stage table cannot be dropped while a statement uses it
        state.staged = false;
        db_.exec(merge_sql(spec));
        written_ += db_.changes();
        db_.exec("DROP TABLE temp." + stage_name(spec));
        if (on_table) on_table(++done, total);
    };
    for (const TableSpec* spec : all_tables())  // referenced tables first, as a reader would expect
        if (auto found = tables_.find(spec); found != tables_.end()) merge(*spec, found->second);
    for (auto& [spec, state] : tables_) merge(*spec, state);
}

std::map<std::string, std::int64_t> Store::per_table() const {
    std::map<std::string, std::int64_t> counts;
    for (const auto& [spec, state] : tables_)
        if (state.records > 0) counts[std::string(spec->table)] = state.records;
    return counts;
}

}  // namespace jb
