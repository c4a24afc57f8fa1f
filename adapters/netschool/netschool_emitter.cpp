#include "adapters/netschool/netschool_emitter.hpp"

#include "core/error.hpp"
#include "core/mark_value.hpp"
#include "core/record.hpp"
#include "core/subject_names.hpp"
#include "core/unknown_values.hpp"

namespace jb::netschool {
namespace {

constexpr std::string_view kPlatform = "netschool";

std::pair<int, std::string> grade_and_letter(const std::string& class_name) {
    int grade = 0;
    std::size_t i = 0;
    while (i < class_name.size() && i < 2 && class_name[i] >= '0' && class_name[i] <= '9')
        grade = grade * 10 + (class_name[i++] - '0');
    return {grade, collapse_spaces(class_name.substr(i))};
}

}  // namespace

PersonName split_name(const std::string& full) {
    std::string cleaned = collapse_spaces(full);
    PersonName name;
    std::size_t first = cleaned.find(' ');
    name.last = cleaned.substr(0, first);
    if (first == std::string::npos) return name;
    std::size_t second = cleaned.find(' ', first + 1);
    name.first = cleaned.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
    if (second != std::string::npos) name.middle = cleaned.substr(second + 1);
    return name;
}

Emitter::Emitter(Sink& sink, const Mappings& mappings, UnknownValues* unknowns, SchoolFacts school)
    : sink_(sink), mappings_(mappings), unknowns_(unknowns), school_facts_(std::move(school)) {}

Id Emitter::school() {
    if (!school_) {
        const std::string& name = school_facts_.name.empty() ? school_facts_.instance : school_facts_.name;
        school_ = RecordBuilder(tables::school).set("code", name).set("name", school_facts_.name).put(sink_);
        if (!school_facts_.source_id.empty() && !school_facts_.instance.empty())
            RecordBuilder(tables::source_id).set("platform", kPlatform).set("instance", school_facts_.instance)
                .set("entity", "school").set("source_id", school_facts_.source_id).set("entity_id", *school_)
                .put(sink_);
    }
    return *school_;
}

Id Emitter::year() {
    if (!year_) {
        RecordBuilder record(tables::school_year);
        record.set("school_id", school()).set("start_year", school_facts_.start_year);
        if (!school_facts_.year_start.empty()) record.set("start_date", school_facts_.year_start);
        if (!school_facts_.year_end.empty()) record.set("end_date", school_facts_.year_end);
        year_ = record.put(sink_);
        if (!school_facts_.year_source_id.empty() && !school_facts_.instance.empty())
            RecordBuilder(tables::source_id).set("platform", kPlatform).set("instance", school_facts_.instance)
                .set("entity", "school_year").set("source_id", school_facts_.year_source_id).set("entity_id", *year_)
                .put(sink_);
    }
    return *year_;
}

Id Emitter::class_id(const std::string& name, std::int64_t platform_id) {
    auto it = classes_.find(name);
    if (it == classes_.end()) {
        auto [grade, letter] = grade_and_letter(name);
        Id id = RecordBuilder(tables::school_class).set("year_id", year()).set("name", name).set("grade", grade)
                    .set("letter", letter).put(sink_);
        it = classes_.emplace(name, id).first;
    }
    if (platform_id) source("class", platform_id, it->second);
    return it->second;
}

Subject Emitter::subject(const std::string& raw) {
    std::string cleaned = collapse_spaces(raw);
    auto it = subjects_.find(cleaned);
    if (it != subjects_.end()) return {it->second, SubjectNames::standard().canonical(cleaned)};
    std::string canonical = SubjectNames::standard().canonical(cleaned);
    Id id = RecordBuilder(tables::subject).set("school_id", school()).set("name", canonical).put(sink_);
    RecordBuilder(tables::subject_alias).set("school_id", school()).set("platform", kPlatform)
        .set("source_name", cleaned).set("subject_id", id).put(sink_);
    subjects_.emplace(cleaned, id);
    return {id, canonical};
}

std::optional<Emitter::Group> Emitter::subject_group(const std::string& name, std::int64_t platform_id) {
    std::size_t slash = name.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= name.size()) return std::nullopt;
    std::size_t second = name.find('/', slash + 1);
    Group group;
    group.class_id = class_id(collapse_spaces(name.substr(0, slash)));
    group.subject = subject(name.substr(slash + 1, second == std::string::npos ? std::string::npos : second - slash - 1));
    if (second != std::string::npos) {
        group.group = RecordBuilder(tables::class_group).set("class_id", group.class_id).set("name", collapse_spaces(name))
                          .set("subject_id", group.subject.id).put(sink_);
        if (platform_id) source("class_group", platform_id, *group.group);
    }
    return group;
}

Id Emitter::student(const std::string& name, std::int64_t platform_id, Id class_id, std::optional<Id> group) {
    auto key = std::make_tuple(name, platform_id, class_id);
    if (auto it = students_.find(key); it != students_.end() && !group) return it->second;
    PersonName parts = split_name(name);
    Id id = RecordBuilder(tables::person).set("school_id", school()).set("last_name", parts.last)
                .set("first_name", parts.first).set("middle_name", parts.middle).put(sink_);
    RecordBuilder(tables::person_role).set("person_id", id).set("role", "student").put(sink_);
    RecordBuilder(tables::enrolment).set("student_id", id).set("class_id", class_id).put(sink_);
    if (group)
        RecordBuilder(tables::enrolment).set("student_id", id).set("class_id", class_id).set("group_id", *group).put(sink_);
    if (platform_id) source("person", platform_id, id);
    students_[key] = id;
    return id;
}

