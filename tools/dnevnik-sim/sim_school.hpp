#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace jb::dnevnik_sim {

using nlohmann::json;

// A fact the API lists by date (lessons, marks) or by date and subject (lesson-log entries), kept
// as its JSON text: a class's year is far smaller and quicker to serve as text than as values.
struct Dated {
    std::string date;     // YYYY-MM-DD, school-local
    std::string subject;  // the subject's id: lessons and lesson-log entries
    std::string text;     // the object as json::dump() would write it
};

struct SimGroup {
    std::string id;
    bool subgroup = false;
    json persons;          // with the archived pupils
    json current_persons;  // without them (includeArchive=false)
    std::vector<Dated> lessons, marks, log;
    std::vector<std::string> final_marks;                 // the final-marks list, JSON objects
    std::map<std::string, std::string> all_final_marks;  // by person id: the allfinalmarks answer, JSON text
    std::int64_t period_mark_count = 0;                  // the quarter marks in all_final_marks
};

// An invented school in the shapes of the Dnevnik v2 API (docs/platforms/dnevnik.md), with its
// quirks: 19-digit ids beyond 2^53 with `_str` twins, marks as strings with «5-»/«4+», two-mark
// works, sparse attendance, period marks without a lesson, hyphenated final-mark keys, lowercase
// `studyyear`/`journaltype`, a subgroup via `parentIds`, an archived pupil, a person without a
// user account, empty windows in the holidays. The same seed and year give the same bytes.
struct SimSchool {
    int year = 0;
    std::string id;
    json context, school, edu_groups, work_types, reporting_periods, period_group, mark_values, statuses;
    std::vector<SimGroup> groups;
    std::string first_day, last_day;  // what the reporting periods cover

    const SimGroup* group(const std::string& id) const;
};

// The size of the invented school. The defaults are the small school the tests pull; benchmarks
// scale it up to 280 classes × 40 pupils, 12 subjects and 8 lessons a day.
struct SimScale {
    int classes = 2;          // 1…280: 5А, 6Б, then grades 5–11 with letters В…
    int pupils = 6;           // per class, 5…40
    int subjects = 4;         // 1…12: Математика, Русский язык, Английский язык, История, …
    int lessons_per_day = 3;  // 1…8
};
inline constexpr int kMaxSimClasses = 280;

// Builds the school a class at a time, so that a large school never has to be held at once:
// header() has everything but the journals (groups without lessons or marks); next_class() adds
// one class's groups with their year. The same seed, year, quarters and scale give the same bytes.
class SimSchoolBuilder {
public:
    // Lessons, marks, attendance and quarter marks fill the first `quarters` quarters (1…4).
    SimSchoolBuilder(int year, std::uint64_t seed, int quarters, SimScale scale);
    ~SimSchoolBuilder();
    SimSchoolBuilder(const SimSchoolBuilder&) = delete;
    SimSchoolBuilder& operator=(const SimSchoolBuilder&) = delete;

    const SimSchool& header() const;
    bool done() const;
    std::vector<SimGroup> next_class();  // the class, then its subgroups

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The whole school at once (what the simulator serves).
SimSchool make_sim_school(int year, std::uint64_t seed, int quarters = 2, SimScale scale = {});

}  // namespace jb::dnevnik_sim
