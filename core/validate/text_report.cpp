#include "core/validate/text_report.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/validate/rule.hpp"

namespace jb::validate {
namespace {

std::string severity_label(Severity s) {
    switch (s) {
    case Severity::error: return "ошибка";
    case Severity::warning: return "предупреждение";
    case Severity::info: return "к сведению";
    }
    return "";
}

// «5А» < «10Б»: classes by their number, then by name.
std::pair<long, std::string> class_order(const std::string& name) {
    if (name.empty()) return {-1, name};
    std::size_t digits = 0;
    while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
    return {digits == 0 ? 1000 : std::stol(name.substr(0, digits)), name};
}

}  // namespace

std::string render_text(const ValidationResult& result) {
    std::string out;
    Summary s = result.summary();
    out += "Проверка электронного журнала по профилю «" + result.profile + "»\n";
    out += "Итого: ошибок " + std::to_string(s.error) + ", предупреждений " + std::to_string(s.warning) +
           ", к сведению " + std::to_string(s.info) + ".\n";
    if (!result.not_applicable.empty()) {
        out += "\nНе проверялось — в архиве нет нужных данных:\n";
        for (const std::string& id : result.not_applicable) {
            const RuleSpec* rule = find_rule(id);
            auto why = result.why_not_applicable.find(id);
            out += "  " + id + (rule ? " (" + std::string(rule->title) + ")" : "") +
                   (why == result.why_not_applicable.end() || why->second.empty() ? "" : ": " + why->second) + "\n";
        }
    }
    if (result.findings.empty()) {
        out += "\nНарушений не найдено.\n";
        return out;
    }
    using ClassKey = std::pair<long, std::string>;
    using SubjectKey = std::pair<std::string, std::string>;  // subject, teacher
    std::map<ClassKey, std::map<SubjectKey, std::vector<const Finding*>>> groups;
    for (const Finding& f : result.findings)
        groups[class_order(f.where.school_class.name)][{f.where.subject.name, f.where.teacher.name}].push_back(&f);
    for (auto& [class_key, subjects] : groups) {
        out += "\n";
        out += class_key.second.empty() ? "== Общие замечания (без класса) ==\n" : "== Класс " + class_key.second + " ==\n";
        for (auto& [subject_key, findings] : subjects) {
            const auto& [subject, teacher] = subject_key;
            if (!subject.empty() || !teacher.empty()) {
                out += "  " + (subject.empty() ? std::string("(предмет не указан)") : subject);
                if (!teacher.empty()) out += " — учитель " + teacher;
                out += "\n";
            }
            std::stable_sort(findings.begin(), findings.end(), [](const Finding* a, const Finding* b) {
                return std::tie(a->where.date, a->where.student.name) < std::tie(b->where.date, b->where.student.name);
            });
            for (const Finding* f : findings) {
                out += "    [" + severity_label(f->severity) + "] ";
                std::string place = f->where.date;
                if (!f->where.student.name.empty()) place += (place.empty() ? "" : ", ") + f->where.student.name;
                if (!f->where.period.name.empty() && f->where.student.name.empty())
                    place += (place.empty() ? "" : ", ") + f->where.period.name;
                if (!place.empty()) out += place + ": ";
                out += f->message + " (" + f->rule + ")\n";
            }
        }
    }
    return out;
}

}  // namespace jb::validate