Id Emitter::teacher(const std::string& name) {
    auto it = teachers_.find(name);
    if (it != teachers_.end()) return it->second;
    PersonName parts = split_name(name);
    Id id = RecordBuilder(tables::person).set("school_id", school()).set("last_name", parts.last)
                .set("first_name", parts.first).set("middle_name", parts.middle).put(sink_);
    RecordBuilder(tables::person_role).set("person_id", id).set("role", "teacher").put(sink_);
    teachers_.emplace(name, id);
    return id;
}

void Emitter::teaches(Id teacher, Id class_id, std::optional<Id> group, Id subject_id) {
    RecordBuilder record(tables::teaching_assignment);
    record.set("teacher_id", teacher).set("class_id", class_id).set("subject_id", subject_id);
    if (group) record.set("group_id", *group);
    record.put(sink_);
}

std::optional<Id> Emitter::period(const std::string& name, const std::string& start, const std::string& end,
                                  std::int64_t term_id) {
    auto parsed = mappings_.period(name);
    if (!parsed) {
        if (unknowns_) unknowns_->note("term name", name, kFinalsFile);
        return std::nullopt;
    }
    Id id = RecordBuilder(tables::period).set("year_id", year()).set("kind", parsed->kind).set("number", parsed->number)
                .set("name", collapse_spaces(name)).set("start_date", start).set("end_date", end).put(sink_);
    if (term_id) source("period", term_id, id);
    return id;
}

Id Emitter::lesson(const LessonFacts& facts) {
    RecordBuilder record(tables::lesson);
    record.set("class_id", facts.class_id).set("subject_id", facts.subject_id).set("date", facts.date)
        .set("number", facts.number).set("start_time", facts.start).set("end_time", facts.end)
        .set("topic", facts.topic).set("homework", facts.homework);
    if (facts.group) record.set("group_id", *facts.group);
    Id id = record.put(sink_);
    if (facts.meeting) source("lesson", facts.meeting, id);
    return id;
}

void Emitter::lesson_teacher(Id lesson, Id teacher) {
    RecordBuilder(tables::lesson_teacher).set("lesson_id", lesson).set("teacher_id", teacher).set("role", "main").put(sink_);
}

Id Emitter::work(const WorkFacts& facts) {
    RecordBuilder record(tables::work);
    record.set("class_id", facts.class_id).set("subject_id", facts.subject_id).set("date", facts.date)
        .set("type_raw", facts.type.raw).set("ordinal", facts.ordinal).set("type", facts.type.canonical)
        .set("written", facts.type.written).set("control", facts.type.control).set("title", facts.title);
    if (facts.group) record.set("group_id", *facts.group);
    if (facts.lesson) record.set("lesson_id", *facts.lesson);
    if (facts.weight) record.set("weight", *facts.weight);
    if (!facts.due.empty()) record.set("due_date", facts.due);
    Id id = record.put(sink_);
    if (facts.assignment) source("work", facts.assignment, id);
    return id;
}

void Emitter::mark(Id work, Id student, const MarkFacts& facts) {
    auto base = [&](int position) {
        RecordBuilder record(tables::mark);
        record.set("work_id", work).set("student_id", student).set("position", position).set("comment", facts.comment);
        if (facts.weight) record.set("weight", *facts.weight);
        return record;
    };
    if (!facts.raw || collapse_spaces(*facts.raw).empty()) {
        // null with dutyMark: «точка», a debt and never a 0; null without it: no result yet.
        if (facts.duty) base(0).set("debt", true).put(sink_);
        return;
    }
    std::string raw = collapse_spaces(*facts.raw);
    if (raw == "0") return;  // a «0» placeholder is not a mark
    int position = 0;
    for (const MarkValue& value : split_double_mark(raw)) {
        RecordBuilder record = base(position++);
        record.set("raw", raw).set("value", value.value).set("modifier", value.modifier);
        if (value.numeric) record.set("numeric", *value.numeric);
        record.put(sink_);
    }
}

void Emitter::attendance(Id lesson, Id student, const std::string& code, const std::string& local_code,
                         const std::string& name) {
    RecordBuilder record(tables::attendance);
    record.set("lesson_id", lesson).set("student_id", student).set("raw_code", code).set("comment", name);
    if (auto reason = mappings_.attendance(code, local_code, name)) record.set("reason", *reason);
    else if (unknowns_) unknowns_->note("attendance code", code, kAttendanceFile);
    record.put(sink_);
}

void Emitter::final_mark(Id student, Id class_id, Id subject_id, const std::string& kind, std::optional<Id> period,
                         const std::string& raw, const std::string& value) {
    RecordBuilder record(tables::final_mark);
    record.set("student_id", student).set("class_id", class_id).set("subject_id", subject_id).set("kind", kind)
        .set("position", 0).set("raw", raw).set("value", value);
    if (period) record.set("period_id", *period);
    MarkValue parsed = parse_mark(value);
    if (parsed.numeric && parsed.value == value) record.set("numeric", *parsed.numeric);
    record.put(sink_);
}

void Emitter::source(std::string_view entity, std::int64_t platform_id, Id entity_id) {
    if (school_facts_.instance.empty()) return;
    RecordBuilder(tables::source_id).set("platform", kPlatform).set("instance", school_facts_.instance)
        .set("entity", entity).set("source_id", std::to_string(platform_id)).set("entity_id", entity_id).put(sink_);
}

}  // namespace jb::netschool
