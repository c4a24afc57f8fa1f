#include "adapters/dnevnik/dnevnik_emitter.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/dnevnik/dnevnik_time.hpp"
#include "core/adapter.hpp"
#include "core/mark_value.hpp"
#include "core/record.hpp"
#include "core/school_year.hpp"
#include "core/subject_names.hpp"
#include "core/unknown_values.hpp"

namespace jb::dnevnik {

using nlohmann::json;
using R = RecordBuilder;
namespace t = tables;

namespace {

constexpr std::string_view kPlatform = "dnevnik";

std::string mark_text(const json& mark) {
    const json* value = field(mark, {"value"});
    if (!value) return {};
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number()) return value->dump();  // some clients send 5 rather than "5"
    return {};
}

// «7Б» → grade 7, letter «Б»; «10 А» → 10, «А».
std::pair<std::int64_t, std::string> grade_and_letter(const std::string& name) {
    std::size_t i = 0;
    std::int64_t grade = 0;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9') grade = grade * 10 + (name[i++] - '0');
    while (i < name.size() && (name[i] == ' ' || name[i] == '-')) ++i;
    return {grade, name.substr(i)};
}

}  // namespace

Emitter::Emitter(const Directory& directory, const Mappings& mappings, const ReadContext& context, Sink& sink)
    : d_(directory), m_(mappings), context_(context), sink_(sink) {}

void Emitter::source(std::string_view entity, std::int64_t platform_id, Id entity_id) {
    R(t::source_id).set("platform", kPlatform).set("instance", d_.instance).set("entity", entity)
        .set("source_id", id_text(platform_id)).set("entity_id", Value(entity_id)).put(sink_);
}

std::optional<int> Emitter::offset_of(std::int64_t school) const {
    auto it = d_.schools.find(school);
    return it == d_.schools.end() ? std::nullopt : it->second.offset_minutes;
}

std::string Emitter::local_date(const std::string& text, std::int64_t school) const {
    auto local = local_datetime(text, offset_of(school));
    return local ? local->date : std::string();
}

Id Emitter::school(std::int64_t school) {
    if (auto it = schools_.find(school); it != schools_.end()) return it->second;
    const SchoolInfo& info = d_.schools.at(school);
    Id id = R(t::school).set("code", id_text(school)).set("name", info.full_name.empty() ? info.name : info.full_name)
                .set("short_name", info.name)
                .set("timezone", info.offset_minutes ? offset_text(*info.offset_minutes) : std::string())
                .put(sink_);
    source("school", school, id);
    return schools_[school] = id;
}

std::int64_t Emitter::school_of_group(std::int64_t group, const Where& where) {
    auto it = d_.groups.find(group);
    if (it != d_.groups.end()) {
        if (it->second.school && d_.schools.count(it->second.school)) return it->second.school;
        for (std::int64_t parent : it->second.parents)
            if (parent != group && d_.groups.count(parent) && d_.groups.at(parent).school) return school_of_group(parent, where);
    }
    if (d_.schools.size() == 1) return d_.schools.begin()->first;
    if (d_.schools.empty())
        where.fail("the capture describes no school (GET users/me/context or schools/{id} is missing)");
    where.fail("group " + id_text(group) + ": the capture does not say which of its " +
               std::to_string(d_.schools.size()) + " schools it belongs to");
}

bool Emitter::placeable(std::int64_t group) const {
    auto it = d_.groups.find(group);
    if (it == d_.groups.end() || it->second.name.empty()) return false;
    bool has_school = (it->second.school && d_.schools.count(it->second.school)) || d_.schools.size() == 1;
    if (!it->second.is_subgroup()) return has_school;
    for (std::int64_t parent : it->second.parents) {
        auto p = d_.groups.find(parent);
        if (p != d_.groups.end() && !p->second.name.empty() && !p->second.is_subgroup())
            return has_school || (p->second.school && d_.schools.count(p->second.school));
    }
    return false;
}

std::int64_t Emitter::class_group_of(std::int64_t group, const Where& where) {
    auto it = d_.groups.find(group);
    if (it == d_.groups.end() || it->second.name.empty())
        where.fail("class or group " + id_text(group) + " is not described in the capture (GET edu-groups/" +
                   id_text(group) + " or users/me/context is missing)");
    if (!it->second.is_subgroup()) return group;
    for (std::int64_t parent : it->second.parents) {
        auto p = d_.groups.find(parent);
        if (p != d_.groups.end() && !p->second.name.empty() && !p->second.is_subgroup()) return parent;
    }
    where.fail("subgroup " + id_text(group) + " («" + it->second.name +
               "»): none of its parentIds is a class described in the capture");
}

