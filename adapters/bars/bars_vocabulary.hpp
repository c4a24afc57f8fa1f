#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

// The БАРС vocabularies of mappings/bars/*.toml: work types, attendance strings, subperiods and
// the mark values that are not plain digits.
namespace jb::bars {

inline constexpr std::string_view work_types_file = "bars/work_types.toml";
inline constexpr std::string_view attendance_file = "bars/attendance.toml";
inline constexpr std::string_view periods_file = "bars/periods.toml";
inline constexpr std::string_view marks_file = "bars/marks.toml";

struct WorkType {
    std::string type;  // jbridge's work type; "" when the raw one is unknown
    bool written = false;
    bool control = false;
    bool known = false;
};

struct PeriodRef {
    std::string kind;  // quarter, half, trimester, module (period marks) or year, exam, final
    int number = 0;    // for period kinds
    bool is_period() const { return kind != "year" && kind != "exam" && kind != "final"; }
};

enum class MarkKind { mark, debt, placeholder, unknown_symbol };

class Vocabulary {
public:
    static const Vocabulary& standard();  // loaded once from mappings/bars/

    WorkType work_type(std::string_view raw) const;
    std::optional<std::string> attendance(std::string_view raw) const;  // nullopt: unknown
    std::optional<PeriodRef> period(std::string_view code_or_name) const;
    MarkKind classify_mark(std::string_view value) const;

private:
    std::map<std::string, std::string, std::less<>> work_types_;
    std::set<std::string, std::less<>> written_, control_;
    std::map<std::string, std::string, std::less<>> attendance_;   // by match key
    std::map<std::string, std::string, std::less<>> period_words_;  // by match key
    std::map<std::string, std::string, std::less<>> period_whole_;  // by match key
    std::set<std::string, std::less<>> placeholders_, debts_, symbols_;  // by match key
};

}  // namespace jb::bars
