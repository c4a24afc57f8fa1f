#pragma once
#include <string>

#include "adapters/edutatar/journal.hpp"
#include "adapters/edutatar/markup.hpp"

namespace jb {
class UnknownValues;
}

// One reader per kind of ЭО РТ page. Each appends what its page says to the pupil's journal and
// throws jb::Error naming the file (and line) for anything it cannot place.
namespace jb::edutatar {

// Where a page came from: a saved file, or a HAR entry with its URL and capture date.
struct PageSource {
    std::string name;            // the file, or "capture.har entry 12 (https://…)"
    std::string header_charset;  // from the HTTP response, when known
    std::string term;            // `term` of the request (query or form), when known
    std::string day_for;         // `for` of a day page request, when known
    int school_year = 0;         // from the capture date, 0 = unknown
};

enum class PageKind { term, year, day, week, profile, login, restricted, unknown_table, other };

PageKind classify_page(xmlNode* root);
xmlNode* year_table(xmlNode* root);  // the year sheet's table, if the page has one

void read_diary_xml(const Doc& doc, const PageSource& source, Journal& journal);
void read_term_page(xmlNode* root, const PageSource& source, Journal& journal);
void read_year_page(xmlNode* root, const PageSource& source, Journal& journal);
void read_day_page(xmlNode* root, const PageSource& source, Journal& journal);
void read_week_page(xmlNode* root, const PageSource& source, Journal& journal);
void read_profile_page(xmlNode* root, const PageSource& source, Journal& journal);
// «Учащийся: <strong>ФИО</strong>, Класс: 8Б» (табель) or «…, 7А класс» (week page).
void read_pupil_line(xmlNode* root, Journal& journal);

// Shared by the table readers: a header row's cells with their column spans.
struct HeaderCell {
    std::string text;
    int first_column = 0;
    int span = 1;
    long line = 0;
};
std::vector<HeaderCell> header_cells(xmlNode* row);
int column_span(const xmlNode* cell);
// The header row of a table (first row of thead, else the first row) and its body rows.
xmlNode* header_row(xmlNode* table);
std::vector<xmlNode*> body_rows(xmlNode* table);
// Cells of a row indexed by the column each starts at.
std::vector<std::pair<int, xmlNode*>> row_cells(xmlNode* row);
std::string period_kind_of_word(std::string_view word);  // «четверть» → quarter (mappings/edutatar/periods.toml)
bool parse_period_name(std::string_view text, PeriodRef& period);  // «2 четверть», «Год»

}  // namespace jb::edutatar