int Emitter::start_year_of(std::int64_t group, const Where& where) {
    if (context_.school_year) return *context_.school_year;
    std::int64_t owner = class_group_of(group, where);
    for (std::int64_t g : {group, owner}) {
        const GroupInfo& info = d_.groups.at(g);
        if (info.study_year && *info.study_year > 1900 && *info.study_year < 3000) return static_cast<int>(*info.study_year);
    }
    if (auto year = school_year_of(d_.capture_date)) return *year;
    where.fail("cannot tell the school year (no studyyear and no capture date); give --school-year");
}

Id Emitter::year(std::int64_t group, const Where& where) {
    std::int64_t school_id = school_of_group(group, where);
    int start = start_year_of(group, where);
    auto key = std::make_pair(school_id, start);
    if (auto it = years_.find(key); it != years_.end()) return it->second;
    Id id = R(t::school_year).set("school_id", school(school_id)).set("start_year", start).put(sink_);
    return years_[key] = id;
}

Id Emitter::class_of(std::int64_t group, const Where& where) {
    std::int64_t owner = class_group_of(group, where);
    if (auto it = classes_.find(owner); it != classes_.end()) return it->second;
    const GroupInfo& info = d_.groups.at(owner);
    auto [parsed_grade, letter] = grade_and_letter(info.name);
    R record(t::school_class);
    record.set("year_id", year(owner, where)).set("name", info.name).set("grade", info.grade.value_or(parsed_grade))
        .set("letter", letter);
    if (info.head_teacher) record.set("head_teacher_id", Value(person(info.head_teacher, school_of_group(owner, where), "teacher")));
    Id id = record.put(sink_);
    source("class", owner, id);
    return classes_[owner] = id;
}

Value Emitter::subgroup_of(std::int64_t group, const Where& where) {
    if (class_group_of(group, where) == group) return std::monostate{};
    if (auto it = subgroups_.find(group); it != subgroups_.end()) return it->second;
    Id id = R(t::class_group).set("class_id", class_of(group, where)).set("name", d_.groups.at(group).name).put(sink_);
    source("class_group", group, id);
    return subgroups_[group] = id;
}

Id Emitter::person(std::int64_t person_id, std::int64_t school_id, std::string_view role) {
    auto key = std::make_pair(school_id, person_id);
    Id id;
    if (auto it = persons_.find(key); it != persons_.end()) {
        id = it->second;
    } else {
        static const PersonInfo unnamed;
        auto found = d_.persons.find(person_id);
        const PersonInfo& info = found == d_.persons.end() ? unnamed : found->second;
        R record(t::person);
        record.set("school_id", school(school_id)).set("last_name", info.last).set("first_name", info.first)
            .set("middle_name", info.middle).set("birth_date", local_date(info.birth, school_id))
            .set("disambiguator", id_text(person_id));
        if (info.sex == "Male" || info.sex == "male") record.set("sex", "male");
        if (info.sex == "Female" || info.sex == "female") record.set("sex", "female");
        id = record.put(sink_);
        source("person", person_id, id);
        persons_[key] = id;
    }
    if (roles_.emplace(id, std::string(role)).second) R(t::person_role).set("person_id", id).set("role", role).put(sink_);
    return id;
}

Id Emitter::subject(std::int64_t subject_id, std::int64_t school_id, const Where& where) {
    auto key = std::make_pair(school_id, subject_id);
    if (auto it = subjects_.find(key); it != subjects_.end()) return it->second;
    auto name = d_.subjects.find(subject_id);
    if (subject_id == 0) where.fail("no subject is given");
    if (name == d_.subjects.end() || name->second.empty())
        where.fail("subject " + id_text(subject_id) + " is not named anywhere in the capture (GET edu-groups/{g}/subjects "
                   "or the lessons that carry it are missing)");
    std::string canonical = SubjectNames::standard().canonical(name->second.front());
    Id school_row = school(school_id);
    Id id = R(t::subject).set("school_id", school_row).set("name", canonical).put(sink_);
    for (const auto& raw : name->second)
        R(t::subject_alias).set("school_id", school_row).set("platform", kPlatform).set("source_name", raw)
            .set("subject_id", id).put(sink_);
    source("subject", subject_id, id);
    return subjects_[key] = id;
}

