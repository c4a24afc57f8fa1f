#include "core/validate/engine.hpp"

#include <chrono>
#include <map>

#include "core/error.hpp"
#include "core/sqlite.hpp"
#include "core/subject_names.hpp"
#include "core/validate/context.hpp"
#include "core/validate/dates.hpp"
#include "core/validate/profile.hpp"
#include "core/validate/rule.hpp"

namespace jb::validate {
namespace {

std::int64_t as_of_day(sql::Db& db, const ValidateOptions& options) {
    if (options.as_of) {
        auto day = day_number(*options.as_of);
        if (!day || options.as_of->size() != 10) throw Error("--as-of " + *options.as_of + ": expected a date YYYY-MM-DD");
        return *day;
    }
    sql::Stmt latest(db, "SELECT max(started_at) FROM import_run");
    if (latest.step() && !latest.column_is_null(0)) {
        if (auto day = day_number(latest.column_text(0))) return *day;
    }
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::seconds>(now).count() / 86400;
}

}  // namespace

ValidationResult run_validation(sql::Db& db, const Profile& profile, const ValidateOptions& options) {
    ValidationResult result;
    result.profile = profile.name;
    // Rules read whole tables: map the file instead of copying pages, keep sort trees in memory.
    db.exec("PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY");
    RunState state{db, Names(db), as_of_day(db, options), SubjectNames::standard()};
    std::map<std::string_view, bool> available;  // by exists_sql
    for (const RuleSpec& rule : all_rules()) {
        const RuleSettings* settings = profile.settings(rule.id);
        if (settings == nullptr) continue;
        std::string missing;
        for (const Need& need : rule.needs) {
            bool present = false;
            if (!need.exists_sql.empty()) {
                auto it = available.find(need.exists_sql);
                if (it == available.end()) it = available.emplace(need.exists_sql, db.scalar(need.exists_sql) != 0).first;
                present = it->second;
            }
            if (!present) missing += (missing.empty() ? "нет: " : ", ") + std::string(need.what);
        }
        if (!missing.empty() || rule.run == nullptr) {
            result.not_applicable.emplace_back(rule.id);
            result.why_not_applicable[std::string(rule.id)] = missing;
            continue;
        }
        std::vector<Finding> findings;
        RuleContext context(state, rule, *settings, findings);
        const auto started = std::chrono::steady_clock::now();
        rule.run(context);
        result.rule_seconds.emplace_back(
            rule.id, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        if (context.is_not_applicable()) {
            result.not_applicable.emplace_back(rule.id);
            result.why_not_applicable[std::string(rule.id)] = context.why_not_applicable();
            continue;
        }
        result.rules_run.emplace_back(rule.id);
        for (Finding& f : findings) result.findings.push_back(std::move(f));
    }
    return result;
}

}  // namespace jb::validate
