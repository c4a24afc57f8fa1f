#pragma once
#include <string>
#include <utility>
#include <vector>

#include "adapters/bars/bars_json.hpp"

// A diary week of either API generation as a flat list of lessons with clean text.
namespace jb::bars {

struct MarkCell {
    std::string type_raw;  // work type as written ("" when the server gives none)
    std::string value;     // the cell as written: "5", "4-", "5/4", ""
};

struct DiaryLesson {
    std::string date;  // YYYY-MM-DD
    int number = 0;    // lesson number in the day
    std::string start_time, end_time;
    std::string discipline, teacher, topic, homework, attendance, comment;
    std::string source_id;   // the platform's lesson id, "" when absent
    std::string lesson_type; // /api schedulelessontype
    bool control = false;    // /api is_control_work
    std::vector<MarkCell> marks;
};

// /api/ScheduleService/GetDiary: {days:[{date, lessons:[…]}]}. `where` starts error messages.
std::vector<DiaryLesson> web_diary_lessons(const json& doc, const std::string& where);
// /rest/diary: {days:[["dd.mm.yyyy", {lessons:[…]}], …]} with parallel mark lists.
std::vector<DiaryLesson> rest_diary_lessons(const json& doc, const std::string& where);

}  // namespace jb::bars