std::string Emitter::period_kind(std::string_view type, const Where& where) {
    auto kind = m_.period_kind(type);
    if (!kind)
        where.fail("reporting period type «" + std::string(type) + "» is not in " + std::string(kPeriodsFile) +
                   "; add it there and import again");
    return *kind;
}

Id Emitter::period(std::int64_t group, const std::string& kind, std::int64_t number, const PeriodInfo* described,
                   const Where& where) {
    std::int64_t school_id = school_of_group(group, where);
    R record(t::period);
    record.set("year_id", year(group, where)).set("kind", kind).set("number", number);
    if (described) {
        record.set("name", described->name).set("start_date", local_date(described->start, school_id))
            .set("end_date", local_date(described->finish, school_id));
    }
    Id id = record.id();
    if (periods_.insert(id).second || described) record.put(sink_);
    return id;
}

void Emitter::compute_work_ordinals() {
    // Works of one lesson and one kind are told apart by their order of platform id. Pool tokens
    // are equal exactly when their texts are, so they stand in for the type and the date here.
    auto peers_key = [&](std::size_t i) {
        const WorkInfo& w = d_.works.at(i);
        return std::tuple(w.lesson, w.group, w.subject, w.type, w.target_date);
    };
    std::vector<std::uint32_t> order(d_.works.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::pair(peers_key(a), d_.works.id_at(a)) < std::pair(peers_key(b), d_.works.id_at(b));
    });
    work_ordinals_.assign(d_.works.size(), 0);
    for (std::size_t i = 1; i < order.size(); ++i)
        if (peers_key(order[i]) == peers_key(order[i - 1])) work_ordinals_[order[i]] = work_ordinals_[order[i - 1]] + 1;
}

Id Emitter::lesson(std::int64_t lesson_id, const Where& where) {
    auto index = d_.lessons.index_of(lesson_id);
    if (!index)
        where.fail("lesson " + id_text(lesson_id) + " is not in the capture (GET edu-groups/{g}/lessons/{from}/{to} "
                   "for its dates is missing)");
    if (lessons_.is_emitted(*index)) return lessons_.id(*index);
    const LessonInfo& l = d_.lessons.at(*index);
    Where at = where.at("lesson " + id_text(lesson_id));
    if (!l.group) at.fail("the lesson names no group");
    std::int64_t school_id = school_of_group(l.group, at);
    const std::string& date = d_.token(l.date);
    auto when = local_datetime(date, offset_of(school_id));
    if (!when) at.fail("date «" + date + "» is not a date");
    Id class_id = class_of(l.group, at);
    Value group_id = subgroup_of(l.group, at);
    Id subject_id = subject(l.subject, school_id, at);
    Id id = R(t::lesson).set("class_id", class_id).set("group_id", group_id).set("subject_id", subject_id)
                .set("date", when->date).set("number", l.number).set("start_time", when->time).set("topic", d_.text(l.topic))
                .set("homework", d_.text(l.homework)).put(sink_);
    source("lesson", lesson_id, id);
    for (std::int64_t teacher : d_.teacher_lists.at(l.teachers)) {
        Id teacher_id = person(teacher, school_id, "teacher");
        R(t::lesson_teacher).set("lesson_id", id).set("teacher_id", teacher_id).set("role", "main").put(sink_);
        R assignment(t::teaching_assignment);
        assignment.set("teacher_id", teacher_id).set("class_id", class_id).set("group_id", group_id).set("subject_id", subject_id);
        if (assignments_.insert(assignment.id()).second) assignment.put(sink_);
    }
    return lessons_.emitted(*index, id);
}

