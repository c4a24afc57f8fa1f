// The day page (/user/diary/day?for=…): the one page that names each mark's work type (the mark's
// `title`), with the lesson's comment («Болел») next to it.
#include <charconv>

#include "adapters/edutatar/calendar.hpp"
#include "adapters/edutatar/pages.hpp"
#include "core/error.hpp"
#include "core/subject_names.hpp"

namespace jb::edutatar {
namespace {

enum class Role { time, subject, homework, comment, marks };

Role role_of(const HeaderCell& cell, const std::string& file) {
    std::string key = subject_match_key(cell.text);
    if (key == "время") return Role::time;
    if (key == "предмет") return Role::subject;
    if (key == "что задано" || key == "домашнее задание") return Role::homework;
    if (key == "комментарий") return Role::comment;
    if (key == "оценка" || key == "оценки") return Role::marks;
    throw input_error(file, static_cast<std::size_t>(cell.line), 0,
                      "day page column «" + cell.text + "» (column " + std::to_string(cell.first_column + 1) +
                          ") is not one this reader knows; the page has a layout not seen before, so nothing was "
                          "imported from it (please report the page)");
}

std::string date_of(xmlNode* root, const PageSource& source) {
    if (xmlNode* cell = find_first(root, [](const xmlNode* n) { return has_class(n, "d-date"); })) {
        std::string text = flat_text_of(cell);
        if (auto date = parse_russian_date(text)) return *date;
        throw input_error(source.name, static_cast<std::size_t>(line_of(cell)), 0,
                          "day page: «" + text + "» is not a date (expected «14 Ноября 2023 г.»)");
    }
    long long seconds = -1;
    std::from_chars(source.day_for.data(), source.day_for.data() + source.day_for.size(), seconds);
    if (auto date = moscow_date(seconds)) return *date;
    throw Error(source.name + ": day page: no date on the page (no «d-date» cell)");
}

std::vector<MarkCell> marks_of(xmlNode* cell) {
    std::vector<MarkCell> marks;
    xmlNode* inner = find_first(cell, [](const xmlNode* n) { return is_element(n, "table") && has_class(n, "marks"); });
    if (!inner) {
        if (std::string text = flat_text_of(cell); !text.empty()) marks.push_back({text, ""});
        return marks;
    }
    for (xmlNode* mark : find_all(inner, [](const xmlNode* n) { return is_element(n, "td"); }))
        if (std::string text = flat_text_of(mark); !text.empty()) marks.push_back({text, collapse_spaces(attribute(mark, "title"))});
    return marks;
}

}  // namespace

void read_day_page(xmlNode* root, const PageSource& source, Journal& journal) {
    std::string date = date_of(root, source);
    journal.dates_seen.push_back(date);
    xmlNode* table = find_first(root, [](const xmlNode* n) { return is_element(n, "table") && has_class(n, "main"); });
    if (!table) {
        if (flat_text_of(root).find("Расписание не найдено") != std::string::npos) return;  // no lessons that day
        throw Error(source.name + ": day page of " + date + ": no lesson table and no «Расписание не найдено»");
    }
    std::vector<std::pair<int, Role>> columns;
    for (const auto& cell : header_cells(header_row(table))) columns.emplace_back(cell.first_column, role_of(cell, source.name));
    int order = 0;
    for (xmlNode* row : body_rows(table)) {
        DatedLesson lesson;
        lesson.file = source.name;
        lesson.line = line_of(row);
        lesson.origin = Origin::day_page;
        lesson.date = date;
        lesson.slot = ++order;
        for (const auto& [column, cell] : row_cells(row)) {
            for (const auto& [first, role] : columns) {
                if (first != column) continue;
                switch (role) {
                    case Role::time: break;  // lessons are keyed by number; see docs/edutatar.md
                    case Role::subject: lesson.subject = flat_text_of(cell); break;
                    case Role::homework: lesson.homework = text_of(cell); break;
                    case Role::comment: lesson.comment = flat_text_of(cell); break;
                    case Role::marks: lesson.cells = marks_of(cell); break;
                }
            }
        }
        if (lesson.subject.empty()) {
            if (!lesson.cells.empty() || !lesson.homework.empty())
                throw input_error(source.name, static_cast<std::size_t>(lesson.line), 0,
                                  "day page: a lesson row with marks or homework but no subject");
            continue;
        }
        journal.lessons.push_back(std::move(lesson));
    }
}

}  // namespace jb::edutatar
