#include "core/bulk_load.hpp"

#include "core/sqlite.hpp"

namespace jb {

DeferredIndexes::DeferredIndexes(sql::Db& db) : db_(db) {
    sql::Stmt list(db_, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
    while (list.step()) indexes_.emplace_back(list.column_text(0), list.column_text(1));
    for (const auto& [name, ddl] : indexes_) db_.exec("DROP INDEX \"" + name + "\"");
}

void DeferredIndexes::rebuild() {
    for (const auto& [name, ddl] : indexes_) db_.exec(ddl);
    indexes_.clear();
}

}  // namespace jb
