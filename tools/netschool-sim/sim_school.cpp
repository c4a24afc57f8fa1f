#include "tools/netschool-sim/sim_school.hpp"

#include <nlohmann/json.hpp>

#include "core/net/date_windows.hpp"
#include "tools/netschool-sim/sim_staff.hpp"

namespace jb::netschool_sim {
namespace {

using nlohmann::json;

// Weeks with lessons (counted from the week of September 1st): the second, the last before the winter
// holidays and one in January (the school year crosses the New Year).
const int kLessonWeeks[] = {1, 16, 19};

std::string monday_of(const std::string& day) {
    int days = net::days_from_iso(day);
    return net::iso_from_days(days - ((days % 7 + 7 + 3) % 7));
}

SimStudent make_student(int index, long long id, std::string nick, std::string class_name, long long class_id,
                        const std::vector<std::string>& subjects, int year) {
    SimStudent student{id, std::move(nick), std::move(class_name), class_id, {}};
    int first_monday = net::days_from_iso(monday_of(std::to_string(year) + "-09-01"));
    int counter = 0;
    const char* marks[] = {"5", "4", "3", "5", "4", "2"};
    for (int week : kLessonWeeks)
        for (int weekday = 0; weekday < 5; ++weekday) {
            std::string day = net::iso_from_days(first_monday + week * 7 + weekday);
            if (day < std::to_string(year) + "-09-01") continue;
            for (std::size_t n = 0; n < subjects.size(); ++n) {
                ++counter;
                SimLesson lesson;
                lesson.id = 301000000LL + index * 100000 + counter;
                lesson.day = day;
                lesson.number = static_cast<int>(n) + 1;
                lesson.start = "0" + std::to_string(8 + n) + ":30";
                lesson.end = "0" + std::to_string(9 + n) + ":10";
                if (lesson.end.size() > 5) lesson.end = lesson.end.substr(1);
                if (lesson.start.size() > 5) lesson.start = lesson.start.substr(1);
                lesson.subject = subjects[n];
                lesson.group = class_id * 100 + static_cast<long long>(n);
                bool gym = subjects[n] == "Физическая культура";
                lesson.room = gym ? "" : std::to_string(200 + 10 * index + static_cast<int>(n));
                if (gym) {
                    student.lessons.push_back(lesson);  // no assignments member at all
                    continue;
                }
                long long assignment_base = 401000000LL + index * 100000 + counter * 10;
                if (counter % 2 == 0) {
                    SimAssignment homework;
                    homework.id = assignment_base + 1;
                    homework.type = 3;
                    homework.weight = counter % 4 == 0 ? 0 : 10;
                    homework.detail_weight = 10;
                    homework.name = "Упражнение " + std::to_string(100 + counter);
                    homework.description = "Упражнение " + std::to_string(100 + counter) + ", стр. " +
                                           std::to_string(10 + counter) + "\r\nВыучить правило";
                    homework.class_assignment = true;
                    lesson.assignments.push_back(homework);
                }
                if (counter % 3 != 2) {
                    SimAssignment work;
                    work.id = assignment_base + 2;
                    bool test = counter % 7 == 0;
                    work.type = test ? 4 : 10;
                    work.detail_weight = test ? 20 : 10;
                    work.weight = counter % 5 == 0 ? 0 : work.detail_weight;
                    work.name = test ? "Контрольная работа № " + std::to_string(counter / 7) : "Ответ у доски";
                    work.mark = test && counter % 2 == 0 ? "." : counter % 11 == 0 ? "4-" : marks[counter % 6];
                    if (counter % 13 == 0) work.comment = "Исправить до пятницы";
                    lesson.assignments.push_back(work);
                }
                student.lessons.push_back(lesson);
            }
        }
    return student;
}

std::string stamp(const std::string& day) { return day + "T00:00:00"; }

json mark_of(const SimAssignment& assignment, long long student) {
    json mark = {{"id", 0}, {"assignmentId", assignment.id}, {"studentId", student}, {"resultScore", nullptr}};
    if (assignment.mark == ".") {
        mark["mark"] = nullptr;
        mark["dutyMark"] = true;
    } else if (assignment.mark.size() == 1) {
        mark["mark"] = std::stoi(assignment.mark);
        mark["dutyMark"] = false;
    } else {
        mark["mark"] = assignment.mark;  // a string mark of a newer server
        mark["dutyMark"] = false;
    }
    return mark;
}

json lesson_json(const SimLesson& lesson, long long student) {
    json out = {{"classmeetingId", lesson.id}, {"day", stamp(lesson.day)}, {"number", lesson.number}, {"relay", 1},
                {"room", lesson.room.empty() ? json(nullptr) : json(lesson.room)}, {"startTime", lesson.start},
                {"endTime", lesson.end}, {"subjectName", lesson.subject}, {"isEaLesson", false}};
    if (lesson.subject == "Физическая культура") return out;
    json assignments = json::array();
    for (const SimAssignment& assignment : lesson.assignments) {
        json item = {{"id", assignment.id},
                     {"typeId", assignment.type},
                     {"assignmentName", assignment.name},
                     {"weight", assignment.weight},
                     {"dueDate", stamp(lesson.day) + (assignment.id % 3 == 0 ? ".99" : "")},
                     {"classMeetingId", lesson.id},
                     {"classAssignment", assignment.class_assignment}};
        if (!assignment.mark.empty()) item["mark"] = mark_of(assignment, student);
        if (!assignment.comment.empty()) item["markComment"] = {{"id", 55}, {"name", assignment.comment}};
        assignments.push_back(item);
    }
    out["assignments"] = assignments;
    return out;
}

std::string first_value(const Query& query, const std::string& name) {
    auto it = query.find(name);
    return it == query.end() ? "" : it->second;
}

const SimStudent* student_of(const SimSchool& school, const std::string& id) {
    for (const SimStudent& student : school.students)
        if (std::to_string(student.id) == id) return &student;
    return nullptr;
}

std::string teacher_of(const SimStudent& student, const std::string& subject) {
    return student.class_id == 7101 ? (subject == "Алгебра" ? "Белова Ирина Сергеевна" : "Крылов Андрей Павлович")
                                    : "Мухина Ольга Викторовна";
}

Answer week(const SimSchool& school, const Query& query) {
    const SimStudent* student = student_of(school, first_value(query, "studentId"));
    std::string start = first_value(query, "weekStart"), end = first_value(query, "weekEnd");
    if (!student || start.size() != 10 || end.size() != 10) return {400, R"({"message":"Неверные параметры"})"};
    json days = json::array();
    for (const SimLesson& lesson : student->lessons) {
        if (lesson.day < start || lesson.day > end) continue;
        if (days.empty() || days.back()["date"] != stamp(lesson.day))
            days.push_back({{"date", stamp(lesson.day)}, {"lessons", json::array()}});
        days.back()["lessons"].push_back(lesson_json(lesson, student->id));
    }
    json body = {{"weekStart", stamp(start)}, {"weekEnd", stamp(end)}, {"termName", start < "2025-01-01" ? "1 полугодие" : "2 полугодие"},
                 {"className", student->class_name}, {"laAssigns", json::array()}};
    // Holiday weeks: some servers send an empty list, some leave it out.
    if (!days.empty() || net::days_from_iso(start) % 2 == 0) body["weekDays"] = days;
    return {200, body.dump()};
}

Answer detail(const SimSchool& school, const std::string& id, const Query& query) {
    const SimStudent* student = student_of(school, first_value(query, "studentId"));
    if (!student) return {400, R"({"message":"Не указан ученик"})"};
    for (const SimLesson& lesson : student->lessons)
        for (const SimAssignment& assignment : lesson.assignments) {
            if (std::to_string(assignment.id) != id) continue;
            json teacher = {{"id", 7000 + lesson.group % 100}, {"name", teacher_of(*student, lesson.subject)}};
            json body = {{"id", assignment.id},
                         {"assignmentName", assignment.name},
                         {"activityName", nullptr},
                         {"problemName", nullptr},
                         {"subjectGroup", {{"id", lesson.group}, {"name", student->class_name + "/" + lesson.subject}}},
                         {"productId", nullptr},
                         {"isDeleted", false},
                         {"weight", assignment.detail_weight},
                         {"date", stamp(lesson.day)},
                         {"description", assignment.description.empty() ? json(nullptr) : json(assignment.description)},
                         {"attachments", json::array()}};
            // Older servers name one teacher, newer ones a list.
            if (assignment.id % 2 == 0) body["teachers"] = json::array({teacher});
            else body["teacher"] = teacher;
            return {200, body.dump()};
        }
    return {404, R"({"message":"Задание не найдено"})"};
}

}  // namespace

SimSchool make_school(int year, bool staff) {
    SimSchool school;
    school.year = year;
    school.staff = staff;
    school.students.push_back(make_student(0, 590001, "Соколова Варвара", "6в", 7101,
                                           {"Алгебра", "Русский язык", "Физическая культура"}, year));
    school.students.push_back(make_student(1, 590002, "Соколов Матвей", "3а", 7102,
                                           {"Математика", "Литературное чтение"}, year));
    return school;
}

Answer answer(const SimSchool& school, const std::string& path, const Query& query, const std::string& at) {
    std::string start = std::to_string(school.year) + "-09-01T00:00:00", end = std::to_string(school.year + 1) + "-05-31T00:00:00";
    std::string year_name = std::to_string(school.year) + "/" + std::to_string(school.year + 1);
    if (path == "context")
        return {200, json{{"at", at},
                          {"user", {{"id", 8800012}, {"name", "Соколова Елена Андреевна"}}},
                          {"userId", 8800012},
                          {"roles", {school.staff ? "Teacher" : "Parent"}},
                          {"version", "5.44.7850"},
                          {"productName", "Сетевой Город. Образование"},
                          {"schoolId", school.school_id},
                          {"organization", {{"id", school.school_id}, {"name", school.name}}},
                          {"schoolYearId", school.year_id},
                          {"globalYearId", 24},
                          {"schoolyear", {{"id", school.year_id}, {"name", year_name}, {"closed", false},
                                          {"schoolId", school.school_id}, {"startDate", start}, {"endDate", end}}}}
                         .dump()};
    if (path == "years/current")
        return {200, json{{"id", school.year_id}, {"name", year_name}, {"startDate", start}, {"endDate", end},
                          {"schoolId", school.school_id}}
                         .dump()};
    if (path == "grade/assignment/types")
        return {200, R"([{"id":1,"name":"Практическая работа","abbr":"ПР","order":1},)"
                     R"({"id":3,"name":"Домашнее задание","abbr":"ДЗ","order":3},)"
                     R"({"id":4,"name":"Контрольная работа","abbr":"КР","order":4},)"
                     R"({"id":10,"name":"Ответ на уроке","abbr":"ОУ","order":10}])"};
    if (school.staff) {
        if (path.starts_with("student/")) return {403, R"({"message":"Доступ запрещён"})"};
        return staff_answer(school, path, query);
    }
    if (path == "student/diary/init") {
        json students = json::array();
        for (const SimStudent& student : school.students)
            students.push_back({{"studentId", student.id}, {"nickName", student.nick},
                                {"className", student.class_id == 7102 ? json(nullptr) : json(student.class_name)},
                                {"classId", student.class_id}, {"iupGrade", 0}});
        return {200, json{{"students", students}, {"currentStudentId", 0}, {"weekStart", start}, {"weight", true},
                          {"maxMark", 5}, {"withLaAssigns", true}}
                         .dump()};
    }
    if (path == "student/diary") return week(school, query);
    const std::string assigns = "student/diary/assigns/";
    if (path.starts_with(assigns)) return detail(school, path.substr(assigns.size()), query);
    return {404, R"({"message":"Not found"})"};
}

std::vector<std::string> pull_targets(const SimSchool& school) {
    std::vector<std::string> targets = {"context", "years/current", "grade/assignment/types?all=false", "student/diary/init"};
    if (school.staff) {
        for (const std::string& target : staff_targets(school)) targets.push_back(target);
        return targets;
    }
    int first = net::days_from_iso(std::to_string(school.year) + "-09-01");
    int last = net::days_from_iso(std::to_string(school.year + 1) + "-05-31");
    int monday = first - ((first % 7 + 7 + 3) % 7);
    for (const SimStudent& student : school.students)
        for (int day = monday; day <= last; day += 7)
            targets.push_back("student/diary?studentId=" + std::to_string(student.id) + "&yearId=" + std::to_string(school.year_id) +
                              "&weekStart=" + net::iso_from_days(day) + "&weekEnd=" + net::iso_from_days(day + 6));
    for (const SimStudent& student : school.students)
        for (const SimLesson& lesson : student.lessons)
            for (const SimAssignment& assignment : lesson.assignments)
                targets.push_back("student/diary/assigns/" + std::to_string(assignment.id) + "?studentId=" + std::to_string(student.id));
    return targets;
}

}  // namespace jb::netschool_sim
