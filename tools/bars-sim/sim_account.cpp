#include "tools/bars-sim/sim_account.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/net/date_windows.hpp"

namespace jb::bars_sim {
namespace {

using nlohmann::json;
using net::days_from_iso;
using net::iso_from_days;

int weekday(int day) { return (day + 3) % 7; }  // 0: Monday (1970-01-01 was a Thursday)
int monday_on_or_after(int day) { return day + (7 - weekday(day)) % 7; }

struct Quarter {
    int number, first, last;
};

std::vector<Quarter> quarters(int year) {
    const std::string y = std::to_string(year), next = std::to_string(year + 1);
    const std::vector<std::pair<std::string, std::string>> spans{
        {y + "-09-01", y + "-10-27"}, {y + "-11-06", y + "-12-29"}, {next + "-01-08", next + "-03-22"},
        {next + "-04-01", next + "-05-24"}};
    std::vector<Quarter> result;
    for (const auto& [first, last] : spans)
        result.push_back({static_cast<int>(result.size()) + 1, monday_on_or_after(days_from_iso(first)), days_from_iso(last)});
    return result;
}

// Two weeks of lessons (Monday to Friday) open every quarter; the rest of it is left empty.
std::vector<int> lesson_days(const Quarter& quarter) {
    std::vector<int> days;
    for (int day = quarter.first; day < quarter.first + 14; ++day)
        if (weekday(day) < 5) days.push_back(day);
    return days;
}

bool is_lesson_day(int year, int day) {
    for (const auto& quarter : quarters(year))
        if (day >= quarter.first && day < quarter.first + 14 && weekday(day) < 5) return true;
    return false;
}

std::string code_of(const Quarter& quarter) { return "Четверть_" + std::to_string(quarter.number); }

// "Теуважева Залина Хасановна" → "Теуважева З. Х."
std::string initials(const std::string& full_name) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < full_name.size()) {
        std::size_t space = full_name.find(' ', at);
        if (space == std::string::npos) space = full_name.size();
        words.push_back(full_name.substr(at, space - at));
        at = space + 1;
    }
    std::string result = words.front();
    for (std::size_t i = 1; i < words.size(); ++i) {
        const auto lead = static_cast<unsigned char>(words[i][0]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        result += " " + words[i].substr(0, length) + ".";
    }
    return result;
}

const char* kLessonMarks[] = {"5", "4", "", "4-", "3"};

struct LessonFacts {
    std::string mark, mark_type, kind, attendance, homework;
    bool control = false;
};

LessonFacts facts(int day, int index) {
    LessonFacts facts;
    const int wd = weekday(day);
    if (index == 1) {
        facts.mark = kLessonMarks[day % 5];
        facts.control = wd == 3;
        facts.kind = facts.control ? "Контрольная работа" : "Работа на уроке";
        facts.mark_type = facts.kind;
        facts.homework = "<p>Упр.&nbsp;" + std::to_string(day % 97 + 1) + "</p>";
    } else {
        facts.mark = wd == 2 ? "5/4" : "";
        facts.mark_type = "Ответ на уроке";
        facts.kind = "Работа на уроке";
        facts.attendance = wd == 4 ? "Н" : "Был";
    }
    return facts;
}

json lesson(const SimChild& child, int day, int index) {
    const LessonFacts f = facts(day, index);
    const auto subject = static_cast<std::size_t>(index - 1);
    return {{"index", index},
            {"discipline", child.subjects[subject]},
            {"time_begin", index == 1 ? "08:30" : "09:25"},
            {"time_end", index == 1 ? "09:15" : "10:10"},
            {"office", std::to_string(20 + index)},
            {"teacher", initials(child.teachers[subject])},
            {"theme", index == 1 ? "Тема " + iso_from_days(day) : "<b>Повторение</b>\u200b " + iso_from_days(day)},
            {"homework", f.homework},
            {"materials", json::array()},
            {"mark", f.mark},
            {"mark_type", f.mark.empty() ? "" : f.mark_type},
            {"schedulelessontype", f.kind},
            {"attendance", f.attendance},
            {"comment", ""},
            {"remarks", ""},
            {"is_control_work", f.control},
            {"id", std::stoll(child.id) * 100000 + day * 2 + index},
            {"study_time_name", "1 смена"}};
}

json person_data(const SimAccount& account, const SimChild& selected) {
    json children = json::array();
    if (!account.parent)
        return {{"auth_user_profile_id", std::stoll(selected.id)}, {"user_fullname", selected.full_name},
                {"user_desc", "Ученик"}, {"user_is_male", selected.male}, {"phone", ""},
                {"selected_pupil_id", std::stoll(selected.id)}, {"selected_pupil_name", selected.full_name},
                {"selected_pupil_school", account.school},
                {"selected_pupil_classyear", selected.study_level + " " + selected.letter},
                {"selected_pupil_is_male", selected.male}, {"children_persons", children}};
    for (const auto& child : account.children)
        children.push_back({{"person_id", std::stoll(child.id)},
                            {"fullname", child.full_name},
                            {"school", account.school},
                            {"classyear", child.study_level + " " + child.letter},
                            {"is_male", child.male}});
    return {{"auth_user_profile_id", std::stoll(account.parent_id)},
            {"user_fullname", account.parent_name},
            {"user_desc", "Родитель"},
            {"user_is_male", false},
            {"phone", ""},
            {"selected_pupil_id", std::stoll(selected.id)},
            {"selected_pupil_name", selected.full_name},
            {"selected_pupil_school", account.school},
            {"selected_pupil_classyear", selected.study_level + " " + selected.letter},
            {"selected_pupil_is_male", selected.male},
            {"children_persons", children},
            {"indicators", json::array({{{"name", "Общий средний балл"}, {"value", "4.40"}, {"css", "good"}}})}};
}

json diary(const SimAccount& account, const SimChild& child, int day) {
    const int monday = day - weekday(day);
    json days = json::array();
    for (int d = monday; d < monday + 7; ++d) {
        json lessons = json::array();
        if (is_lesson_day(account.year, d))
            for (int index = 1; index <= 2; ++index) lessons.push_back(lesson(child, d, index));
        days.push_back({{"date", iso_from_days(d)},
                        {"is_weekend", weekday(d) >= 5},
                        {"is_vacation", false},
                        {"is_holiday", false},
                        {"lessons", lessons}});
    }
    return {{"days", days}};
}

json homework(const SimAccount& account, const SimChild& child, int day) {
    const int monday = day - weekday(day);
    json days = json::array();
    for (int d = monday; d < monday + 7; ++d) {
        if (!is_lesson_day(account.year, d)) continue;
        json homeworks = json::array();
        homeworks.push_back({{"discipline", child.subjects[0]}, {"homework", facts(d, 1).homework},
                             {"teacher", initials(child.teachers[0])}, {"theme", "Тема " + iso_from_days(d)},
                             {"date", iso_from_days(d)}, {"materials", json::array()}, {"nextHomework", ""},
                             {"nextMaterials", json::array()}, {"individualHomeworks", json::array()}});
        if (weekday(d) == 1)  // on Tuesdays lesson 2's homework is only in the homework list
            homeworks.push_back({{"discipline", child.subjects[1]}, {"homework", "§ " + std::to_string(d % 41 + 1) + "\u200b"},
                                 {"teacher", initials(child.teachers[1])}, {"theme", ""}, {"date", iso_from_days(d)},
                                 {"materials", json::array()}, {"individualHomeworks", json::array()}});
        days.push_back({{"date", iso_from_days(d)}, {"homeworks", homeworks}});
    }
    return days;
}

// The quarter holding `day`, else the next one, else the last.
const Quarter& quarter_for(const std::vector<Quarter>& all, int day) {
    for (const auto& quarter : all)
        if (day <= quarter.last) return quarter;
    return all.back();
}

json summary_marks(const SimAccount& account, const SimChild& child, int day) {
    const std::vector<Quarter> all = quarters(account.year);
    const Quarter& quarter = quarter_for(all, day);
    json dates = json::array();  // every school day of the quarter, as the server lists them
    for (int d = quarter.first; d <= quarter.last; ++d)
        if (weekday(d) < 5) dates.push_back(iso_from_days(d));
    json disciplines = json::array();
    for (int index = 1; index <= 2; ++index) {
        json marks = json::array();
        for (int d : lesson_days(quarter)) {
            const LessonFacts f = facts(d, index);
            if (f.mark == "5/4") {
                marks.push_back({{"date", iso_from_days(d)}, {"mark", "5"}, {"description", f.mark_type}});
                marks.push_back({{"date", iso_from_days(d)}, {"mark", "4"}, {"description", f.mark_type}});
            } else if (!f.mark.empty()) {
                marks.push_back({{"date", iso_from_days(d)}, {"mark", f.mark}, {"description", f.mark_type}});
            }
        }
        // Marks given outside the lessons: one per subject, and a debt in the second subject.
        marks.push_back({{"date", iso_from_days(quarter.first + 14)}, {"mark", "4"}, {"description", "Работа на уроке"}});
        if (index == 2)
            marks.push_back({{"date", iso_from_days(quarter.first + 15)}, {"mark", "•"}, {"description", "Домашняя работа"}});
        disciplines.push_back({{"discipline", child.subjects[static_cast<std::size_t>(index - 1)]},
                               {"average_mark", "4.50"},
                               {"marks", marks}});
    }
    json data = {{"subperiod", {{"code", code_of(quarter)}, {"name", std::to_string(quarter.number) + " Четверть"}}},
                 {"dates", dates},
                 {"discipline_marks", disciplines}};
    return child.wrapped ? json{{"summary_marks_data", json::array({data})}} : data;
}

json total_marks(const SimAccount& account, const SimChild& child) {
    json subperiods = json::array();
    for (const auto& quarter : quarters(account.year))
        subperiods.push_back({{"code", code_of(quarter)}, {"name", std::to_string(quarter.number) + " Четверть"}});
    subperiods.push_back({{"code", "Год"}, {"name", "Годовая"}});
    json disciplines = json::array();
    for (std::size_t index = 0; index < child.subjects.size(); ++index)
        disciplines.push_back({{"discipline", child.subjects[index]},
                               {"period_marks", json::array({{{"subperiod_code", "Четверть_1"}, {"mark", "5"}},
                                                             {{"subperiod_code", "Четверть_2"}, {"mark", index == 0 ? "4" : "5"}},
                                                             {{"subperiod_code", "Четверть_3"}, {"mark", "4"}},
                                                             {{"subperiod_code", "Четверть_4"}, {"mark", "0"}},
                                                             {{"subperiod_code", "Год"}, {"mark", ""}}})}});
    json data = {{"subperiods", subperiods}, {"discipline_marks", disciplines}};
    return child.wrapped ? data : json{{"total_marks_data", json::array({data})}};
}

json class_info(const SimChild& child) {
    json pupils = json::array({{{"fullname", child.full_name}, {"male", child.male}, {"photo", ""}}});
    for (const auto& name : child.classmates) pupils.push_back({{"fullname", name}, {"male", false}, {"photo", ""}});
    return {{"study_level", child.study_level}, {"letter", child.letter}, {"form_master", child.teachers[0]},
            {"form_master_male", false}, {"specialization", ""}, {"photo", ""}, {"pupils", pupils}};
}

json school_info(const SimAccount& account) {
    json employees = json::array();
    std::vector<std::string> named;
    for (const auto& child : account.children)
        for (const auto& teacher : child.teachers) {
            if (std::find(named.begin(), named.end(), teacher) != named.end()) continue;
            named.push_back(teacher);
            employees.push_back({{"group", "Педагогический состав"}, {"fullname", teacher},
                                 {"employer_jobs", json::array({"Учитель"})}, {"category", "высшая"},
                                 {"male", teacher.ends_with("ич")}, {"photo", ""}});
        }
    return {{"name", account.school}, {"address", "г. Нальчик, ул. Синтетическая, 1"}, {"phone", ""},
            {"email", ""}, {"site_url", ""}, {"count_pupils", 6}, {"count_employees", employees.size()},
            {"ustav", ""}, {"employees", employees}};
}

}  // namespace

