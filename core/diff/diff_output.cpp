#include "core/diff/diff_output.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>
#include <nlohmann/json.hpp>

#include "core/entities.hpp"

namespace jb::diff {
namespace {

// How a fact is named in Russian, with the participle agreeing with the noun.
struct FactWords {
    const char* key;      // JSON name of the counts entry
    const char* fact;     // JSON name of one change's fact
    const char* title;    // summary line
    const char* noun;
    const char* added;
    const char* removed;
    const char* changed;
};

const FactWords& words(Fact fact) {
    static const FactWords table[] = {
        {"marks", "mark", "Текущие отметки", "отметка", "добавлена", "удалена", "изменена"},
        {"attendance", "attendance", "Пропуски", "пропуск", "добавлен", "удалён", "изменён"},
        {"final_marks", "final_mark", "Итоговые отметки", "итоговая отметка", "добавлена", "удалена", "изменена"},
        {"topics", "topic", "Темы уроков", "тема урока", "добавлена", "удалена", "изменена"},
        {"homework", "homework", "Домашние задания", "домашнее задание", "добавлено", "удалено", "изменено"},
    };
    return table[static_cast<std::size_t>(fact)];
}

const char* change_key(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added: return "added";
        case ChangeKind::removed: return "removed";
        case ChangeKind::changed: return "changed";
    }
    return "changed";
}

std::string quoted(const std::string& text) { return "«" + text + "»"; }

std::string change_phrase(const Change& change) {
    const FactWords& w = words(change.fact);
    switch (change.kind) {
        case ChangeKind::added: return std::string(w.noun) + " " + w.added + ": " + quoted(change.new_value);
        case ChangeKind::removed: return std::string(w.noun) + " " + w.removed + " (было " + quoted(change.old_value) + ")";
        case ChangeKind::changed:
            return std::string(w.noun) + " " + w.changed + ": " + quoted(change.old_value) + " → " +
                   quoted(change.new_value);
    }
    return {};
}

std::string when(const FactContext& context) {
    std::string text = russian_date(context.date);
    if (!context.detail.empty()) text += (text.empty() ? "" : ", ") + context.detail;
    return text;
}

// The validate shape (core/validate/finding.hpp): "<kind>_id" as hex and "<kind>" as the name.
nlohmann::ordered_json where_json(const Change& change) {
    nlohmann::ordered_json where = nlohmann::ordered_json::object();
    const FactContext& c = change.context;
    auto entity = [&](const std::string& kind, Id id, const std::string& name) {
        if (id != 0) where[kind + "_id"] = id_to_hex(id);
        if (!name.empty()) where[kind] = name;
    };
    entity("class", c.class_id, c.class_name);
    entity("subject", c.subject_id, c.subject_name);
    if (c.student_id) entity("student", c.student_id, c.student_name);
    bool lesson_fact = change.fact == Fact::topic || change.fact == Fact::homework;
    const std::string& shown = change.kind == ChangeKind::added ? change.new_value : change.old_value;
    entity(lesson_fact ? "lesson" : words(change.fact).fact, change.id, lesson_fact ? "" : shown);
    if (!c.date.empty()) where["date"] = c.date;
    if (!c.detail.empty()) where["detail"] = c.detail;
    return where;
}

}  // namespace

std::string russian_date(const std::string& iso_date) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return iso_date;
    return iso_date.substr(8, 2) + "." + iso_date.substr(5, 2) + "." + iso_date.substr(0, 4);
}

std::string finding_message(const Change& change) {
    std::string what = change.kind == ChangeKind::removed
                           ? "Отметка " + quoted(change.old_value) + " удалена"
                           : "Отметка " + quoted(change.old_value) + " изменена на " + quoted(change.new_value);
    const FactContext& c = change.context;
    return what + ": " + c.student_name + ", " + c.class_name + ", " + c.subject_name + ", " + when(c) +
           ". Исправление отметок запрещено (положение 001, п. 4.2)";
}

