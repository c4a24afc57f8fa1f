// /user/diary.xml: pages of half-weeks; each <day> has the day of the month only and three
// parallel slot lists (subjects, tasks, marks) in which an empty element is an empty slot. The
// marks container and its items share the tag name, so elements are taken by depth.
#include <algorithm>
#include <charconv>

#include "adapters/edutatar/calendar.hpp"
#include "adapters/edutatar/pages.hpp"
#include "core/error.hpp"
#include "core/subject_names.hpp"

namespace jb::edutatar {
namespace {

std::vector<xmlNode*> slots(xmlNode* day, std::string_view list, std::string_view item) {
    for (xmlNode* container : child_elements(day, list)) return child_elements(container, item);
    return {};
}

std::string text_at(const std::vector<xmlNode*>& nodes, std::size_t i) {
    return i < nodes.size() ? flat_text_of(nodes[i]) : std::string();
}

// «п.12, вопросы 1-3; читать с. 40» → one task per line.
std::string tasks_of(const std::string& text) {
    std::string out;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find(';', at);
        if (end == std::string::npos) end = text.size();
        std::string part = collapse_spaces(std::string_view(text).substr(at, end - at));
        if (!part.empty()) out += (out.empty() ? "" : "\n") + part;
        at = end + 1;
    }
    return out;
}

}  // namespace

void read_diary_xml(const Doc& doc, const PageSource& source, Journal& journal) {
    xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!is_element(root, "diary"))
        throw input_error(source.name, static_cast<std::size_t>(line_of(root)), 0,
                          "not an ЭО РТ diary.xml (its root element is <" + std::string(tag_of(root)) + ">, not <diary>)");
    for (xmlNode* page : child_elements(root, "page")) {
        std::string month_name = attribute(page, "month");
        int month = month_number(month_name);
        if (month == 0)
            throw input_error(source.name, static_cast<std::size_t>(line_of(page)), 0,
                              "<page month=\"" + month_name + "\">: not a month name");
        int previous_day = 0;
        for (xmlNode* day_node : child_elements(page, "day")) {
            std::string date_text = collapse_spaces(attribute(day_node, "date"));
            int day = 0;
            auto [end, error] = std::from_chars(date_text.data(), date_text.data() + date_text.size(), day);
            if (error != std::errc{} || end != date_text.data() + date_text.size() || day < 1 || day > 31)
                throw input_error(source.name, static_cast<std::size_t>(line_of(day_node)), 0,
                                  "<day date=\"" + date_text + "\">: not a day of the month");
            if (day < previous_day) month = month % 12 + 1;  // the page keeps the month of its first day
            previous_day = day;
            auto subjects = slots(day_node, "classes", "class");
            auto tasks = slots(day_node, "tasks", "task");
            auto marks = slots(day_node, "marks", "marks");
            std::size_t count = std::max({subjects.size(), tasks.size(), marks.size()});
            for (std::size_t i = 0; i < count; ++i) {
                DatedLesson lesson;
                lesson.file = source.name;
                lesson.line = line_of(day_node);
                lesson.origin = Origin::diary_xml;
                lesson.school_year = source.school_year;
                lesson.month = month;
                lesson.day = day;
                lesson.slot = static_cast<int>(i) + 1;
                lesson.subject = text_at(subjects, i);
                lesson.homework = tasks_of(text_at(tasks, i));
                if (std::string mark = text_at(marks, i); !mark.empty()) lesson.cells.push_back({mark, ""});
                if (lesson.subject.empty()) {
                    if (!lesson.cells.empty() || !lesson.homework.empty())
                        throw input_error(source.name, static_cast<std::size_t>(lesson.line), 0,
                                          "<day date=\"" + date_text + "\"> slot " + std::to_string(i + 1) +
                                              ": a mark or task but no subject");
                    continue;
                }
                journal.lessons.push_back(std::move(lesson));
            }
        }
    }
}

}  // namespace jb::edutatar
