#include "tools/gen-synthetic/journal.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/mark_value.hpp"
#include "core/record.hpp"
#include "core/sink.hpp"

namespace jb::synth {
namespace {

using R = RecordBuilder;
namespace t = tables;

inline constexpr int kWorkPerMille = 750;  // lessons outside control works that have a graded work

struct Reason {
    const char* reason;  // nullptr: a code the platform mapping does not know
    const char* raw;
    bool absent;         // no marks in that lesson
};
constexpr Reason kIll{"ill", "б", true}, kExcused{"absent-excused", "у", true},
    kUnexcused{"absent-unexcused", "н", true}, kUnknown{"absent-unknown", "н", true}, kLate{"late", "о", false},
    kReleased{"released", "осв", true}, kUnmapped{nullptr, "?", false};

constexpr const char* mark_comments[] = {"Молодец!", "Не выполнено задание 3", "Работа выполнена небрежно",
                                         "Исправить ошибки", "Отличный ответ"};

// Cumulative per-mille chance of 5, 4, 3 (the rest 2) for a pupil level 0 (weak) … 3 (excellent).
constexpr int mark_odds[4][3] = {{100, 400, 850}, {200, 650, 960}, {420, 890, 993}, {780, 980, 1000}};

// How many pupils an ordinary work grades, relative to the others: oral answers reach fewer
// pupils than a written work the whole class does.
double reach(const WorkKind& kind) { return &kind == &work_kinds::oral ? 0.5 : kind.written ? 1.6 : 1.0; }

std::string clock(int minutes) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60 % 24, minutes % 60);
    return buffer;
}

struct Tally {
    double sum = 0, weight = 0;
    int count = 0;
};

class JournalWriter {
public:
    JournalWriter(SchoolPlan& school, ClassPlan& cls, Sink& sink);
    void write_quarter(int q);

private:
    enum class DayState { present, ill, excused };

    std::size_t subjects() const { return school_.subjects.size(); }
    const SubjectInfo& info(int s) const { return *school_.subjects[static_cast<std::size_t>(s)]; }
    int topic_of(int s, int k) const;
    bool is_control(int s, int k) const;
    Tally& tally(std::size_t student, int s) { return tallies_[student * subjects() + static_cast<std::size_t>(s)]; }

    void write_lesson(std::size_t day_index, Date day, int number, int s, int group, int k);
    int free_colleague(int teacher, Date day, int number);
    const Reason* attendance_reason(std::size_t student, int s);
    void write_marks(const WorkKind& kind, Id work, int s, int group, Date day, int end_minute,
                     const std::vector<const Reason*>& reasons);
    void write_debt(const WorkKind& kind, Id work, Id student, Date day, int end_minute);
    void write_mark(const WorkKind& kind, Id work, std::size_t student, int s, int position, Date day, int end_minute);
    void write_quarter_marks(int q);

    SchoolPlan& school_;
    ClassPlan& cls_;
    Sink& sink_;
    Rng rng_{0};
    std::vector<std::array<int, kSchoolDays>> weekly_;   // lessons of a subject per weekday
    std::vector<int> year_lessons_;                      // per subject, the whole year
    std::vector<std::array<int, 4>> quarter_first_;      // index of the first lesson of each quarter
    std::vector<std::array<int, 4>> quarter_lessons_;
    std::vector<int> next_lesson_;                       // running lesson index per subject
    std::vector<std::array<std::string, 2>> last_homework_;  // per subject and group
    std::vector<std::array<bool, 2>> last_was_control_;
    std::vector<Tally> tallies_;                         // per pupil and subject, this quarter
    std::vector<double> mark_chance_;                    // per pupil and subject, this quarter
    std::vector<DayState> day_state_;
    // One-off situations, in the first class's first quarter only.
    std::size_t substitution_day_ = SIZE_MAX, unmapped_day_ = SIZE_MAX;
    bool unmapped_pending_ = false;
};

