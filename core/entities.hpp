#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"

// The common journal model described as data: one TableSpec per entity. The archive schema, the
// store's upserts, the native bundle's reader and writer and the deterministic ids are all derived
// from these specs, so a field is declared once.
namespace jb {

enum class ColumnType {
    id,               // the entity's own deterministic id (always column 0)
    ref,              // id of another entity, required
    opt_ref,          // id of another entity, or null
    integer,          // required integer
    boolean,          // 0/1, written as true/false in JSON
    text,             // required text, '' when unknown
    opt_text,         // text or null
    opt_real,         // number or null
    enumeration,      // one of `allowed`
    opt_enumeration,  // one of `allowed`, or null (an unmapped source value)
    any_ref,          // id of an entity in a table named by another column (no foreign key)
};

enum class TextFormat { free, date, time, timestamp };

struct Column {
    std::string_view name;
    ColumnType type;
    bool key = false;                       // part of the natural key the id is derived from
    std::string_view ref_table = {};        // for ref / opt_ref
    std::span<const std::string_view> allowed = {};  // for enumerations
    TextFormat format = TextFormat::free;
    int since_version = 1;                  // archive schema version that added the column
};

struct TableSpec {
    std::string_view table;   // SQL table name and the native record's "type"
    std::vector<Column> columns;
    int since_version = 1;

    int index_of(std::string_view column) const;  // -1 when absent
};

// Every entity table in dependency order (parents before children): the export order.
std::span<const TableSpec* const> all_tables();
const TableSpec* find_table(std::string_view name);

// Deterministic id from the natural key: the first 63 bits of SHA-256 over the table name and the
// key columns' canonical text, joined by U+001F.
Id derive_id(const TableSpec& spec, const Row& row);

// Lower-case 16-digit hex form used in the native bundle, and its parser (nullopt on bad text).
std::string id_to_hex(Id id);
bool id_from_hex(std::string_view text, Id& out);

namespace tables {
extern const TableSpec school, school_year, period, holiday, school_class, class_group, subject, subject_alias,
    person, person_role, guardianship, enrolment, teaching_assignment, curriculum, lesson, lesson_teacher, work,
    mark, attendance, final_mark, source_id;
}

}  // namespace jb
