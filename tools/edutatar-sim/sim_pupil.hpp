#pragma once
#include <string>
#include <vector>

// The invented pupil edutatar-sim serves, and its pages in the layouts the offline reader knows
// (docs/platforms/edutatar.md §4–§9). All text is UTF-8 here; the server converts it when asked.
namespace jb::edutatar_sim {

struct SimLesson {
    int month = 0, day = 0;  // in the second half of the school year
    std::string short_subject, full_subject, task, mark, comment;
    std::vector<std::string> titles;  // work type of each mark of a «a/b» cell, for the day page
};

struct SimTerm {
    struct Row {
        std::string subject;
        std::vector<std::string> marks;
        std::string final_mark;
        int subject_id = 0;
    };
    std::vector<Row> rows;
};

struct SimPupil {
    int year = 2022;  // the school year starts in this calendar year
    std::string name = "Гарипова Лейсан Ринатовна", class_name = "7А", school = "МБОУ «Вымышленная гимназия № 501»";
    std::string login;
    std::vector<SimLesson> lessons;  // what diary.xml and the day pages show (the current term: 3)
    std::vector<SimTerm> terms;      // quarters 1–4
    int current_term = 3;
};

SimPupil make_pupil(int year, const std::string& login);

enum class Layout { y2019, y2022 };

std::string diary_xml(const SimPupil& pupil);
std::string term_page(const SimPupil& pupil, int term, Layout layout, const std::string& charset);
std::string year_page(const SimPupil& pupil, const std::string& charset);
std::string profile_page(const SimPupil& pupil, const std::string& charset);
// The day page of Moscow-midnight `for_seconds`; «Расписание не найдено» on a day without lessons.
std::string day_page(const SimPupil& pupil, long long for_seconds, const std::string& charset);
std::string login_page(bool old_form, const std::string& alert, const std::string& charset);

}  // namespace jb::edutatar_sim
