#pragma once
#include <map>
#include <string>
#include <vector>

// The invented school netschool-sim serves to a parent account (two children in two classes) and
// its answers to the JSON endpoints a pupil/parent pull reads (docs/platforms/netschool.md §3).
namespace jb::netschool_sim {

struct SimAssignment {
    long long id = 0;
    int type = 0, weight = 0, detail_weight = 0;  // diary weight 0 (old server): the real one is in assigns/{id}
    std::string name, description, mark;           // mark: "" none, "." debt, a digit, or a string mark
    bool class_assignment = false;
    std::string comment;
};

struct SimLesson {
    long long id = 0;
    std::string day;  // YYYY-MM-DD
    int number = 0;
    std::string start, end, subject, room;  // room "" → null
    long long group = 0;
    std::vector<SimAssignment> assignments;
};

struct SimStudent {
    long long id = 0;
    std::string nick, class_name;
    long long class_id = 0;
    std::vector<SimLesson> lessons;
};

struct SimSchool {
    long long school_id = 1077, year_id = 88123;
    int year = 2024;
    std::string name = "МБОУ «Вымышленная школа № 77» г.о. Самара";
    bool staff = false;  // the account is a teacher's: the class journal instead of a diary
    std::vector<SimStudent> students;
};

SimSchool make_school(int year, bool staff);

struct Answer {
    int status = 200;
    std::string body;
};

using Query = std::multimap<std::string, std::string>;
// The answer to /webapi/<path>?<query> after login; `at` is the login's token (context repeats it).
Answer answer(const SimSchool& school, const std::string& path, const Query& query, const std::string& at);
// Every request a full pull makes after login, as /webapi/… targets, in the pull's order (terms/search
// is a POST with the body {}).
std::vector<std::string> pull_targets(const SimSchool& school);

}  // namespace jb::netschool_sim
