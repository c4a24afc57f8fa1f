#include "tools/dnevnik-sim/sim_school.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "tools/dnevnik-sim/json_object.hpp"
#include "tools/gen-synthetic/calendar.hpp"
#include "tools/gen-synthetic/names.hpp"
#include "tools/gen-synthetic/random.hpp"

namespace jb::dnevnik_sim {
namespace {

using synth::Date;
using synth::Rng;

// Ids: 13 digits for schools, people, subjects and work types; 19 digits (beyond 2^53) for groups,
// lessons, works, marks and periods, as on the real instances.
constexpr std::int64_t kSchool = 1000000000042;
constexpr std::int64_t kPersonBase = 1000009000000;
constexpr std::int64_t kSubjectBase = 1000000000700;
constexpr std::int64_t kWorkTypeBase = 1000000000120;
constexpr std::int64_t kGroupBase = 1790000000000000000;
constexpr std::int64_t kLessonBase = 1904000000000000000;
constexpr std::int64_t kWorkBase = 1905000000000000000;
constexpr std::int64_t kMarkBase = 1906000000000000000;
constexpr std::int64_t kPeriodBase = 1800000000000000010;

struct SubjectInfo {
    const char* name;
    const char* area;
};
constexpr std::array<SubjectInfo, 12> kSubjects{{{"Математика", "Математика и информатика"},
                                                 {"Русский язык", "Русский язык и литература"},
                                                 {"Английский язык", "Иностранные языки"},
                                                 {"История", "Общественно-научные предметы"},
                                                 {"Литература", "Русский язык и литература"},
                                                 {"Биология", "Естественно-научные предметы"},
                                                 {"География", "Общественно-научные предметы"},
                                                 {"Физика", "Естественно-научные предметы"},
                                                 {"Информатика", "Математика и информатика"},
                                                 {"Химия", "Естественно-научные предметы"},
                                                 {"Физическая культура", "Физическая культура и ОБЗР"},
                                                 {"Музыка", "Искусство"}}};
constexpr int kEnglish = 2;

struct WorkTypeInfo {
    const char* kind;
    const char* title;
    const char* abbr;
    int weight;
};
constexpr std::array<WorkTypeInfo, 4> kWorkTypes{{{"DefaultNewLessonWork", "Работа на уроке", "Р", 1},
                                                  {"LessonTestWork", "Контрольная работа", "К", 2},
                                                  {"Homework", "Домашнее задание", "Д", 1},
                                                  {"PeriodMark", "Итоговая оценка", "И", 1}}};

std::string s(std::int64_t id) { return std::to_string(id); }

json id_pair(const char* key, std::int64_t id) { return {{key, id}, {std::string(key) + "_str", s(id)}}; }

void add_id(json& object, const char* key, std::int64_t id) {
    object[key] = id;
    object[std::string(key) + "_str"] = s(id);
}

std::string at_time(Date date, int minutes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:00", minutes / 60, minutes % 60);
    return synth::iso_date(date) + buffer;
}

struct Person {
    std::int64_t id = 0;
    json value;
};

struct Pupil {
    Person person;
    int subgroup = 0;  // 0 or 1 for English in the class that splits
    std::string left;  // first day no longer in the class ("" = stays)
    bool active(const std::string& day) const { return left.empty() || day < left; }
};

Person make_person(Rng& rng, std::int64_t id, bool adult, bool with_user) {
    bool male = rng.chance(500);
    synth::Sex sex = male ? synth::Sex::male : synth::Sex::female;
    std::string first(adult ? (male ? synth::man_name(rng) : synth::woman_name(rng))
                            : (male ? synth::boy_name(rng) : synth::girl_name(rng)));
    std::string last = synth::surname_for(synth::random_surname(rng), sex);
    std::string middle = synth::patronymic(adult ? synth::elder_name(rng) : synth::man_name(rng), sex);
    json person;
    add_id(person, "id", id);
    if (with_user) {
        add_id(person, "userId", id + 500000);
    } else {
        person["userId"] = nullptr;
        person["userId_str"] = nullptr;
    }
    person["firstName"] = first;
    person["lastName"] = last;
    person["middleName"] = middle;
    person["shortName"] = last + " " + first.substr(0, first[0] & 0x80 ? 2 : 1) + ".";
    person["sex"] = male ? "Male" : "Female";
    return {id, person};
}

std::string subject_json(int index) {
    return JsonObject()
        .number("fgosSubjectId", index + 1)
        .id("id", kSubjectBase + index)
        .string("knowledgeArea", kSubjects[static_cast<std::size_t>(index)].area)
        .string("name", kSubjects[static_cast<std::size_t>(index)].name)
        .text();
}

const char* text_of(const std::string& value) {
    char digit = value[0];
    return digit == '5' ? "отлично" : digit == '4' ? "хорошо" : digit == '3' ? "удовлетворительно" : "неудовлетворительно";
}

const char* mood_of(const std::string& value) {
    return value[0] >= '4' ? "Good" : value[0] == '3' ? "Average" : "Bad";
}

// `lesson` and `lesson_str`: the lesson's id, or null for work without a lesson (quarter marks).
JsonObject& add_lesson(JsonObject& object, std::optional<std::int64_t> lesson) {
    if (lesson) return object.id("lesson", *lesson);
    return object.null("lesson").null("lesson_str");
}

std::string mark_json(std::int64_t id, const std::string& value, std::int64_t person, std::int64_t work,
                      std::optional<std::int64_t> lesson, int number, const std::string& date, int work_type, bool in_average) {
    JsonObject mark;
    mark.string("date", date + "T00:00:00").id("id", id);
    add_lesson(mark, lesson);
    mark.string("mood", mood_of(value)).number("number", number).id("person", person).string("textValue", text_of(value));
    mark.string("type", "mark5").boolean("use_avg_calc", in_average).string("value", value);
    mark.id("work", work).number("workType", kWorkTypeBase + work_type);
    return mark.text();
}

std::string draw_mark(Rng& rng, int level) {
    static const std::array<const char*, 9> values{"2", "3", "3+", "4-", "4", "4+", "5-", "5", "5"};
    int index = std::clamp(level * 2 + rng.between(-2, 3), 0, 8);
    return values[static_cast<std::size_t>(index)];
}

std::string work_json(std::int64_t id, const char* type, int work_type, int mark_count, std::optional<std::int64_t> lesson,
                      std::int64_t group, int subject, const std::string& text, int period, const std::string& target,
                      std::int64_t teacher, std::string_view tasks = "[]") {
    JsonObject work;
    work.number("createdBy", teacher).boolean("displayInJournal", true).id("eduGroup", group).raw("files", "[]");
    work.id("id", id).boolean("isImportant", std::string_view(type) == "LessonTestWork");
    add_lesson(work, lesson);
    work.number("markCount", mark_count).string("markType", "mark5").raw("oneDriveLinks", "[]");
    work.number("periodNumber", period).string("periodType", "Quarter").null("sentDate").string("status", "Sent");
    work.number("subjectId", kSubjectBase + subject).string("targetDate", target + "T00:00:00").raw("tasks", tasks);
    work.string("text", text).string("type", type).number("workType", kWorkTypeBase + work_type);
    return work.text();
}

}  // namespace

const SimGroup* SimSchool::group(const std::string& wanted) const {
    for (const auto& each : groups)
        if (each.id == wanted) return &each;
    return nullptr;
}

namespace {

struct ClassInfo {
    std::string name;
    int grade = 5;
};

// 5А and 6Б (the tests' school), then grades 5–11 with the letters В…М (no clash with those two);
// beyond 70 classes (benchmarks only) the names repeat with a suffix: 5В-2, 6В-2, …
ClassInfo class_info(int index) {
    static const std::array<const char*, 12> letters{"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М"};
    if (index < 2) return {std::to_string(5 + index) + letters[static_cast<std::size_t>(index)], 5 + index};
    int grade = 5 + index % 7;
    std::string name = std::to_string(grade) + letters[static_cast<std::size_t>(2 + index / 7 % 10)];
    if (index >= 70) name += "-" + std::to_string(index / 70 + 1);
    return {name, grade};
}

std::int64_t class_id_of(int index) { return kGroupBase + 1 + static_cast<std::int64_t>(index) * 10; }

// The quarter-mark work of a class, quarter and subject (the ids of the tests' school unchanged).
std::int64_t period_work_id(int class_index, int quarter, int subject) {
    std::int64_t slot = subject < 10 ? quarter * 10 + subject : 100 + quarter * 10 + (subject - 10);
    return kWorkBase + 900000000 + 1000 + static_cast<std::int64_t>(class_index) * 10000 + slot;
}

json group_json(int year, const ClassInfo& info, std::int64_t class_id, std::int64_t id, const std::string& name,
                bool subgroup) {
    json group = id_pair("id", id);
    group["parentIds"] = subgroup ? json::array({class_id}) : json::array();
    group["parentIds_str"] = subgroup ? json::array({s(class_id)}) : json::array();
    group["type"] = subgroup ? "Subgroup" : "Group";
    group["name"] = name;
    group["fullName"] = name + (subgroup ? "" : " класс");
    group["parallel"] = info.grade;
    add_id(group, "timetable", 1950000000000000001);
    group["status"] = "Active";
    group["studyyear"] = year;
    group["educationType"] = "Regular";
    group["subjects"] = json::array();
    group["journaltype"] = "Regular";
    return group;
}

std::string subgroup_name(const ClassInfo& info, int part) {
    return info.name + " англ. " + std::to_string(part + 1) + " гр.";
}

// One pupil's quarter marks with their works and subjects, as JSON texts.
struct PeriodMarks {
    std::vector<std::string> marks, works, subjects;
};

}  // namespace

struct SimSchoolBuilder::State {
    SimScale scale;
    int quarters = 2;
    Rng rng{0};
    synth::SchoolCalendar calendar;
    SimSchool header;
    std::string work_types_b;  // the work types as allfinalmarks lists them, JSON text
    std::vector<Person> teachers;
    int next_class = 0;
    std::int64_t next_person = kPersonBase, next_lesson = kLessonBase, next_work = kWorkBase, next_mark = kMarkBase;

