#include "adapters/netschool/netschool_index.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/netschool/netschool_json.hpp"
#include "core/error.hpp"
#include "core/subject_names.hpp"

namespace jb::netschool {
namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The part of the path after "/webapi/", lower case; "" when the path is not under it.
std::string api_path(const har::Entry& entry) {
    std::string path = lower_ascii(entry.path());
    auto at = path.find("/webapi/");
    if (at == std::string::npos) return "";
    path = path.substr(at + 8);
    while (!path.empty() && path.back() == '/') path.pop_back();
    return path;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const json& list_of(const json& body, std::string_view wrapper) {
    if (body.is_object())
        if (const json* inner = get_array(body, wrapper)) return *inner;
    return body;
}

std::vector<std::string> teacher_names(const json& object) {
    std::vector<std::string> names;
    if (const json* one = get_object(object, "teacher")) names.push_back(collapse_spaces(get_text(*one, "name")));
    if (const json* many = get_array(object, "teachers"))
        for (const json& teacher : *many) names.push_back(collapse_spaces(get_text(teacher, "name")));
    std::erase(names, std::string());
    return names;
}

void index_journal(CaptureIndex& index, const json& body, const har::Entry& entry) {
    const json& journals = body.is_object() && get_array(body, "journals") ? *get_array(body, "journals") : json::array({body});
    auto query_text = entry.parsed_url.query_value("sgId");
    std::int64_t query_sg = query_text ? get_int(json{{"v", *query_text}}, "v").value_or(0) : 0;
    for (const json& journal : journals) {
        std::int64_t sg = get_int(journal, "subjectGroupId").value_or(query_sg);
        if (const json* students = get_array(journal, "students"))
            for (const json& student : *students)
                if (auto id = get_int(student, "id"); id && !get_text(student, "fullName").empty())
                    index.full_names[*id] = collapse_spaces(get_text(student, "fullName"));
        if (const json* meetings = get_array(journal, "classMeeting"))
            for (const json& meeting : *meetings)
                if (auto id = get_int(meeting, "id")) {
                    LessonMeta& meta = index.lessons[*id];
                    meta.in_journal = true;
                    if (sg) meta.group = sg;
                    if (meta.date.empty()) meta.date = json_date(get_text(meeting, "date")).value_or("");
                }
        if (const json* assignments = get_array(journal, "assignments"))
            for (const json& assignment : *assignments)
                if (auto id = get_int(assignment, "id")) {
                    index.journal_assignments.insert(*id);
                    index.assignments[*id] = {get_int(assignment, "classMeetingId").value_or(0),
                                              get_int(assignment, "typeId").value_or(0)};
                }
    }
}

void index_diary(CaptureIndex& index, const json& body) {
    std::string class_name = collapse_spaces(get_text(body, "className"));
    const json* days = get_array(body, "weekDays");
    if (!days) return;
    for (const json& day : *days) {
        const json* lessons = get_array(day, "lessons");
        if (!lessons) continue;
        for (const json& lesson : *lessons) {
            auto id = get_int(lesson, "classmeetingId");
            if (!id) continue;
            LessonMeta& meta = index.lessons[*id];
            meta.date = json_date(get_text(lesson, "day")).value_or(json_date(get_text(day, "date")).value_or(meta.date));
            meta.number = static_cast<int>(get_int(lesson, "number").value_or(meta.number));
            meta.start = json_time(get_text(lesson, "startTime")).value_or(meta.start);
            meta.end = json_time(get_text(lesson, "endTime")).value_or(meta.end);
            meta.subject = collapse_spaces(get_text(lesson, "subjectName"));
            if (!class_name.empty()) meta.class_name = class_name;
            if (const json* assignments = get_array(lesson, "assignments"))
                for (const json& assignment : *assignments)
                    if (auto assignment_id = get_int(assignment, "id")) {
                        auto& where = index.assignments[*assignment_id];
                        if (where.first == 0) where = {*id, get_int(assignment, "typeId").value_or(0)};
                    }
        }
    }
}

void index_detail(CaptureIndex& index, const json& body, const har::Entry& entry) {
    std::string path = api_path(entry);
    std::string id_text = path.substr(path.rfind('/') + 1);
    auto id = get_int(body, "id");
    if (!id) id = get_int(json{{"v", id_text}}, "v");
    if (!id) return;
    AssignDetail& detail = index.details[*id];
    if (auto weight = get_number(body, "weight"); weight && *weight > 0) detail.weight = weight;
    detail.description = get_text(body, "description");
    detail.teachers = teacher_names(body);
    if (const json* group = get_object(body, "subjectGroup"))
        if (auto sg = get_int(*group, "id")) {
            SubjectGroup& known = index.groups[*sg];
            if (known.name.empty()) known.name = collapse_spaces(get_text(*group, "name"));
            for (const auto& teacher : detail.teachers)
                if (std::find(known.teachers.begin(), known.teachers.end(), teacher) == known.teachers.end())
                    known.teachers.push_back(teacher);
            detail.group = *sg;
        }
}

void index_body(CaptureIndex& index, Endpoint endpoint, const json& body, const har::Entry& entry) {
    switch (endpoint) {
        case Endpoint::context: {
            if (const json* organization = get_object(body, "organization"))
                index.school_name = collapse_spaces(get_text(*organization, "name"));
            if (index.school_name.empty()) index.school_name = collapse_spaces(get_text(body, "organizationName"));
            index.school_source_id = get_text(body, "schoolId");
            if (const json* year = get_object(body, "schoolyear")) {
                index.year_start = json_date(get_text(*year, "startDate")).value_or(index.year_start);
                index.year_end = json_date(get_text(*year, "endDate")).value_or(index.year_end);
            }
            if (auto year_id = get_int(body, "schoolYearId")) index.year_source_id = std::to_string(*year_id);
            break;
        }
        case Endpoint::years_current:
            index.year_start = json_date(get_text(body, "startDate")).value_or(index.year_start);
            index.year_end = json_date(get_text(body, "endDate")).value_or(index.year_end);
            if (auto id = get_int(body, "id")) index.year_source_id = std::to_string(*id);
            break;
        case Endpoint::assignment_types:
            for (const json& type : list_of(body, "types"))
                if (auto id = get_int(type, "id")) index.type_names[*id] = collapse_spaces(get_text(type, "name"));
            break;
        case Endpoint::attendance_reasons:
            for (const json& reason : list_of(body, "reasons")) {
                std::string code = collapse_spaces(get_text(reason, "mark"));
                if (!code.empty())
                    index.reasons[code] = {collapse_spaces(get_text(reason, "localMark")),
                                           collapse_spaces(get_text(reason, "name"))};
            }
            break;
        case Endpoint::classes:
            for (const json& item : list_of(body, "classes"))
                if (auto id = get_int(item, "id")) index.classes[*id] = collapse_spaces(get_text(item, "name"));
            break;
        case Endpoint::subject_groups:
            for (const json& item : list_of(body, "subjectGroups"))
                if (auto id = get_int(item, "id")) {
                    SubjectGroup& group = index.groups[*id];
                    group.name = collapse_spaces(get_text(item, "name"));
                    group.class_id = get_int(item, "classId").value_or(0);
                    if (const json* owner = get_object(item, "class")) {
                        group.class_id = get_int(*owner, "id").value_or(group.class_id);
                        if (group.class_id && !get_text(*owner, "name").empty())
                            index.classes.try_emplace(group.class_id, collapse_spaces(get_text(*owner, "name")));
                    }
                    group.teachers = teacher_names(item);
                }
            break;
        case Endpoint::terms:
            for (const json& item : list_of(body, "terms"))
                if (auto id = get_int(item, "id"))
                    index.terms[*id] = {collapse_spaces(get_text(item, "name")),
                                        json_date(get_text(item, "startDate")).value_or(""),
                                        json_date(get_text(item, "endDate")).value_or("")};
            break;
        case Endpoint::student_list:
            for (const json& item : list_of(body, "students"))
                if (auto id = get_int(item, "id"); id && !get_text(item, "fullName").empty())
                    index.full_names[*id] = collapse_spaces(get_text(item, "fullName"));
            break;
        case Endpoint::journal: index_journal(index, body, entry); break;
        case Endpoint::diary_init:
            if (const json* students = get_array(body, "students"))
                for (const json& student : *students)
                    if (auto id = get_int(student, "studentId")) {
                        index.nick_names[*id] = collapse_spaces(get_text(student, "nickName"));
                        if (!get_text(student, "className").empty())
                            index.init_classes[*id] = collapse_spaces(get_text(student, "className"));
                    }
            break;
        case Endpoint::diary: index_diary(index, body); break;
        case Endpoint::assign_detail: index_detail(index, body, entry); break;
        case Endpoint::report_file:
        case Endpoint::other: break;
    }
}

}  // namespace

Endpoint classify(const har::Entry& entry) {
    std::string path = api_path(entry);
    if (path.empty()) return Endpoint::other;
    if (path == "context") return Endpoint::context;
    if (path == "years/current") return Endpoint::years_current;
    if (path == "grade/assignment/types") return Endpoint::assignment_types;
    if (path == "grade/attendance/reasons") return Endpoint::attendance_reasons;
    if (path == "classes") return Endpoint::classes;
    if (path == "subjectgroups") return Endpoint::subject_groups;
    if (path == "terms/search") return Endpoint::terms;
    if (path == "grade/studentlist") return Endpoint::student_list;
    if (path == "grade/journal") return Endpoint::journal;
    if (path == "student/diary/init") return Endpoint::diary_init;
    if (path == "student/diary") return Endpoint::diary;
    if (path.starts_with("student/diary/assigns/") && all_digits(path.substr(22))) return Endpoint::assign_detail;
    if (path.starts_with("files/")) return Endpoint::report_file;
    return Endpoint::other;
}

bool is_netschool_path(const har::Entry& entry) { return !api_path(entry).empty(); }

std::string entry_place(const std::string& file, const har::Entry& entry) {
    std::string url = entry.url.size() > 120 ? entry.url.substr(0, 120) + "…" : entry.url;
    return file + " entry " + std::to_string(entry.index) + " (" + entry.method + " " + url + ")";
}

std::string CaptureIndex::student_name(std::int64_t id) const {
    if (auto full = full_names.find(id); full != full_names.end()) return full->second;
    if (auto nick = nick_names.find(id); nick != nick_names.end()) return nick->second;
    return "";
}

int CaptureIndex::ordinal(std::int64_t assignment) const {
    auto it = ordinals.find(assignment);
    return it == ordinals.end() ? 0 : it->second;
}

void index_entry(CaptureIndex& index, const har::Entry& entry, const std::string& file) {
    if (!is_netschool_path(entry)) return;
    ++index.netschool_entries;
    if (index.host.empty()) index.host = entry.parsed_url.host;
    if (index.first_started.empty()) index.first_started = entry.started;
    Endpoint endpoint = classify(entry);
    if (endpoint == Endpoint::other || endpoint == Endpoint::report_file || !entry.succeeded()) return;
    if (entry.body_is_html())
        throw Error(entry_place(file, entry) +
                    ": an HTML page where JSON was expected (the login had expired or a security warning "
                    "interrupted it); capture the pages again after logging in");
    index_body(index, endpoint, parse_body(entry.body, entry_place(file, entry)), entry);
}

void finish_index(CaptureIndex& index) {
    // assigns/{id} names the subject group of its lesson (a subgroup the diary does not show).
    for (const auto& [id, detail] : index.details) {
        auto where = index.assignments.find(id);
        if (detail.group == 0 || where == index.assignments.end() || where->second.first == 0) continue;
        LessonMeta& meta = index.lessons[where->second.first];
        if (meta.group == 0) meta.group = detail.group;
    }
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::int64_t>> by_lesson_type;
    for (const auto& [id, where] : index.assignments) by_lesson_type[where].push_back(id);
    for (auto& [key, ids] : by_lesson_type) {
        std::sort(ids.begin(), ids.end());
        for (std::size_t i = 0; i < ids.size(); ++i) index.ordinals[ids[i]] = static_cast<int>(i);
    }
}

CaptureIndex build_index(const std::string& har_path) {
    CaptureIndex index;
    har::read_entries(har_path, [&](const har::Entry& entry) { index_entry(index, entry, har_path); });
    finish_index(index);
    return index;
}

}  // namespace jb::netschool
