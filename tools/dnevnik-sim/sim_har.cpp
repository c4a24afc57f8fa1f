#include "tools/dnevnik-sim/sim_har.hpp"

#include "core/net/har_writer.hpp"
#include "tools/dnevnik-sim/sim_api.hpp"
#include "tools/dnevnik-sim/sim_har_entry.hpp"

namespace jb::dnevnik_sim {
namespace {

// Appends the entries of `targets` to the HAR, each built in `line` (reused, so that its buffer is
// allocated once).
void add_entries(const SimSchool& school, const std::vector<std::string>& targets, net::HarWriter& har, std::string& line,
                 HarCounts& counts) {
    std::string started = std::to_string(school.year + 1) + "-06-15T10:00:00.000Z";
    for (const std::string& target : targets) {
        Answer answer = answer_to_target(school, target);
        line.clear();
        append_har_entry(line, target, answer, started);
        counts.bytes += static_cast<std::int64_t>(line.size()) + 2;
        ++counts.entries;
        har.add(line);
    }
}

}  // namespace

HarCounts write_whole_year_har(int year, std::uint64_t seed, int quarters, const SimScale& scale, const std::string& path,
                               const std::function<void(int done, int classes)>& on_class) {
    SimSchoolBuilder builder(year, seed, quarters, scale);
    net::HarWriter har(path);
    HarCounts counts;
    std::string line;
    SimSchool view = builder.header();
    add_entries(view, school_paths(view), har, line, counts);
    int done = 0;
    while (!builder.done()) {
        view.groups = builder.next_class();
        for (const SimGroup& group : view.groups) {
            counts.lessons += static_cast<std::int64_t>(group.lessons.size());
            counts.marks += static_cast<std::int64_t>(group.marks.size());
            counts.marks += group.period_mark_count;
            add_entries(view, group_paths(view, group), har, line, counts);
        }
        if (on_class) on_class(++done, scale.classes);
    }
    view.groups.clear();
    add_entries(view, closing_paths(), har, line, counts);
    har.commit();
    return counts;
}

}  // namespace jb::dnevnik_sim