SimAccount make_account(int year, bool pupil_account) {
    SimAccount account;
    account.year = year;
    SimChild first{"6101", "Хежева Мадина Артуровна", "6", "А", false, {"Математика", "Русский язык"},
                   {"Теуважева Залина Хасановна", "Балкарова Индира Муратовна"},
                   {"Гергова Дана Азаматовна", "Шибзухова Алина Мухамедовна"}, false};
    SimChild second{"6102", "Хежев Аслан Артурович", "9", "Б", true, {"Алгебра", "История"},
                    {"Кушхов Руслан Борисович", "Теуважева Залина Хасановна"},
                    {"Машукова Зарина Олеговна", "Тлупова Элина Руслановна"}, true};
    account.children = {first, second};
    if (pupil_account) {
        account.parent = false;
        account.children = {first};
    }
    return account;
}

Answer api_answer(const SimAccount& account, const SimChild& selected, const std::string& method, const std::string& date) {
    const int day = date.empty() ? days_from_iso(std::to_string(account.year) + "-09-01") : days_from_iso(date);
    if (method == "ProfileService/GetPersonData") return {200, person_data(account, selected).dump()};
    if (method == "ScheduleService/GetDiary") return {200, diary(account, selected, day).dump()};
    if (method == "HomeworkService/GetHomeworkFromRange") return {200, homework(account, selected, day).dump()};
    if (method == "MarkService/GetSummaryMarks") return {200, summary_marks(account, selected, day).dump()};
    if (method == "MarkService/GetTotalMarks") return {200, total_marks(account, selected).dump()};
    if (method == "SchoolService/getClassYearInfo") return {200, class_info(selected).dump()};
    if (method == "SchoolService/getSchoolInfo") return {200, school_info(account).dump()};
    return {404, json{{"faultcode", "Server.MethodNotFound"}, {"faultstring", "Метод не найден: " + method}}.dump()};
}

std::vector<Call> child_calls(const SimAccount& account) {
    std::vector<Call> calls{{"SchoolService/getClassYearInfo", ""}, {"SchoolService/getSchoolInfo", ""},
                            {"MarkService/GetTotalMarks", ""}};
    for (const auto& quarter : quarters(account.year)) {
        for (int monday : {quarter.first, quarter.first + 7}) {
            calls.push_back({"ScheduleService/GetDiary", iso_from_days(monday)});
            calls.push_back({"HomeworkService/GetHomeworkFromRange", iso_from_days(monday)});
        }
        calls.push_back({"MarkService/GetSummaryMarks", iso_from_days(quarter.first)});
    }
    return calls;
}

}  // namespace jb::bars_sim
