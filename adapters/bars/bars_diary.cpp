#include "adapters/bars/bars_diary.hpp"

#include <nlohmann/json.hpp>

#include "adapters/bars/bars_text.hpp"
#include "core/error.hpp"

namespace jb::bars {
namespace {

std::string date_or_fail(const std::string& raw, const std::string& where) {
    auto date = iso_date(raw);
    if (!date) throw Error(where + "«" + raw + "» is not a date (YYYY-MM-DD or dd.mm.yyyy)");
    return *date;
}

std::string time_or_fail(const std::string& raw, const std::string& where) {
    auto time = clock_time(raw);
    if (!time) throw Error(where + "«" + raw + "» is not a time of day (HH:MM)");
    return *time;
}

// Homework lists of /rest hold strings or objects with a text field.
std::string joined_homework(const json& list) {
    std::string out;
    auto add = [&](const std::string& text) {
        std::string clean = clean_text(text);
        if (!clean.empty()) out += (out.empty() ? "" : "; ") + clean;
    };
    if (list.is_string()) add(list.get<std::string>());
    if (!list.is_array()) return out;
    for (const auto& item : list) {
        if (item.is_string()) add(item.get<std::string>());
        else for (const char* key : {"homework", "text", "value", "description"}) add(text_at(item, key));
    }
    return out;
}

// /rest attendance: a string, or a list such as ["", "Был"] whose last non-empty item is the code.
std::string rest_attendance(const json& value) {
    if (!value.is_array()) return clean_text(text_of(value));
    std::string code;
    for (const auto& item : value)
        if (auto text = clean_text(text_of(item)); !text.empty()) code = text;
    return code;
}

}  // namespace

std::vector<DiaryLesson> web_diary_lessons(const json& doc, const std::string& where) {
    std::vector<DiaryLesson> lessons;
    const json& days = array_at(doc, "days");
    for (std::size_t d = 0; d < days.size(); ++d) {
        const json& day = days[d];
        const std::string day_where = where + "days[" + std::to_string(d) + "]: ";
        const json& list = array_at(day, "lessons");
        if (list.empty()) continue;
        const std::string date = date_or_fail(text_at(day, "date"), day_where + "date ");
        for (std::size_t l = 0; l < list.size(); ++l) {
            const json& item = list[l];
            const std::string lesson_where = day_where + "lessons[" + std::to_string(l) + "]: ";
            DiaryLesson lesson;
            lesson.discipline = clean_text(text_at(item, "discipline"));
            if (lesson.discipline.empty()) continue;  // an empty slot of the timetable
            lesson.date = date;
            if (item.is_object() && item.contains("index")) lesson.number = small_number(item["index"]).value_or(0);
            if (lesson.number == 0) lesson.number = static_cast<int>(l) + 1;
            lesson.start_time = time_or_fail(text_at(item, "time_begin"), lesson_where + "time_begin ");
            lesson.end_time = time_or_fail(text_at(item, "time_end"), lesson_where + "time_end ");
            lesson.teacher = clean_text(text_at(item, "teacher"));
            lesson.topic = clean_text(text_at(item, "theme"));
            lesson.homework = clean_text(text_at(item, "homework"));
            lesson.attendance = clean_text(text_at(item, "attendance"));
            lesson.comment = clean_text(text_at(item, "comment"));
            lesson.source_id = text_at(item, "id");
            lesson.lesson_type = clean_text(text_at(item, "schedulelessontype"));
            lesson.control = flag_at(item, "is_control_work");
            std::string mark_type = clean_text(text_at(item, "mark_type"));
            const std::string mark = text_at(item, "mark");
            if (!clean_text(mark).empty())
                lesson.marks.push_back({mark_type.empty() ? lesson.lesson_type : mark_type, mark});
            lessons.push_back(std::move(lesson));
        }
    }
    return lessons;
}

std::vector<DiaryLesson> rest_diary_lessons(const json& doc, const std::string& where) {
    std::vector<DiaryLesson> lessons;
    const json& days = array_at(doc, "days");
    for (std::size_t d = 0; d < days.size(); ++d) {
        const std::string day_where = where + "days[" + std::to_string(d) + "]: ";
        const json& pair = days[d];
        const json& body = element(pair, 1);
        const json& list = array_at(body, "lessons");
        if (list.empty()) continue;
        const std::string date = date_or_fail(text_of(element(pair, 0)), day_where + "date ");
        for (std::size_t l = 0; l < list.size(); ++l) {
            const json& item = list[l];
            const std::string lesson_where = day_where + "lessons[" + std::to_string(l) + "]: ";
            DiaryLesson lesson;
            lesson.discipline = clean_text(text_at(item, "discipline"));
            if (lesson.discipline.empty()) continue;
            lesson.date = date;
            const json& slot = array_at(item, "lesson");  // [id, name, start, end]
            lesson.source_id = text_of(element(slot, 0));
            const std::string name = clean_text(text_of(element(slot, 1)));
            std::size_t digits = 0;
            while (digits < name.size() && digits < 2 && name[digits] >= '0' && name[digits] <= '9') ++digits;
            lesson.number = digits ? std::stoi(name.substr(0, digits)) : 0;
            if (lesson.number == 0) lesson.number = static_cast<int>(l) + 1;
            lesson.start_time = time_or_fail(text_of(element(slot, 2)), lesson_where + "lesson[2] ");
            lesson.end_time = time_or_fail(text_of(element(slot, 3)), lesson_where + "lesson[3] ");
            lesson.teacher = clean_text(text_at(item, "teacher"));
            lesson.topic = clean_text(text_at(item, "subject"));
            lesson.homework = joined_homework(item.is_object() && item.contains("homework") ? item["homework"] : json());
            lesson.attendance = rest_attendance(item.is_object() && item.contains("attendance") ? item["attendance"] : json());
            lesson.comment = clean_text(text_at(item, "comment"));
            const json& marks = array_at(item, "marks");  // [[work types], [values]]
            const json& types = element(marks, 0);
            const json& values = element(marks, 1);
            for (std::size_t m = 0; values.is_array() && m < values.size(); ++m) {
                const std::string value = text_of(values[m]);
                if (clean_text(value).empty()) continue;
                lesson.marks.push_back({clean_text(text_of(element(types, m))), value});
            }
            lessons.push_back(std::move(lesson));
        }
    }
    return lessons;
}

}  // namespace jb::bars
