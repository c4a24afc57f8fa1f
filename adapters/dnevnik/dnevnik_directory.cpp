#include "adapters/dnevnik/dnevnik_directory.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace jb::dnevnik {

using nlohmann::json;

namespace {

// Calls `each` for every element of an array body; a single object counts as a list of one.
template <typename Each>
void for_each_item(const json& body, const Where& where, Each&& each) {
    if (body.is_object()) {
        each(body, where);
        return;
    }
    if (!body.is_array()) where.fail("expected a JSON array or object");
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (!body[i].is_object()) where.at(i).fail("expected an object");
        each(body[i], where.at(i));
    }
}

template <typename Each>
void for_each_in(const json& owner, std::string_view key, const Where& where, Each&& each) {
    const json* list = field(owner, {key});
    if (!list) return;
    if (!list->is_array()) where.at(key).fail("expected an array");
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (!(*list)[i].is_object()) where.at(key).at(i).fail("expected an object");
        each((*list)[i], where.at(key).at(i));
    }
}

std::int64_t required_id(const json& object, std::string_view key, const Where& where) {
    std::int64_t id = id_field(object, key, where);
    if (id == 0) where.fail("no \"" + std::string(key) + "\"");
    return id;
}

}  // namespace

namespace {

struct Collector {
    Directory& d;

    std::int64_t school(const json& o, const Where& w) {
        std::int64_t id = required_id(o, "id", w);
        auto& s = d.schools[id];
        if (auto name = text_field(o, {"name"}); !name.empty()) s.name = name;
        if (auto full = text_field(o, {"fullName"}); !full.empty()) s.full_name = full;
        if (auto zone = int_field(o, {"timeZone"})) s.offset_minutes = static_cast<int>(*zone * 60);
        return id;
    }

    void subject(const json& o, const Where& w) {
        std::int64_t id = required_id(o, "id", w);
        auto name = text_field(o, {"name"});
        if (name.empty()) return;
        auto& names = d.subjects[id];
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }

    std::int64_t group(const json& o, const Where& w, std::int64_t school_id) {
        std::int64_t id = required_id(o, "id", w);
        auto& g = d.groups[id];
        if (auto name = text_field(o, {"name"}); !name.empty()) g.name = name;
        if (auto full = text_field(o, {"fullName"}); !full.empty()) g.full_name = full;
        if (auto type = text_field(o, {"type"}); !type.empty()) g.type = type;
        if (auto parents = id_list(o, "parentIds", w); !parents.empty()) g.parents = parents;
        if (auto grade = int_field(o, {"parallel"})) g.grade = grade;
        if (auto year = int_field(o, {"studyyear", "studyYear"})) g.study_year = year;
        if (school_id) g.school = school_id;
        else if (std::int64_t own = id_field(o, "schoolId", w)) g.school = own;
        for_each_in(o, "subjects", w, [&](const json& s, const Where& sw) { subject(s, sw); });
        return id;
    }

    std::int64_t person(const json& o, const Where& w, std::string_view id_key = "id") {
        std::int64_t id = required_id(o, id_key, w);
        auto& p = d.persons[id];
        if (auto v = text_field(o, {"lastName"}); !v.empty()) p.last = v;
        if (auto v = text_field(o, {"firstName"}); !v.empty()) p.first = v;
        if (auto v = text_field(o, {"middleName"}); !v.empty()) p.middle = v;
        if (auto v = text_field(o, {"birthday", "DateBirth"}); !v.empty()) p.birth = v;
        if (auto v = text_field(o, {"sex"}); !v.empty()) p.sex = v;
        return id;
    }

    void period(const json& o, const Where& w, std::int64_t group_id) {
        std::int64_t id = required_id(o, "id", w);
        auto& p = d.periods[id];
        p.group = group_id;
        p.number = int_field(o, {"number"}).value_or(0);
        p.type = text_field(o, {"type"});
        p.name = text_field(o, {"name"});
        p.start = text_field(o, {"start"});
        p.finish = text_field(o, {"finish"});
    }

