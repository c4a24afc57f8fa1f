#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace jb {

// Platform values no mapping file knows (an attendance code, a work type, a mark symbol). They are
// stored verbatim; this tally is what the import reports afterwards, so nothing goes unnoticed.
class UnknownValues {
public:
    // kind: what the value is ("attendance code"); where: the mapping file that should know it.
    void note(std::string_view kind, std::string_view value, std::string_view where);
    bool empty() const { return counts_.empty(); }
    std::size_t distinct() const { return counts_.size(); }
    // One line per value: "attendance code «х» seen 3 times (not in dnevnik/attendance.toml)".
    std::string report() const;

private:
    std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::string>> counts_;
};

}  // namespace jb
