#include <algorithm>
#include <charconv>

#include "adapters/edutatar/pages.hpp"
#include "core/mapping_file.hpp"
#include "core/subject_names.hpp"

namespace jb::edutatar {

int column_span(const xmlNode* cell) {
    std::string text = attribute(cell, "colspan");
    int span = 1;
    std::from_chars(text.data(), text.data() + text.size(), span);
    return std::clamp(span, 1, 1000);
}

xmlNode* header_row(xmlNode* table) {
    for (xmlNode* head : child_elements(table, "thead")) {
        auto rows = child_elements(head, "tr");
        if (!rows.empty()) return rows.front();
    }
    for (xmlNode* part : child_elements(table)) {
        if (is_element(part, "tr")) return part;
        if (is_element(part, "tbody")) {
            auto rows = child_elements(part, "tr");
            if (!rows.empty()) return rows.front();
        }
    }
    return nullptr;
}

std::vector<xmlNode*> body_rows(xmlNode* table) {
    xmlNode* header = header_row(table);
    std::vector<xmlNode*> rows;
    for (xmlNode* part : child_elements(table)) {
        if (is_element(part, "tr") && part != header) rows.push_back(part);
        if (is_element(part, "tbody") || is_element(part, "tfoot"))
            for (xmlNode* row : child_elements(part, "tr"))
                if (row != header) rows.push_back(row);
    }
    return rows;
}

std::vector<std::pair<int, xmlNode*>> row_cells(xmlNode* row) {
    std::vector<std::pair<int, xmlNode*>> cells;
    int column = 0;
    for (xmlNode* cell : child_elements(row)) {
        if (!is_element(cell, "td") && !is_element(cell, "th")) continue;
        cells.emplace_back(column, cell);
        column += column_span(cell);
    }
    return cells;
}

std::vector<HeaderCell> header_cells(xmlNode* row) {
    std::vector<HeaderCell> cells;
    for (const auto& [column, cell] : row_cells(row))
        cells.push_back({flat_text_of(cell), column, column_span(cell), line_of(cell)});
    return cells;
}

std::string period_kind_of_word(std::string_view word) {
    static const MappingFile periods = MappingFile::load("edutatar/periods.toml");
    std::string key = subject_match_key(word);
    for (const auto& [name, kind] : periods.table("kinds"))
        if (subject_match_key(name) == key) return kind;
    return {};
}

bool parse_period_name(std::string_view text, PeriodRef& period) {
    std::string name = collapse_spaces(text);
    if (subject_match_key(name) == "год") {
        period = {"year", 0, name};
        return true;
    }
    std::size_t space = name.find(' ');
    if (space == std::string::npos) return false;
    int number = 0;
    auto [end, error] = std::from_chars(name.data(), name.data() + space, number);
    if (error != std::errc{} || end != name.data() + space || number < 1 || number > 6) return false;
    std::string kind = period_kind_of_word(std::string_view(name).substr(space + 1));
    if (kind.empty()) return false;
    period = {kind, number, name};
    return true;
}

}  // namespace jb::edutatar