    void work_type(const json& o, const Where& w) {
        std::int64_t id = required_id(o, "id", w);
        auto& t = d.work_types[id];
        if (auto title = text_field(o, {"title", "name"}); !title.empty()) t.title = title;
        if (auto weight = int_field(o, {"weight"})) t.weight = static_cast<double>(*weight);
        if (auto final = bool_field(o, {"isFinal"})) t.is_final = *final;
    }

    WorkInfo& work(const json& o, const Where& w, std::int64_t lesson_id, std::int64_t group_id) {
        std::int64_t id = required_id(o, "id", w);
        auto& x = d.works.slot(id);
        x.lesson = id_field(o, "lesson", w);
        if (!x.lesson) x.lesson = lesson_id;
        x.group = id_field(o, "eduGroup", w);
        if (!x.group) x.group = group_id;
        x.subject = id_field(o, "subjectId", w);
        x.work_type = id_field(o, "workType", w);
        x.type = d.tokens.intern(text_field(o, {"type"}));
        x.mark_type = d.tokens.intern(text_field(o, {"markType"}));
        x.target_date = d.tokens.intern(text_field(o, {"targetDate"}));
        x.text = d.texts.keep(text_field(o, {"text"}));
        x.period_number = int_field(o, {"periodNumber"});
        x.period_type = d.tokens.intern(text_field(o, {"periodType"}));
        return x;
    }

    void lesson(const json& o, const Where& w, std::int64_t group_id, std::int64_t subject_id) {
        std::int64_t id = required_id(o, "id", w);
        LessonInfo l;
        l.group = id_field(o, "group", w);
        if (!l.group) l.group = group_id;
        if (const json* s = field(o, {"subject"}); s && s->is_object()) {
            subject(*s, w.at("subject"));
            l.subject = required_id(*s, "id", w.at("subject"));
        } else {
            l.subject = id_field(o, "subjectId", w);
        }
        if (!l.subject) l.subject = subject_id;
        l.number = int_field(o, {"number"}).value_or(0);
        l.date = d.tokens.intern(text_field(o, {"date"}));
        l.topic = d.texts.keep(text_field(o, {"title"}));
        l.teachers = d.teacher_list(id_list(o, "teachers", w));
        std::string homework;
        if (const json* works = field(o, {"works"}); works && works->is_array()) {
            for (std::size_t i = 0; i < works->size(); ++i) {
                const json& item = (*works)[i];
                if (!item.is_object()) continue;  // the short form lists work ids only
                WorkInfo& x = work(item, w.at("works").at(i), id, l.group);
                if (!x.subject) x.subject = l.subject;
                if (d.token(x.type) == "Homework" && !x.text.empty())
                    homework += (homework.empty() ? "" : "\n") + text_field(item, {"text"});
            }
        }
        auto& slot = d.lessons.slot(id);
        // the same lesson seen again without its works keeps the homework it had
        l.homework = homework.empty() ? slot.homework : d.texts.keep(homework);
        slot = l;
    }
};

}  // namespace

