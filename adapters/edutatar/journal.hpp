#pragma once
#include <string>
#include <vector>

// What one pupil's ЭО РТ pages say, gathered from every file of an import before anything is
// written: dates need the school year, and the табель is reconciled with the dated marks.
namespace jb::edutatar {

struct Profile {
    std::string full_name;   // «Фамилия Имя Отчество»
    std::string class_name;  // «8Б»
    std::string school;
    std::string birth_date;  // YYYY-MM-DD
    std::string sex;         // male / female
};

struct MarkCell {
    std::string raw;    // as shown: «5», «4/5», «н»
    std::string title;  // the day page's work type
};

enum class Origin { diary_xml = 1, week_page = 2, day_page = 3 };

// A lesson of a dated page. diary.xml and the week page give month and day only; `date` is filled
// once the school year is known.
struct DatedLesson {
    std::string file;
    long line = 0;
    Origin origin = Origin::diary_xml;
    int school_year = 0;  // from the capture, 0 = the import's
    int month = 0, day = 0;
    std::string date;     // YYYY-MM-DD when the page gives the year
    int slot = 0;         // lesson number within the day (1-based)
    std::string subject;  // as written
    std::string homework;
    std::string comment;
    std::vector<MarkCell> cells;
};

struct PeriodRef {
    std::string kind;  // quarter, half, trimester, year
    int number = 0;
    std::string name;  // «2 четверть»
};

struct TermRow {
    std::string subject;
    std::string subject_source_id;  // school_subject_id of the chart link
    std::vector<std::string> marks;
    std::string final_mark;
};

struct TermSheet {
    std::string file;
    int school_year = 0;
    PeriodRef period;
    std::vector<TermRow> rows;
};

struct FinalCell {
    std::string kind;  // period, exam, year, final
    PeriodRef period;  // for kind == period
    std::string raw;
};

struct YearRow {
    std::string subject;
    std::vector<FinalCell> cells;
};

struct YearSheet {
    std::string file;
    int school_year = 0;
    std::vector<YearRow> rows;
};

struct Journal {
    Profile profile;
    std::string profile_file;
    std::vector<DatedLesson> lessons;
    std::vector<TermSheet> terms;
    std::vector<YearSheet> years;
    std::vector<std::string> dates_seen;  // full dates anywhere in the input, for the school year
    std::string first_file;
    std::string first_file_sha256;        // tells an unnamed pupil (diary.xml alone) apart
};

}  // namespace jb::edutatar
