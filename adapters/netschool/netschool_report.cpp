#include "adapters/netschool/netschool_report.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <climits>
#include <memory>

#include "adapters/netschool/netschool_mappings.hpp"
#include "core/error.hpp"
#include "core/subject_names.hpp"
#include "core/text_format.hpp"
#include "core/utf8.hpp"

namespace jb::netschool {
namespace {

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

void ignore_message(void*, const char*, ...) {}

// libxml2 reports conversion errors (a byte windows-1251 does not define) on stderr whatever the
// parse options say; a forgiving read of a report page keeps quiet for its duration.
class QuietLibxml {
public:
    QuietLibxml() : generic_(xmlGenericError), context_(xmlGenericErrorContext),
                    structured_(xmlStructuredError), structured_context_(xmlStructuredErrorContext) {
        xmlSetGenericErrorFunc(nullptr, ignore_message);
        xmlStructuredErrorFunc ignore_error = [](void*, auto) {};  // the error type's constness varies by version
        xmlSetStructuredErrorFunc(nullptr, ignore_error);
    }
    ~QuietLibxml() {
        xmlSetGenericErrorFunc(context_, generic_);
        xmlSetStructuredErrorFunc(structured_context_, structured_);
    }
    QuietLibxml(const QuietLibxml&) = delete;
    QuietLibxml& operator=(const QuietLibxml&) = delete;

private:
    xmlGenericErrorFunc generic_;
    void* context_;
    xmlStructuredErrorFunc structured_;
    void* structured_context_;
};

constexpr std::array<std::string_view, 12> kMonths{"январь", "февраль", "март",    "апрель",  "май",    "июнь",
                                                    "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The encoding to hand libxml2: the HTTP charset, the page's own meta charset, else a guess.
std::string choose_encoding(std::string_view bytes, std::string_view charset) {
    // A browser's HAR keeps the page as decoded text whatever the Content-Type said: valid UTF-8
    // with Cyrillic in it is UTF-8 (windows-1251 Cyrillic is practically never valid UTF-8).
    bool non_ascii = std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (non_ascii && is_valid_utf8(bytes)) return "utf-8";
    if (!charset.empty()) return std::string(charset);
    std::string head = lower_ascii(bytes.substr(0, 4096));
    auto at = head.find("charset=");
    if (at != std::string::npos) {
        std::size_t begin = at + 8;
        while (begin < head.size() && (head[begin] == '"' || head[begin] == '\'')) ++begin;
        std::size_t end = begin;
        while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' || head[end] == '_'))
            ++end;
        if (end > begin) return head.substr(begin, end - begin);
    }
    return is_valid_utf8(bytes) ? "utf-8" : "windows-1251";
}

bool is_element(const xmlNode* node, std::string_view name) {
    return node->type == XML_ELEMENT_NODE && lower_ascii(reinterpret_cast<const char*>(node->name)) == name;
}

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value) return "";
    std::string text(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return text;
}

std::string text_of(const xmlNode* node) {
    xmlChar* content = xmlNodeGetContent(node);
    if (!content) return "";
    std::string text(reinterpret_cast<const char*>(content));
    xmlFree(content);
    return collapse_spaces(text);
}

int span_of(const xmlNode* cell) {
    std::string text = attribute(cell, "colspan");
    int span = 0;
    for (char c : text) {
        if (c < '0' || c > '9') break;
        span = span * 10 + (c - '0');
        if (span > 1000) return 1000;
    }
    return span > 0 ? span : 1;
}

// Text pieces outside tables, in document order: where the report header lives.
void header_pieces(const xmlNode* node, std::vector<std::string>& pieces) {
    for (const xmlNode* child = node; child; child = child->next) {
        if (is_element(child, "table") || is_element(child, "script") || is_element(child, "style")) continue;
        if (child->type == XML_TEXT_NODE) {
            std::string text = text_of(child);
            if (!text.empty()) pieces.push_back(text);
        }
        if (child->children) header_pieces(child->children, pieces);
    }
}

const xmlNode* find_table(const xmlNode* node) {
    for (const xmlNode* child = node; child; child = child->next) {
        if (is_element(child, "table") && attribute(child, "class").find("table-print") != std::string::npos) return child;
        if (child->children)
            if (const xmlNode* found = find_table(child->children)) return found;
    }
    return nullptr;
}

using Cells = std::vector<const xmlNode*>;

void collect_rows(const xmlNode* node, std::vector<Cells>& rows) {
    for (const xmlNode* child = node; child; child = child->next) {
        if (is_element(child, "table")) continue;  // nested tables are not rows of this one
        if (is_element(child, "tr")) {
            Cells cells;
            for (const xmlNode* cell = child->children; cell; cell = cell->next)
                if (is_element(cell, "td") || is_element(cell, "th")) cells.push_back(cell);
            rows.push_back(std::move(cells));
        } else if (child->children) {
            collect_rows(child->children, rows);
        }
    }
}

std::vector<std::string> split_spaces(const std::string& text) {
    std::vector<std::string> tokens;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        if (end > at) tokens.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return tokens;
}

bool is_mark_token(const std::string& token) {
    if (token == "." || token == "\xC2\xB7") return true;  // «точка»: a debt, read from the diary
    bool digit = false;
    for (char c : token) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c != '+' && c != '-' && c != '/') return false;
    }
    return digit;
}