Id Emitter::work(std::int64_t work_id, const Where& where) {
    std::size_t index = d_.works.index_of(work_id).value();  // callers check that the work is known
    if (works_.is_emitted(index)) return works_.id(index);
    const WorkInfo& w = d_.works.at(index);
    const std::string& type = d_.token(w.type);
    Where at = where.at("work " + id_text(work_id));
    Value lesson_id;
    std::string date;
    std::int64_t group = w.group, subject_id = w.subject;
    if (const LessonInfo* l = w.lesson ? d_.lessons.find(w.lesson) : nullptr) {
        lesson_id = lesson(w.lesson, at);
        group = l->group;
        subject_id = l->subject;
        date = local_date(d_.token(l->date), school_of_group(group, at));
    }
    if (!group) at.fail("the work names neither a lesson in the capture nor a group");
    std::int64_t school_id = school_of_group(group, at);
    std::string due = local_date(d_.token(w.target_date), school_id);
    if (date.empty()) date = due;
    std::string kind;
    const WorkTypeInfo* type_info = nullptr;
    if (auto t_it = d_.work_types.find(w.work_type); t_it != d_.work_types.end()) type_info = &t_it->second;
    if (type_info && !type_info->title.empty()) {
        kind = m_.work_title(type_info->title).value_or(type_info->title);  // a school's own title, verbatim
        if (kind == type_info->title && context_.unknowns)
            context_.unknowns->note("dnevnik work type", type_info->title, kWorkTypesFile);
    } else if (!type.empty()) {
        kind = m_.work_kind(type).value_or(type);
        if (kind == type && context_.unknowns) context_.unknowns->note("dnevnik Work.type", type, kWorkTypesFile);
    }
    R record(t::work);
    record.set("class_id", class_of(group, at)).set("group_id", subgroup_of(group, at))
        .set("subject_id", subject(subject_id, school_id, at)).set("lesson_id", lesson_id)
        .set("type_raw", type).set("ordinal", index < work_ordinals_.size() ? work_ordinals_[index] : 0).set("type", kind)
        .set("written", m_.is_written(kind)).set("control", m_.is_control(kind))
        .set("title", type == "Homework" ? std::string() : d_.text(w.text));
    if (!date.empty()) record.set("date", date);
    if (type == "Homework" && !due.empty()) record.set("due_date", due);
    if (type_info && type_info->weight) record.set("weight", *type_info->weight);
    Id id = record.put(sink_);
    source("work", work_id, id);
    return works_.emitted(index, id);
}

void Emitter::emit_directory(const Where& where) {
    compute_work_ordinals();
    for (const auto& [id, info] : d_.schools) school(id);
    for (const auto& [id, info] : d_.groups) {
        // A group only named in a list of ids, or one that cannot be placed, holds nothing by
        // itself; pupils, lessons or marks that use it fail below with a message naming it.
        if (info.name.empty() || !placeable(id)) continue;
        class_of(id, where);
        subgroup_of(id, where);
    }
    for (const auto& [group, students] : d_.students_of) {
        Where at = where.at("students of group " + id_text(group));
        std::int64_t school_id = school_of_group(group, at);
        Id class_id = class_of(group, at);
        Value subgroup = subgroup_of(group, at);
        for (std::int64_t student : students) {
            R(t::enrolment).set("student_id", person(student, school_id, "student")).set("class_id", class_id)
                .set("group_id", subgroup).put(sink_);
        }
    }
    auto school_of_person = [&](std::int64_t p) -> std::int64_t {
        if (auto it = d_.teacher_school.find(p); it != d_.teacher_school.end() && d_.schools.count(it->second)) return it->second;
        if (auto it = d_.teacher_group.find(p); it != d_.teacher_group.end() && placeable(it->second))
            return school_of_group(it->second, where);
        return d_.schools.size() == 1 ? d_.schools.begin()->first : 0;
    };
    for (std::int64_t teacher : d_.teachers)
        if (std::int64_t s = school_of_person(teacher)) person(teacher, s, "teacher");
    for (std::int64_t member : d_.staff)
        if (std::int64_t s = school_of_person(member)) person(member, s, "staff");
    for (const auto& [id, p] : d_.periods) {
        Where at = where.at("reporting period " + id_text(id));
        Id period_id = period(p.group, period_kind(p.type, at), p.number, &p, at);
        source("period", id, period_id);
    }
    for (const auto& [group, list] : d_.holidays) {
        Where at = where.at("holidays of group " + id_text(group));
        std::int64_t school_id = school_of_group(group, at);
        for (const auto& h : list) {
            std::string start = local_date(h.start, school_id);
            if (start.empty()) continue;
            R(t::holiday).set("year_id", year(group, at)).set("start_date", start)
                .set("end_date", local_date(h.finish, school_id)).set("name", h.name).put(sink_);
        }
    }
    for (std::size_t i = 0; i < d_.lessons.size(); ++i) lesson(d_.lessons.id_at(i), where);
    for (std::size_t i = 0; i < d_.works.size(); ++i)
        if (d_.token(d_.works.at(i).type) != "PeriodMark") work(d_.works.id_at(i), where);
    std::vector<std::int64_t>().swap(work_ordinals_);  // every work is emitted now
}

