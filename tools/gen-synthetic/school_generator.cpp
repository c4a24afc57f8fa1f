#include "tools/gen-synthetic/school_generator.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>

#include "core/record.hpp"
#include "core/sink.hpp"
#include "tools/gen-synthetic/journal.hpp"
#include "tools/gen-synthetic/names.hpp"
#include "tools/gen-synthetic/plan.hpp"

namespace jb::synth {
namespace {

using R = RecordBuilder;
namespace t = tables;

constexpr std::string_view regions[] = {
    "Московская область",   "Тверская область",   "Ярославская область", "Владимирская область",
    "Калужская область",    "Рязанская область",  "Республика Татарстан", "Нижегородская область",
    "Тульская область",     "Костромская область"};
constexpr std::string_view letters[] = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "И", "К", "Л", "М", "Н"};
constexpr int kTeacherHours = 18;  // a teacher's weekly load («ставка»)

struct SchoolKind {
    std::string_view form, name, short_name;
};
constexpr SchoolKind school_kinds[] = {
    {"МБОУ", "Средняя общеобразовательная школа", "СОШ"},
    {"МАОУ", "Гимназия", "Гимназия"},
    {"МБОУ", "Лицей", "Лицей"},
};

int ceil_div(int a, int b) { return (a + b - 1) / b; }

class SchoolGenerator {
public:
    SchoolGenerator(const Options& options, int index, int number, Sink& sink)
        : options_(options), sink_(sink), rng_(mix(options.seed, static_cast<std::uint64_t>(index))), number_(number) {
        plan_.index = index;
        plan_.seed = mix(options.seed, 0x5C4001ULL + static_cast<std::uint64_t>(index));
        plan_.quarters = options.quarters;
    }

    void run() {
        put_school();
        put_calendar();
        put_subjects();
        put_teachers();
        plan_classes();
        for (ClassPlan& cls : classes_) {
            put_class(cls);
            put_roster(cls);
        }
        for (ClassPlan& cls : classes_) write_journal(plan_, cls, sink_);
    }

private:
    void put_school();
    void put_calendar();
    void put_subjects();
    void put_teachers();
    void plan_classes();
    void put_class(ClassPlan& cls);
    void put_roster(ClassPlan& cls);
    Student put_family(const ClassPlan& cls, Rng& rng, Date joined, std::string& sort_name);

    bool is_free(const std::string& key) const { return !people_.contains(key); }
    static std::string person_key(std::string_view last, std::string_view first, std::string_view middle,
                                  std::string_view birth) {
        return std::string(last) + '|' + std::string(first) + '|' + std::string(middle) + '|' + std::string(birth);
    }
    Id put_person(std::string_view last, std::string_view first, std::string_view middle, std::string_view birth,
                  Sex sex, std::string_view role);

