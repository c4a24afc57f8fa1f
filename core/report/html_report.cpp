#include "core/report/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <functional>
#include <tuple>

#include "core/report/html_text.hpp"
#include "core/report/svg_chart.hpp"
#include "core/version.hpp"

namespace jb::report {
namespace {

constexpr std::string_view style = R"css(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14px; color: #1d2330;
       margin: 24px 32px; max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 4px 0; }
h2 { font-size: 17px; margin: 28px 0 8px 0; border-bottom: 2px solid #d5dbe6; padding-bottom: 3px; }
p.meta { color: #4a5568; margin: 2px 0; }
table { border-collapse: collapse; margin: 6px 0 12px 0; }
th, td { border: 1px solid #cfd6e2; padding: 3px 8px; vertical-align: top; }
th { background: #eef2f8; text-align: left; font-weight: 600; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; background: #f6f8fb; }
tr.class-head td { background: #f3f5f9; font-weight: 600; }
.error { color: #a61b1b; font-weight: 600; }
.warning { color: #8a5a00; }
.info { color: #3b5a85; }
td.bad { background: #fbe9e9; }
td.rule { white-space: nowrap; font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
td.low { background: #fdf5e1; }
svg.chart { display: block; margin: 4px 0 8px 0; max-width: 100%; height: auto; }
svg.chart text { font-size: 12px; fill: #1d2330; }
svg.chart text.label { text-anchor: end; }
svg.chart text.tick { text-anchor: middle; fill: #59647a; font-size: 11px; }
svg.chart line.grid { stroke: #dde3ec; stroke-width: 1; }
details { margin: 6px 0 10px 0; }
table.findings { width: 100%; }
table.findings td.message { width: 42%; }
summary { font-weight: 600; cursor: default; }
p.note { color: #4a5568; font-size: 13px; }
p.footer { color: #7a8496; font-size: 12px; margin-top: 32px; }
)css";

const std::map<std::string, std::string>& stat_titles() {
    static const std::map<std::string, std::string> titles{
        {"schools", "Школ"},
        {"classes", "Классов"},
        {"students", "Учеников"},
        {"teachers", "Учителей"},
        {"subjects", "Предметов"},
        {"lessons", "Уроков в журнале (всего)"},
        {"marks", "Текущих отметок"},
        {"debts", "Открытых долгов (точек)"},
        {"absences", "Записей о пропусках и опозданиях"},
        {"homework", "Уроков с домашним заданием (всего)"},
        {"final_marks", "Итоговых отметок"},
    };
    return titles;
}

std::string severity_word(const std::string& severity) {
    if (severity == "error") return "ошибка";
    if (severity == "warning") return "предупреждение";
    if (severity == "info") return "сведение";
    return severity;
}

int severity_rank(const std::string& severity) { return severity == "error" ? 0 : severity == "warning" ? 1 : 2; }

std::string russian_date(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

std::string escaped(const std::string& text) { return html_escape(text); }
std::string cell(const std::string& text) { return "<td>" + escaped(text) + "</td>"; }
std::string num(std::int64_t value) { return "<td class=\"n\">" + std::to_string(value) + "</td>"; }
std::string num_text(const std::string& text, const std::string& css = "") {
    return "<td class=\"n" + (css.empty() ? "" : " " + css) + "\">" + escaped(text) + "</td>";
}

// Fill rates below these shares are shaded so a deputy director sees them at a glance.
std::string fill_class(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return "";
    double share = static_cast<double>(part) / static_cast<double>(whole);
    return share < 0.5 ? "bad" : share < 0.9 ? "low" : "";
}

struct SeverityCounts {
    std::int64_t error = 0, warning = 0, info = 0;
    std::map<std::string, std::int64_t> rules;
    void add(const ReportFinding& f) {
        if (f.severity == "error") ++error;
        else if (f.severity == "warning") ++warning;
        else ++info;
        ++rules[f.rule];
    }
    std::string cells() const {
        return "<td class=\"n" + std::string(error ? " error" : "") + "\">" + std::to_string(error) + "</td>" +
               num(warning) + num(info);
    }
    std::string top_rules() const {
        std::vector<std::pair<std::int64_t, std::string>> sorted;
        for (const auto& [rule, count] : rules) sorted.emplace_back(-count, rule);
        std::sort(sorted.begin(), sorted.end());
        std::string text;
        for (std::size_t i = 0; i < sorted.size() && i < 3; ++i)
            text += (i ? ", " : "") + sorted[i].second + " (" + std::to_string(-sorted[i].first) + ")";
        return text;
    }
};

std::string header(const ReportInput& in) {
    std::string html = "<h1>Анализ работы с классными журналами</h1>\n";
    html += "<p class=\"meta\"><b>" + escaped(in.title_school.empty() ? "Школа не указана" : in.title_school) + "</b></p>\n";
    html += "<p class=\"meta\">Данные журнала по " + escaped(russian_date(in.completeness.as_of)) + "; архив " +
            escaped(in.archive_name) + "; составлен " + escaped(russian_date(in.generated_on)) + ".</p>\n";
    if (in.validated)
        html += "<p class=\"meta\">Проверка по положению: профиль «" + escaped(in.validation.profile) + "».</p>\n";
    return html;
}

std::string summary_table(const ReportInput& in) {
    const Completeness& c = in.completeness;
    std::string html = "<h2>Сводка</h2>\n<table class=\"summary\"><tr><th>Показатель</th><th>Значение</th></tr>\n";
    for (const auto& [key, value] : in.stats) {
        auto title = stat_titles().find(key);
        html += "<tr>" + cell(title == stat_titles().end() ? key : title->second) + num(value) + "</tr>\n";
    }
    html += "<tr>" + cell("Уроков проведено по " + russian_date(c.as_of)) + num(c.total.lessons) + "</tr>\n";
    html += "<tr>" + cell("из них с темой урока") +
            num_text(std::to_string(c.total.with_topic) + " (" + percent_text(c.total.with_topic, c.total.lessons) + ")") +
            "</tr>\n";
    html += "<tr>" + cell("из них с домашним заданием") +
            num_text(std::to_string(c.total.with_homework) + " (" +
                     percent_text(c.total.with_homework, c.total.lessons) + ")") +
            "</tr>\n";
    std::int64_t without = 0;
    for (const auto& cs : c.class_subjects) without += cs.without_marks;
    html += "<tr>" + cell("Отметок на ученика по предмету за период, в среднем") +
            num_text(c.student_periods ? russian_number(static_cast<double>(c.marks) /
                                                        static_cast<double>(c.student_periods))
                                       : "—") +
            "</tr>\n";
    html += "<tr>" + cell("Ученик × предмет × период без единой отметки") + num(without) + "</tr>\n";
    if (in.validated) {
        const ReportValidation& v = in.validation;
        html += "<tr>" + cell("Замечаний: ошибок") + "<td class=\"n" + std::string(v.errors ? " error" : "") + "\">" +
                std::to_string(v.errors) + "</td></tr>\n";
        html += "<tr>" + cell("Замечаний: предупреждений") + num(v.warnings) + "</tr>\n";
        html += "<tr>" + cell("Замечаний: сведений") + num(v.infos) + "</tr>\n";
        html += "<tr>" + cell("Правил, к которым в архиве нет данных") +
                num(static_cast<std::int64_t>(v.not_applicable.size())) + "</tr>\n";
    }
    return html + "</table>\n";
}

std::string charts(const Completeness& c) {
    if (c.class_subjects.empty()) return "<h2>Заполнение журнала</h2>\n<p class=\"note\">В архиве нет уроков.</p>\n";
    std::vector<const ClassSubjectCompleteness*> ordered;
    for (const auto& cs : c.class_subjects) ordered.push_back(&cs);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
        return ClassOrder{}(a->class_name, b->class_name);
    });
    std::vector<BarRow> fill_rows, mark_rows;
    double most_marks = 0;
    for (const ClassSubjectCompleteness* item : ordered) {
        const ClassSubjectCompleteness& cs = *item;
        std::string label = cs.class_name + " · " + cs.subject_name;
        fill_rows.push_back({label,
                             {cs.fill.topic_percent(), cs.fill.homework_percent()},
                             {percent_text(cs.fill.with_topic, cs.fill.lessons),
                              percent_text(cs.fill.with_homework, cs.fill.lessons)}});
        double average = cs.marks_per_student_period();
        most_marks = std::max(most_marks, average);
        mark_rows.push_back({label,
                             {average, static_cast<double>(cs.min_marks)},
                             {russian_number(average), std::to_string(cs.min_marks)}});
    }
    std::string html = "<h2>Заполнение журнала по классам и предметам</h2>\n";
    html += svg_bar_chart({{"Уроки с темой", "#3b6fb6"}, {"Уроки с домашним заданием", "#4a9a5b"}}, fill_rows, 100,
                          {0, 25, 50, 75, 100}, " %", "Доля проведённых уроков с темой и с домашним заданием");
    // Grid lines every 1, 2 or 5 (times a power of ten) marks: at most six of them.
    auto grid_step = [](double largest) {
        for (double magnitude = 1;; magnitude *= 10)
            for (double factor : {1.0, 2.0, 5.0})
                if (largest / (factor * magnitude) <= 6) return factor * magnitude;
    };
    double step = grid_step(most_marks);
    double axis = std::max(step, std::ceil(most_marks / step) * step);
    std::vector<double> ticks;
    for (double t = 0; t <= axis + 1e-9; t += step) ticks.push_back(t);
    html += "<h2>Текущие отметки на ученика за период</h2>\n";
    html += svg_bar_chart({{"В среднем", "#c07a2c"}, {"Меньше всего у одного ученика", "#8c96a8"}}, mark_rows, axis,
                          ticks, "", "Среднее и наименьшее число текущих отметок одного ученика за учебный период");
    return html;
}

std::string teacher_table(const ReportInput& in) {
    std::map<std::string, std::pair<const TeacherCompleteness*, SeverityCounts>> rows;
    for (const auto& t : in.completeness.teachers) rows[t.name].first = &t;
    for (const auto& f : in.validation.findings) rows[f.teacher_name.empty() ? "" : f.teacher_name].second.add(f);
    std::string html = "<h2>По учителям</h2>\n<table><tr><th>Учитель</th><th>Уроков</th><th>С темой</th>"
                       "<th>С домашним заданием</th>";
    if (in.validated) html += "<th>Ошибок</th><th>Предупреждений</th><th>Сведений</th><th>Чаще всего</th>";
    html += "</tr>\n";
    for (const auto& [name, row] : rows) {
        if (name.empty()) continue;
        const LessonFill fill = row.first ? row.first->fill : LessonFill{};
        html += "<tr>" + cell(name) + num(fill.lessons) +
                num_text(percent_text(fill.with_topic, fill.lessons), fill_class(fill.with_topic, fill.lessons)) +
                num_text(percent_text(fill.with_homework, fill.lessons)) +
                (in.validated ? row.second.cells() + cell(row.second.top_rules()) : "") + "</tr>\n";
    }
    if (auto none = rows.find(""); none != rows.end() && in.validated)
        html += "<tr>" + cell("Учитель не определён") + "<td></td><td></td><td></td>" + none->second.second.cells() +
                cell(none->second.second.top_rules()) + "</tr>\n";
    html += "</table>\n<p class=\"note\">Уроки считаются за учителем, который вёл их как основной учитель или "
            "замещал; замечания без учителя отнесены к учителю урока или к учителю, за которым закреплены класс и "
            "предмет.</p>\n";
    return html;
}

std::string class_table(const ReportInput& in) {
    using Key = std::pair<std::string, std::string>;  // class, subject
    std::map<Key, SeverityCounts> findings;
    std::map<std::string, SeverityCounts, ClassOrder> per_class;
    for (const auto& f : in.validation.findings) {
        findings[{f.class_name, f.subject_name}].add(f);
        per_class[f.class_name].add(f);
    }
    std::map<std::string, std::vector<const ClassSubjectCompleteness*>, ClassOrder> classes;
    for (const auto& cs : in.completeness.class_subjects) classes[cs.class_name].push_back(&cs);
    for (const auto& [name, counts] : per_class) classes[name];

    std::string html = "<h2>По классам</h2>\n<table><tr><th>Класс · предмет</th><th>Уроков</th><th>С темой</th>"
                       "<th>С домашним заданием</th><th>Отметок на ученика за период</th><th>Меньше всего у ученика</th>"
                       "<th>Ученик-периодов без отметок</th>";
    if (in.validated) html += "<th>Ошибок</th><th>Предупреждений</th><th>Сведений</th>";
    html += "</tr>\n";
    for (const auto& [class_name, subjects] : classes) {
        std::string head = class_name.empty() ? "Без класса" : class_name;
        html += "<tr class=\"class-head\"><td colspan=\"7\">" + escaped(head) + "</td>" +
                (in.validated ? per_class[class_name].cells() : "") + "</tr>\n";
        std::set<std::string> shown;
        for (const ClassSubjectCompleteness* cs : subjects) {
            shown.insert(cs->subject_name);
            const LessonFill& fill = cs->fill;
            html += "<tr>" + cell("\u00a0\u00a0" + cs->subject_name) + num(fill.lessons) +
                    num_text(percent_text(fill.with_topic, fill.lessons), fill_class(fill.with_topic, fill.lessons)) +
                    num_text(percent_text(fill.with_homework, fill.lessons)) +
                    num_text(cs->student_periods ? russian_number(cs->marks_per_student_period()) : "—") +
                    num_text(std::to_string(cs->min_marks), cs->min_marks == 0 && cs->student_periods ? "low" : "") +
                    num(cs->without_marks) +
                    (in.validated ? findings[{class_name, cs->subject_name}].cells() : "") + "</tr>\n";
        }
        for (const auto& [key, counts] : findings) {
            if (key.first != class_name || shown.count(key.second) || (class_name.empty() && key.second.empty()))
                continue;
            html += "<tr>" + cell("\u00a0\u00a0" + (key.second.empty() ? std::string("без предмета") : key.second)) +
                    "<td></td><td></td><td></td><td></td><td></td><td></td>" + counts.cells() + "</tr>\n";
        }
    }
    return html + "</table>\n";
}

std::string findings_section(const ReportInput& in) {
    if (!in.validated)
        return "<h2>Замечания</h2>\n<p class=\"note\">Проверка по правилам положения не выполнялась: отчёт "
               "построен без результата <code>jbridge validate</code>.</p>\n";
    const ReportValidation& v = in.validation;
    std::string html = "<h2>Замечания по классам</h2>\n";
    if (v.findings.empty()) html += "<p class=\"note\">Замечаний нет.</p>\n";
    std::map<std::string, std::vector<const ReportFinding*>, ClassOrder> by_class;
    for (const auto& f : v.findings) by_class[f.class_name].push_back(&f);
    for (auto& [class_name, list] : by_class) {
        // Errors first, then warnings, then information; within each by subject and date.
        std::stable_sort(list.begin(), list.end(), [](const ReportFinding* a, const ReportFinding* b) {
            return std::make_tuple(severity_rank(a->severity), std::cref(a->subject_name), std::cref(a->date)) <
                   std::make_tuple(severity_rank(b->severity), std::cref(b->subject_name), std::cref(b->date));
        });
        SeverityCounts counts;
        for (const ReportFinding* f : list) counts.add(*f);
        html += "<details open=\"open\"><summary>" + escaped(class_name.empty() ? "Без класса" : class_name) + " — " +
                std::to_string(list.size()) + " (ошибок " + std::to_string(counts.error) + ", предупреждений " +
                std::to_string(counts.warning) + ", сведений " + std::to_string(counts.info) + ")</summary>\n";
        html += "<table class=\"findings\"><tr><th>Предмет</th><th>Дата</th><th>Серьёзность</th><th>Правило</th><th>Учитель</th>"
                "<th>Ученик</th><th>Описание</th></tr>\n";
        for (const ReportFinding* f : list)
            html += "<tr>" + cell(f->subject_name) + "<td class=\"n\">" + escaped(russian_date(f->date)) + "</td>" +
                    "<td class=\"" + escaped(f->severity) + "\">" + escaped(severity_word(f->severity)) + "</td>" + "<td class=\"rule\">" + escaped(f->rule) + "</td>" +
                    cell(f->teacher_name) + cell(f->student_name) + "<td class=\"message\">" + escaped(f->message) + "</td></tr>\n";
        html += "</table></details>\n";
    }
    if (!v.not_applicable.empty()) {
        html += "<h2>Правила, к которым в архиве нет данных</h2>\n<p class=\"note\">";
        for (std::size_t i = 0; i < v.not_applicable.size(); ++i)
            html += (i ? ", " : "") + escaped(v.not_applicable[i]);
        html += ". Они не выполнялись и не считаются пройденными.</p>\n";
    }
    return html;
}

}  // namespace

std::string render_html_report(const ReportInput& input) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"/>\n<title>Анализ работы с "
                       "классными журналами — " +
                       escaped(input.title_school) + "</title>\n<style>" + std::string(style) + "</style></head>\n<body>\n";
    html += header(input);
    html += summary_table(input);
    html += charts(input.completeness);
    html += teacher_table(input);
    html += class_table(input);
    html += findings_section(input);
    html += "<p class=\"footer\">Составлено jbridge " + escaped(kJbridgeVersion) +
            ". Основание: положения о ведении электронного журнала (001 п. 4.2, 002 п. 5.2).</p>\n</body></html>\n";
    return html;
}

}  // namespace jb::report
