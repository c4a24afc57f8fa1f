#include "core/diff/archive_diff.hpp"

#include "core/archive.hpp"
#include "core/error.hpp"

namespace jb::diff {
namespace {

std::vector<SchoolInfo> schools_of(sql::Db& db) {
    std::vector<SchoolInfo> schools;
    sql::Stmt stmt(db, "SELECT id, code, name FROM school ORDER BY id");
    while (stmt.step()) schools.push_back({stmt.column_int(0), stmt.column_text(1), stmt.column_text(2)});
    return schools;
}

std::string describe(const std::vector<SchoolInfo>& schools) {
    if (schools.empty()) return "no school";
    std::string text;
    for (const SchoolInfo& school : schools) {
        if (!text.empty()) text += ", ";
        text += "«" + school.name + "» (code " + school.code + ")";
    }
    return text;
}

void check_same_school(const std::string& old_path, const std::vector<SchoolInfo>& old_schools,
                       const std::string& new_path, const std::vector<SchoolInfo>& new_schools) {
    if (old_schools.empty()) throw Error(old_path + ": the archive holds no school; nothing to compare");
    if (new_schools.empty()) throw Error(new_path + ": the archive holds no school; nothing to compare");
    bool same = old_schools.size() == new_schools.size();
    for (std::size_t i = 0; same && i < old_schools.size(); ++i) same = old_schools[i].id == new_schools[i].id;
    if (!same)
        throw Error("the archives are of different schools: " + old_path + " holds " + describe(old_schools) + ", " +
                    new_path + " holds " + describe(new_schools) +
                    "; diff compares two archives (backups) of the same school");
}

std::string last_import(sql::Db& db) {
    sql::Stmt stmt(db, "SELECT max(finished_at) FROM import_run");
    return stmt.step() && !stmt.column_is_null(0) ? stmt.column_text(0) : std::string();
}

}  // namespace

bool breaks_mark_changed(const Change& change) {
    return change.fact == Fact::mark && change.old_was_mark && change.kind != ChangeKind::added;
}

void diff_facts(sql::Db& old_db, sql::Db& new_db, Fact fact, const std::function<void(Change&&)>& emit) {
    FactCursor old_cursor(old_db, fact), new_cursor(new_db, fact);
    FactRow old_row, new_row;
    bool has_old = old_cursor.next(old_row), has_new = new_cursor.next(new_row);
    while (has_old || has_new) {
        Change change;
        change.fact = fact;
        if (has_old && (!has_new || old_row.id < new_row.id)) {
            change.kind = ChangeKind::removed;
            change.id = old_row.id;
            change.old_value = std::move(old_row.shown);
            change.old_was_mark = old_row.is_mark;
            change.context = old_cursor.context(old_row.id);
            emit(std::move(change));
            has_old = old_cursor.next(old_row);
        } else if (has_new && (!has_old || new_row.id < old_row.id)) {
            change.kind = ChangeKind::added;
            change.id = new_row.id;
            change.new_value = std::move(new_row.shown);
            change.context = new_cursor.context(new_row.id);
            emit(std::move(change));
            has_new = new_cursor.next(new_row);
        } else {
            if (old_row.compared != new_row.compared) {
                change.kind = ChangeKind::changed;
                change.id = new_row.id;
                change.old_value = std::move(old_row.shown);
                change.new_value = std::move(new_row.shown);
                change.old_was_mark = old_row.is_mark;
                change.context = new_cursor.context(new_row.id);
                emit(std::move(change));
            }
            has_old = old_cursor.next(old_row);
            has_new = new_cursor.next(new_row);
        }
    }
}

DiffResult diff_archives(const std::string& old_path, const std::string& new_path) {
    Archive old_archive = Archive::open_read(old_path);
    Archive new_archive = Archive::open_read(new_path);
    DiffResult result;
    result.old_path = old_path;
    result.new_path = new_path;
    std::vector<SchoolInfo> new_schools = schools_of(new_archive.db());
    result.schools = schools_of(old_archive.db());
    check_same_school(old_path, result.schools, new_path, new_schools);
    result.old_last_import = last_import(old_archive.db());
    result.new_last_import = last_import(new_archive.db());
    for (Fact fact : all_facts) {
        Counts& counts = result.counts[static_cast<std::size_t>(fact)];
        diff_facts(old_archive.db(), new_archive.db(), fact, [&](Change&& change) {
            switch (change.kind) {
                case ChangeKind::added: ++counts.added; break;
                case ChangeKind::removed: ++counts.removed; break;
                case ChangeKind::changed: ++counts.changed; break;
            }
            if (breaks_mark_changed(change)) ++result.errors;
            result.changes.push_back(std::move(change));
        });
    }
    return result;
}

}  // namespace jb::diff
