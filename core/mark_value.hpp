#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jb {

// A mark as the platforms write it, split into what the model keeps: the raw text verbatim, the
// normalised symbol, its number when it has one, and a «+»/«-» modifier.
struct MarkValue {
    std::string raw;
    std::string value;
    std::optional<double> numeric;
    std::string modifier;
};

// "5" → 5; "5-" / "4+" → 5 with "-", 4 with "+"; "зачёт" → "зачет"; anything else is kept as its
// trimmed text with no number (open enumeration: unknown values are never turned into 0).
MarkValue parse_mark(std::string_view raw);

// "5/4" → two marks (a double mark, positions 0 and 1); "5" → one.
std::vector<MarkValue> split_double_mark(std::string_view raw);

}  // namespace jb
