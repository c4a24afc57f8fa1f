#include "adapters/edutatar/emit.hpp"

#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "adapters/edutatar/calendar.hpp"
#include "core/error.hpp"
#include "core/mapping_file.hpp"
#include "core/mark_value.hpp"
#include "core/record.hpp"
#include "core/school_year.hpp"
#include "core/sink.hpp"
#include "core/subject_names.hpp"
#include "core/unknown_values.hpp"

namespace jb::edutatar {
namespace {

constexpr const char* kAttendanceFile = "edutatar/attendance.toml";

const MappingFile& attendance_file() {
    static const MappingFile file = MappingFile::load(kAttendanceFile);
    return file;
}

const MappingFile& periods_file() {
    static const MappingFile file = MappingFile::load("edutatar/periods.toml");
    return file;
}

// «Родной язык_ », «Информ. » → as the subject is meant.
std::string clean_subject(std::string_view raw) {
    std::string name = collapse_spaces(raw);
    while (!name.empty() && (name.back() == '_' || name.back() == ' ')) name.pop_back();
    return name;
}

std::string canonical_subject(std::string_view raw) { return SubjectNames::standard().canonical(clean_subject(raw)); }

// The school year of undated pages: --school-year, else the page's capture date, else the one
// school year the dated pages of the input fall in.
struct YearResolver {
    std::optional<int> forced;
    std::set<int> seen;

