#pragma once
#include <string>

namespace jb {
namespace sql {
class Db;
}

// Archive schema version this build writes; archives of older versions are migrated forward.
inline constexpr int kSchemaVersion = 2;
// PRAGMA application_id of every jbridge archive ("JBRG").
inline constexpr int kApplicationId = 0x4A425247;

int schema_version(sql::Db& db);
bool is_jbridge_archive(sql::Db& db);

// Brings an empty database or an archive of an older version up to `target`, step by step.
// The caller holds the transaction.
void migrate(sql::Db& db, int target = kSchemaVersion);

// The DDL of one step (exposed for tests and documentation).
std::string migration_sql(int version);

}  // namespace jb
