#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// How БАРС writes text, dates, names and marks, turned into what the model stores.
namespace jb::bars {

// Text fields carry HTML (<p>, <a>, <span …>), entities and zero-width spaces: tags become spaces,
// entities are decoded, zero-width characters dropped, white space collapsed and trimmed.
std::string clean_text(std::string_view raw);

// "2024-02-12", "2024-02-12T00:00:00" or the /rest form "12.02.2024" → "2024-02-12".
std::optional<std::string> iso_date(std::string_view text);
// "8:30", "08:30", "08:30:00" → "08:30"; "" stays "".
std::optional<std::string> clock_time(std::string_view text);

struct PersonName {
    std::string last, first, middle;
};
// "Фамилия Имя Отчество" (any further words join the middle name).
PersonName split_name(std::string_view full);
// Whether "Кумыков А. Б." names the same person as "Кумыков Аслан Борисович".
bool abbreviates(const PersonName& short_form, const PersonName& full);
bool is_abbreviated(const PersonName& name);

struct ClassName {
    std::string name;  // "7А"
    int grade = 0;
    std::string letter;
};
// "7А", "7 А", "7-А", "7А класс" → {"7А", 7, "А"}; "" → {"", 0, ""}.
ClassName parse_class_name(std::string_view raw);

// One mark cell → the separate mark values it holds: "5" → {"5"}; "5/4" → {"5","4"};
// "5 4" or "5, 4" → {"5","4"}; "+/-" stays one value; "" → {}.
std::vector<std::string> mark_values(std::string_view raw);

}  // namespace jb::bars
