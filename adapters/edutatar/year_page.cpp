// The year sheet (/user/diary/year?term=year): one row per subject with the period marks, the exam
// and the year mark; these are final marks.
#include "adapters/edutatar/pages.hpp"
#include "core/error.hpp"
#include "core/subject_names.hpp"

namespace jb::edutatar {

namespace {

// What a header cell holds: "subject", or a FinalCell's kind and period; throws for a header nobody has seen.
FinalCell column_of(const HeaderCell& cell, const std::string& file, bool& is_subject) {
    std::string key = subject_match_key(cell.text);
    is_subject = key == "предмет";
    FinalCell column;
    if (is_subject) return column;
    if (key == "экзамен") column.kind = "exam";
    else if (key == "годовая оценка" || key == "годовая" || key == "год") column.kind = "year";
    else if (key == "итоговая оценка" || key == "итоговая") column.kind = "final";
    else if (parse_period_name(cell.text, column.period) && column.period.kind != "year") column.kind = "period";
    else
        throw input_error(file, static_cast<std::size_t>(cell.line), 0,
                          "year sheet column «" + cell.text + "» (column " + std::to_string(cell.first_column + 1) +
                              ") is not one this reader knows; the page has a layout not seen before, so nothing was "
                              "imported from it (please report the page)");
    return column;
}

}  // namespace

xmlNode* year_table(xmlNode* root) {
    return find_first(root, [](const xmlNode* n) {
        if (!is_element(n, "table")) return false;
        xmlNode* header = header_row(const_cast<xmlNode*>(n));
        if (!header) return false;
        auto cells = header_cells(header);
        if (cells.empty() || subject_match_key(cells.front().text) != "предмет") return false;
        for (const auto& cell : cells) {
            std::string key = subject_match_key(cell.text);
            if (key == "оценки") return false;  // a табель
            if (key == "экзамен" || key.starts_with("годовая")) return true;
        }
        return false;
    });
}

void read_year_page(xmlNode* root, const PageSource& source, Journal& journal) {
    xmlNode* table = year_table(root);
    if (!table) throw Error(source.name + ": year sheet: no table of final marks found");
    std::vector<std::pair<int, FinalCell>> columns;
    int subject_column = -1;
    for (const auto& cell : header_cells(header_row(table))) {
        bool is_subject = false;
        FinalCell column = column_of(cell, source.name, is_subject);
        if (is_subject) subject_column = cell.first_column;
        else columns.emplace_back(cell.first_column, column);
    }
    read_pupil_line(root, journal);
    YearSheet sheet;
    sheet.file = source.name;
    sheet.school_year = source.school_year;
    for (xmlNode* row : body_rows(table)) {
        YearRow entry;
        for (const auto& [column, cell] : row_cells(row)) {
            if (column == subject_column) {
                entry.subject = flat_text_of(cell);
                continue;
            }
            for (const auto& [first, kind] : columns) {
                if (first != column) continue;
                FinalCell value = kind;
                value.raw = flat_text_of(cell);
                if (!value.raw.empty() && value.raw != "-") entry.cells.push_back(value);
            }
        }
        if (entry.subject.empty() || subject_match_key(entry.subject) == "итого") continue;
        sheet.rows.push_back(std::move(entry));
    }
    journal.years.push_back(std::move(sheet));
}

}  // namespace jb::edutatar
