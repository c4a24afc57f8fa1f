#include "core/validate/context.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/sqlite.hpp"
#include "core/subject_names.hpp"
#include "core/validate/dates.hpp"
#include "core/validate/profile.hpp"
#include "core/validate/rule.hpp"

namespace jb::validate {

Names::Names(sql::Db& db) : db_(db) {
    sql::Stmt classes(db, "SELECT id, name, grade, year_id FROM class");
    while (classes.step())
        classes_[classes.column_int(0)] = {classes.column_text(1), classes.column_int(2), classes.column_int(3)};
    const SubjectNames& names = SubjectNames::standard();
    sql::Stmt subjects(db, "SELECT id, name FROM subject");
    while (subjects.step()) subjects_[subjects.column_int(0)] = names.canonical(subjects.column_text(1));
    sql::Stmt people(db, "SELECT id, last_name, first_name, middle_name FROM person");
    while (people.step()) {
        std::string name = people.column_text(1);
        for (int column : {2, 3}) {
            std::string part = people.column_text(column);
            if (!part.empty()) name += (name.empty() ? "" : " ") + part;
        }
        people_[people.column_int(0)] = name;
    }
    sql::Stmt years(db, "SELECT id, start_year, start_date, end_date FROM school_year");
    while (years.step()) {
        YearInfo year;
        year.start_year = years.column_int(1);
        const std::string start = years.column_text(2), end = years.column_text(3);
        year.start_day = day_number(start).value_or(
            day_number(std::to_string(year.start_year) + "-09-01").value_or(0));
        year.declared_end = day_number(end).has_value();
        year.end_day = day_number(end).value_or(
            day_number(std::to_string(year.start_year + 1) + "-08-31").value_or(0));
        years_[years.column_int(0)] = year;
    }
    sql::Stmt periods(db, "SELECT id, year_id, kind, name, start_date, end_date FROM period ORDER BY start_date, id");
    while (periods.step()) {
        PeriodInfo p;
        p.id = periods.column_int(0);
        p.year = periods.column_int(1);
        p.kind = periods.column_text(2);
        p.name = periods.column_text(3);
        p.start = periods.column_text(4);
        p.end = periods.column_text(5);
        auto start = day_number(p.start), end = day_number(p.end);
        if (!start || !end) continue;
        p.start_day = *start;
        p.end_day = *end;
        period_index_[p.id] = periods_.size();
        periods_.push_back(p);
    }
    sql::Stmt assignments(db, "SELECT class_id, subject_id, coalesce(group_id, 0), teacher_id FROM teaching_assignment ORDER BY id");
    while (assignments.step()) {
        assignments_.emplace(std::tuple{assignments.column_int(0), assignments.column_int(1), assignments.column_int(2)},
                             assignments.column_int(3));
        any_group_assignments_.emplace(std::pair{assignments.column_int(0), assignments.column_int(1)},
                                       assignments.column_int(3));
    }
    sql::Stmt zone(db, "SELECT timezone FROM school WHERE timezone <> '' ORDER BY id LIMIT 1");
    if (zone.step()) offset_minutes_ = zone_offset_minutes(zone.column_text(0));
}

const ClassInfo* Names::school_class(Id id) const {
    auto it = classes_.find(id);
    return it == classes_.end() ? nullptr : &it->second;
}

const PeriodInfo* Names::period(Id id) const {
    auto it = period_index_.find(id);
    return it == period_index_.end() ? nullptr : &periods_[it->second];
}

const YearInfo* Names::year(Id id) const {
    auto it = years_.find(id);
    return it == years_.end() ? nullptr : &it->second;
}

const PeriodInfo* Names::period_of(Id year, std::int64_t day) const {
    const PeriodInfo* best = nullptr;
    for (const PeriodInfo& p : periods_) {
        if (p.year != year || day < p.start_day || day > p.end_day) continue;
        if (best == nullptr || p.end_day - p.start_day < best->end_day - best->start_day) best = &p;
    }
    return best;
}

EntityRef Names::class_ref(Id id) const {
    const ClassInfo* c = school_class(id);
    return {id, c ? c->name : std::string()};
}

std::string Names::subject_name(Id id) const {
    auto it = subjects_.find(id);
    return it == subjects_.end() ? std::string() : it->second;
}

EntityRef Names::subject_ref(Id id) const { return {id, subject_name(id)}; }

EntityRef Names::person_ref(Id id) const {
    auto it = people_.find(id);
    return {id, it == people_.end() ? std::string() : it->second};
}

EntityRef Names::period_ref(Id id) const {
    const PeriodInfo* p = period(id);
    return {id, p ? p->name : std::string()};
}

EntityRef Names::teacher_of(Id school_class, Id subject, Id group, Id lesson) {
    if (lesson != 0) {
        if (!lessons_loaded_) {
            // Main teacher first, then a substitute, then anyone: the first one kept wins.
            sql::Stmt all(db_, "SELECT lesson_id, teacher_id FROM lesson_teacher "
                               "ORDER BY role <> 'main', role <> 'substitute', id");
            while (all.step()) lesson_teachers_.emplace(all.column_int(0), all.column_int(1));
            lessons_loaded_ = true;
        }
        auto it = lesson_teachers_.find(lesson);
        if (it != lesson_teachers_.end()) return person_ref(it->second);
    }
    for (Id g : {group, Id{0}}) {
        auto it = assignments_.find({school_class, subject, g});
        if (it != assignments_.end()) return person_ref(it->second);
    }
    auto any = any_group_assignments_.find({school_class, subject});
    if (any != any_group_assignments_.end()) return person_ref(any->second);
    return {};
}

void Names::locate(Where& where, Id school_class, Id subject, Id group, Id lesson) {
    if (school_class != 0) where.school_class = class_ref(school_class);
    if (subject != 0) where.subject = subject_ref(subject);
    if (school_class != 0 && subject != 0) where.teacher = teacher_of(school_class, subject, group, lesson);
}

RuleContext::RuleContext(RunState& state, const RuleSpec& rule, const RuleSettings& settings, std::vector<Finding>& out)
    : state_(state), rule_(rule), settings_(settings), out_(out) {}

namespace {
const ParamSpec& require(const RuleSpec& rule, std::string_view name) {
    const ParamSpec* p = rule.param(name);
    if (p == nullptr) throw std::logic_error("rule " + std::string(rule.id) + " has no parameter " + std::string(name));
    return *p;
}
}  // namespace

std::string RuleContext::text(std::string_view param) const {
    const ParamSpec& spec = require(rule_, param);
    auto it = settings_.values.find(param);
    return it != settings_.values.end() ? it->second : std::string(spec.default_text);
}

std::int64_t RuleContext::integer(std::string_view param) const { return std::stoll(text(param)); }
double RuleContext::real(std::string_view param) const { return std::stod(text(param)); }
bool RuleContext::flag(std::string_view param) const { return text(param) == "true"; }

std::vector<std::string> RuleContext::list(std::string_view param) const {
    const ParamSpec& spec = require(rule_, param);
    auto it = settings_.lists.find(param);
    if (it != settings_.lists.end()) return it->second;
    return {spec.default_list.begin(), spec.default_list.end()};
}

Finding& RuleContext::add(std::string message) {
    Finding& f = out_.emplace_back();
    f.rule = std::string(rule_.id);
    f.severity = settings_.severity;
    f.message = std::move(message);
    return f;
}

}  // namespace jb::validate
