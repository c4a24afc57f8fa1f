#include "core/schema.hpp"

#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/sqlite.hpp"

namespace jb {
namespace {

std::string quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string check_in(const Column& column) {
    std::string list;
    for (std::string_view value : column.allowed) {
        if (!list.empty()) list += ",";
        list += "'" + std::string(value) + "'";
    }
    return " CHECK (" + quoted(column.name) + " IN (" + list + "))";
}

std::string column_ddl(const Column& column) {
    std::string name = quoted(column.name);
    std::string fk = " REFERENCES " + quoted(column.ref_table) + "(id) DEFERRABLE INITIALLY DEFERRED";
    switch (column.type) {
        case ColumnType::id: return name + " INTEGER PRIMARY KEY";
        case ColumnType::ref: return name + " INTEGER NOT NULL" + fk;
        case ColumnType::opt_ref: return name + " INTEGER" + fk;
        case ColumnType::any_ref:
        case ColumnType::integer: return name + " INTEGER NOT NULL DEFAULT 0";
        case ColumnType::boolean: return name + " INTEGER NOT NULL DEFAULT 0 CHECK (" + name + " IN (0,1))";
        case ColumnType::text: return name + " TEXT NOT NULL DEFAULT ''";
        case ColumnType::opt_text: return name + " TEXT";
        case ColumnType::opt_real: return name + " REAL";
        case ColumnType::enumeration: return name + " TEXT NOT NULL" + check_in(column);
        case ColumnType::opt_enumeration: return name + " TEXT" + check_in(column);
    }
    return name;
}

// Provenance tables of version 1: import runs, their inputs, and the raw captures (zstd, in chunks).
constexpr std::string_view provenance_v1 = R"sql(
CREATE TABLE archive_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE import_run(
  id INTEGER PRIMARY KEY, adapter TEXT NOT NULL, adapter_version TEXT NOT NULL,
  jbridge_version TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
  school_year INTEGER, records INTEGER NOT NULL, inserted INTEGER NOT NULL,
  updated INTEGER NOT NULL, unchanged INTEGER NOT NULL, counts TEXT NOT NULL) STRICT;
CREATE TABLE capture(
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, name TEXT NOT NULL, size INTEGER NOT NULL,
  compressed_size INTEGER NOT NULL, compression TEXT NOT NULL CHECK (compression IN ('zstd'))) STRICT;
CREATE TABLE capture_chunk(
  capture_id INTEGER NOT NULL REFERENCES capture(id), seq INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (capture_id, seq)) STRICT, WITHOUT ROWID;
CREATE TABLE run_input(
  run_id INTEGER NOT NULL REFERENCES import_run(id), position INTEGER NOT NULL, path TEXT NOT NULL,
  sha256 TEXT NOT NULL, size INTEGER NOT NULL, capture_id INTEGER REFERENCES capture(id),
  PRIMARY KEY (run_id, position)) STRICT;
)sql";

// Lookups that validation and export make often.
constexpr std::string_view indexes_v1 = R"sql(
CREATE INDEX lesson_by_class_date ON lesson(class_id, date);
CREATE INDEX mark_by_student ON mark(student_id);
CREATE INDEX mark_by_work ON mark(work_id);
CREATE INDEX attendance_by_student ON attendance(student_id);
CREATE INDEX final_mark_by_student ON final_mark(student_id, subject_id);
CREATE INDEX source_id_by_entity ON source_id(entity_id);
)sql";

}  // namespace

std::string migration_sql(int version) {
    std::string sql;
    for (const TableSpec* spec : all_tables()) {
        if (spec->since_version == version) {
            sql += "CREATE TABLE " + quoted(spec->table) + "(";
            bool first = true;
            for (const Column& column : spec->columns) {
                if (column.since_version > version) continue;
                sql += (first ? "\n  " : ",\n  ") + column_ddl(column);
                first = false;
            }
            sql += ") STRICT;\n";
        } else if (spec->since_version < version) {
            for (const Column& column : spec->columns)
                if (column.since_version == version)
                    sql += "ALTER TABLE " + quoted(spec->table) + " ADD COLUMN " + column_ddl(column) + ";\n";
        }
    }
    if (version == 1) sql += std::string(provenance_v1) + std::string(indexes_v1);
    return sql;
}

int schema_version(sql::Db& db) { return static_cast<int>(db.scalar("PRAGMA user_version")); }

bool is_jbridge_archive(sql::Db& db) { return db.scalar("PRAGMA application_id") == kApplicationId; }

void migrate(sql::Db& db, int target) {
    int current = schema_version(db);
    if (current > target)
        throw Error(db.path() + ": archive schema version " + std::to_string(current) +
                    " is newer than this jbridge understands (" + std::to_string(target) +
                    "); use a newer jbridge");
    if (current == 0) db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    for (int version = current + 1; version <= target; ++version) {
        db.exec(migration_sql(version));
        db.exec("PRAGMA user_version = " + std::to_string(version));
    }
}

}  // namespace jb