JournalWriter::JournalWriter(SchoolPlan& school, ClassPlan& cls, Sink& sink)
    : school_(school), cls_(cls), sink_(sink) {
    const std::size_t n = subjects();
    weekly_.assign(n, {});
    for (int d = 0; d < kSchoolDays; ++d)
        for (int s : cls.timetable.days[static_cast<std::size_t>(d)]) ++weekly_[static_cast<std::size_t>(s)][static_cast<std::size_t>(d)];
    year_lessons_.assign(n, 0);
    quarter_first_.assign(n, {});
    quarter_lessons_.assign(n, {});
    for (std::size_t s = 0; s < n; ++s) {
        for (std::size_t q = 0; q < 4; ++q) {
            quarter_first_[s][q] = year_lessons_[s];
            for (Date day : school.calendar.quarters[q].school_days)
                quarter_lessons_[s][q] += weekly_[s][static_cast<std::size_t>(weekday(day))];
            year_lessons_[s] += quarter_lessons_[s][q];
        }
    }
    next_lesson_.assign(n, 0);
    last_homework_.assign(n, {});
    last_was_control_.assign(n, {});
    day_state_.assign(cls.students.size(), DayState::present);
}

// The course's topics spread evenly over the year's lessons.
int JournalWriter::topic_of(int s, int k) const {
    const auto topics = static_cast<std::int64_t>(info(s).topics.size());
    const std::int64_t total = std::max(1, year_lessons_[static_cast<std::size_t>(s)]);
    return static_cast<int>(std::min<std::int64_t>(topics - 1, k * topics / total));
}

// Every second topic ends with a control work on its last lesson.
bool JournalWriter::is_control(int s, int k) const {
    const int topic = topic_of(s, k);
    const bool last = k + 1 >= year_lessons_[static_cast<std::size_t>(s)] || topic_of(s, k + 1) != topic;
    return last && topic % 2 == 1;
}

void JournalWriter::write_quarter(int q) {
    rng_ = Rng(mix(school_.seed, 1000 + static_cast<std::uint64_t>(cls_.index) * 8 + static_cast<std::uint64_t>(q)));
    const Quarter& quarter = school_.calendar.quarters[static_cast<std::size_t>(q)];
    const auto& days = quarter.school_days;
    if (cls_.index == 0 && q == 0 && days.size() > 20) {
        substitution_day_ = 11;
        unmapped_day_ = 16;
        unmapped_pending_ = true;
    } else {
        substitution_day_ = unmapped_day_ = SIZE_MAX;
    }

    // How likely a pupil is to be graded in an ordinary work, so that they end the quarter with
    // about their target number of marks (fewer in subjects with one or two lessons a week).
    const std::size_t n = subjects(), pupils = cls_.students.size();
    tallies_.assign(pupils * n, {});
    mark_chance_.assign(pupils * n, 0);
    for (std::size_t s = 0; s < n; ++s) {
        const int first = quarter_first_[s][static_cast<std::size_t>(q)];
        const int lessons = quarter_lessons_[s][static_cast<std::size_t>(q)];
        int controls = 0;
        for (int k = first; k < first + lessons; ++k) controls += is_control(static_cast<int>(s), k) ? 1 : 0;
        const int control_marks = controls * (info(static_cast<int>(s)).double_marks ? 2 : 1);
        // The mix of ordinary works (see write_lesson) and the pupils away on a given day.
        const double mix_reach = info(static_cast<int>(s)).activity ? reach(work_kinds::classwork)
                                                                    : 0.45 * reach(work_kinds::oral) + 0.55 * 1.6;
        const double works = std::max(1.0, (lessons - controls) * kWorkPerMille / 1000.0 * mix_reach * 0.95);
        for (std::size_t p = 0; p < pupils; ++p) {
            const double wanted = cls_.students[p].target[s] - control_marks;
            mark_chance_[p * n + s] = std::clamp(wanted / works, 0.04, 2.0);
        }
    }

    for (std::size_t d = 0; d < days.size(); ++d) {
        const Date day = days[d];
        // Illnesses last several school days; a family reason keeps a pupil away for a day.
        for (std::size_t p = 0; p < pupils; ++p) {
            Student& pupil = cls_.students[p];
            DayState state = DayState::present;
            if (!pupil.active_on(day)) {
                pupil.ill_days_left = 0;
            } else if (pupil.ill_days_left > 0) {
                --pupil.ill_days_left;
                state = DayState::ill;
            } else if (rng_.chance(7)) {
                pupil.ill_days_left = rng_.between(2, 7);
                state = DayState::ill;
            } else if (rng_.chance(3)) {
                state = DayState::excused;
            }
            day_state_[p] = state;
        }
        const auto& lessons = cls_.timetable.days[static_cast<std::size_t>(weekday(day))];
        for (int number = 0; number < static_cast<int>(lessons.size()); ++number) {
            const int s = lessons[static_cast<std::size_t>(number)];
            const int k = next_lesson_[static_cast<std::size_t>(s)]++;
            if (info(s).split_into_groups) {
                write_lesson(d, day, number, s, 0, k);
                write_lesson(d, day, number, s, 1, k);
            } else {
                write_lesson(d, day, number, s, -1, k);
            }
        }
    }
    write_quarter_marks(q);
}