class ReportReader {
public:
    ReportReader(const std::string& name, const Mappings& mappings) : name_(name), mappings_(mappings) {}

    Report read(std::string_view bytes, std::string_view charset) {
        if (bytes.size() > static_cast<std::size_t>(INT_MAX)) fail("the page is too large");
        std::string encoding = choose_encoding(bytes, charset);
        QuietLibxml quiet;
        Document document(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name_.c_str(), encoding.c_str(),
                                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
                          xmlFreeDoc);
        if (!document) {  // an encoding libxml2 does not know, or nothing parseable at all
            document.reset(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name_.c_str(), nullptr,
                                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
        }
        const xmlNode* root = document ? xmlDocGetRootElement(document.get()) : nullptr;
        if (!root) fail("not an HTML page");
        Report report;
        std::vector<std::string> pieces;
        header_pieces(root, pieces);
        report.kind = kind_of(pieces);
        report.header = header_of(pieces);
        if (report.kind == ReportKind::student_grades) return report;
        const xmlNode* table = find_table(root);
        if (!table) fail("no report table (table.table-print) in the page");
        std::vector<Cells> rows;
        collect_rows(table->children, rows);
        if (report.header.student.empty()) fail("no «Ученик:» line in the report header");
        if (report.header.class_name.empty()) fail("no «Класс:» line in the report header");
        if (report.kind == ReportKind::student_total) read_grid(rows, report);
        else read_totals(rows, report);
        return report;
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw Error(name_ + ": " + message); }

    ReportKind kind_of(const std::vector<std::string>& pieces) const {
        for (const auto& piece : pieces) {
            std::string key = subject_match_key(piece);
            if (key.find("посещаемост") != std::string::npos) return ReportKind::student_total;
            if (key.find("итоговые отметки") != std::string::npos || key.find("итоговых отметок") != std::string::npos)
                return ReportKind::total_marks;
            if (key.find("по предмету") != std::string::npos) return ReportKind::student_grades;
        }
        fail("not a NetSchool report this adapter reads (no «…успеваемости и посещаемости…» or «Итоговые отметки» title)");
    }

    ReportHeader header_of(const std::vector<std::string>& pieces) const {
        ReportHeader header;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const std::string& piece = pieces[i];
            auto colon = piece.find(':');
            if (colon == std::string::npos) continue;
            std::string label = subject_match_key(piece.substr(0, colon));
            std::string value = collapse_spaces(piece.substr(colon + 1));
            if (value.empty() && i + 1 < pieces.size() && pieces[i + 1].find(':') == std::string::npos) value = pieces[i + 1];
            if (label == "ученик" || label == "учащийся" || label == "обучающийся") header.student = value;
            else if (label == "класс") header.class_name = value;
            else if (label == "школа" || label == "организация" || label == "образовательная организация") header.school = value;
            else if (label == "период" || label == "отчетный период") read_period(value, header);
        }
        return header;
    }

    void read_period(const std::string& value, ReportHeader& header) const {
        std::vector<std::string> dates;
        for (std::size_t i = 0; i + 8 <= value.size(); ++i) {
            if (i > 0 && value[i - 1] >= '0' && value[i - 1] <= '9') continue;
            std::size_t length = i + 10 <= value.size() && report_date(value.substr(i, 10)).size() ? 10 : 8;
            std::string date = report_date(value.substr(i, length));
            if (!date.empty()) {
                dates.push_back(date);
                i += length - 1;
            }
        }
        if (dates.size() != 2) fail("report period «" + value + "» is not «dd.mm.yy - dd.mm.yy»");
        header.period_start = dates[0];
        header.period_end = dates[1];
    }