void write_text(const DiffResult& result, std::ostream& out) {
    out << "Сравнение архивов\n  старый: " << result.old_path << "\n  новый:  " << result.new_path << "\n";
    for (const SchoolInfo& school : result.schools) out << "Школа: " << school.name << " (" << school.code << ")\n";
    if (result.looks_swapped())
        out << "Внимание: «старый» архив обновлялся позже «нового» (" << result.old_last_import << " и "
            << result.new_last_import << "); возможно, архивы указаны в обратном порядке.\n";
    if (result.changes.empty()) {
        out << "\nРазличий нет: отметки, пропуски, итоговые отметки, темы и домашние задания совпадают.\n";
        return;
    }
    out << "\nИтого:\n";
    for (Fact fact : all_facts) {
        const Counts& n = result.count(fact);
        if (n.added + n.removed + n.changed == 0) continue;
        out << "  " << words(fact).title << ": добавлено " << n.added << ", удалено " << n.removed << ", изменено "
            << n.changed << "\n";
    }
    if (result.errors > 0)
        out << "  Нарушения mark.changed (исправление или удаление отметок, положение 001 п. 4.2): " << result.errors
            << "\n";

    std::vector<const Change*> sorted;
    sorted.reserve(result.changes.size());
    for (const Change& change : result.changes) sorted.push_back(&change);
    auto order = [](const Change* c) {
        const FactContext& x = c->context;
        return std::tie(x.class_name, x.subject_name, x.student_name, x.student_id, x.date, x.detail, c->fact);
    };
    std::stable_sort(sorted.begin(), sorted.end(), [&](const Change* a, const Change* b) { return order(a) < order(b); });

    const Change* previous = nullptr;
    for (const Change* change : sorted) {
        const FactContext& c = change->context;
        bool new_class_subject = !previous || previous->context.class_name != c.class_name ||
                                 previous->context.subject_name != c.subject_name;
        if (new_class_subject) out << "\n" << c.class_name << " · " << c.subject_name << "\n";
        if (new_class_subject || previous->context.student_id != c.student_id)
            out << "  " << (c.student_id ? c.student_name : "Уроки") << "\n";
        out << "    " << when(c) << " — " << change_phrase(*change);
        if (breaks_mark_changed(*change)) out << "  [ошибка: mark.changed]";
        out << "\n";
        previous = change;
    }
}

void write_json(const DiffResult& result, std::ostream& out) {
    nlohmann::ordered_json json;
    json["old"] = result.old_path;
    json["new"] = result.new_path;
    nlohmann::ordered_json schools = nlohmann::ordered_json::array();
    for (const SchoolInfo& school : result.schools)
        schools.push_back({{"id", id_to_hex(school.id)}, {"code", school.code}, {"name", school.name}});
    json["schools"] = schools;
    json["old_last_import"] = result.old_last_import;
    json["new_last_import"] = result.new_last_import;
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (Fact fact : all_facts) {
        const Counts& n = result.count(fact);
        counts[words(fact).key] = {{"added", n.added}, {"removed", n.removed}, {"changed", n.changed}};
    }
    json["counts"] = counts;
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Change& change : result.changes) {
        nlohmann::ordered_json item;
        item["fact"] = words(change.fact).fact;
        item["change"] = change_key(change.kind);
        if (change.kind != ChangeKind::added) item["old"] = change.old_value;
        if (change.kind != ChangeKind::removed) item["new"] = change.new_value;
        item["where"] = where_json(change);
        changes.push_back(item);
        if (breaks_mark_changed(change))
            findings.push_back({{"rule", "mark.changed"},
                                {"severity", "error"},
                                {"message", finding_message(change)},
                                {"where", where_json(change)}});
    }
    json["changes"] = changes;
    json["findings"] = findings;
    json["summary"] = {{"error", result.errors}, {"warning", 0}, {"info", 0}};
    out << json.dump(2) << "\n";
}

}  // namespace jb::diff
