#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/har.hpp"

// First pass over a capture: dictionaries and compact per-id facts (a few dozen bytes per lesson or
// assignment) that the second pass needs to join the journal, the diary and the reports.
namespace jb::netschool {

enum class Endpoint {
    other, context, years_current, assignment_types, attendance_reasons, classes, subject_groups, terms,
    student_list, journal, diary_init, diary, assign_detail, report_file
};
Endpoint classify(const har::Entry& entry);
bool is_netschool_path(const har::Entry& entry);
// "capture.har entry 12 (GET …/webapi/student/diary)": the place named by every message.
std::string entry_place(const std::string& file, const har::Entry& entry);

struct LessonMeta {
    std::string date, start, end, subject, class_name;
    int number = 0;
    std::int64_t group = 0;  // subject group (SGID), 0 when the capture does not say
    bool in_journal = false;
};

struct SubjectGroup {
    std::string name;  // "7б/Алгебра" or "7б/Английский язык/1 гр."
    std::int64_t class_id = 0;
    std::vector<std::string> teachers;
};

struct Term {
    std::string name, start, end;
};

struct Reason {
    std::string local_code, name;
};

struct AssignDetail {
    std::optional<double> weight;
    std::string description;
    std::vector<std::string> teachers;
    std::int64_t group = 0;  // subjectGroup.id
};

struct CaptureIndex {
    std::string host, school_name, school_source_id, year_source_id, first_started;
    std::string year_start, year_end;
    std::map<std::int64_t, std::string> type_names;  // the capture's own dictionary
    std::map<std::string, Reason, std::less<>> reasons;
    std::map<std::int64_t, std::string> classes;
    std::map<std::int64_t, SubjectGroup> groups;
    std::map<std::int64_t, Term> terms;
    std::map<std::int64_t, std::string> full_names;  // journal and student lists
    std::map<std::int64_t, std::string> nick_names;  // diary init
    std::map<std::int64_t, std::string> init_classes;
    std::map<std::int64_t, LessonMeta> lessons;      // classmeetingId → what any source says
    std::map<std::int64_t, AssignDetail> details;    // assignment id → assigns/{id}
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> assignments;  // id → (meeting, type)
    std::set<std::int64_t> journal_assignments;      // marks come from the journal only
    std::map<std::int64_t, int> ordinals;            // assignment → rank among its lesson's works of its type
    std::size_t netschool_entries = 0;

    std::string student_name(std::int64_t id) const;  // full name first, then the diary's nickName
    int ordinal(std::int64_t assignment) const;
};

void index_entry(CaptureIndex& index, const har::Entry& entry, const std::string& file);
void finish_index(CaptureIndex& index);
CaptureIndex build_index(const std::string& har_path);

}  // namespace jb::netschool
