#include "core/stats.hpp"

#include "core/sqlite.hpp"

namespace jb {

std::vector<std::pair<std::string, std::int64_t>> compute_stats(sql::Db& db) {
    // Homework counts when something is left after stripping white space (incl. no-break space).
    static const std::pair<const char*, const char*> queries[] = {
        {"schools", "SELECT count(*) FROM school"},
        {"classes", "SELECT count(*) FROM class"},
        {"students", "SELECT count(DISTINCT person_id) FROM person_role WHERE role = 'student'"},
        {"teachers", "SELECT count(DISTINCT person_id) FROM person_role WHERE role = 'teacher'"},
        {"subjects", "SELECT count(*) FROM subject"},
        {"lessons", "SELECT count(*) FROM lesson"},
        {"marks", "SELECT count(*) FROM mark WHERE debt = 0"},
        {"debts", "SELECT count(*) FROM mark WHERE debt = 1"},
        {"absences", "SELECT count(*) FROM attendance WHERE reason IS NULL OR reason <> 'present'"},
        {"homework", "SELECT count(*) FROM lesson WHERE trim(homework, ' ' || char(9, 10, 13, 160, 8203)) <> ''"},
        {"final_marks", "SELECT count(*) FROM final_mark"},
    };
    std::vector<std::pair<std::string, std::int64_t>> result;
    for (const auto& [key, query] : queries) result.emplace_back(key, db.scalar(query));
    return result;
}

}  // namespace jb
