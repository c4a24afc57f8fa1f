// Rules about final marks (docs/rules.md «Final marks»).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "core/mark_value.hpp"
#include "core/sqlite.hpp"
#include "core/subject_names.hpp"
#include "core/validate/context.hpp"
#include "core/validate/dates.hpp"
#include "core/validate/locate.hpp"
#include "core/validate/rules.hpp"

namespace jb::validate {
namespace {

struct FinalFacts {
    Id id = 0, student = 0, school_class = 0, subject = 0, period = 0;
    std::string kind, raw, value, entered_at;
    bool has_numeric = false;
    double numeric = 0;
};

FinalFacts read_final(sql::Stmt& q) {
    FinalFacts f;
    f.id = q.column_int(0);
    f.student = q.column_int(1);
    f.school_class = q.column_int(2);
    f.subject = q.column_int(3);
    f.period = q.column_int(4);
    f.kind = q.column_text(5);
    f.raw = q.column_text(6);
    f.value = q.column_text(7);
    f.has_numeric = !q.column_is_null(8);
    if (f.has_numeric) f.numeric = real_of(q.column(8));
    f.entered_at = q.column_text(9);
    return f;
}

constexpr std::string_view kFinalColumns =
    "SELECT id, student_id, class_id, subject_id, coalesce(period_id, 0), kind, raw, value, numeric, "
    "coalesce(entered_at, '') FROM final_mark";

std::string kind_name(const std::string& kind) {
    if (kind == "period") return "за период";
    if (kind == "year") return "годовая";
    if (kind == "exam") return "экзаменационная";
    if (kind == "final") return "итоговая";
    return kind;
}

Finding& add_final_finding(RuleContext& c, const FinalFacts& f, std::string message) {
    Finding& finding = c.add(std::move(message));
    c.names().locate(finding.where, f.school_class, f.subject);
    finding.where.student = c.names().person_ref(f.student);
    if (f.period != 0) finding.where.period = c.names().period_ref(f.period);
    finding.where.final_mark = {f.id, f.raw.empty() ? f.value : f.raw};
    finding.where.details.emplace_back("kind", f.kind);
    return finding;
}

std::string period_label(RuleContext& c, const FinalFacts& f) {
    if (f.period == 0) return kind_name(f.kind);
    return "за «" + c.names().period_ref(f.period).name + "»";
}

// Match keys (case and spacing ignored) of a profile's list of spellings.
std::set<std::string> match_keys(const std::vector<std::string>& list) {
    std::set<std::string> keys;
    for (const std::string& item : list) keys.insert(subject_match_key(item));
    return keys;
}

bool listed(const std::set<std::string>& keys, const std::string& text) { return keys.count(subject_match_key(text)) > 0; }

void check_final_values(RuleContext& c, const std::vector<std::string>& list, const std::string& what) {
    const std::set<std::string> values = match_keys(list);
    sql::Stmt q(c.db(), kFinalColumns);
    while (q.step()) {
        FinalFacts f = read_final(q);
        if (!listed(values, f.raw) && !listed(values, f.value)) continue;
        add_final_finding(c, f, "Отметка " + period_label(c, f) + " " + quoted(f.raw.empty() ? f.value : f.raw) + ": " + what);
    }
}

// Current marks of each student, class-subject and period that has final marks: one pass in SQL,
// shared by final.insufficient-marks and final.unjustified.
const std::map<PeriodKey, PeriodMarks>& period_marks(RuleContext& c) {
    auto& cache = c.state().period_marks;
    if (cache) return *cache;
    cache.emplace();
    sql::Stmt q(c.db(),
                "SELECT m.student_id, w.class_id, w.subject_id, p.id, count(*), count(m.numeric), "
                "total(CASE WHEN m.numeric IS NOT NULL THEN coalesce(m.weight, w.weight, 1.0) END), "
                "total(coalesce(m.weight, w.weight, 1.0) * m.numeric) "
                "FROM mark m NOT INDEXED JOIN work w ON w.id = m.work_id LEFT JOIN lesson l ON l.id = w.lesson_id "
                "JOIN class c ON c.id = w.class_id "
                "JOIN period p ON p.year_id = c.year_id AND p.start_date <= coalesce(w.date, l.date) "
                "AND p.end_date >= coalesce(w.date, l.date) "
                "WHERE m.debt = 0 AND m.value <> '' "
                "AND p.id IN (SELECT period_id FROM final_mark WHERE period_id IS NOT NULL) GROUP BY 1, 2, 3, 4");
    while (q.step()) {
        PeriodMarks& s = (*cache)[{q.column_int(0), q.column_int(1), q.column_int(2), q.column_int(3)}];
        s.count = q.column_int(4);
        s.numeric_count = q.column_int(5);
        s.weight_sum = real_of(q.column(6));
        s.weighted_sum = real_of(q.column(7));
    }
    return *cache;
}

std::vector<FinalFacts> numeric_period_finals(RuleContext& c) {
    std::vector<FinalFacts> out;
    sql::Stmt q(c.db(), std::string(kFinalColumns) + " WHERE period_id IS NOT NULL AND numeric IS NOT NULL");
    while (q.step()) {
        FinalFacts f = read_final(q);
        if (c.names().period(f.period) == nullptr) continue;
        out.push_back(std::move(f));
    }
    return out;
}

std::string format_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text = buffer;
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

}  // namespace

void check_final_symbol(RuleContext& c) {
    const auto allowed_list = c.list("allowed");
    const std::set<std::string> allowed = match_keys(allowed_list);
    const bool allow_modifiers = c.flag("allow_modifiers");
    // «н/а» and «осв.» have rules of their own (final.na, final.osv).
    const std::set<std::string> own_rules{"н/а", "н/a", "на", "не аттестован", "неаттестован", "осв", "осв.",
                                             "освобожден", "освобождён"};
    std::string allowed_text;
    for (const auto& s : allowed_list) allowed_text += (allowed_text.empty() ? "" : " ") + s;
    sql::Stmt q(c.db(), kFinalColumns);
    while (q.step()) {
        FinalFacts f = read_final(q);
        if (f.value.empty() || listed(own_rules, f.value) || listed(own_rules, f.raw)) continue;
        const bool bad_symbol = !listed(allowed, f.value);
        const bool bad_modifier = !allow_modifiers && !f.raw.empty() && (f.raw.back() == '+' || f.raw.back() == '-') &&
                                  !parse_mark(f.raw).modifier.empty();
        if (!bad_symbol && !bad_modifier) continue;
        add_final_finding(c, f, "Отметка " + period_label(c, f) + " " + quoted(f.raw.empty() ? f.value : f.raw) +
                                    " не из разрешённых (" + allowed_text + ")");
    }
}

void check_final_na(RuleContext& c) {
    check_final_values(c, c.list("values"),
                       "«не аттестован» не допускается, нужна отсроченная аттестация (ликвидация задолженности)");
}

void check_final_osv(RuleContext& c) {
    check_final_values(c, c.list("values"),
                       "«освобождён» не допускается; обучающихся специальной группы аттестуют по теории");
}

void check_final_missing(RuleContext& c) {
    const auto kinds = c.list("period_kinds");
    const bool only_marked_classes = c.flag("only_where_class_has_finals");
    for (const PeriodInfo& p : c.names().periods()) {
        if (p.end_day >= c.today() || std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end()) continue;
        std::set<std::tuple<Id, Id, Id>> have;  // student, class, subject
        std::set<std::pair<Id, Id>> marked;     // class, subject
        sql::Stmt f(c.db(), "SELECT student_id, class_id, subject_id FROM final_mark WHERE period_id = ?");
        f.bind(1, p.id);
        while (f.step()) {
            have.insert({f.column_int(0), f.column_int(1), f.column_int(2)});
            marked.insert({f.column_int(1), f.column_int(2)});
        }
        // Class-subjects taught in the period, with the groups their lessons were given to.
        std::map<std::pair<Id, Id>, std::set<Id>> taught;
        sql::Stmt l(c.db(), "SELECT DISTINCT class_id, subject_id, coalesce(group_id, 0) FROM lesson WHERE date BETWEEN ? AND ?");
        l.bind(1, std::string_view(p.start)).bind(2, std::string_view(p.end));
        while (l.step()) {
            const ClassInfo* cls = c.names().school_class(l.column_int(0));
            if (cls == nullptr || cls->year != p.year) continue;
            taught[{l.column_int(0), l.column_int(1)}].insert(l.column_int(2));
        }
        sql::Stmt students(c.db(), "SELECT DISTINCT student_id, coalesce(group_id, 0) FROM enrolment WHERE class_id = ? "
                                   "AND (joined = '' OR joined <= ?) AND (left_on IS NULL OR left_on = '' OR left_on >= ?)");
        for (const auto& [class_subject, groups] : taught) {
            const auto& [school_class, subject] = class_subject;
            if (only_marked_classes && !marked.count(class_subject)) continue;
            std::set<Id> in_class, in_groups;
            std::set<Id> groups_with_members;
            students.bind(1, school_class).bind(2, std::string_view(p.end)).bind(3, std::string_view(p.start));
            while (students.step()) {
                Id group = students.column_int(1);
                if (group == 0) in_class.insert(students.column_int(0));
                else if (groups.count(group)) {
                    in_groups.insert(students.column_int(0));
                    groups_with_members.insert(group);
                }
            }
            students.reset();
            // Lessons only in groups whose members are known: those members; otherwise the class.
            const bool by_groups = !groups.count(0) && groups_with_members.size() == groups.size();
            for (Id student : by_groups ? in_groups : in_class) {
                if (have.count({student, school_class, subject})) continue;
                Finding& finding = c.add("Нет отметки за «" + p.name + "» по предмету «" + c.names().subject_name(subject) +
                                         "» (период закончился " + p.end + ", отсрочка не записана)");
                c.names().locate(finding.where, school_class, subject);
                finding.where.student = c.names().person_ref(student);
                finding.where.period = {p.id, p.name};
            }
        }
    }
}

void check_final_insufficient_marks(RuleContext& c) {
    const double small_max = c.real("small_hours_max");
    const std::int64_t min_small = c.integer("min_marks_small"), extra = c.integer("extra_marks");
    std::vector<FinalFacts> finals = numeric_period_finals(c);
    const auto& sums = period_marks(c);
    // Hours a week: the curriculum's, else lessons of the period per week.
    std::map<std::pair<Id, Id>, double> plan;
    sql::Stmt cur(c.db(), "SELECT class_id, subject_id, hours_per_week, hours_per_year FROM curriculum "
                          "ORDER BY group_id IS NOT NULL");
    while (cur.step()) {
        std::pair<Id, Id> key{cur.column_int(0), cur.column_int(1)};
        if (plan.count(key)) continue;
        if (!cur.column_is_null(2)) plan[key] = real_of(cur.column(2));
        else if (!cur.column_is_null(3)) plan[key] = real_of(cur.column(3)) / 34.0;
    }
    std::map<std::tuple<Id, Id, Id>, std::int64_t> lesson_counts;  // class, subject, period → lessons (largest group)
    sql::Stmt counts(c.db(), "SELECT class_id, subject_id, coalesce(group_id, 0), date FROM lesson");
    std::map<std::tuple<Id, Id, Id, Id>, std::int64_t> per_group;
    while (counts.step()) {
        auto day = day_number(counts.column_text(3));
        const ClassInfo* cls = c.names().school_class(counts.column_int(0));
        if (!day || cls == nullptr) continue;
        for (const PeriodInfo& p : c.names().periods())
            if (p.year == cls->year && *day >= p.start_day && *day <= p.end_day)
                ++per_group[{counts.column_int(0), counts.column_int(1), p.id, counts.column_int(2)}];
    }
    for (const auto& [key, n] : per_group) {
        auto& best = lesson_counts[{std::get<0>(key), std::get<1>(key), std::get<2>(key)}];
        best = std::max(best, n);
    }
    for (const FinalFacts& f : finals) {
        const PeriodInfo* p = c.names().period(f.period);
        double hours = 0;
        std::string source;
        if (auto it = plan.find({f.school_class, f.subject}); it != plan.end()) {
            hours = it->second;
            source = "по учебному плану";
        } else {
            double weeks = std::max(1.0, static_cast<double>(p->end_day - p->start_day + 1) / 7.0);
            hours = static_cast<double>(lesson_counts[{f.school_class, f.subject, f.period}]) / weeks;
            source = "по расписанию";
        }
        if (hours <= 0) continue;
        const std::int64_t needed = hours <= small_max + 1e-9 ? min_small : std::llround(std::ceil(hours - 1e-9)) + extra;
        auto it = sums.find({f.student, f.school_class, f.subject, f.period});
        const std::int64_t have = it == sums.end() ? 0 : it->second.count;
        if (have >= needed) continue;
        Finding& finding = add_final_finding(c, f, "Отметка " + period_label(c, f) + " " + quoted(f.raw) + " выставлена по " +
                                                       std::to_string(have) + " текущим отметкам, а нужно не меньше " +
                                                       std::to_string(needed) + " (" + format_number(hours) +
                                                       " ч в неделю " + source + ")");
        finding.where.details.emplace_back("marks", std::to_string(have));
        finding.where.details.emplace_back("needed", std::to_string(needed));
    }
}

void check_final_unjustified(RuleContext& c) {
    const double max_difference = c.real("max_difference");
    const std::int64_t min_marks = c.integer("min_marks");
    std::vector<FinalFacts> finals = numeric_period_finals(c);
    const auto& sums = period_marks(c);
    for (const FinalFacts& f : finals) {
        auto it = sums.find({f.student, f.school_class, f.subject, f.period});
        if (it == sums.end() || it->second.numeric_count < min_marks || it->second.weight_sum <= 0) continue;
        const double average = it->second.weighted_sum / it->second.weight_sum;
        if (std::fabs(f.numeric - average) <= max_difference + 1e-9) continue;
        Finding& finding = add_final_finding(c, f, "Отметка " + period_label(c, f) + " " + quoted(f.raw) +
                                                       " расходится со средним баллом текущих отметок " +
                                                       format_number(average) + " больше чем на " +
                                                       format_number(max_difference));
        finding.where.details.emplace_back("average", format_number(average));
    }
}

void check_final_deadline(RuleContext& c) {
    const std::int64_t earliest = c.integer("earliest_days_before_end"), latest = c.integer("latest_days_after_end");
    const int offset = c.names().offset_minutes();
    sql::Stmt q(c.db(), std::string(kFinalColumns) + " WHERE period_id IS NOT NULL AND entered_at IS NOT NULL");
    while (q.step()) {
        FinalFacts f = read_final(q);
        const PeriodInfo* p = c.names().period(f.period);
        auto day = local_day(f.entered_at, offset);
        if (p == nullptr || !day) continue;
        const bool too_early = earliest >= 0 && *day < p->end_day - earliest;
        const bool too_late = *day > p->end_day + latest;
        if (!too_early && !too_late) continue;
        std::string window = earliest >= 0 ? "с " + date_text(p->end_day - earliest) + " " : "";
        window += "по " + date_text(p->end_day + latest);
        Finding& finding = add_final_finding(c, f, "Отметка " + period_label(c, f) + " " + quoted(f.raw) + " выставлена " +
                                                       date_text(*day) + ", а срок — " + window + " (период закончился " +
                                                       p->end + ")");
        finding.where.details.emplace_back("entered_at", f.entered_at);
    }
}

}  // namespace jb::validate
