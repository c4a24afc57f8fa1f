#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "adapters/dnevnik/dnevnik_endpoint.hpp"
#include "adapters/dnevnik/dnevnik_json.hpp"

// The first pass's result: everything marks, attendance and final marks refer to, keyed by the
// platform's int64 ids. Only these compact facts are kept, never whole response bodies, so memory
// grows with the number of people, lessons and works, not with the size of the capture.
namespace jb::dnevnik {

struct SchoolInfo {
    std::string name, full_name;
    std::optional<int> offset_minutes;  // School.timeZone (whole hours on the wire)
};

struct GroupInfo {
    std::string name, full_name, type;
    std::vector<std::int64_t> parents;
    std::optional<std::int64_t> grade;
    std::optional<std::int64_t> study_year;
    std::int64_t school = 0;
    std::int64_t head_teacher = 0;
    bool is_subgroup() const { return !parents.empty() || type == "Subgroup"; }
};

struct PersonInfo {
    std::string last, first, middle, birth, sex;
};

struct PeriodInfo {
    std::int64_t group = 0;
    std::int64_t number = 0;
    std::string type, name, start, finish;
};

struct HolidayInfo {
    std::string start, finish, name;
};

struct WorkTypeInfo {
    std::string title;
    std::optional<double> weight;
    bool is_final = false;
};

struct LessonInfo {
    std::int64_t group = 0, subject = 0;
    std::int64_t number = 0;
    std::string date;  // as sent, converted when emitted
    std::string topic, homework;
    std::vector<std::int64_t> teachers;
};

struct WorkInfo {
    std::int64_t lesson = 0, group = 0, subject = 0, work_type = 0;
    std::string type, mark_type, target_date, text;
    std::optional<std::int64_t> period_number;
    std::string period_type;
};

struct Directory {
    std::string instance;       // host of the first v2 request
    std::string capture_date;   // startedDateTime of the first v2 request
    std::map<std::int64_t, SchoolInfo> schools;
    std::map<std::int64_t, GroupInfo> groups;
    std::unordered_map<std::int64_t, PersonInfo> persons;
    std::map<std::int64_t, std::set<std::int64_t>> students_of;  // group → persons listed in it
    std::set<std::int64_t> teachers;                             // persons named as teachers
    std::set<std::int64_t> staff;                                // school staff who do not teach
    std::map<std::int64_t, std::int64_t> teacher_school;         // from schools/{s}/teachers
    std::map<std::int64_t, std::int64_t> teacher_group;          // from edu-groups/{g}/teachers, classteacher
    std::map<std::int64_t, PeriodInfo> periods;
    std::map<std::int64_t, std::vector<HolidayInfo>> holidays;   // by group
    std::map<std::int64_t, WorkTypeInfo> work_types;
    std::unordered_map<std::int64_t, std::vector<std::string>> subjects;  // id → names as sent, first seen first
    std::unordered_map<std::int64_t, LessonInfo> lessons;
    std::unordered_map<std::int64_t, WorkInfo> works;
    std::map<std::string, std::set<std::string>> mark_values;    // marks/values: system → values
    std::set<std::string> statuses;                              // lesson-log-entries/statuses

    // Reads one first-pass body (already parsed) into the directory.
    void collect(const Request& request, const nlohmann::json& body, const Where& where);
    // Once lessons and works are in the archive the second pass needs only their ids, groups,
    // subjects and types: their texts and dates are let go, so that what stays in memory for the
    // marks is as small as it can be.
    void forget_emitted_texts();
};

}  // namespace jb::dnevnik