    std::int64_t new_person_id() {
        if (++next_person == kPersonBase + 999) ++next_person;  // the administrator's person id
        return next_person;
    }
    std::vector<SimGroup> make_class(int c);
};

SimSchoolBuilder::SimSchoolBuilder(int year, std::uint64_t seed, int quarters, SimScale scale) : state_(std::make_unique<State>()) {
    State& st = *state_;
    st.scale = scale;
    st.scale.classes = std::clamp(scale.classes, 1, kMaxSimClasses);
    st.scale.pupils = std::clamp(scale.pupils, 5, 40);
    st.scale.subjects = std::clamp(scale.subjects, 1, static_cast<int>(kSubjects.size()));
    st.scale.lessons_per_day = std::clamp(scale.lessons_per_day, 1, 8);
    st.quarters = std::clamp(quarters, 1, 4);
    st.rng = Rng(synth::mix(seed, 7));
    st.calendar = synth::make_calendar(year);
    SimSchool& sim = st.header;
    sim.year = year;
    sim.id = s(kSchool);

    for (int i = 0; i < st.scale.subjects; ++i) st.teachers.push_back(make_person(st.rng, st.new_person_id(), true, true));

    sim.school = id_pair("id", kSchool);
    sim.school.update({{"name", "Школа № 42"}, {"fullName", "МБОУ «Средняя общеобразовательная школа № 42»"},
                       {"city", "Вымышленск"}, {"municipality", "Вымышленский городской округ"}, {"regionId", 50},
                       {"markType", "mark5"}, {"timeZone", 3}, {"uses_avg", true}, {"uses_weighted_avg", false},
                       {"educationType", "Regular"}, {"avatarSmall", nullptr}});

    sim.work_types = json::array();
    for (std::size_t i = 0; i < kWorkTypes.size(); ++i) {
        json type = id_pair("id", kWorkTypeBase + static_cast<std::int64_t>(i));
        type.update({{"schoolId", kSchool}, {"kindId", i + 1}, {"kind", kWorkTypes[i].kind}, {"title", kWorkTypes[i].title},
                     {"abbr", kWorkTypes[i].abbr}, {"weight", kWorkTypes[i].weight}});
        sim.work_types.push_back(type);
    }
    json work_types_b = json::array();
    for (std::size_t i = 0; i < kWorkTypes.size(); ++i)
        work_types_b.push_back({{"id", kWorkTypeBase + static_cast<std::int64_t>(i)}, {"schoolId", kSchool},
                                {"abbreviation", kWorkTypes[i].abbr}, {"name", kWorkTypes[i].title},
                                {"isFinal", i == 3}, {"isImportant", i == 1}, {"kindId", i + 1}, {"kind", kWorkTypes[i].kind}});
    st.work_types_b = work_types_b.dump();

    sim.reporting_periods = json::array();
    json holidays = json::array();
    for (int q = 0; q < 4; ++q) {
        const auto& quarter = st.calendar.quarters[static_cast<std::size_t>(q)];
        json period = id_pair("id", kPeriodBase + q + 1);
        period.update({{"start", synth::iso_date(quarter.start) + "T00:00:00"},
                       {"finish", synth::iso_date(quarter.end) + "T00:00:00"},
                       {"number", q + 1}, {"type", "Quarter"}, {"name", std::to_string(q + 1) + " четверть"},
                       {"year", year}});
        sim.reporting_periods.push_back(period);
    }
    std::int64_t holiday_id = 1810000000000000000;
    for (const auto& holiday : st.calendar.holidays)
        holidays.push_back({{"id", ++holiday_id}, {"reportingPeriodGroupId", 1801000000000000001},
                            {"dateStart", synth::iso_date(holiday.start) + "T00:00:00"},
                            {"dateFinish", synth::iso_date(holiday.end) + "T00:00:00"}, {"name", holiday.name},
                            {"description", ""}});
    sim.period_group = {{"id", 1801000000000000001}, {"reportingPeriods", sim.reporting_periods}, {"holidays", holidays}};
    sim.first_day = synth::iso_date(st.calendar.quarters.front().start);
    sim.last_day = synth::iso_date(st.calendar.quarters.back().end);

    // Every class with its groups; the first class learns English in two subgroups.
    sim.edu_groups = json::array();
    json class_ids = json::array();
    for (int c = 0; c < st.scale.classes; ++c) {
        ClassInfo info = class_info(c);
        std::int64_t class_id = class_id_of(c);
        sim.edu_groups.push_back(group_json(year, info, class_id, class_id, info.name, false));
        class_ids.push_back(class_id);
        if (c == 0 && st.scale.subjects > kEnglish)
            for (int k = 0; k < 2; ++k)
                sim.edu_groups.push_back(group_json(year, info, class_id, class_id + 1 + k, subgroup_name(info, k), true));
    }

    json admin = id_pair("userId", kPersonBase + 900000);
    admin.update(id_pair("personId", kPersonBase + 999));
    admin.update({{"avatarUrl", nullptr}, {"roles", {"EduSchoolAdministrator", "EduStaff"}}, {"splitId", nullptr},
                  {"firstName", "Анна"}, {"lastName", "Вымышленная"}, {"middleName", "Петровна"}, {"shortName", "Вымышленная А. П."},
                  {"schoolIds", {kSchool}}, {"groupIds", class_ids},
                  {"schools", {{{"id", kSchool}, {"name", "Школа № 42"}, {"type", "Regular"}, {"groupIds", class_ids}}}},
                  {"eduGroups", sim.edu_groups}, {"children", json::array()}});
    sim.context = admin;
    sim.mark_values = {{"mark5", {"1-", "1", "1+", "2-", "2", "2+", "3-", "3", "3+", "4-", "4", "4+", "5-", "5", "5+"}}};
    sim.statuses = {"Attend", "Absent", "Ill", "Late", "Pass"};
}

SimSchoolBuilder::~SimSchoolBuilder() = default;

const SimSchool& SimSchoolBuilder::header() const { return state_->header; }
bool SimSchoolBuilder::done() const { return state_->next_class >= state_->scale.classes; }

std::vector<SimGroup> SimSchoolBuilder::next_class() {
    if (done()) return {};
    return state_->make_class(state_->next_class++);
}

std::vector<SimGroup> SimSchoolBuilder::State::make_class(int c) {
    const int subjects = scale.subjects;
    ClassInfo info = class_info(c);
    std::int64_t class_id = class_id_of(c);
    bool splits = c == 0 && subjects > kEnglish;
    std::array<std::int64_t, 2> sub_ids{class_id + 1, class_id + 2};

    std::vector<Pupil> pupils;
    for (int p = 0; p < scale.pupils; ++p) {
        Pupil pupil{make_person(rng, new_person_id(), false, !(c == 1 && p == 3)), p % 2, ""};
        pupils.push_back(pupil);
    }
    if (c == 0) pupils[4].left = synth::iso_date(calendar.quarters[0].end - 10);  // leaves mid-quarter: archived

    SimGroup klass;
    std::map<std::string, PeriodMarks> period_marks;  // by person id: what allfinalmarks lists
    klass.id = s(class_id);
    std::array<SimGroup, 2> subs;
    if (splits)
        for (int k = 0; k < 2; ++k) {
            subs[static_cast<std::size_t>(k)].id = s(sub_ids[static_cast<std::size_t>(k)]);
            subs[static_cast<std::size_t>(k)].subgroup = true;
        }
    klass.persons = klass.current_persons = json::array();
    for (auto& sub : subs) sub.persons = sub.current_persons = json::array();
    for (const Pupil& pupil : pupils) {
        klass.persons.push_back(pupil.person.value);
        if (pupil.left.empty()) klass.current_persons.push_back(pupil.person.value);
        if (splits) {
            auto& sub = subs[static_cast<std::size_t>(pupil.subgroup)];
            sub.persons.push_back(pupil.person.value);
            if (pupil.left.empty()) sub.current_persons.push_back(pupil.person.value);
        }
    }

    // Lessons in the first `quarters` quarters; subjects rotate by weekday and lesson number.
    std::vector<std::uint8_t> level;
    for (std::size_t p = 0; p < pupils.size(); ++p) level.push_back(static_cast<std::uint8_t>(rng.between(0, 3)));
    for (int q = 0; q < quarters; ++q) {
        const auto& quarter = calendar.quarters[static_cast<std::size_t>(q)];
        for (Date day : quarter.school_days) {
            std::string date = synth::iso_date(day);
            for (int number = 1; number <= scale.lessons_per_day; ++number) {
                int subject = (synth::weekday(day) + number) % subjects;
                bool split = splits && subject == kEnglish;
                for (int part = 0; part < (split ? 2 : 1); ++part) {
                    std::int64_t group = split ? sub_ids[static_cast<std::size_t>(part)] : class_id;
                    SimGroup& target = split ? subs[static_cast<std::size_t>(part)] : klass;
                    std::int64_t teacher = teachers[static_cast<std::size_t>(subject)].id;
                    std::int64_t lesson_id = ++next_lesson;
                    std::vector<std::string> works;
                    std::int64_t class_work = ++next_work;
                    works.push_back(work_json(class_work, "DefaultNewLessonWork", 0, 1, lesson_id, group, subject,
                                              "Работа на уроке", q + 1, date, teacher));
                    bool test = lesson_id % 7 == 0;
                    std::int64_t test_work = 0;
                    if (test) {
                        test_work = ++next_work;
                        works.push_back(work_json(test_work, "LessonTestWork", 1, 2, lesson_id, group, subject,
                                                  "Контрольная работа", q + 1, date, teacher));
                    }
                    if (lesson_id % 2 == 0) {
                        std::int64_t homework = ++next_work;
                        std::string due = synth::iso_date(day + 2);
                        std::string tasks = "[]";
                        if (lesson_id % 10 == 0)
                            tasks = "[" + JsonObject()
                                              .id("id", homework + 1000000)
                                              .id("person", pupils[0].person.id)
                                              .id("work", homework)
                                              .string("status", "Done")
                                              .string("targetDate", due + "T00:00:00")
                                              .text() + "]";
                        works.push_back(work_json(homework, "Homework", 2, 1, lesson_id, group, subject,
                                                  "§" + std::to_string(lesson_id % 40 + 1) + ", упр. " +
                                                      std::to_string(lesson_id % 300 + 1),
                                                  q + 1, due, teacher, tasks));
                    }
                    JsonObject lesson;
                    lesson.string("date", at_time(day, 8 * 60 + 30 + (number - 1) * 55)).id("group", group);
                    lesson.id("id", lesson_id).number("number", number).null("resultPlaceId").string("status", "Conducted");
                    lesson.raw("subject", subject_json(subject)).raw("teachers", "[" + s(teacher) + "]");
                    lesson.raw("teachers_str", "[\"" + s(teacher) + "\"]");
                    lesson.string("title", "Тема урока " + std::to_string(lesson_id % 1000)).raw("works", json_array(works));
                    target.lessons.push_back({date, s(kSubjectBase + subject), lesson.text()});

                    for (std::size_t p = 0; p < pupils.size(); ++p) {
                        const Pupil& pupil = pupils[p];
                        if (!pupil.active(date) || (split && pupil.subgroup != part)) continue;
                        std::int64_t person = pupil.person.id;
                        if (rng.chance(60)) {  // attendance: sparse, deviations only (and a rare Attend)
                            static const std::array<const char*, 5> statuses{"Absent", "Ill", "Late", "Pass", "Attend"};
                            std::string status = statuses[static_cast<std::size_t>(rng.below(5))];
                            JsonObject entry;
                            entry.string("comment", "").string("createdDate", at_time(day, 9 * 60 + number * 50).substr(0, 19) + ".317");
                            entry.id("lesson", lesson_id).id("person", person).string("status", status);
                            target.log.push_back({date, s(kSubjectBase + subject), entry.text()});
                            if (status != "Attend" && status != "Late") continue;
                        }
                        if (rng.chance(300))
                            target.marks.push_back({date, "", mark_json(++next_mark, draw_mark(rng, level[p]), person,
                                                                        class_work, lesson_id, 0, date, 0, true)});
                        if (test)
                            for (int n = 0; n < 2; ++n)
                                if (n == 0 || rng.chance(400))
                                    target.marks.push_back({date, "", mark_json(++next_mark, draw_mark(rng, level[p]), person,
                                                                                test_work, lesson_id, n, date, 1, true)});
                    }
                }
            }
        }
        // Quarter marks: a PeriodMark work per subject, marks without a lesson, on the class.
        std::string end = synth::iso_date(quarter.end);
        for (std::size_t p = 0; p < pupils.size(); ++p) {
            const Pupil& pupil = pupils[p];
            if (!pupil.active(end)) continue;
            std::vector<std::string> person_finals;
            PeriodMarks& all = period_marks[s(pupil.person.id)];
            for (int subject = 0; subject < subjects; ++subject) {
                std::int64_t work = period_work_id(c, q, subject);
                std::string value = std::string(1, draw_mark(rng, level[p])[0]);
                std::string mark = mark_json(++next_mark, value, pupil.person.id, work, std::nullopt, 0, end, 3, false);
                person_finals.push_back(JsonObject().id("subject", kSubjectBase + subject).raw("final-mark", mark).text());
                all.marks.push_back(std::move(mark));
                all.works.push_back(work_json(work, "PeriodMark", 3, 1, std::nullopt, class_id, subject,
                                              "Итоговая оценка за " + std::to_string(q + 1) + " четверть", q + 1,
                                              end, teachers[static_cast<std::size_t>(subject)].id));
                if (q == 0)
                    all.subjects.push_back(JsonObject()
                                               .number("id", kSubjectBase + subject)
                                               .string("name", kSubjects[static_cast<std::size_t>(subject)].name)
                                               .number("knowledgeAreaId", subject + 1)
                                               .text());
            }
            klass.final_marks.push_back(JsonObject()
                                            .id("person", pupil.person.id)
                                            .id("group", class_id)
                                            .id("reportingPeriod", kPeriodBase + q + 1)
                                            .raw("per-subject-final-marks", json_array(person_finals))
                                            .text());
        }
    }
    for (const auto& [person, marks] : period_marks) {
        klass.period_mark_count += static_cast<std::int64_t>(marks.marks.size());
        klass.all_final_marks[person] = JsonObject()
                                            .raw("marks", json_array(marks.marks))
                                            .raw("works", json_array(marks.works))
                                            .raw("subjects", json_array(marks.subjects))
                                            .raw("workTypes", work_types_b)
                                            .text();
    }
    std::vector<SimGroup> groups;
    groups.push_back(std::move(klass));
    if (splits)
        for (auto& sub : subs) groups.push_back(std::move(sub));
    return groups;
}

SimSchool make_sim_school(int year, std::uint64_t seed, int quarters, SimScale scale) {
    SimSchoolBuilder builder(year, seed, quarters, scale);
    SimSchool sim = builder.header();
    while (!builder.done())
        for (SimGroup& group : builder.next_class()) sim.groups.push_back(std::move(group));
    return sim;
}

}  // namespace jb::dnevnik_sim
