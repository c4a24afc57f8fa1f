// student/diary (pupil or parent): one week of lessons with assignments, homework, marks and debts.
// Where the capture also holds the journal of the same lessons, the journal's marks win and the
// diary adds homework texts and work titles.
#include <nlohmann/json.hpp>

#include "adapters/netschool/netschool_json.hpp"
#include "adapters/netschool/netschool_steps.hpp"
#include "core/error.hpp"
#include "core/subject_names.hpp"

namespace jb::netschool {
namespace {

std::optional<std::string> mark_text(const json& mark) {
    auto it = mark.find("mark");
    if (it == mark.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
    if (it->is_number_float()) {
        std::string text = it->dump();
        if (text.ends_with(".0")) text.resize(text.size() - 2);
        return text;
    }
    return std::nullopt;
}

struct Pupil {
    std::int64_t id = 0;
    std::string name, class_name;
};

Pupil pupil_of(const json& body, const har::Entry& entry, const CaptureIndex& index, const std::string& place) {
    Pupil pupil;
    if (auto text = entry.parsed_url.query_value("studentId")) pupil.id = get_int(json{{"v", *text}}, "v").value_or(0);
    if (!pupil.id && index.nick_names.size() == 1) pupil.id = index.nick_names.begin()->first;
    if (!pupil.id) throw Error(place + ": no studentId in the request");
    pupil.name = index.student_name(pupil.id);
    if (pupil.name.empty())
        throw Error(place + ": pupil " + std::to_string(pupil.id) +
                    " has no name in the capture (the diary page's student/diary/init answer is missing)");
    pupil.class_name = collapse_spaces(get_text(body, "className"));
    if (pupil.class_name.empty())
        if (auto known = index.init_classes.find(pupil.id); known != index.init_classes.end()) pupil.class_name = known->second;
    return pupil;
}

struct LessonPlace {
    Id class_id = 0;
    std::optional<Id> group;
    Subject subject;
};

void read_lesson(const json& lesson, const std::string& day_date, const Pupil& pupil, const CaptureIndex& index,
                 Emitter& out, const std::string& place) {
    auto meeting = get_int(lesson, "classmeetingId");
    std::string subject_name = collapse_spaces(get_text(lesson, "subjectName"));
    if (subject_name.empty()) throw Error(place + ": a lesson without subjectName");
    LessonPlace where;
    const LessonMeta* meta = nullptr;
    if (meeting)
        if (auto it = index.lessons.find(*meeting); it != index.lessons.end()) meta = &it->second;
    // The journal (or assigns/{id}) names the lesson's subject group: the same lesson record as there.
    std::optional<Emitter::Group> group;
    if (meta && meta->group)
        if (auto known = index.groups.find(meta->group); known != index.groups.end())
            group = out.subject_group(known->second.name, meta->group);
    if (group) {
        where = {group->class_id, group->group, group->subject};
    } else {
        if (pupil.class_name.empty()) throw Error(place + ": the diary names no class (className is empty)");
        where = {out.class_id(pupil.class_name), std::nullopt, out.subject(subject_name)};
    }
    Id student = out.student(pupil.name, pupil.id, where.class_id, where.group);

    LessonFacts facts;
    facts.class_id = where.class_id;
    facts.group = where.group;
    facts.subject_id = where.subject.id;
    facts.date = json_date(get_text(lesson, "day")).value_or(day_date);
    if (facts.date.empty()) throw Error(place + ": a lesson without a date");
    facts.number = static_cast<int>(get_int(lesson, "number").value_or(0));
    facts.start = json_time(get_text(lesson, "startTime")).value_or("");
    facts.end = json_time(get_text(lesson, "endTime")).value_or("");
    facts.topic = collapse_spaces(get_text(lesson, "lessonTheme"));
    facts.meeting = meeting.value_or(0);

    const json* assignments = get_array(lesson, "assignments");  // absent or null in many lessons
    struct Pending {
        const json* item;
        WorkType type;
        const AssignDetail* detail;
    };
    std::vector<Pending> pending;
    std::vector<std::string> teachers;
    if (assignments) {
        for (const json& item : *assignments) {
            auto id = get_int(item, "id");
            if (!id) continue;
            std::int64_t type_id = get_int(item, "typeId").value_or(0);
            auto type_name = index.type_names.find(type_id);
            WorkType type = out.mappings().work_type(type_id, type_name == index.type_names.end() ? "" : type_name->second,
                                                     out.unknowns());
            const AssignDetail* detail = nullptr;
            if (auto it = index.details.find(*id); it != index.details.end()) detail = &it->second;
            if (type.homework) {
                // assigns/{id} has the full text; the diary's assignmentName may be cut or a placeholder.
                std::string text = detail ? collapse_spaces(detail->description) : "";
                if (text.empty()) text = collapse_spaces(get_text(item, "assignmentName"));
                if (!out.mappings().is_placeholder(text))
                    facts.homework += (facts.homework.empty() ? "" : "\n") + text;
            }
            if (detail)
                for (const auto& teacher : detail->teachers)
                    if (std::find(teachers.begin(), teachers.end(), teacher) == teachers.end()) teachers.push_back(teacher);
            pending.push_back({&item, type, detail});
        }
    }
    Id lesson_id = out.lesson(facts);
    for (const auto& teacher : teachers) {
        Id teacher_id = out.teacher(teacher);
        out.lesson_teacher(lesson_id, teacher_id);
        out.teaches(teacher_id, where.class_id, where.group, where.subject.id);
    }
    for (const Pending& work : pending) {
        const json& item = *work.item;
        std::int64_t id = *get_int(item, "id");
        WorkFacts facts_of_work;
        facts_of_work.class_id = where.class_id;
        facts_of_work.group = where.group;
        facts_of_work.subject_id = where.subject.id;
        facts_of_work.lesson = lesson_id;
        facts_of_work.date = facts.date;
        facts_of_work.type = work.type;
        facts_of_work.ordinal = index.ordinal(id);
        // Old servers send weight 0 in the diary; the real weight is in assigns/{id}.
        auto weight = get_number(item, "weight");
        if (weight && *weight > 0) facts_of_work.weight = weight;
        else if (work.detail && work.detail->weight) facts_of_work.weight = work.detail->weight;
        facts_of_work.due = json_date(get_text(item, "dueDate")).value_or("");
        std::string title = collapse_spaces(get_text(item, "assignmentName"));
        if (!out.mappings().is_placeholder(title)) facts_of_work.title = title;
        facts_of_work.assignment = id;
        Id work_id = out.work(facts_of_work);
        if (index.journal_assignments.count(id)) continue;  // the journal's marks are authoritative
        const json* mark = get_object(item, "mark");
        if (!mark) continue;
        MarkFacts mark_facts;
        mark_facts.raw = mark_text(*mark);
        mark_facts.duty = get_bool(*mark, "dutyMark") || get_bool(*mark, "duty");
        mark_facts.weight = facts_of_work.weight;
        if (const json* comment = get_object(item, "markComment")) mark_facts.comment = collapse_spaces(get_text(*comment, "name"));
        out.mark(work_id, student, mark_facts);
    }
}

}  // namespace

void emit_diary(const json& body, const har::Entry& entry, const CaptureIndex& index, Emitter& out,
                const std::string& place) {
    if (!body.is_object()) throw Error(place + ": expected a JSON object (a diary week)");
    Pupil pupil = pupil_of(body, entry, index, place);
    const json* days = get_array(body, "weekDays");  // missing or empty in holidays
    if (!days) return;
    for (const json& day : *days) {
        const json* lessons = get_array(day, "lessons");
        if (!lessons) continue;
        std::string date = json_date(get_text(day, "date")).value_or("");
        for (const json& lesson : *lessons) read_lesson(lesson, date, pupil, index, out, place);
    }
}

}  // namespace jb::netschool