void Emitter::mark_value(RecordBuilder& record, const std::string& system, const std::string& raw, std::int64_t work_type) {
    MarkValue parsed = parse_mark(raw);
    if (!m_.knows_mark_system(system)) {
        if (context_.unknowns) context_.unknowns->note("dnevnik mark type", system.empty() ? "(none)" : system, kMarksFile);
    } else {
        auto listed = d_.mark_values.find(system);
        bool known = listed != d_.mark_values.end() ? listed->second.count(raw) > 0 : m_.lists_mark_value(system, raw);
        bool has_list = listed != d_.mark_values.end() || m_.lists_mark_value(system, "1") || m_.lists_mark_value(system, "5");
        if (has_list && !known && !m_.normalised_mark(raw) && context_.unknowns)
            context_.unknowns->note("dnevnik mark value", system + " «" + raw + "»", kMarksFile);
    }
    if (!m_.is_numeric_system(system) || !parsed.numeric) {
        parsed.numeric.reset();
        parsed.modifier.clear();
        parsed.value = m_.normalised_mark(parsed.value).value_or(parsed.value);
    }
    record.set("raw", raw).set("value", parsed.value);
    if (parsed.numeric) record.set("numeric", *parsed.numeric);
    if (record.spec().index_of("modifier") > 0) record.set("modifier", parsed.modifier);
    if (record.spec().index_of("weight") > 0) {
        auto type = d_.work_types.find(work_type);
        if (type != d_.work_types.end() && type->second.weight) record.set("weight", *type->second.weight);
    }
}

void Emitter::mark(const json& m, std::int64_t group, const Where& where) {
    std::int64_t mark_id = id_field(m, "id", where);
    std::int64_t work_id = id_field(m, "work", where);
    std::int64_t lesson_id = id_field(m, "lesson", where);
    const WorkInfo* found = d_.works.find(work_id);
    if (!found) {
        if (!lesson_id)
            where.fail("a mark without a lesson whose work " + id_text(work_id) +
                       " the capture does not describe (GET persons/{p}/edu-groups/{g}/allfinalmarks is missing)");
        where.fail("work " + id_text(work_id) + " of this mark is not in the capture (GET edu-groups/{g}/lessons for lesson " +
                   id_text(lesson_id) + " is missing)");
    }
    const WorkInfo& w = *found;
    auto type = d_.work_types.find(w.work_type);
    if (d_.token(w.type) == "PeriodMark" || (type != d_.work_types.end() && type->second.is_final)) {
        final_mark(m, w.group ? w.group : group, w.subject, 0, where);
        return;
    }
    std::int64_t person_id = id_field(m, "person", where);
    if (!person_id) where.fail("the mark names no person");
    Id work_row = work(work_id, where);
    const LessonInfo* lesson_info = w.lesson ? d_.lessons.find(w.lesson) : nullptr;
    std::int64_t owner = lesson_info ? lesson_info->group : (w.group ? w.group : group);
    std::int64_t school_id = school_of_group(owner, where);
    if (!d_.persons.count(person_id))
        where.fail("person " + id_text(person_id) + " is not in the capture (GET edu-groups/{g}/persons?includeArchive=true "
                   "lists the pupils who left)");
    std::string system = text_field(m, {"type"});
    if (system.empty()) system = d_.token(w.mark_type);
    R record(t::mark);
    record.set("work_id", work_row).set("student_id", person(person_id, school_id, "student"))
        .set("position", int_field(m, {"number"}).value_or(0));
    mark_value(record, system, mark_text(m), w.work_type ? w.work_type : id_field(m, "workType", where));
    Id id = record.put(sink_);
    if (mark_id) source("mark", mark_id, id);
}