// A teacher with no lesson of their own at that time to stand in for `teacher`, preferably one of
// the same subject; -1 when nobody is free.
int JournalWriter::free_colleague(int teacher, Date day, int number) {
    const int count = static_cast<int>(school_.teachers.size());
    const int subject = school_.teachers[static_cast<std::size_t>(teacher)].subject;
    const int offset = rng_.below(count);
    int found = -1;
    for (int i = 0; i < count; ++i) {
        const int t = (offset + i) % count;
        if (t == teacher || (school_.busy[static_cast<std::size_t>(t)] & busy_bit(weekday(day), number))) continue;
        if (school_.teachers[static_cast<std::size_t>(t)].subject == subject) return t;
        if (found < 0) found = t;
    }
    return found;
}

const Reason* JournalWriter::attendance_reason(std::size_t student, int s) {
    const Student& pupil = cls_.students[student];
    if (pupil.released_from_pe && info(s).name == kPhysicalEducation) return &kReleased;
    if (day_state_[student] == DayState::ill) return &kIll;
    if (day_state_[student] == DayState::excused) return &kExcused;
    if (!rng_.chance(15)) return nullptr;
    const int roll = rng_.below(100);
    return roll < 45 ? &kLate : roll < 70 ? &kUnexcused : roll < 85 ? &kUnknown : &kReleased;
}

