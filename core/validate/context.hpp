#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/validate/finding.hpp"

namespace jb {
class SubjectNames;
namespace sql {
class Db;
}
}  // namespace jb

namespace jb::validate {

struct RuleSpec;
struct RuleSettings;

struct ClassInfo {
    std::string name;
    std::int64_t grade = 0;
    Id year = 0;
};

struct PeriodInfo {
    Id id = 0;
    Id year = 0;
    std::string kind, name, start, end;  // dates YYYY-MM-DD
    std::int64_t start_day = 0, end_day = 0;
};

struct YearInfo {
    std::int64_t start_year = 0;
    std::int64_t start_day = 0, end_day = 0;  // declared dates, else 1 September – 31 August
    bool declared_end = false;
};

// What every rule looks up: names of classes, subjects, people and periods, loaded once per run.
class Names {
public:
    explicit Names(sql::Db& db);

    const ClassInfo* school_class(Id id) const;
    const PeriodInfo* period(Id id) const;
    const YearInfo* year(Id id) const;
    const std::vector<PeriodInfo>& periods() const { return periods_; }
    // The period of `day` among the class's year's periods of the smallest kind, or nullptr.
    const PeriodInfo* period_of(Id year, std::int64_t day) const;

    EntityRef class_ref(Id id) const;
    EntityRef subject_ref(Id id) const;
    std::string subject_name(Id id) const;  // canonical (mappings/subjects.toml)
    EntityRef person_ref(Id id) const;
    EntityRef period_ref(Id id) const;
    // The teacher of a lesson (main, else any), else of the class-subject(-group) assignment.
    EntityRef teacher_of(Id school_class, Id subject, Id group, Id lesson);

    // Fills class, subject and teacher of a class-subject; the lesson too when given.
    void locate(Where& where, Id school_class, Id subject, Id group = 0, Id lesson = 0);

    int offset_minutes() const { return offset_minutes_; }

private:
    sql::Db& db_;
    std::map<Id, ClassInfo> classes_;
    std::map<Id, std::string> subjects_;
    std::map<Id, std::string> people_;
    std::map<Id, YearInfo> years_;
    std::vector<PeriodInfo> periods_;
    std::map<Id, std::size_t> period_index_;
    std::map<std::tuple<Id, Id, Id>, Id> assignments_;  // class, subject, group → teacher
    std::map<std::pair<Id, Id>, Id> any_group_assignments_;  // class, subject → first teacher
    std::map<Id, Id> lesson_teachers_;  // loaded on first use
    bool lessons_loaded_ = false;
    int offset_minutes_ = 180;
};

// Current marks of one student in one class-subject and period.
struct PeriodMarks {
    std::int64_t count = 0, numeric_count = 0;
    double weight_sum = 0, weighted_sum = 0;  // of numeric marks
};
using PeriodKey = std::tuple<Id, Id, Id, Id>;  // student, class, subject, period

// The run-wide state rules share: the archive, the names, the as-of day, sums several rules use.
struct RunState {
    sql::Db& db;
    Names names;
    std::int64_t today;  // day number; lessons before it are past
    const SubjectNames& subjects;
    std::optional<std::map<PeriodKey, PeriodMarks>> period_marks = {};
};

// What a rule's run function sees: its parameters, the archive, and where to put findings.
class RuleContext {
public:
    RuleContext(RunState& state, const RuleSpec& rule, const RuleSettings& settings, std::vector<Finding>& out);

    sql::Db& db() { return state_.db; }
    RunState& state() { return state_; }
    Names& names() { return state_.names; }
    const SubjectNames& subjects() const { return state_.subjects; }
    std::int64_t today() const { return state_.today; }

    std::int64_t integer(std::string_view param) const;
    double real(std::string_view param) const;
    bool flag(std::string_view param) const;
    std::string text(std::string_view param) const;
    std::vector<std::string> list(std::string_view param) const;

    // A new finding of this rule with the profile's severity; fill its `where`.
    Finding& add(std::string message);
    // The archive lacks what this rule needs in a way the rule's Need list cannot tell.
    void not_applicable(std::string why) {
        not_applicable_ = true;
        why_ = std::move(why);
    }
    bool is_not_applicable() const { return not_applicable_; }
    const std::string& why_not_applicable() const { return why_; }

private:
    RunState& state_;
    const RuleSpec& rule_;
    const RuleSettings& settings_;
    std::vector<Finding>& out_;
    bool not_applicable_ = false;
    std::string why_;
};

}  // namespace jb::validate