void Directory::collect(const Request& r, const json& body, const Where& where) {
    Collector c{*this};
    switch (r.endpoint) {
        case Endpoint::context: {
            if (!body.is_object()) where.fail("expected an object");
            if (id_field(body, "personId", where)) c.person(body, where, "personId");
            for_each_in(body, "schools", where, [&](const json& s, const Where& w) {
                std::int64_t school_id = c.school(s, w);
                for (std::int64_t g : id_list(s, "groupIds", w)) groups[g].school = school_id;
            });
            for_each_in(body, "eduGroups", where, [&](const json& g, const Where& w) { c.group(g, w, 0); });
            break;
        }
        case Endpoint::user:
            if (!body.is_object()) where.fail("expected an object");
            if (id_field(body, "personId", where)) c.person(body, where, "personId");
            break;
        case Endpoint::school:
        case Endpoint::schools:
            for_each_item(body, where, [&](const json& s, const Where& w) { c.school(s, w); });
            break;
        case Endpoint::edu_groups:
        case Endpoint::edu_group:
            for_each_item(body, where, [&](const json& g, const Where& w) { c.group(g, w, r.school); });
            break;
        case Endpoint::group_persons:
            for_each_item(body, where, [&](const json& p, const Where& w) { students_of[r.group].insert(c.person(p, w)); });
            break;
        case Endpoint::group_teachers:
            for_each_item(body, where, [&](const json& p, const Where& w) {
                std::int64_t id = c.person(p, w);
                teachers.insert(id);
                teacher_group.emplace(id, r.group);
            });
            break;
        case Endpoint::class_teacher:
            for_each_item(body, where, [&](const json& p, const Where& w) {
                std::int64_t id = c.person(p, w);
                teachers.insert(id);
                teacher_group.emplace(id, r.group);
                groups[r.group].head_teacher = id;
            });
            break;
        case Endpoint::school_teachers:
            for_each_item(body, where, [&](const json& p, const Where& w) {
                std::int64_t id = c.person(p, w);
                if (bool_field(p, {"TeachingStaff"}).value_or(true)) teachers.insert(id);
                else staff.insert(id);
                teacher_school[id] = r.school;
            });
            break;
        case Endpoint::reporting_periods:
            for_each_item(body, where, [&](const json& p, const Where& w) { c.period(p, w, r.group); });
            break;
        case Endpoint::period_group:
            if (!body.is_object()) where.fail("expected an object");
            for_each_in(body, "reportingPeriods", where, [&](const json& p, const Where& w) { c.period(p, w, r.group); });
            for_each_in(body, "holidays", where, [&](const json& h, const Where&) {
                holidays[r.group].push_back({text_field(h, {"dateStart"}), text_field(h, {"dateFinish"}),
                                             text_field(h, {"name"})});
            });
            break;
        case Endpoint::work_types:
            for_each_item(body, where, [&](const json& t, const Where& w) { c.work_type(t, w); });
            break;
        case Endpoint::subjects:
            for_each_item(body, where, [&](const json& s, const Where& w) { c.subject(s, w); });
            break;
        case Endpoint::lessons:
            for_each_item(body, where, [&](const json& l, const Where& w) { c.lesson(l, w, r.group, r.subject); });
            break;
        case Endpoint::all_final_marks:
            if (!body.is_object()) where.fail("expected an object");
            for_each_in(body, "works", where, [&](const json& x, const Where& w) { c.work(x, w, 0, r.group); });
            for_each_in(body, "subjects", where, [&](const json& s, const Where& w) { c.subject(s, w); });
            for_each_in(body, "workTypes", where, [&](const json& t, const Where& w) { c.work_type(t, w); });
            break;
        case Endpoint::mark_values:
            if (!body.is_object()) where.fail("expected an object of mark systems");
            for (auto it = body.begin(); it != body.end(); ++it) {
                if (!it->is_array()) continue;
                for (const auto& value : *it)
                    if (value.is_string()) mark_values[it.key()].insert(value.get<std::string>());
            }
            break;
        case Endpoint::statuses:
            if (!body.is_array()) where.fail("expected an array of strings");
            for (const auto& status : body)
                if (status.is_string()) statuses.insert(status.get<std::string>());
            break;
        default: break;
    }
}

std::uint32_t Directory::teacher_list(const std::vector<std::int64_t>& list) {
    if (list.empty()) return 0;
    auto [found, added] = teacher_list_index.try_emplace(list, static_cast<std::uint32_t>(teacher_lists.size()));
    if (added) teacher_lists.push_back(list);
    return found->second;
}

}  // namespace jb::dnevnik
