#pragma once
#include <string>
#include <string_view>

#include "core/sqlite.hpp"
#include "core/value.hpp"

// One kind of journal fact read from an archive in id order, so two archives can be merge-joined
// without holding either in memory. Ids derive from natural keys, so one fact has one id in both.
namespace jb::diff {

enum class Fact { mark, attendance, final_mark, topic, homework };

inline constexpr Fact all_facts[] = {Fact::mark, Fact::attendance, Fact::final_mark, Fact::topic, Fact::homework};

// Where a fact sits, as an admin names it; names come from the archive the fact was read from.
struct FactContext {
    Id class_id = 0, subject_id = 0, student_id = 0;
    std::string class_name, subject_name, student_name;
    std::string date;    // YYYY-MM-DD, '' when unknown
    std::string detail;  // work type, lesson number, period name
};

struct FactRow {
    Id id = 0;
    std::string compared;  // the fact's value columns joined; equal text means the same value
    std::string shown;     // the value as the journal shows it
    bool is_mark = false;  // a current mark proper (not a debt marker)
};

// The scanning SELECT of a fact kind (exposed so a test can check it streams without sorting).
std::string_view fact_query(Fact fact);

class FactCursor {
public:
    FactCursor(sql::Db& db, Fact fact);
    // Reads the next fact into `row`; false at the end.
    bool next(FactRow& row);
    // Where the fact with this id sits (looked up only for facts that changed).
    FactContext context(Id id);

private:
    sql::Stmt scan_;
    sql::Stmt context_;
};

}  // namespace jb::diff
