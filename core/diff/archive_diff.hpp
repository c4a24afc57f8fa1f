#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/diff/fact_cursor.hpp"

// `jbridge diff OLD NEW`: what changed between two archives of one school.
namespace jb::diff {

enum class ChangeKind { added, removed, changed };

struct Change {
    Fact fact = Fact::mark;
    ChangeKind kind = ChangeKind::added;
    Id id = 0;
    std::string old_value, new_value;  // as shown; '' on the side where the fact is absent
    bool old_was_mark = false;         // the older archive held a current mark (not a debt marker)
    FactContext context;               // from the newer archive when the fact is there, else the older
};

// Rule `mark.changed` (001 §4.2): a current mark of the older archive was altered or disappeared.
// A debt marker that turns into a mark is the debt being closed, not a correction.
bool breaks_mark_changed(const Change& change);

struct SchoolInfo {
    Id id = 0;
    std::string code, name;
};

struct Counts {
    std::int64_t added = 0, removed = 0, changed = 0;
};

struct DiffResult {
    std::string old_path, new_path;
    std::vector<SchoolInfo> schools;
    std::vector<Change> changes;  // only the changes are kept, never the unchanged facts
    std::array<Counts, std::size(all_facts)> counts{};
    std::int64_t errors = 0;      // mark.changed findings
    // When each archive was last imported into ('' when it records no import run), to notice
    // archives given in the wrong order.
    std::string old_last_import, new_last_import;
    bool looks_swapped() const {
        return !old_last_import.empty() && !new_last_import.empty() && old_last_import > new_last_import;
    }

    const Counts& count(Fact fact) const { return counts[static_cast<std::size_t>(fact)]; }
};

// Throws jb::Error when either file is not a readable archive or the archives hold different schools.
DiffResult diff_archives(const std::string& old_path, const std::string& new_path);

// The merge-join itself, over two already opened archives; `emit` receives each change in id order.
void diff_facts(sql::Db& old_db, sql::Db& new_db, Fact fact, const std::function<void(Change&&)>& emit);

}  // namespace jb::diff