void Emitter::final_mark(const json& m, std::int64_t group, std::int64_t subject_hint, std::int64_t period_hint,
                         const Where& where) {
    std::int64_t mark_id = id_field(m, "id", where);
    std::int64_t person_id = id_field(m, "person", where);
    std::int64_t work_id = id_field(m, "work", where);
    const WorkInfo* w = nullptr;
    if (work_id) w = d_.works.find(work_id);
    if (!group && w) group = w->group;
    if (!group) where.fail("the final mark names no class");
    std::int64_t subject_id = subject_hint ? subject_hint : (w ? w->subject : 0);
    std::int64_t school_id = school_of_group(group, where);
    std::string kind = "year";
    Value period_id;
    if (period_hint) {
        auto p = d_.periods.find(period_hint);
        if (p == d_.periods.end())
            where.fail("reporting period " + id_text(period_hint) +
                       " is not in the capture (GET edu-groups/{g}/reporting-periods is missing)");
        kind = period_kind(p->second.type, where);
        if (kind != "year") period_id = period(p->second.group ? p->second.group : group, kind, p->second.number, nullptr, where);
    } else if (w && w->period_number && w->period_type) {
        kind = period_kind(d_.token(w->period_type), where);
        if (kind != "year") period_id = period(group, kind, *w->period_number, nullptr, where);
    }
    if (!is_null(period_id)) kind = "period";
    if (!d_.persons.count(person_id))
        where.fail("person " + id_text(person_id) + " is not in the capture (GET edu-groups/{g}/persons?includeArchive=true "
                   "lists the pupils who left)");
    std::string system = text_field(m, {"type"});
    if (system.empty() && w) system = d_.token(w->mark_type);
    R record(t::final_mark);
    record.set("student_id", person(person_id, school_id, "student")).set("class_id", class_of(group, where))
        .set("subject_id", subject(subject_id, school_id, where)).set("kind", kind).set("period_id", period_id)
        .set("position", int_field(m, {"number"}).value_or(0));
    mark_value(record, system, mark_text(m), 0);
    Id id = record.put(sink_);
    if (mark_id) source("final_mark", mark_id, id);
}

void Emitter::log_entry(const json& e, const Where& where) {
    std::int64_t lesson_id = id_field(e, "lesson", where);
    std::int64_t person_id = id_field(e, "person", where);
    if (!lesson_id || !person_id) where.fail("a lesson-log entry needs both lesson and person");
    Id lesson_row = lesson(lesson_id, where);
    std::int64_t school_id = school_of_group(d_.lessons.find(lesson_id)->group, where);
    if (!d_.persons.count(person_id))
        where.fail("person " + id_text(person_id) + " is not in the capture (GET edu-groups/{g}/persons?includeArchive=true "
                   "lists the pupils who left)");
    std::string status = text_field(e, {"status"});
    R record(t::attendance);
    record.set("lesson_id", lesson_row).set("student_id", person(person_id, school_id, "student")).set("raw_code", status)
        .set("comment", text_field(e, {"comment"}));
    if (auto reason = m_.attendance_reason(status)) record.set("reason", *reason);
    else if (context_.unknowns) context_.unknowns->note("dnevnik attendance status", status, kAttendanceFile);
    if (auto created = local_datetime(text_field(e, {"createdDate"}), offset_of(school_id)))
        record.set("entered_at", created->timestamp);
    record.put(sink_);
}

void Emitter::emit_facts(const Request& r, const json& body, const Where& where) {
    auto each = [&](const json& list, const Where& at, auto&& fn) {
        if (list.is_object()) return fn(list, at);
        if (!list.is_array()) at.fail("expected a JSON array");
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_object()) at.at(i).fail("expected an object");
            fn(list[i], at.at(i));
        }
    };
    switch (r.endpoint) {
        case Endpoint::marks:
            each(body, where, [&](const json& m, const Where& at) { mark(m, r.group, at); });
            break;
        case Endpoint::all_final_marks:
            if (const json* marks = field(body, {"marks"}))
                each(*marks, where.at("marks"), [&](const json& m, const Where& at) { mark(m, r.group, at); });
            break;
        case Endpoint::log_entries:
            each(body, where, [&](const json& e, const Where& at) { log_entry(e, at); });
            break;
        case Endpoint::final_marks:
            each(body, where, [&](const json& pf, const Where& at) {
                std::int64_t group = id_field(pf, "group", at);
                if (!group) group = r.group;
                std::int64_t period_hint = id_field(pf, "reportingPeriod", at);
                const json* per_subject = field(pf, {"per-subject-final-marks"});
                if (!per_subject) return;
                each(*per_subject, at.at("per-subject-final-marks"), [&](const json& sf, const Where& sat) {
                    std::int64_t subject_id = id_field(sf, "subject", sat);
                    const json* mark_json = field(sf, {"final-mark"});
                    if (!mark_json) return;
                    each(*mark_json, sat.at("final-mark"), [&](const json& m, const Where& mat) {
                        json with_person = m;
                        if (!id_field(m, "person", mat)) with_person["person_str"] = id_text(id_field(pf, "person", at));
                        final_mark(with_person, group, subject_id, period_hint, mat);
                    });
                });
            });
            break;
        default: break;
    }
}

}  // namespace jb::dnevnik