void JournalWriter::write_lesson(std::size_t day_index, Date day, int number, int s, int group, int k) {
    const SubjectInfo& subject = info(s);
    const std::size_t g = group < 0 ? 0 : static_cast<std::size_t>(group);
    const std::size_t si = static_cast<std::size_t>(s);
    const bool control = is_control(s, k);
    const int start = kLessonStart[static_cast<std::size_t>(number)], end = start + kLessonMinutes;

    std::string topic(subject.topics[static_cast<std::size_t>(topic_of(s, k))]);
    if (control) topic = std::string(subject.control->topic_prefix) + " «" + topic + "»";
    else if (last_was_control_[si][g] && rng_.chance(600)) topic = kAfterControlTopic;
    else if (rng_.chance(40)) topic = rng_.pick(generic_topics());
    last_was_control_[si][g] = control;

    std::string homework;
    if (rng_.chance(subject.homework_per_mille))
        homework = homework_text(subject, k, year_lessons_[si], rng_);
    const int teacher = cls_.teachers[si][g];
    const int substitute = day_index == substitution_day_ && number == 0 && group <= 0 ? free_colleague(teacher, day, number) : -1;
    const bool substitution = substitute >= 0;

    R lesson(t::lesson);
    lesson.set("class_id", Value(cls_.id)).set("subject_id", Value(school_.subject_ids[si])).set("date", iso_date(day))
        .set("number", number + 1).set("start_time", clock(start)).set("end_time", clock(end)).set("topic", topic)
        .set("homework", homework).set("substitution", substitution);
    if (group >= 0) lesson.set("group_id", Value(cls_.groups[g]));
    if (!homework.empty()) lesson.set("homework_entered_at", moscow_timestamp(day, end * 60 + rng_.between(300, 5 * 3600)));
    const Id lesson_id = lesson.put(sink_);

    R(t::lesson_teacher).set("lesson_id", Value(lesson_id))
        .set("teacher_id", Value(school_.teachers[static_cast<std::size_t>(substitution ? substitute : teacher)].id))
        .set("role", substitution ? "substitute" : "main").put(sink_);
    school_.next_lesson_source += 1 + rng_.below(5);
    R(t::source_id).set("platform", kPlatform).set("instance", kInstance).set("entity", "lesson")
        .set("source_id", std::to_string(school_.next_lesson_source)).set("entity_id", Value(lesson_id)).put(sink_);

    // Attendance: only what is not «present» is written.
    std::vector<const Reason*> reasons(cls_.students.size(), nullptr);
    for (std::size_t p = 0; p < cls_.students.size(); ++p) {
        const Student& pupil = cls_.students[p];
        if (!pupil.active_on(day) || (group >= 0 && pupil.group != group)) continue;
        const Reason* reason = attendance_reason(p, s);
        if (!reason && unmapped_pending_ && day_index == unmapped_day_) {
            reason = &kUnmapped;
            unmapped_pending_ = false;
        }
        reasons[p] = reason;
        if (!reason) continue;
        std::string comment;
        if (reason == &kIll && rng_.chance(100)) comment = "справка";
        if (reason == &kExcused && rng_.chance(300)) comment = "заявление родителей";
        R row(t::attendance);
        row.set("lesson_id", Value(lesson_id)).set("student_id", Value(pupil.id)).set("raw_code", reason->raw)
            .set("comment", comment).set("entered_at", moscow_timestamp(day, start * 60 + rng_.between(60, 1800)));
        if (reason->reason) row.set("reason", reason->reason);
        row.put(sink_);
    }

    // At most one graded work per lesson.
    const WorkKind* kind = nullptr;
    if (control) {
        kind = subject.control;
    } else if (rng_.chance(kWorkPerMille)) {
        const int roll = rng_.below(100);
        if (subject.activity) kind = &work_kinds::classwork;
        else if (roll < 45) kind = &work_kinds::oral;
        else if (roll < 70) kind = subject.practical && rng_.chance(400) ? &work_kinds::practical : &work_kinds::independent;
        else kind = last_homework_[si][g].empty() ? &work_kinds::oral : &work_kinds::homework;
    }
    if (kind) {
        std::string title;
        if (kind->control) title = topic;
        else if (kind == &work_kinds::homework) title = last_homework_[si][g];
        else if (kind->written) title = std::string(subject.topics[static_cast<std::size_t>(topic_of(s, k))]);
        R work(t::work);
        work.set("class_id", Value(cls_.id)).set("subject_id", Value(school_.subject_ids[si]))
            .set("lesson_id", Value(lesson_id)).set("date", iso_date(day)).set("type_raw", kind->type_raw)
            .set("ordinal", 0).set("type", kind->type).set("weight", Value(kind->weight)).set("written", kind->written)
            .set("control", kind->control).set("title", title);
        if (group >= 0) work.set("group_id", Value(cls_.groups[g]));
        if (kind == &work_kinds::homework) work.set("due_date", iso_date(day));
        write_marks(*kind, work.put(sink_), s, group, day, end, reasons);
    }
    last_homework_[si][g] = homework;
}

void JournalWriter::write_marks(const WorkKind& kind, Id work, int s, int group, Date day, int end_minute,
                                const std::vector<const Reason*>& reasons) {
    const bool physical = info(s).name == kPhysicalEducation;
    const std::size_t n = subjects();
    const double factor = reach(kind);
    for (std::size_t p = 0; p < cls_.students.size(); ++p) {
        const Student& pupil = cls_.students[p];
        if (!pupil.active_on(day) || (group >= 0 && pupil.group != group)) continue;
        if (physical && pupil.released_from_pe) continue;
        const Reason* reason = reasons[p];
        if (reason && reason->absent) {
            // Missed the control work: a debt to make up.
            if (kind.control && rng_.chance(400)) write_debt(kind, work, pupil.id, day, end_minute);
            continue;
        }
        const bool graded = kind.control ? rng_.chance(970)
                                         : rng_.unit() < std::min(0.95, mark_chance_[p * n + static_cast<std::size_t>(s)] * factor);
        if (!graded) continue;
        if (kind.written && rng_.chance(6)) {  // handed nothing in
            write_debt(kind, work, pupil.id, day, end_minute);
            continue;
        }
        const int positions = kind.control && info(s).double_marks ? 2 : 1;
        for (int position = 0; position < positions; ++position) write_mark(kind, work, p, s, position, day, end_minute);
    }
}

