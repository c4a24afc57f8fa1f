#include "core/unknown_values.hpp"

namespace jb {

void UnknownValues::note(std::string_view kind, std::string_view value, std::string_view where) {
    auto& entry = counts_[{std::string(kind), std::string(value)}];
    ++entry.first;
    if (entry.second.empty()) entry.second = std::string(where);
}

std::string UnknownValues::report() const {
    std::string out;
    for (const auto& [key, entry] : counts_) {
        out += key.first + " «" + key.second + "» seen " + std::to_string(entry.first) +
               (entry.first == 1 ? " time" : " times") + ", kept verbatim (not in " + entry.second + ")\n";
    }
    return out;
}

}  // namespace jb
