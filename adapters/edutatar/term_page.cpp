// «Табель» (/user/diary/term): every mark of one period per subject, undated, and the period's
// final mark. Columns are found by their header text: the 2019 layout has class and parallel
// averages that 2022 comments out, and the number of mark columns differs from page to page.
#include <algorithm>

#include "adapters/edutatar/pages.hpp"
#include "core/error.hpp"
#include "core/subject_names.hpp"

namespace jb::edutatar {
namespace {

enum class Role { subject, marks, average, ignored, final_mark };

Role role_of(const HeaderCell& cell, const std::string& file) {
    std::string key = subject_match_key(cell.text);
    if (key == "предмет") return Role::subject;
    if (key == "оценки") return Role::marks;
    if (key == "средний балл") return Role::average;
    if (key == "средний по классу" || key == "средний по параллели" || key == "график") return Role::ignored;
    if (key == "итоговая оценка" || key == "итоговая") return Role::final_mark;
    throw input_error(file, static_cast<std::size_t>(cell.line), 0,
                      "табель column «" + cell.text + "» (column " + std::to_string(cell.first_column + 1) +
                          ") is not one this reader knows; the page has a layout not seen before, so nothing was "
                          "imported from it (please report the page)");
}

xmlNode* term_table(xmlNode* root) {
    if (xmlNode* table = find_first(root, [](const xmlNode* n) { return is_element(n, "table") && has_class(n, "term-marks"); }))
        return table;
    return find_first(root, [](const xmlNode* n) {
        if (!is_element(n, "table")) return false;
        xmlNode* header = header_row(const_cast<xmlNode*>(n));
        if (!header) return false;
        auto cells = header_cells(header);
        return !cells.empty() && subject_match_key(cells.front().text) == "предмет" &&
               std::any_of(cells.begin(), cells.end(), [](const HeaderCell& c) { return subject_match_key(c.text) == "оценки"; });
    });
}

PeriodRef period_of(xmlNode* root, const PageSource& source) {
    PeriodRef period;
    xmlNode* select = find_first(root, [](const xmlNode* n) { return is_element(n, "select") && attribute(n, "name") == "term"; });
    xmlNode* chosen = nullptr;
    for (xmlNode* option : select ? child_elements(select, "option") : std::vector<xmlNode*>{}) {
        bool selected = xmlHasProp(option, reinterpret_cast<const xmlChar*>("selected")) != nullptr;
        if (selected || (!source.term.empty() && attribute(option, "value") == source.term)) {
            chosen = option;
            if (selected) break;
        }
    }
    if (chosen && parse_period_name(flat_text_of(chosen), period)) return period;
    std::string what = chosen ? "the period «" + flat_text_of(chosen) + "» is not a known period name"
                              : "the page does not say which period it shows (no selected option in its «Период» list)";
    throw Error(source.name + ": табель: " + what + "; see mappings/edutatar/periods.toml");
}

}  // namespace

void read_term_page(xmlNode* root, const PageSource& source, Journal& journal) {
    xmlNode* table = term_table(root);
    if (!table) throw Error(source.name + ": табель: no table of marks found");
    xmlNode* header = header_row(table);
    int subject_column = -1, marks_first = -1, marks_end = -1, final_column = -1;
    for (const auto& cell : header_cells(header)) {
        switch (role_of(cell, source.name)) {
            case Role::subject: subject_column = cell.first_column; break;
            case Role::marks:
                marks_first = cell.first_column;
                marks_end = cell.first_column + cell.span;
                break;
            case Role::final_mark: final_column = cell.first_column; break;
            case Role::average:
            case Role::ignored: break;
        }
    }
    if (subject_column < 0 || marks_first < 0)
        throw input_error(source.name, static_cast<std::size_t>(line_of(header)), 0,
                          "табель: the header has no «Предмет» or no «Оценки» column");
    read_pupil_line(root, journal);

    TermSheet sheet;
    sheet.file = source.name;
    sheet.school_year = source.school_year;
    sheet.period = period_of(root, source);
    for (xmlNode* row : body_rows(table)) {
        auto cells = row_cells(row);
        if (cells.empty()) continue;
        TermRow entry;
        for (const auto& [column, cell] : cells) {
            if (column == subject_column && column_span(cell) == 1) entry.subject = flat_text_of(cell);
            else if (column >= marks_first && column < marks_end) {
                if (std::string mark = flat_text_of(cell); !mark.empty()) entry.marks.push_back(mark);
            } else if (column == final_column) {
                entry.final_mark = flat_text_of(cell);
                if (entry.final_mark == "-") entry.final_mark.clear();
            }
            if (xmlNode* link = find_first(cell, [](const xmlNode* n) { return is_element(n, "a"); })) {
                std::string href = attribute(link, "href");
                if (auto at = href.find("school_subject_id="); at != std::string::npos) {
                    std::string id = href.substr(at + 18);
                    entry.subject_source_id = id.substr(0, id.find('&'));
                }
            }
        }
        // The ИТОГО row spans the subject and mark columns: a summary, not a subject.
        if (entry.subject.empty() || subject_match_key(entry.subject) == "итого") continue;
        sheet.rows.push_back(std::move(entry));
    }
    journal.terms.push_back(std::move(sheet));
}

}  // namespace jb::edutatar
