#pragma once
#include <string>
#include <vector>

// The invented parent account bars-sim serves (or one pupil's own account): two children in different classes of one school,
// each with two subjects, four quarters and two weeks of lessons at the start of every quarter.
namespace jb::bars_sim {

struct SimChild {
    std::string id, full_name, study_level, letter;
    bool male = false;
    std::vector<std::string> subjects;   // lesson 1, lesson 2 of every school day
    std::vector<std::string> teachers;   // full names, by subject
    std::vector<std::string> classmates;
    bool wrapped = false;  // summary marks wrapped in summary_marks_data (total marks: the other way round)
};

struct SimAccount {
    int year = 2023;
    std::string parent_id = "6100", parent_name = "Хежева Лиана Мухамедовна";
    std::string school = "МКОУ «Гимназия № 4» (синтетическая)";
    std::vector<SimChild> children;
    bool parent = true;  // false: the first child's own account (no children list, no SetChild)
};

SimAccount make_account(int year, bool pupil_account = false);

struct Answer {
    int status = 200;
    std::string body;  // JSON
};

// The answer to /api/<method> for the selected child; `date` is the request's date parameter.
Answer api_answer(const SimAccount& account, const SimChild& selected, const std::string& method, const std::string& date);

// The requests a full pull asks for one child, in order (method and date), without SetChild.
struct Call {
    std::string method, date;
};
std::vector<Call> child_calls(const SimAccount& account);

}  // namespace jb::bars_sim
