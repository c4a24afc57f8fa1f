#include "tools/netschool-sim/sim_staff.hpp"

#include <nlohmann/json.hpp>

namespace jb::netschool_sim {
namespace {

using nlohmann::json;

struct StaffClass {
    long long id;
    std::string name;
    std::vector<std::pair<long long, std::string>> pupils;
    std::vector<std::pair<std::string, std::string>> subjects;  // subject, teacher
};

const std::vector<StaffClass>& staff_classes() {
    static const std::vector<StaffClass> classes = {
        {6201, "7б",
         {{91001, "Орехова Алиса Игоревна"}, {91002, "Бахтин Роман Олегович"}, {91003, "Лисицына Ева Павловна"},
          {91004, "Тимофеев Лев Андреевич"}},
         {{"Алгебра", "Белова Ирина Сергеевна"}, {"История", "Гусев Пётр Ильич"}}},
        {6202, "9а",
         {{92001, "Абрамова Яна Денисовна"}, {92002, "Ершов Марк Викторович"}, {92003, "Панина Зоя Артёмовна"}},
         {{"Физика", "Крылов Андрей Павлович"}, {"Физическая культура", "Лаптев Олег Игоревич"}}}};
    return classes;
}

struct Term {
    long long id;
    std::string name, start, end;
};

std::vector<Term> terms_of(const SimSchool& school) {
    std::string y = std::to_string(school.year), next = std::to_string(school.year + 1);
    return {{7701, "1 полугодие", y + "-09-02T00:00:00", y + "-12-28T00:00:00"},
            {7702, "2 полугодие", next + "-01-09T00:00:00", next + "-05-31T00:00:00"}};
}

long long group_id(const StaffClass& owner, std::size_t subject) { return owner.id * 10 + static_cast<long long>(subject); }

std::string value(const Query& query, const std::string& name) {
    auto it = query.find(name);
    return it == query.end() ? "" : it->second;
}

const char* kReasons[] = {"ОТ", "УП", "Б", "НП", "ОП", "ОСВ"};

// Four class meetings per group and term, each with a lesson answer and every other one a test;
// marks, debts («точка»), absences of every code and term totals (−1 н/а, −2 освобождён).
json journal(const SimSchool& school, const StaffClass& owner, std::size_t subject, const Term& term, int term_index) {
    long long sg = group_id(owner, subject);
    bool pass_fail = owner.subjects[subject].first == "Физическая культура";
    json students = json::array(), meetings = json::array(), assignments = json::array(), marks = json::array(),
         attendance = json::array(), totals = json::array();
    for (std::size_t p = 0; p < owner.pupils.size(); ++p)
        students.push_back({{"id", owner.pupils[p].first}, {"fullName", owner.pupils[p].second},
                            {"free", p + 1 == owner.pupils.size() && subject == 1}, {"individualEduc", false}});
    std::string month = term_index == 0 ? std::to_string(school.year) + "-10-" : std::to_string(school.year + 1) + "-02-";
    int k = 0;
    for (int m = 0; m < 4; ++m) {
        long long cm = sg * 100 + term_index * 10 + m;
        std::string date = month + std::to_string(10 + m * 2 + static_cast<int>(subject)) + "T00:00:00";
        meetings.push_back({{"id", cm}, {"date", date}, {"lessonId", m + 1}, {"isTkr", false}});
        std::vector<std::pair<long long, int>> works = {{cm * 10 + 1, 10}};
        if (m % 2 == 1) works.push_back({cm * 10 + 2, 4});
        for (const auto& [id, type] : works) {
            assignments.push_back({{"id", id}, {"classMeetingId", cm}, {"typeId", type}, {"weight", type == 4 ? 20 : 10},
                                   {"date", date}, {"dueDate", date}});
            for (std::size_t p = 0; p < owner.pupils.size(); ++p) {
                ++k;
                if (k % 4 == 0) continue;  // no result
                json mark = {{"studentId", owner.pupils[p].first}, {"assignmentId", id}};
                if (k % 9 == 0) {
                    mark["mark"] = nullptr;
                    mark["duty"] = true;
                } else {
                    mark["mark"] = 2 + (k * 7 + static_cast<int>(p)) % 4;
                }
                marks.push_back(mark);
            }
        }
        std::size_t absent = (static_cast<std::size_t>(m) + subject) % owner.pupils.size();
        attendance.push_back({{"classmeetingId", cm}, {"studentId", owner.pupils[absent].first},
                              {"reason", kReasons[(m + static_cast<int>(subject) * 2 + term_index * 3) % 6]}});
    }
    json total_marks = json::array();
    for (std::size_t p = 0; p < owner.pupils.size(); ++p) {
        int mark = pass_fail ? (p == 1 ? 2 : 5) : 3 + static_cast<int>((p + subject + static_cast<std::size_t>(term_index)) % 3);
        if (!pass_fail && p == 2) mark = term_index == 0 ? -1 : -2;
        total_marks.push_back({{"studentId", owner.pupils[p].first}, {"mark", mark}});
    }
    totals.push_back({{"termId", term.id}, {"marks", total_marks}});
    return {{"journals", json::array({{{"subjectGroupId", sg}, {"students", students}, {"classMeeting", meetings},
                                        {"assignments", assignments}, {"marks", marks}, {"attendance", attendance},
                                        {"totals", totals}, {"gradingSys", pass_fail ? 1 : 0}}})},
            {"editLimit", {{"readOnly", true}}},
            {"markSettings", {{"minMark", 2}, {"maxMark", 5}, {"useWeight", true}}}};
}

}  // namespace

Answer staff_answer(const SimSchool& school, const std::string& path, const Query& query) {
    if (path == "grade/attendance/reasons")
        return {200, R"([{"mark":"ОТ","localMark":"Н","name":"Отсутствовал"},{"mark":"УП","localMark":"Н","name":"Пропуск по уважительной причине"},)"
                     R"({"mark":"Б","localMark":"Н","name":"Пропуск по болезни"},{"mark":"НП","localMark":"Н","name":"Пропуск по неуважительной причине"},)"
                     R"({"mark":"ОП","localMark":"","name":"Опоздал"},{"mark":"ОСВ","localMark":"осв","name":"Освобождён"}])"};
    if (path == "classes") {
        json list = json::array();
        for (const StaffClass& owner : staff_classes()) list.push_back({{"id", owner.id}, {"name", owner.name}});
        return {200, list.dump()};
    }
    if (path == "terms/search") {
        json list = json::array();
        for (const Term& term : terms_of(school))
            list.push_back({{"id", term.id}, {"name", term.name}, {"startDate", term.start}, {"endDate", term.end}});
        return {200, list.dump()};
    }
    for (const StaffClass& owner : staff_classes()) {
        if (path == "subjectgroups" && value(query, "classId") == std::to_string(owner.id)) {
            json list = json::array();
            for (std::size_t s = 0; s < owner.subjects.size(); ++s)
                list.push_back({{"id", group_id(owner, s)}, {"name", owner.name + "/" + owner.subjects[s].first},
                                {"class", {{"id", owner.id}, {"name", owner.name}}},
                                {"teachers", json::array({{{"id", 8000 + group_id(owner, s) % 1000}, {"name", owner.subjects[s].second}}})}});
            return {200, list.dump()};
        }
        for (std::size_t s = 0; s < owner.subjects.size(); ++s) {
            std::vector<Term> terms = terms_of(school);
            for (std::size_t t = 0; t < terms.size(); ++t) {
                bool this_group = value(query, "sgId") == std::to_string(group_id(owner, s)) ||
                                  value(query, "sgid") == std::to_string(group_id(owner, s));
                if (!this_group || value(query, "termId") != std::to_string(terms[t].id)) continue;
                if (path == "grade/journal") {
                    if (value(query, "classId") != std::to_string(owner.id) || value(query, "yearId") != std::to_string(school.year_id))
                        return {400, R"({"message":"Неверные параметры журнала"})"};
                    return {200, journal(school, owner, s, terms[t], static_cast<int>(t)).dump()};
                }
            }
        }
    }
    return {404, R"({"message":"Not found"})"};
}

std::vector<std::string> staff_targets(const SimSchool& school) {
    std::vector<std::string> targets = {"grade/attendance/reasons?lng=ru", "classes", "terms/search"};
    for (const StaffClass& owner : staff_classes()) targets.push_back("subjectgroups?classId=" + std::to_string(owner.id) + "&expand=name");
    for (const StaffClass& owner : staff_classes())
        for (std::size_t s = 0; s < owner.subjects.size(); ++s)
            for (const Term& term : terms_of(school))
                targets.push_back("grade/journal?yearId=" + std::to_string(school.year_id) + "&classId=" + std::to_string(owner.id) +
                                  "&sgId=" + std::to_string(group_id(owner, s)) + "&termId=" + std::to_string(term.id));
    return targets;
}

}  // namespace jb::netschool_sim
