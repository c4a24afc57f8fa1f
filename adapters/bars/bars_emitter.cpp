#include "adapters/bars/bars_emitter.hpp"

#include "adapters/bars/bars_text.hpp"
#include "core/error.hpp"
#include "core/mark_value.hpp"
#include "core/record.hpp"
#include "core/subject_names.hpp"
#include "core/unknown_values.hpp"

namespace jb::bars {
namespace {

constexpr std::string_view platform = "bars";
using R = RecordBuilder;
namespace t = tables;

}  // namespace

Emitter::Emitter(Sink& sink, const ReadContext& context, const CaptureIndex& index, int start_year)
    : sink_(sink), context_(context), index_(index), vocabulary_(Vocabulary::standard()), start_year_(start_year) {}

void Emitter::note(std::string_view kind, std::string_view value, std::string_view where) {
    if (context_.unknowns) context_.unknowns->note(kind, value, where);
}

Id Emitter::school(const std::string& name) {
    const std::string code = name.empty() ? index_.host() : name;
    if (auto it = schools_.find(code); it != schools_.end()) return it->second;
    Id id = R(t::school).set("code", code).set("name", code).put(sink_);
    schools_.emplace(code, id);
    year(id);
    return id;
}

Id Emitter::year(Id school) {
    return R(t::school_year).set("school_id", school).set("start_year", start_year_).put(sink_);
}

void Emitter::source_id(std::string_view entity, const std::string& platform_id, Id entity_id) {
    if (platform_id.empty()) return;
    R(t::source_id).set("platform", platform).set("instance", index_.host()).set("entity", entity)
        .set("source_id", platform_id).set("entity_id", Value(entity_id)).put(sink_);
}

Id Emitter::person(Id school, const std::string& full_name, std::string_view role) {
    const PersonName name = split_name(full_name);
    const std::string cache_key = std::to_string(school) + '\x1f' + name.last + '\x1f' + name.first + '\x1f' +
                                  name.middle + '\x1f' + std::string(role);
    if (auto it = people_.find(cache_key); it != people_.end()) return it->second;
    Id id = R(t::person).set("school_id", school).set("last_name", name.last).set("first_name", name.first)
                .set("middle_name", name.middle).put(sink_);
    R(t::person_role).set("person_id", id).set("role", role).put(sink_);
    people_.emplace(cache_key, id);
    return id;
}

Id Emitter::teacher(Id school, const std::string& name) {
    const std::string cache_key = std::to_string(school) + '\x1f' + name;
    if (auto it = teachers_.find(cache_key); it != teachers_.end()) return it->second;
    const Id id = resolve_teacher(school, name);
    teachers_.emplace(cache_key, id);
    return id;
}

Id Emitter::resolve_teacher(Id school, const std::string& name) {
    const PersonName short_form = split_name(name);
    if (is_abbreviated(short_form)) {
        const std::string* match = nullptr;
        int matches = 0;
        for (const auto& full : index_.staff_names())
            if (abbreviates(short_form, split_name(full))) {
                match = &full;
                ++matches;
            }
        if (matches == 1) return person(school, *match, "teacher");
    }
    return person(school, name, "teacher");
}

Id Emitter::subject(Id school, const std::string& raw) {
    const std::string canonical = SubjectNames::standard().canonical(raw);
    const std::string cache_key = std::to_string(school) + '\x1f' + raw;
    if (auto it = subjects_.find(cache_key); it != subjects_.end()) return it->second;
    Id id = R(t::subject).set("school_id", school).set("name", canonical).put(sink_);
    if (canonical != raw)
        R(t::subject_alias).set("school_id", school).set("platform", platform).set("source_name", raw)
            .set("subject_id", id).put(sink_);
    subjects_.emplace(cache_key, id);
    return id;
}

Pupil Emitter::pupil(const ChildInfo& child) {
    if (auto it = pupils_.find(child.id); it != pupils_.end()) return it->second;
    Pupil p;
    p.info = &child;
    p.school = school(child.school);
    p.year = year(p.school);
    const ClassName klass = parse_class_name(child.class_name);
    p.klass = R(t::school_class).set("year_id", p.year).set("name", klass.name).set("grade", klass.grade)
                  .set("letter", klass.letter).put(sink_);
    p.person = person(p.school, child.full_name, "student");
    source_id("person", child.id, p.person);
    R(t::enrolment).set("student_id", p.person).set("class_id", p.klass).put(sink_);
    pupils_.emplace(child.id, p);
    return p;
}

void Emitter::parent_and_children() {
    for (const auto& [id, child] : index_.children())
        if (!child.full_name.empty()) pupil(child);
    if (index_.parent_name().empty() || index_.children().empty()) return;
    Id parent = 0;
    for (const auto& [id, child] : index_.children()) {
        if (child.full_name.empty()) continue;
        const Pupil p = pupil(child);
        if (parent == 0) {
            parent = person(p.school, index_.parent_name(), "parent");
            source_id("person", index_.parent_id(), parent);
        }
        R(t::guardianship).set("parent_id", parent).set("student_id", p.person).put(sink_);
    }
}

Id Emitter::lesson_row(const Pupil& pupil, Id subject_id, const std::string& date, int number,
                       const std::string& start_time, const std::string& end_time, const std::string& topic,
                       const std::string& homework_text) {
    return R(t::lesson).set("class_id", pupil.klass).set("subject_id", subject_id).set("date", date)
        .set("number", number).set("start_time", start_time).set("end_time", end_time).set("topic", topic)
        .set("homework", homework_text).put(sink_);
}

Id Emitter::work(const Pupil& pupil, Id subject_id, std::optional<Id> lesson, const std::string& date,
                 const std::string& type_raw, int ordinal, bool control) {
    const WorkType type = vocabulary_.work_type(type_raw);
    if (!type.known && !type_raw.empty()) note("work type", type_raw, work_types_file);
    R builder(t::work);
    builder.set("class_id", pupil.klass).set("subject_id", subject_id).set("date", date).set("type_raw", type_raw)
        .set("ordinal", ordinal).set("type", type.type).set("written", type.written).set("control", control || type.control);
    if (lesson) builder.set("lesson_id", *lesson);
    return builder.put(sink_);
}

void Emitter::marks_of_work(const Pupil& pupil, Id work_id, const std::vector<std::string>& values,
                            const std::string& comment) {
    int position = 0;
    for (const auto& value : values) {
        const MarkKind kind = vocabulary_.classify_mark(value);
        if (kind == MarkKind::placeholder) continue;
        if (kind == MarkKind::unknown_symbol) note("mark value", value, marks_file);
        R builder(t::mark);
        builder.set("work_id", work_id).set("student_id", pupil.person).set("position", position++).set("raw", value)
            .set("comment", comment);
        if (kind == MarkKind::debt) {
            builder.set("debt", true);
        } else {
            const MarkValue mark = parse_mark(value);
            builder.set("value", mark.value).set("modifier", mark.modifier);
            if (mark.numeric) builder.set("numeric", *mark.numeric);
        }
        builder.put(sink_);
    }
}

void Emitter::diary_lesson(const Pupil& pupil, const DiaryLesson& lesson) {
    const Id subject_id = subject(pupil.school, lesson.discipline);
    const Id lesson_id = lesson_row(pupil, subject_id, lesson.date, lesson.number, lesson.start_time, lesson.end_time,
                                    lesson.topic, lesson.homework);
    source_id("lesson", lesson.source_id, lesson_id);
    if (!lesson.teacher.empty()) {
        const Id teacher_id = teacher(pupil.school, lesson.teacher);
        R(t::lesson_teacher).set("lesson_id", lesson_id).set("teacher_id", teacher_id).set("role", "main").put(sink_);
        R(t::teaching_assignment).set("teacher_id", teacher_id).set("class_id", pupil.klass).set("subject_id", subject_id)
            .put(sink_);
    }
    if (!lesson.attendance.empty()) {
        R builder(t::attendance);
        builder.set("lesson_id", lesson_id).set("student_id", pupil.person).set("raw_code", lesson.attendance);
        if (auto reason = vocabulary_.attendance(lesson.attendance)) builder.set("reason", *reason);
        else note("attendance code", lesson.attendance, attendance_file);
        builder.put(sink_);
    }
    std::map<std::string, int> ordinals;
    for (const auto& cell : lesson.marks) {
        const std::vector<std::string> values = mark_values(cell.value);
        if (values.empty()) continue;
        const Id work_id = work(pupil, subject_id, lesson_id, lesson.date, cell.type_raw, ordinals[cell.type_raw]++,
                                lesson.control);
        marks_of_work(pupil, work_id, values, lesson.comment);
    }
    if (lesson.marks.empty() && lesson.control)
        work(pupil, subject_id, lesson_id, lesson.date, lesson.lesson_type, 0, true);
}

void Emitter::summary_mark(const Pupil& pupil, const std::string& date, const std::string& discipline,
                           const std::string& type_raw, const std::vector<std::string>& values, int ordinal) {
    const Id subject_id = subject(pupil.school, discipline);
    std::optional<Id> lesson;
    const auto* slots = index_.lessons_on(pupil.info->id, date, SubjectNames::standard().canonical(discipline));
    if (slots && slots->size() == 1)
        lesson = lesson_row(pupil, subject_id, date, slots->front().number, slots->front().start_time, "", "", "");
    marks_of_work(pupil, work(pupil, subject_id, lesson, date, type_raw, ordinal, false), values, "");
}

void Emitter::homework(const Pupil& pupil, const std::string& date, const std::string& discipline,
                       const std::string& text) {
    const auto* slots = index_.lessons_on(pupil.info->id, date, SubjectNames::standard().canonical(discipline));
    if (!slots) {
        note("homework for a lesson missing from the captured diary (open that week's diary too)", date + " " + discipline,
             "the captured GetDiary weeks");
        return;
    }
    // Several lessons of the subject that day: the platform gives the homework to the first.
    const Id subject_id = subject(pupil.school, discipline);
    lesson_row(pupil, subject_id, date, slots->front().number, slots->front().start_time, "", "", text);
}

void Emitter::final_mark(const Pupil& pupil, const std::string& discipline, const std::string& code,
                         const std::string& name, const std::string& raw, const std::string& where) {
    std::vector<std::string> values;
    for (auto& value : mark_values(raw))
        if (vocabulary_.classify_mark(value) == MarkKind::mark || vocabulary_.classify_mark(value) == MarkKind::unknown_symbol)
            values.push_back(std::move(value));
    if (values.empty()) return;  // "0": no mark yet
    std::optional<PeriodRef> period = vocabulary_.period(code);
    if (!period && !name.empty()) period = vocabulary_.period(name);
    if (!period)
        throw Error(where + "subperiod «" + code + (name.empty() || name == code ? "" : "» («" + name + ")") +
                    "» is not in mappings/" + std::string(periods_file) + ": add it there (see $JBRIDGE_MAPPINGS) and import again");
    const Id subject_id = subject(pupil.school, discipline);
    std::optional<Id> period_id;
    std::string kind = period->kind;
    if (period->is_period()) {
        period_id = R(t::period).set("year_id", pupil.year).set("kind", period->kind).set("number", period->number)
                        .set("name", name).put(sink_);
        kind = "period";
    }
    int position = 0;
    for (const auto& value : values) {
        if (vocabulary_.classify_mark(value) == MarkKind::unknown_symbol) note("final mark value", value, marks_file);
        const MarkValue mark = parse_mark(value);
        R builder(t::final_mark);
        builder.set("student_id", pupil.person).set("class_id", pupil.klass).set("subject_id", subject_id)
            .set("kind", kind).set("position", position++).set("raw", value).set("value", mark.value);
        if (period_id) builder.set("period_id", *period_id);
        if (mark.numeric) builder.set("numeric", *mark.numeric);
        builder.put(sink_);
    }
}

void Emitter::class_info(const Pupil& pupil, const std::string& form_master, const std::vector<std::string>& pupils) {
    if (!form_master.empty()) {
        const Id head = person(pupil.school, form_master, "teacher");
        const ClassName klass = parse_class_name(pupil.info->class_name);
        R(t::school_class).set("year_id", pupil.year).set("name", klass.name).set("grade", klass.grade)
            .set("letter", klass.letter).set("head_teacher_id", head).put(sink_);
    }
    for (const auto& name : pupils) {
        const Id classmate = person(pupil.school, name, "student");
        R(t::enrolment).set("student_id", classmate).set("class_id", pupil.klass).put(sink_);
    }
}

void Emitter::school_info(const Pupil& pupil, const std::string& name,
                          const std::vector<std::pair<std::string, bool>>& staff) {
    if (!name.empty()) {
        const std::string code = pupil.info->school.empty() ? index_.host() : pupil.info->school;
        R(t::school).set("code", code).set("name", name).put(sink_);
    }
    for (const auto& [full_name, teaches] : staff) person(pupil.school, full_name, teaches ? "teacher" : "staff");
}

}  // namespace jb::bars
