// The week page (/user/diary/week?date=…): a half-week grid of day cells (day of month only) and
// lesson slots; the month comes from the week selector, with the same rollover as diary.xml.
#include <charconv>
#include <cstdlib>
#include <optional>

#include "adapters/edutatar/calendar.hpp"
#include "adapters/edutatar/pages.hpp"
#include "core/error.hpp"

namespace jb::edutatar {
namespace {

bool is_day_cell(const xmlNode* n) {
    return is_element(n, "td") && has_class(n, "tt-days");
}

std::string cell_text(xmlNode* row, std::string_view css_class, bool lines) {
    for (xmlNode* cell : child_elements(row, "td"))
        if (has_class(cell, css_class)) return lines ? text_of(cell) : flat_text_of(cell);
    return {};
}

}  // namespace

void read_week_page(xmlNode* root, const PageSource& source, Journal& journal) {
    xmlNode* selector = find_first(root, [](const xmlNode* n) { return has_class(n, "week-selector"); });
    xmlNode* month_span = selector ? find_first(selector, [](const xmlNode* n) { return is_element(n, "span"); }) : nullptr;
    int month = month_span ? month_number(flat_text_of(month_span)) : 0;
    if (month == 0)
        throw input_error(source.name, static_cast<std::size_t>(line_of(selector)), 0,
                          "week page: no month in the week selector («Месяц <span>Сентябрь</span>»)");
    // The neighbouring weeks' links carry full dates: the year of each day is the one that puts it
    // nearest to them.
    std::optional<std::string> anchor;
    for (xmlNode* link : find_all(root, [](const xmlNode* n) { return is_element(n, "a"); })) {
        std::string href = attribute(link, "href");
        auto at = href.find("week?date=");
        if (at == std::string::npos) continue;
        long long seconds = -1;
        std::from_chars(href.data() + at + 10, href.data() + href.size(), seconds);
        if ((anchor = moscow_date(seconds))) break;
    }
    read_pupil_line(root, journal);

    xmlNode* first_day = find_first(root, is_day_cell);
    if (!first_day || !first_day->parent || !first_day->parent->parent) return;  // an empty week
    int day = 0, previous_day = 0, slot = 0;
    for (xmlNode* row : child_elements(first_day->parent->parent, "tr")) {
        for (xmlNode* cell : child_elements(row, "td")) {
            if (!is_day_cell(cell)) continue;
            std::string text = flat_text_of(cell);
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), day);
            if (error != std::errc{} || day < 1 || day > 31)
                throw input_error(source.name, static_cast<std::size_t>(line_of(cell)), 0,
                                  "week page: day cell «" + text + "» is not a day of the month");
            if (day < previous_day) month = month % 12 + 1;
            previous_day = day;
            slot = 0;
        }
        bool has_slot = false;
        for (xmlNode* cell : child_elements(row, "td")) has_slot = has_slot || has_class(cell, "tt-subj");
        if (!has_slot || day == 0) continue;
        DatedLesson lesson;
        lesson.file = source.name;
        lesson.line = line_of(row);
        lesson.origin = Origin::week_page;
        lesson.school_year = source.school_year;
        lesson.month = month;
        lesson.day = day;
        lesson.slot = ++slot;
        if (anchor) {
            int anchor_year = std::stoi(anchor->substr(0, 4));
            long long anchor_day = day_index(anchor_year, std::stoi(anchor->substr(5, 2)), std::stoi(anchor->substr(8, 2)));
            for (int year = anchor_year - 1; year <= anchor_year + 1; ++year)
                if (valid_day(year, month, day) && std::llabs(day_index(year, month, day) - anchor_day) <= 45)
                    lesson.date = iso_date(year, month, day);
            if (!lesson.date.empty()) journal.dates_seen.push_back(lesson.date);
        }
        lesson.subject = cell_text(row, "tt-subj", false);
        lesson.homework = cell_text(row, "tt-task", true);
        if (std::string mark = cell_text(row, "tt-mark", false); !mark.empty()) lesson.cells.push_back({mark, ""});
        if (lesson.subject.empty()) {
            if (!lesson.cells.empty() || !lesson.homework.empty())
                throw input_error(source.name, static_cast<std::size_t>(lesson.line), 0,
                                  "week page: a slot with a mark or homework but no subject");
            continue;
        }
        journal.lessons.push_back(std::move(lesson));
    }
}

}  // namespace jb::edutatar