// A debt: no mark yet, raw and value empty.
void JournalWriter::write_debt(const WorkKind& kind, Id work, Id student, Date day, int end_minute) {
    R(t::mark).set("work_id", Value(work)).set("student_id", Value(student)).set("position", 0).set("debt", true)
        .set("weight", Value(kind.weight))
        .set("entered_at", moscow_timestamp(day, end_minute * 60 + rng_.between(600, 6 * 3600))).put(sink_);
}

void JournalWriter::write_mark(const WorkKind& kind, Id work, std::size_t student, int s, int position, Date day,
                               int end_minute) {
    const Student& pupil = cls_.students[student];
    R mark(t::mark);
    mark.set("work_id", Value(work)).set("student_id", Value(pupil.id)).set("position", position)
        .set("weight", Value(kind.weight));
    const bool late_entry = rng_.chance(kind.control ? 400 : 80);
    mark.set("entered_at", late_entry ? moscow_timestamp(day + rng_.between(1, 4), rng_.between(15 * 3600, 22 * 3600))
                                      : moscow_timestamp(day, end_minute * 60 + rng_.between(60, 6 * 3600)));
    if (rng_.chance(5)) mark.set("comment", rng_.pick(mark_comments));
    // Control works come out a little worse.
    int level = pupil.level[static_cast<std::size_t>(s)];
    if (kind.control && level > 0 && rng_.chance(250)) --level;
    const int roll = rng_.below(1000);
    const auto& odds = mark_odds[level];
    const int value = roll < odds[0] ? 5 : roll < odds[1] ? 4 : roll < odds[2] ? 3 : 2;
    std::string raw = std::to_string(value);
    if (rng_.chance(50)) raw += value == 5 ? '-' : value == 2 ? '+' : rng_.chance(500) ? '+' : '-';
    MarkValue parsed = parse_mark(raw);
    mark.set("raw", parsed.raw).set("value", parsed.value).set("modifier", parsed.modifier);
    if (parsed.numeric) mark.set("numeric", Value(*parsed.numeric));
    mark.put(sink_);
    if (parsed.numeric) {
        Tally& sum = tally(student, s);
        sum.sum += *parsed.numeric * kind.weight;
        sum.weight += kind.weight;
        ++sum.count;
    }
}

// The quarter mark: the weighted average rounded half up, or «н/а» without marks; only for pupils
// still in the class when the quarter ends.
void JournalWriter::write_quarter_marks(int q) {
    const Quarter& quarter = school_.calendar.quarters[static_cast<std::size_t>(q)];
    const Date last_day = quarter.school_days.back();
    for (std::size_t p = 0; p < cls_.students.size(); ++p) {
        const Student& pupil = cls_.students[p];
        if (!pupil.active_on(last_day)) continue;
        for (std::size_t s = 0; s < subjects(); ++s) {
            const Tally& sum = tally(p, static_cast<int>(s));
            R mark(t::final_mark);
            mark.set("student_id", Value(pupil.id)).set("class_id", Value(cls_.id))
                .set("subject_id", Value(school_.subject_ids[s])).set("kind", "period")
                .set("period_id", Value(school_.quarter_ids[static_cast<std::size_t>(q)])).set("position", 0)
                .set("entered_at", moscow_timestamp(last_day, 15 * 3600 + rng_.below(5 * 3600)));
            if (sum.count > 0) {
                const int value = std::clamp(static_cast<int>(std::floor(sum.sum / sum.weight + 0.5)), 2, 5);
                mark.set("raw", std::to_string(value)).set("value", std::to_string(value)).set("numeric", Value(double(value)));
            } else {
                mark.set("raw", "н/а").set("value", "н/а");
            }
            mark.put(sink_);
        }
    }
}

}  // namespace

void write_journal(SchoolPlan& school, ClassPlan& cls, Sink& sink) {
    JournalWriter writer(school, cls, sink);
    for (int q = 0; q < school.quarters; ++q) writer.write_quarter(q);
}

}  // namespace jb::synth