    void read_grid(const std::vector<Cells>& rows, Report& report) const {
        if (report.header.period_start.empty()) fail("no «Период:» line in the report header");
        if (rows.size() < 2) fail("the report table has no month and day header rows");
        // Row 1: «Предмет», months (colspan = lesson days), then averages and totals.
        int year = std::stoi(report.header.period_start.substr(0, 4));
        int previous_month = std::stoi(report.header.period_start.substr(5, 2));
        std::vector<std::pair<int, int>> months;  // (year, month) per date column
        bool trailing = false;
        for (std::size_t i = 1; i < rows[0].size(); ++i) {
            std::string header = text_of(rows[0][i]);
            std::string key = subject_match_key(header);
            int month = 0;
            for (std::size_t m = 0; m < kMonths.size(); ++m)
                if (key == kMonths[m]) month = static_cast<int>(m) + 1;
            if (month && !trailing) {
                if (month < previous_month) ++year;  // the grid crossed New Year
                previous_month = month;
                for (int k = 0; k < span_of(rows[0][i]); ++k) months.emplace_back(year, month);
            } else if (key.starts_with("средн") || key.starts_with("итог")) {
                trailing = true;
            } else {
                fail("report header «" + header + "» cannot be placed (neither a month nor an average or total "
                     "column): a layout from another server version?");
            }
        }
        const Cells& days = rows[1];
        if (days.size() < months.size())
            fail("the day row has " + std::to_string(days.size()) + " cells where the month row spans " +
                 std::to_string(months.size()) + " days");
        std::vector<std::string> dates;
        for (std::size_t i = 0; i < months.size(); ++i) {
            std::string day = text_of(days[i]);
            char buffer[48];
            int day_number = day.size() <= 2 && !day.empty() && std::isdigit(static_cast<unsigned char>(day[0])) ? std::stoi(day) : 0;
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", months[i].first, months[i].second, day_number);
            if (!is_valid_date(buffer)) fail("day «" + day + "» of the day row is not a day of its month");
            dates.emplace_back(buffer);
        }
        for (std::size_t r = 2; r < rows.size(); ++r) {
            const Cells& cells = rows[r];
            if (cells.empty()) continue;
            std::string subject = text_of(cells[0]);
            if (subject.empty()) continue;
            for (std::size_t i = 0; i < dates.size() && i + 1 < cells.size(); ++i) {
                ReportAbsence absence{subject, dates[i], {}};
                for (const std::string& token : split_spaces(text_of(cells[i + 1])))
                    if (!is_mark_token(token)) absence.codes.push_back(token);
                if (!absence.codes.empty()) report.absences.push_back(std::move(absence));
            }
        }
    }

    void read_totals(const std::vector<Cells>& rows, Report& report) const {
        if (rows.empty()) fail("the report table is empty");
        struct Column {
            std::string kind, period_name;
        };
        std::vector<Column> columns;
        int subject_column = -1;
        for (std::size_t i = 0; i < rows[0].size(); ++i) {
            std::string header = text_of(rows[0][i]);
            std::string key = subject_match_key(header);
            if (key == "предмет") subject_column = static_cast<int>(i);
            if (key == "предмет" || key == "№" || key == "n" || key == "№ п/п") {
                columns.push_back({});
            } else if (mappings_.period(header)) {
                columns.push_back({"period", header});
            } else if (auto kind = mappings_.final_column(header)) {
                columns.push_back({*kind, ""});
            } else {
                fail("report header «" + header + "» cannot be placed (neither a period nor a year, exam or final "
                     "column): a layout from another server version?");
            }
        }
        if (subject_column < 0) fail("the final-marks table has no «Предмет» column");
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const Cells& cells = rows[r];
            if (cells.size() <= static_cast<std::size_t>(subject_column)) continue;
            std::string subject = text_of(cells[static_cast<std::size_t>(subject_column)]);
            if (subject.empty()) continue;
            for (std::size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
                if (columns[i].kind.empty()) continue;
                std::string raw = text_of(cells[i]);
                if (raw.empty() || raw == "0" || raw == "-") continue;
                report.finals.push_back({subject, columns[i].kind, columns[i].period_name, raw});
            }
        }
    }

    const std::string& name_;
    const Mappings& mappings_;
};

}  // namespace

bool looks_like_report(std::string_view head) {
    std::string lower = lower_ascii(head);
    return lower.find("<html") != std::string::npos && lower.find("table-print") != std::string::npos;
}

Report parse_report(std::string_view bytes, const std::string& name, std::string_view charset, const Mappings& mappings) {
    return ReportReader(name, mappings).read(bytes, charset);
}

std::string report_date(std::string_view text) {
    auto digits = [&](std::size_t at, std::size_t count) {
        int value = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            if (i >= text.size() || text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    if ((text.size() != 8 && text.size() != 10) || text[2] != '.' || text[5] != '.') return "";
    int day = digits(0, 2), month = digits(3, 2), year = digits(6, text.size() - 6);
    if (day < 0 || month < 0 || year < 0) return "";
    if (text.size() == 8) year += 2000;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return is_valid_date(buffer) ? buffer : "";
}

}  // namespace jb::netschool
