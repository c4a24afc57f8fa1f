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
#include "core/spilled_texts.hpp"
#include "core/string_pool.hpp"

// The first pass's result: everything marks, attendance and final marks refer to, keyed by the
// platform's int64 ids. Only these compact facts are kept, never whole response bodies; texts of
// lessons and works wait on disk, so memory grows by a few dozen bytes per lesson and work.
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

// Lessons and works are as many as the year has, so they are kept compact: repeated values as
// pool tokens, free texts (topics, homework, work titles) spilled to a temporary file.
struct LessonInfo {
    std::int64_t group = 0, subject = 0;
    std::int64_t number = 0;
    StringPool::Token date = 0;  // as sent, converted when emitted
    std::uint32_t teachers = 0;  // index into Directory::teacher_lists
    SpilledTexts::Ref topic, homework;
};

struct WorkInfo {
    std::int64_t lesson = 0, group = 0, subject = 0, work_type = 0;
    StringPool::Token type = 0, mark_type = 0, target_date = 0, period_type = 0;
    std::optional<std::int64_t> period_number;
    SpilledTexts::Ref text;
};

// Entries in the order first seen, found by platform id; an entry seen again is updated in place.
template <typename Info>
class Table {
public:
    std::size_t size() const { return entries_.size(); }
    std::int64_t id_at(std::size_t index) const { return ids_[index]; }
    const Info& at(std::size_t index) const { return entries_[index]; }
    std::optional<std::size_t> index_of(std::int64_t id) const {
        auto found = index_.find(id);
        if (found == index_.end()) return std::nullopt;
        return found->second;
    }
    const Info* find(std::int64_t id) const {
        auto index = index_of(id);
        return index ? &entries_[*index] : nullptr;
    }
    // The entry for `id`, added empty when new. Valid until the next call.
    Info& slot(std::int64_t id) {
        auto [found, added] = index_.try_emplace(id, static_cast<std::uint32_t>(entries_.size()));
        if (added) {
            entries_.emplace_back();
            ids_.push_back(id);
        }
        return entries_[found->second];
    }

private:
    std::vector<Info> entries_;
    std::vector<std::int64_t> ids_;
    std::unordered_map<std::int64_t, std::uint32_t> index_;
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
    Table<LessonInfo> lessons;
    Table<WorkInfo> works;
    std::vector<std::vector<std::int64_t>> teacher_lists{{}};  // each distinct list once; 0 is none
    std::map<std::vector<std::int64_t>, std::uint32_t> teacher_list_index;
    StringPool tokens;
    SpilledTexts texts;
    std::map<std::string, std::set<std::string>> mark_values;    // marks/values: system → values
    std::set<std::string> statuses;                              // lesson-log-entries/statuses

    // Reads one first-pass body (already parsed) into the directory.
    void collect(const Request& request, const nlohmann::json& body, const Where& where);
    const std::string& token(StringPool::Token token) const { return tokens.text(token); }
    std::string text(SpilledTexts::Ref ref) const { return texts.read(ref); }
    std::uint32_t teacher_list(const std::vector<std::int64_t>& list);
};

}  // namespace jb::dnevnik