    const Options& options_;
    Sink& sink_;
    Rng rng_;
    int number_;
    SchoolPlan plan_;
    std::vector<ClassPlan> classes_;
    std::vector<std::vector<int>> pools_;  // per subject and group: teacher indices (group g at s * 2 + g)
    std::set<std::string> people_;         // natural keys taken, so no two invented people merge
    std::int64_t next_person_source_ = 0;
    int pe_released_left_ = 1;             // pupils still to exempt from PE
};

Id SchoolGenerator::put_person(std::string_view last, std::string_view first, std::string_view middle,
                               std::string_view birth, Sex sex, std::string_view role) {
    people_.insert(person_key(last, first, middle, birth));
    Id id = R(t::person).set("school_id", plan_.id).set("last_name", last).set("first_name", first)
                .set("middle_name", middle).set("birth_date", birth).set("sex", sex_code(sex)).put(sink_);
    R(t::person_role).set("person_id", id).set("role", role).put(sink_);
    return id;
}

void SchoolGenerator::put_school() {
    const SchoolKind& kind = rng_.below(100) < 70 ? school_kinds[0] : rng_.pick(school_kinds);
    std::string number = "№ " + std::to_string(number_);
    plan_.id = R(t::school)
                   .set("code", "synthetic-" + std::to_string(plan_.index + 1))
                   .set("name", std::string(kind.form) + " \"" + std::string(kind.name) + " " + number + "\"")
                   .set("short_name", std::string(kind.short_name) + " " + number)
                   .set("region", rng_.pick(regions))
                   .set("timezone", "Europe/Moscow")
                   .put(sink_);
    next_person_source_ = 3'000'000 + std::int64_t{plan_.index} * 1'000'000 + rng_.below(100'000);
    plan_.next_lesson_source = 1'200'000'000 + std::int64_t{plan_.index} * 100'000'000 + rng_.below(1'000'000);
}

void SchoolGenerator::put_calendar() {
    SchoolCalendar& calendar = plan_.calendar;
    calendar = make_calendar(options_.start_year);
    plan_.year = R(t::school_year)
                     .set("school_id", plan_.id)
                     .set("start_year", options_.start_year)
                     .set("start_date", iso_date(calendar.year_start))
                     .set("end_date", iso_date(calendar.year_end))
                     .put(sink_);
    for (const Quarter& q : calendar.quarters)
        plan_.quarter_ids.push_back(R(t::period)
                                        .set("year_id", plan_.year)
                                        .set("kind", "quarter")
                                        .set("number", q.number)
                                        .set("name", std::to_string(q.number) + " четверть")
                                        .set("start_date", iso_date(q.start))
                                        .set("end_date", iso_date(q.end))
                                        .put(sink_));
    R(t::period).set("year_id", plan_.year).set("kind", "year").set("number", 1).set("name", "Год")
        .set("start_date", iso_date(calendar.year_start)).set("end_date", iso_date(calendar.year_end)).put(sink_);
    for (const Holiday& h : calendar.holidays)
        R(t::holiday).set("year_id", plan_.year).set("start_date", iso_date(h.start)).set("end_date", iso_date(h.end))
            .set("name", h.name).put(sink_);
}

void SchoolGenerator::put_subjects() {
    auto catalogue = subject_catalogue();
    for (int s = 0; s < options_.subjects; ++s) {
        const SubjectInfo& info = catalogue[static_cast<std::size_t>(s)];
        Id id = R(t::subject).set("school_id", plan_.id).set("name", info.name).put(sink_);
        plan_.subjects.push_back(&info);
        plan_.subject_ids.push_back(id);
        if (!info.alias.empty())
            R(t::subject_alias).set("school_id", plan_.id).set("platform", kPlatform).set("source_name", info.alias)
                .set("subject_id", Value(id)).put(sink_);
    }
}

// Enough teachers per subject that nobody teaches more than a full load; a subject taught in two
// groups has a separate pool per group, so both halves of a class can have it at the same time.
void SchoolGenerator::put_teachers() {
    const int subjects = static_cast<int>(plan_.subjects.size());
    pools_.assign(static_cast<std::size_t>(subjects) * 2, {});
    for (int s = 0; s < subjects; ++s) {
        const SubjectInfo& info = *plan_.subjects[static_cast<std::size_t>(s)];
        const int groups = info.split_into_groups ? 2 : 1;
        const int per_pool = std::max(1, ceil_div(options_.classes * info.hours_per_week, kTeacherHours));
        for (int g = 0; g < groups; ++g) {
            for (int n = 0; n < per_pool; ++n) {
                Sex sex = rng_.chance(800) ? Sex::female : Sex::male;
                std::string last, first, middle;
                do {
                    last = surname_for(random_surname(rng_), sex);
                    first = std::string(sex == Sex::female ? woman_name(rng_) : man_name(rng_));
                    middle = patronymic(elder_name(rng_), sex);
                } while (!is_free(person_key(last, first, middle, "")));
                Id id = put_person(last, first, middle, "", sex, "teacher");
                pools_[static_cast<std::size_t>(s * 2 + g)].push_back(static_cast<int>(plan_.teachers.size()));
                plan_.teachers.push_back({id, s});
            }
        }
    }
}

void SchoolGenerator::plan_classes() {
    const int count = options_.classes;
    const int per_grade = std::max(2, ceil_div(count, 7));
    const int grades = ceil_div(count, per_grade);
    const int first_grade = std::clamp(7 - (grades - 1) / 2, 5, 11 - (grades - 1));
    const int subjects = static_cast<int>(plan_.subjects.size());
    std::vector<int> hours;
    for (const SubjectInfo* info : plan_.subjects) hours.push_back(info->hours_per_week);
    std::vector<Busy>& busy = plan_.busy;
    busy.assign(plan_.teachers.size(), 0);

    for (int c = 0; c < count; ++c) {
        ClassPlan cls;
        cls.index = c;
        cls.grade = first_grade + c / per_grade;
        cls.name = std::to_string(cls.grade) + std::string(letters[static_cast<std::size_t>(c % per_grade)]);
        for (int s = 0; s < subjects; ++s) {
            std::array<int, 2> teachers{-1, -1};
            const int groups = plan_.subjects[static_cast<std::size_t>(s)]->split_into_groups ? 2 : 1;
            for (int g = 0; g < groups; ++g) {
                const auto& pool = pools_[static_cast<std::size_t>(s * 2 + g)];
                teachers[static_cast<std::size_t>(g)] = pool[static_cast<std::size_t>(c * static_cast<int>(pool.size()) / count)];
            }
            cls.teachers.push_back(teachers);
        }
        Rng rng(mix(plan_.seed, 100 + static_cast<std::uint64_t>(c)));
        cls.timetable = build_timetable(hours, cls.teachers, busy, rng);
        classes_.push_back(std::move(cls));
    }
}

void SchoolGenerator::put_class(ClassPlan& cls) {
    // Class heads: distinct teachers as long as there are enough of them.
    std::vector<int> order(plan_.teachers.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    Rng heads(mix(plan_.seed, 50));
    heads.shuffle(order);
    const Teacher& head = plan_.teachers[static_cast<std::size_t>(order[static_cast<std::size_t>(cls.index) % order.size()])];

    std::string letter = cls.name.substr(std::to_string(cls.grade).size());
    cls.id = R(t::school_class).set("year_id", plan_.year).set("name", cls.name).set("grade", cls.grade)
                 .set("letter", letter).set("head_teacher_id", Value(head.id)).put(sink_);
    for (std::size_t s = 0; s < plan_.subjects.size(); ++s) {
        const SubjectInfo& info = *plan_.subjects[s];
        const Id subject = plan_.subject_ids[s];
        if (info.split_into_groups) {
            for (int g = 0; g < 2; ++g) {
                Id group = R(t::class_group).set("class_id", Value(cls.id))
                               .set("name", std::string(info.name) + ", группа " + std::to_string(g + 1))
                               .set("subject_id", Value(subject)).put(sink_);
                cls.groups[static_cast<std::size_t>(g)] = group;
                const Teacher& teacher = plan_.teachers[static_cast<std::size_t>(cls.teachers[s][static_cast<std::size_t>(g)])];
                R(t::teaching_assignment).set("teacher_id", Value(teacher.id)).set("class_id", Value(cls.id))
                    .set("group_id", Value(group)).set("subject_id", Value(subject)).put(sink_);
            }
        } else {
            const Teacher& teacher = plan_.teachers[static_cast<std::size_t>(cls.teachers[s][0])];
            R(t::teaching_assignment).set("teacher_id", Value(teacher.id)).set("class_id", Value(cls.id))
                .set("subject_id", Value(subject)).put(sink_);
        }
        R(t::curriculum).set("class_id", Value(cls.id)).set("subject_id", Value(subject))
            .set("hours_per_week", Value(double(info.hours_per_week)))
            .set("hours_per_year", Value(double(info.hours_per_week * 34))).put(sink_);
    }
}

// A pupil with one or two parents. Everybody's natural key is checked before anything is written,
// and the whole family is drawn again on a clash.
Student SchoolGenerator::put_family(const ClassPlan& cls, Rng& rng, Date joined, std::string& sort_name) {
    const int birth_year = options_.start_year - cls.grade - 7;  // turned 7 by 1 September of year 1
    const Date born_from = make_date(birth_year, 9, 1);
    const int span = make_date(birth_year + 1, 9, 1).days - born_from.days;
    for (;;) {
        const Sex sex = rng.chance(500) ? Sex::male : Sex::female;
        const std::string_view family = random_surname(rng);
        const std::string last = surname_for(family, sex);
        const std::string first(sex == Sex::male ? boy_name(rng) : girl_name(rng));
        const std::string_view father = man_name(rng);
        const std::string middle = patronymic(father, sex);
        const std::string birth = iso_date(born_from + rng.below(span));

        const int shape = rng.below(100);  // 65 both parents, 27 mother only, 8 father only
        const bool has_mother = shape < 92, has_father = shape < 65 || shape >= 92;
        const std::string mother_last = surname_for(rng.chance(900) ? family : random_surname(rng), Sex::female);
        const std::string mother_first(woman_name(rng));
        const std::string mother_middle = patronymic(elder_name(rng), Sex::female);
        const std::string father_last = surname_for(family, Sex::male);
        const std::string father_middle = patronymic(elder_name(rng), Sex::male);

        const std::string keys[3] = {person_key(last, first, middle, birth),
                                     person_key(mother_last, mother_first, mother_middle, ""),
                                     person_key(father_last, father, father_middle, "")};
        if (!is_free(keys[0]) || (has_mother && !is_free(keys[1])) || (has_father && !is_free(keys[2])) ||
            (has_mother && has_father && keys[1] == keys[2]))
            continue;

        sort_name = keys[0];
        Student student;
        student.id = put_person(last, first, middle, birth, sex, "student");
        student.joined = joined;
        next_person_source_ += 1 + rng.below(7);
        R(t::source_id).set("platform", kPlatform).set("instance", kInstance).set("entity", "person")
            .set("source_id", std::to_string(next_person_source_)).set("entity_id", Value(student.id)).put(sink_);
        if (has_mother) {
            Id mother = put_person(mother_last, mother_first, mother_middle, "", Sex::female, "parent");
            R(t::guardianship).set("parent_id", Value(mother)).set("student_id", Value(student.id))
                .set("relation", "мать").put(sink_);
        }
        if (has_father) {
            Id dad = put_person(father_last, father, father_middle, "", Sex::male, "parent");
            R(t::guardianship).set("parent_id", Value(dad)).set("student_id", Value(student.id))
                .set("relation", "отец").put(sink_);
        }

        // How well the pupil does: a general level, shifted a little per subject.
        const int roll = rng.below(100);
        const int base = roll < 10 ? 0 : roll < 45 ? 1 : roll < 85 ? 2 : 3;
        for (std::size_t s = 0; s < plan_.subjects.size(); ++s) {
            const int shift = rng.below(100);
            const int level = std::clamp(base + (shift < 15 ? -1 : shift >= 85 ? 1 : 0), 0, 3);
            student.level.push_back(static_cast<std::uint8_t>(level));
            student.target.push_back(static_cast<std::uint8_t>(8 + rng.below(5)));
        }
        return student;
    }
}

void SchoolGenerator::put_roster(ClassPlan& cls) {
    Rng rng(mix(plan_.seed, 200 + static_cast<std::uint64_t>(cls.index)));
    const auto& days = plan_.calendar.quarters.front().school_days;
    const Date year_start = plan_.calendar.year_start;

    // One pupil per school joins late (in the last class) and one leaves in the middle of the first
    // quarter (in the first class).
    const bool late_joiner = cls.index == options_.classes - 1;
    const int count = options_.students + (late_joiner ? 1 : 0);
    std::vector<std::pair<std::string, Student>> list;
    for (int i = 0; i < count; ++i) {
        const bool joins_late = late_joiner && i == count - 1;
        std::string name;
        Student student = put_family(cls, rng, joins_late ? days[std::min<std::size_t>(12, days.size() - 1)] : year_start, name);
        list.emplace_back(std::move(name), std::move(student));
    }
    // The class list is alphabetical, and the split subject's groups are its two halves.
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Student> students;
    for (auto& entry : list) students.push_back(std::move(entry.second));

    auto ordinary = [&](std::size_t i) { return students[i].joined == year_start && !students[i].left; };
    if (cls.index == 0 && count >= 2) {
        std::size_t i = static_cast<std::size_t>(count / 2);
        if (!ordinary(i)) i = (i + 1) % students.size();
        students[i].left = days[std::min<std::size_t>(24, days.size() - 1)];
    }
    const bool has_pe = std::any_of(plan_.subjects.begin(), plan_.subjects.end(),
                                    [](const SubjectInfo* info) { return info->name == kPhysicalEducation; });
    if (has_pe && pe_released_left_ > 0 && count >= 3) {
        for (std::size_t i = 1; i < students.size(); ++i) {
            if (!ordinary(i)) continue;
            students[i].released_from_pe = true;
            --pe_released_left_;
            break;
        }
    }

    const bool has_groups = cls.groups[0] != 0;
    for (std::size_t i = 0; i < students.size(); ++i) {
        Student& student = students[i];
        student.group = i < (students.size() + 1) / 2 ? 0 : 1;
        auto enrol = [&](Value group) {
            R builder(t::enrolment);
            builder.set("student_id", Value(student.id)).set("class_id", Value(cls.id)).set("group_id", std::move(group))
                .set("joined", iso_date(student.joined));
            if (student.left) builder.set("left_on", iso_date(*student.left));
            builder.put(sink_);
        };
        enrol(Value{});
        if (has_groups) enrol(Value(cls.groups[static_cast<std::size_t>(student.group)]));
    }
    cls.students = std::move(students);
}

}  // namespace

void generate(const Options& options, Sink& sink) {
    if (options.schools < 1 || options.classes < 1 || options.classes > kMaxClasses || options.students < 1 ||
        options.subjects < 1 || options.subjects > static_cast<int>(subject_catalogue().size()) ||
        options.quarters < 1 || options.quarters > 4)
        throw std::invalid_argument("gen-synthetic: option out of range");
    Rng numbers(mix(options.seed, 0xC0DEULL));
    std::set<int> used;
    for (int index = 0; index < options.schools; ++index) {
        int number = 0;
        do number = 1 + numbers.below(options.schools > 150 ? options.schools * 2 : 150);
        while (used.contains(number));
        used.insert(number);
        SchoolGenerator(options, index, number, sink).run();
    }
}

}  // namespace jb::synth