    int resolve(int own, const std::string& file) const {
        if (forced) return *forced;
        if (own != 0) return own;
        if (seen.size() == 1) return *seen.begin();
        if (seen.empty())
            throw Error(file + ": the page gives days and months but no year, and nothing else in the input dates "
                               "it; give --school-year YYYY (the calendar year in which the school year starts)");
        std::string years;
        for (int year : seen) years += (years.empty() ? "" : ", ") + std::to_string(year);
        throw Error(file + ": the page gives no year, and the dated pages of the input belong to several school years (" +
                    years + "); give --school-year YYYY or import them separately");
    }
};

void resolve_dates(Journal& journal, const YearResolver& years) {
    for (auto& lesson : journal.lessons) {
        if (!lesson.date.empty()) continue;
        int school_year = years.resolve(lesson.school_year, lesson.file);
        int year = year_of_month(school_year, lesson.month);
        if (!valid_day(year, lesson.month, lesson.day))
            throw input_error(lesson.file, static_cast<std::size_t>(lesson.line), 0,
                              "day " + std::to_string(lesson.day) + " of month " + std::to_string(lesson.month) +
                                  " does not exist in " + std::to_string(year) + " (school year " +
                                  std::to_string(school_year) + ")");
        lesson.date = iso_date(year, lesson.month, lesson.day);
    }
    for (auto& sheet : journal.terms) sheet.school_year = years.resolve(sheet.school_year, sheet.file);
    for (auto& sheet : journal.years) sheet.school_year = years.resolve(sheet.school_year, sheet.file);
}

void merge_into(DatedLesson& target, const DatedLesson& source) {
    bool richer = source.origin > target.origin;
    if (target.subject.empty()) target.subject = source.subject;
    if (!source.homework.empty() && (target.homework.empty() || richer)) target.homework = source.homework;
    if (!source.cells.empty() && (target.cells.empty() || richer)) target.cells = source.cells;
    if (!source.comment.empty()) target.comment = source.comment;
    if (richer) target.origin = source.origin;
}

// One lesson per (date, number): diary.xml and the week grid share slot numbers; a day page's
// lesson is the same lesson as the k-th lesson of its subject that day on the other pages.
std::vector<DatedLesson> merge_lessons(std::vector<DatedLesson> all) {
    std::stable_sort(all.begin(), all.end(), [](const DatedLesson& a, const DatedLesson& b) {
        return (a.origin == Origin::day_page) < (b.origin == Origin::day_page);
    });
    std::map<std::pair<std::string, int>, DatedLesson> merged;
    std::map<std::tuple<std::string, std::string, std::string>, int> occurrences;
    for (auto& lesson : all) {
        if (lesson.origin != Origin::day_page) {
            auto [it, inserted] = merged.try_emplace({lesson.date, lesson.slot}, lesson);
            if (!inserted) merge_into(it->second, lesson);
            continue;
        }
        std::string subject = canonical_subject(lesson.subject);
        int wanted = occurrences[{lesson.file, lesson.date, subject}]++;
        DatedLesson* target = nullptr;
        int seen = 0, last_slot = 0;
        for (auto it = merged.lower_bound({lesson.date, INT_MIN}); it != merged.end() && it->first.first == lesson.date; ++it) {
            last_slot = it->first.second;
            if (!target && canonical_subject(it->second.subject) == subject && seen++ == wanted) target = &it->second;
        }
        if (target) {
            merge_into(*target, lesson);
            continue;
        }
        if (merged.count({lesson.date, lesson.slot})) lesson.slot = last_slot + 1;
        merged.emplace(std::pair{lesson.date, lesson.slot}, lesson);
    }
    std::vector<DatedLesson> result;
    for (auto& [key, lesson] : merged) result.push_back(std::move(lesson));
    return result;
}

// A cell token: a mark, or an attendance code (known or not).
struct Token {
    MarkValue mark;
    bool attendance = false;
    std::optional<std::string> reason;  // for attendance; nullopt when no mapping knows the code
};

bool is_single_letter(std::string_view text) {
    if (text.size() == 1) return (text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z');
    if (text.size() != 2) return false;
    auto lead = static_cast<unsigned char>(text[0]);
    return lead == 0xD0 || lead == 0xD1;  // one Cyrillic letter in UTF-8
}

std::vector<Token> tokens_of(const std::string& cell, UnknownValues* unknowns) {
    std::vector<Token> tokens;
    for (MarkValue& mark : split_double_mark(cell)) {
        if (mark.value.empty() || mark.value == "0") continue;
        Token token;
        if (auto reason = attendance_file().find("codes", mark.value)) {
            token.attendance = true;
            token.reason = *reason;
        } else if (!mark.numeric && mark.value != "зачет" && is_single_letter(mark.value)) {
            token.attendance = true;  // «х»: an attendance letter of the journal whose meaning is unknown
            if (unknowns) unknowns->note("attendance code", mark.value, kAttendanceFile);
        } else if (!mark.numeric && mark.value != "зачет" && mark.value != "н/а") {
            if (unknowns) unknowns->note("mark value", mark.value, "the marks ЭО РТ is known to use (1–5)");
        }
        token.mark = std::move(mark);
        tokens.push_back(std::move(token));
    }
    return tokens;
}

// «Контрольная работа - Диктант» → «Диктант» (newer titles carry a prefix).
std::string work_type_of(const std::string& title) {
    auto at = title.find(" - ");
    return at == std::string::npos ? title : collapse_spaces(title.substr(at + 3));
}

std::optional<std::pair<std::string, std::string>> period_range(int school_year, const PeriodRef& period) {
    auto date = [school_year](const std::string& month_day) -> std::optional<std::string> {
        if (month_day.size() != 5 || month_day[2] != '-') return std::nullopt;
        int month = (month_day[0] - '0') * 10 + (month_day[1] - '0');
        int day = (month_day[3] - '0') * 10 + (month_day[4] - '0');
        int year = year_of_month(school_year, month);
        if (!valid_day(year, month, day)) return std::nullopt;
        return iso_date(year, month, day);
    };
    if (period.kind == "year") return std::pair{iso_date(school_year, 9, 1), iso_date(school_year + 1, 8, 31)};
    const auto& bounds = periods_file().list("calendar." + period.kind, std::to_string(period.number));
    if (bounds.size() != 2) return std::nullopt;
    auto from = date(bounds[0]), to = date(bounds[1]);
    if (!from || !to) return std::nullopt;
    return std::pair{*from, *to};
}

// Indices of `undated` that the longest common subsequence with `dated` leaves unmatched: the табель
// marks no dated page holds.
std::vector<std::size_t> unmatched(const std::vector<std::string>& undated, const std::vector<std::string>& dated) {
    std::size_t n = undated.size(), m = dated.size();
    if ((n + 1) * (m + 1) > (std::size_t{1} << 22) || n > 60000 || m > 60000) {  // implausibly long: match greedily
        std::vector<std::size_t> left;
        std::size_t j = 0;
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t k = j;
            while (k < m && dated[k] != undated[i]) ++k;
            if (k < m) j = k + 1;
            else left.push_back(i);
        }
        return left;
    }
    std::vector<std::vector<std::uint16_t>> lcs(n + 1, std::vector<std::uint16_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = undated[i] == dated[j] ? static_cast<std::uint16_t>(lcs[i + 1][j + 1] + 1)
                                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<std::size_t> left;
    std::size_t i = 0, j = 0;
    while (i < n) {
        if (j < m && undated[i] == dated[j]) {
            ++i;
            ++j;
        } else if (j < m && lcs[i][j + 1] >= lcs[i + 1][j]) {
            ++j;
        } else {
            left.push_back(i++);
        }
    }
    return left;
}

class Writer {
public:
    Writer(const Journal& journal, const ReadContext& context, Sink& sink)
        : journal_(journal), unknowns_(context.unknowns), sink_(sink) {
        const Profile& profile = journal.profile;
        std::string code = profile.school.empty() ? "edu.tatar.ru" : "edu.tatar.ru: " + profile.school;
        school_ = RecordBuilder(tables::school).set("code", code).set("name", profile.school).set("region", "Республика Татарстан")
                      .set("timezone", "Europe/Moscow").put(sink);
        RecordBuilder person(tables::person);
        person.set("school_id", school_);
        std::string name = collapse_spaces(profile.full_name);
        if (name.empty()) {
            // diary.xml and day pages do not name the pupil: one pupil per input, told apart by its content
            person.set("disambiguator", "pupil not named in the input; first page's SHA-256 " + journal.first_file_sha256.substr(0, 16));
        } else {
            auto space = name.find(' ');
            person.set("last_name", name.substr(0, space));
            if (space != std::string::npos) {
                std::string rest = name.substr(space + 1);
                auto second = rest.find(' ');
                person.set("first_name", rest.substr(0, second));
                if (second != std::string::npos) person.set("middle_name", rest.substr(second + 1));
            }
        }
        person.set("birth_date", profile.birth_date);
        if (!profile.sex.empty()) person.set("sex", profile.sex);
        student_ = person.put(sink);
        RecordBuilder(tables::person_role).set("person_id", student_).set("role", "student").put(sink);
    }

    Id school_class(int school_year) {
        if (auto it = classes_.find(school_year); it != classes_.end()) return it->second;
        Id year = RecordBuilder(tables::school_year).set("school_id", school_).set("start_year", school_year).put(sink_);
        years_[school_year] = year;
        const std::string& name = journal_.profile.class_name;
        RecordBuilder record(tables::school_class);
        record.set("year_id", year).set("name", name);
        std::size_t digits = 0;
        while (digits < name.size() && digits < 2 && name[digits] >= '0' && name[digits] <= '9') ++digits;
        if (digits > 0) record.set("grade", std::stoi(name.substr(0, digits))).set("letter", name.substr(digits));
        Id id = record.put(sink_);
        RecordBuilder(tables::enrolment).set("student_id", student_).set("class_id", id).set("joined", "").put(sink_);
        classes_[school_year] = id;
        return id;
    }

    Id subject(const std::string& raw) {
        std::string cleaned = clean_subject(raw);
        std::string canonical = SubjectNames::standard().canonical(cleaned);
        auto [it, inserted] = subjects_.try_emplace(canonical, 0);
        if (inserted) it->second = RecordBuilder(tables::subject).set("school_id", school_).set("name", canonical).put(sink_);
        if (cleaned != canonical && aliases_.insert(cleaned).second)
            RecordBuilder(tables::subject_alias).set("school_id", school_).set("platform", "edutatar")
                .set("source_name", cleaned).set("subject_id", it->second).put(sink_);
        return it->second;
    }

    Id period(int school_year, const PeriodRef& ref) {
        school_class(school_year);
        return RecordBuilder(tables::period).set("year_id", years_[school_year]).set("kind", ref.kind)
            .set("number", ref.number).set("name", ref.name).set("start_date", "").set("end_date", "").put(sink_);
    }

    void lesson(const DatedLesson& lesson) {
        Id class_id = school_class(school_year_of(lesson.date).value_or(0));
        Id subject_id = subject(lesson.subject);
        Id lesson_id = RecordBuilder(tables::lesson).set("class_id", class_id).set("subject_id", subject_id)
                           .set("date", lesson.date).set("number", lesson.slot).set("start_time", "")
                           .set("end_time", "").set("homework", lesson.homework).put(sink_);
        std::optional<std::string> comment_reason = attendance_file().find("comments", lesson.comment);
        bool attended = false;  // one attendance entry per lesson
        std::string codes;
        std::optional<std::string> reason = comment_reason;
        int ordinal = 0;
        for (const MarkCell& cell : lesson.cells) {
            std::vector<MarkValue> marks;
            for (Token& token : tokens_of(cell.raw, unknowns_)) {
                if (token.attendance) {
                    if (codes.empty()) codes = token.mark.value;
                    if (!reason) reason = token.reason;
                    attended = true;
                } else {
                    marks.push_back(std::move(token.mark));
                }
            }
            if (marks.empty()) continue;
            Id work = RecordBuilder(tables::work).set("class_id", class_id).set("subject_id", subject_id)
                          .set("lesson_id", lesson_id).set("date", lesson.date).set("type_raw", "")
                          .set("ordinal", ordinal++).set("type", work_type_of(cell.title)).set("title", cell.title)
                          .put(sink_);
            for (std::size_t i = 0; i < marks.size(); ++i) {
                RecordBuilder mark(tables::mark);
                mark.set("work_id", work).set("student_id", student_).set("position", static_cast<int>(i))
                    .set("raw", cell.raw).set("value", marks[i].value).set("modifier", marks[i].modifier);
                if (marks[i].numeric) mark.set("numeric", *marks[i].numeric);
                if (!comment_reason) mark.set("comment", lesson.comment);
                mark.put(sink_);
            }
        }
        if (attended || comment_reason) {
            RecordBuilder entry(tables::attendance);
            entry.set("lesson_id", lesson_id).set("student_id", student_).set("raw_code", codes).set("comment", lesson.comment);
            if (reason) entry.set("reason", *reason);
            entry.put(sink_);
        }
        // A comment with neither a mark nor an absence has nowhere to go in the model; the raw page
        // kept in the archive still holds it (docs/edutatar.md).
    }

    void final_mark(int school_year, const std::string& subject_raw, const std::string& kind, const PeriodRef* ref,
                    const std::string& raw) {
        MarkValue value = parse_mark(raw);
        if (value.value.empty() || value.value == "0") return;
        RecordBuilder record(tables::final_mark);
        record.set("student_id", student_).set("class_id", school_class(school_year)).set("subject_id", subject(subject_raw))
            .set("kind", kind).set("position", 0).set("raw", raw).set("value", value.value);
        if (ref) record.set("period_id", period(school_year, *ref));
        if (value.numeric) record.set("numeric", *value.numeric);
        record.put(sink_);
    }

    void term_sheet(const TermSheet& sheet, const std::vector<DatedLesson>& lessons) {
        Id class_id = school_class(sheet.school_year);
        period(sheet.school_year, sheet.period);
        auto range = period_range(sheet.school_year, sheet.period);
        if (!range)
            throw Error(sheet.file + ": mappings/edutatar/periods.toml gives no dates for «" + sheet.period.name +
                        "» (needed to tell which dated marks the табель repeats)");
        bool covered = std::any_of(lessons.begin(), lessons.end(), [&](const DatedLesson& l) {
            return l.date >= range->first && l.date <= range->second;
        });
        for (const TermRow& row : sheet.rows) {
            Id subject_id = subject(row.subject);
            if (!row.subject_source_id.empty())
                RecordBuilder(tables::source_id).set("platform", "edutatar").set("instance", "edu.tatar.ru")
                    .set("entity", "subject").set("source_id", row.subject_source_id).set("entity_id", subject_id)
                    .put(sink_);
            std::vector<std::string> undated;
            for (const auto& cell : row.marks)
                for (Token& token : tokens_of(cell, unknowns_))
                    if (!token.attendance) undated.push_back(token.mark.value);
            std::vector<std::string> dated;
            if (covered) {
                std::string canonical = canonical_subject(row.subject);
                for (const DatedLesson& l : lessons) {
                    if (l.date < range->first || l.date > range->second || canonical_subject(l.subject) != canonical) continue;
                    for (const MarkCell& cell : l.cells)
                        for (Token& token : tokens_of(cell.raw, nullptr))
                            if (!token.attendance) dated.push_back(token.mark.value);
                }
            }
            std::string work_kind = "табель: " + sheet.period.name;
            for (std::size_t index : unmatched(undated, dated)) {
                Id work = RecordBuilder(tables::work).set("class_id", class_id).set("subject_id", subject_id)
                              .set("type_raw", work_kind).set("ordinal", static_cast<int>(index))
                              .set("title", work_kind + ", mark " + std::to_string(index + 1) + " (undated)").put(sink_);
                MarkValue mark = parse_mark(undated[index]);
                RecordBuilder record(tables::mark);
                record.set("work_id", work).set("student_id", student_).set("position", 0).set("raw", undated[index])
                    .set("value", mark.value).set("modifier", mark.modifier);
                if (mark.numeric) record.set("numeric", *mark.numeric);
                record.put(sink_);
            }
            if (!row.final_mark.empty()) {
                bool whole_year = sheet.period.kind == "year";
                final_mark(sheet.school_year, row.subject, whole_year ? "year" : "period", whole_year ? nullptr : &sheet.period,
                           row.final_mark);
            }
        }
    }

    void year_sheet(const YearSheet& sheet) {
        school_class(sheet.school_year);
        for (const YearRow& row : sheet.rows) {
            subject(row.subject);
            for (const FinalCell& cell : row.cells)
                final_mark(sheet.school_year, row.subject, cell.kind, cell.kind == "period" ? &cell.period : nullptr, cell.raw);
        }
    }

private:
    const Journal& journal_;
    UnknownValues* unknowns_;
    Sink& sink_;
    Id school_ = 0, student_ = 0;
    std::map<int, Id> years_, classes_;
    std::map<std::string, Id> subjects_;
    std::set<std::string> aliases_;
};

}  // namespace

void emit_journal(Journal& journal, const ReadContext& context, Sink& sink) {
    YearResolver years;
    years.forced = context.school_year;
    for (const auto& date : journal.dates_seen)
        if (auto year = school_year_of(date)) years.seen.insert(*year);
    for (const auto& lesson : journal.lessons)
        if (lesson.school_year != 0) years.seen.insert(lesson.school_year);
    resolve_dates(journal, years);
    std::vector<DatedLesson> lessons = merge_lessons(std::move(journal.lessons));
    Writer writer(journal, context, sink);
    for (const auto& lesson : lessons) writer.lesson(lesson);
    for (const auto& sheet : journal.terms) writer.term_sheet(sheet, lessons);
    for (const auto& sheet : journal.years) writer.year_sheet(sheet);
}

}  // namespace jb::edutatar
