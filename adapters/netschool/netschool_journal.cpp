// grade/journal (staff): students, class meetings, assignments, marks, attendance and totals of one
// subject group in one term. The journal is authoritative for marks and attendance.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/netschool/netschool_json.hpp"
#include "adapters/netschool/netschool_steps.hpp"
#include "core/error.hpp"
#include "core/subject_names.hpp"
#include "core/unknown_values.hpp"

namespace jb::netschool {
namespace {

std::optional<std::int64_t> query_int(const har::Entry& entry, std::string_view name) {
    auto text = entry.parsed_url.query_value(name);
    if (!text) return std::nullopt;
    return get_int(json{{"v", *text}}, "v");
}

std::optional<std::string> mark_text(const json& object, std::string_view key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
    if (it->is_number_float()) {
        std::string text = it->dump();
        if (text.ends_with(".0")) text.resize(text.size() - 2);
        return text;
    }
    return std::nullopt;
}

struct JournalScope {
    const CaptureIndex& index;
    Emitter& out;
    const std::string& place;
    Emitter::Group group;
    std::map<std::int64_t, Id> students, lessons;
    std::map<std::int64_t, std::string> lesson_dates;
    std::map<std::int64_t, std::pair<Id, std::optional<double>>> works;

    Id student(std::int64_t id) {
        if (auto it = students.find(id); it != students.end()) return it->second;
        std::string name = index.student_name(id);
        if (name.empty())
            throw Error(place + ": student " + std::to_string(id) +
                        " has no name in the capture (open the class journal page so that its student list is captured)");
        return students[id] = out.student(name, id, group.class_id, group.group);
    }
};

void read_students(const json& journal, JournalScope& scope) {
    const json* students = get_array(journal, "students");
    if (!students) return;
    for (const json& item : *students) {
        auto id = get_int(item, "id");
        if (!id) continue;
        std::string name = collapse_spaces(get_text(item, "fullName"));
        if (name.empty()) name = scope.index.student_name(*id);
        if (name.empty()) throw Error(scope.place + ": student " + std::to_string(*id) + " has neither fullName nor a name elsewhere in the capture");
        // Pupils who left the group (free = true) keep their marks: they are enrolled like the others.
        scope.students[*id] = scope.out.student(name, *id, scope.group.class_id, scope.group.group);
    }
}

void read_meetings(const json& journal, JournalScope& scope) {
    const json* meetings = get_array(journal, "classMeeting");
    if (!meetings) return;
    std::map<std::string, int> per_day;  // fallback lesson numbers when nothing gives them
    std::vector<const json*> sorted;
    for (const json& meeting : *meetings) sorted.push_back(&meeting);
    std::stable_sort(sorted.begin(), sorted.end(), [](const json* a, const json* b) {
        return get_int(*a, "id").value_or(0) < get_int(*b, "id").value_or(0);
    });
    for (const json* meeting : sorted) {
        auto id = get_int(*meeting, "id");
        if (!id) continue;
        const LessonMeta* meta = nullptr;
        if (auto it = scope.index.lessons.find(*id); it != scope.index.lessons.end()) meta = &it->second;
        std::string date = json_date(get_text(*meeting, "date")).value_or(meta ? meta->date : "");
        if (date.empty()) throw Error(scope.place + ": class meeting " + std::to_string(*id) + " has no date");
        LessonFacts facts;
        facts.class_id = scope.group.class_id;
        facts.group = scope.group.group;
        facts.subject_id = scope.group.subject.id;
        facts.date = date;
        facts.meeting = *id;
        int ordinal = ++per_day[date];
        facts.number = meta && meta->number ? meta->number
                                            : static_cast<int>(get_int(*meeting, "number").value_or(
                                                  get_int(*meeting, "scheduleTimeNumber").value_or(ordinal)));
        facts.start = meta && !meta->start.empty() ? meta->start : json_time(get_text(*meeting, "startTime")).value_or("");
        facts.end = meta && !meta->end.empty() ? meta->end : json_time(get_text(*meeting, "endTime")).value_or("");
        scope.lessons[*id] = scope.out.lesson(facts);
        scope.lesson_dates[*id] = date;
    }
}

void read_assignments(const json& journal, JournalScope& scope) {
    const json* assignments = get_array(journal, "assignments");
    if (!assignments) return;
    for (const json& item : *assignments) {
        auto id = get_int(item, "id");
        if (!id) continue;
        std::int64_t type_id = get_int(item, "typeId").value_or(0);
        auto type_name = scope.index.type_names.find(type_id);
        WorkFacts facts;
        facts.class_id = scope.group.class_id;
        facts.group = scope.group.group;
        facts.subject_id = scope.group.subject.id;
        std::int64_t meeting = get_int(item, "classMeetingId").value_or(0);
        if (auto lesson = scope.lessons.find(meeting); lesson != scope.lessons.end()) {
            facts.lesson = lesson->second;
            facts.date = scope.lesson_dates[meeting];
        } else {
            facts.date = json_date(get_text(item, "date")).value_or("");
        }
        facts.type = scope.out.mappings().work_type(
            type_id, type_name == scope.index.type_names.end() ? "" : type_name->second, scope.out.unknowns());
        facts.ordinal = scope.index.ordinal(*id);
        facts.weight = get_number(item, "weight");
        if (auto detail = scope.index.details.find(*id); detail != scope.index.details.end() && detail->second.weight &&
                                                         (!facts.weight || *facts.weight == 0))
            facts.weight = detail->second.weight;
        facts.due = json_date(get_text(item, "dueDate")).value_or("");
        facts.assignment = *id;
        scope.works[*id] = {scope.out.work(facts), facts.weight};
    }
}

void read_marks(const json& journal, JournalScope& scope) {
    const json* marks = get_array(journal, "marks");
    if (!marks) return;
    for (const json& item : *marks) {
        auto assignment = get_int(item, "assignmentId");
        auto student = get_int(item, "studentId");
        if (!assignment || !student) continue;
        auto work = scope.works.find(*assignment);
        if (work == scope.works.end())
            throw Error(scope.place + ": a mark for assignment " + std::to_string(*assignment) +
                        " that the journal does not list");
        MarkFacts facts;
        facts.raw = mark_text(item, "mark");
        facts.duty = get_bool(item, "duty") || get_bool(item, "dutyMark");
        facts.weight = work->second.second;
        scope.out.mark(work->second.first, scope.student(*student), facts);
    }
}

void read_attendance(const json& journal, JournalScope& scope) {
    const json* attendance = get_array(journal, "attendance");
    if (!attendance) return;
    for (const json& item : *attendance) {
        auto meeting = get_int(item, "classmeetingId");
        if (!meeting) meeting = get_int(item, "classMeetingId");
        auto student = get_int(item, "studentId");
        std::string code = collapse_spaces(get_text(item, "reason"));
        if (!meeting || !student || code.empty()) continue;
        auto lesson = scope.lessons.find(*meeting);
        if (lesson == scope.lessons.end())
            throw Error(scope.place + ": attendance for class meeting " + std::to_string(*meeting) +
                        " that the journal does not list");
        std::string local, name;
        if (auto reason = scope.index.reasons.find(code); reason != scope.index.reasons.end()) {
            local = reason->second.local_code;
            name = reason->second.name;
        }
        scope.out.attendance(lesson->second, scope.student(*student), code, local, name);
    }
}

void read_totals(const json& journal, JournalScope& scope, std::optional<std::int64_t> query_term,
                 std::int64_t min_mark, std::int64_t max_mark) {
    const json* totals = get_array(journal, "totals");
    if (!totals) return;
    int grading = static_cast<int>(get_int(journal, "gradingSys").value_or(0));
    for (const json& total : *totals) {
        std::optional<std::int64_t> term = get_int(total, "termId");
        if (!term) term = get_int(total, "periodId");
        if (!term) term = query_term;
        std::optional<Id> period;
        if (term) {
            auto known = scope.index.terms.find(*term);
            if (known == scope.index.terms.end())
                throw Error(scope.place + ": totals for term " + std::to_string(*term) +
                            " that the capture does not name (open a page that lists the terms)");
            period = scope.out.period(known->second.name, known->second.start, known->second.end, *term);
        }
        const json* marks = get_array(total, "marks");
        if (!marks) continue;
        for (const json& item : *marks) {
            auto student = get_int(item, "studentId");
            auto raw = mark_text(item, "mark");
            if (!student || !raw) continue;
            bool is_number = item.find("mark")->is_number();
            std::string value = final_value(*raw, is_number, grading, min_mark, max_mark, scope.out);
            if (value.empty()) continue;
            scope.out.final_mark(scope.student(*student), scope.group.class_id, scope.group.subject.id,
                                 period ? "period" : "year", period, *raw, value);
        }
    }
}

}  // namespace

std::string final_value(const std::string& raw, bool is_number, int grading_system, std::int64_t min_mark,
                        std::int64_t max_mark, Emitter& out) {
    std::string text = collapse_spaces(raw);
    if (text.empty() || text == "0") return "";  // no mark
    auto number = get_int(json{{"v", text}}, "v");
    if (number && (is_number || text.find_first_not_of("-0123456789") == std::string::npos)) {
        if (*number < 0) {
            if (auto code = out.mappings().final_code(text)) return *code;
            if (out.unknowns()) out.unknowns()->note("final mark code", text, kFinalsFile);
            return text;
        }
        if (grading_system == 1 && *number == max_mark) return out.mappings().pass_fail(true);
        if (grading_system == 1 && *number == min_mark) return out.mappings().pass_fail(false);
        return text;
    }
    if (auto value = out.mappings().final_text(text)) return *value;
    if (text.size() <= 2 && std::isdigit(static_cast<unsigned char>(text[0]))) return text;  // "5-", "4+"
    if (out.unknowns()) out.unknowns()->note("final mark text", text, kFinalsFile);
    return text;
}

void emit_journal(const json& body, const har::Entry& entry, const CaptureIndex& index, Emitter& out,
                  const std::string& place) {
    if (!body.is_object()) throw Error(place + ": expected a JSON object with «journals»");
    const json* list = get_array(body, "journals");
    json single = json::array({body});
    const json& journals = list ? *list : single;
    std::int64_t min_mark = 1, max_mark = 5;
    if (const json* settings = get_object(body, "markSettings")) {
        min_mark = get_int(*settings, "minMark").value_or(min_mark);
        max_mark = get_int(*settings, "maxMark").value_or(max_mark);
    }
    auto query_sg = query_int(entry, "sgId");
    for (const json& journal : journals) {
        if (!journal.is_object()) throw Error(place + ": a journal that is not a JSON object");
        std::int64_t sg = get_int(journal, "subjectGroupId").value_or(query_sg.value_or(0));
        auto known = index.groups.find(sg);
        std::optional<Emitter::Group> group;
        if (known != index.groups.end()) group = out.subject_group(known->second.name, sg);
        if (!group)
            throw Error(place + ": subject group " + std::to_string(sg) +
                        " is not named in the capture (open the journal's subject-group list so that "
                        "`subjectgroups` is captured too)");
        JournalScope scope{index, out, place, *group, {}, {}, {}, {}};
        read_students(journal, scope);
        read_meetings(journal, scope);
        read_assignments(journal, scope);
        read_marks(journal, scope);
        read_attendance(journal, scope);
        read_totals(journal, scope, query_int(entry, "termId"), min_mark, max_mark);
    }
}

}  // namespace jb::netschool
