#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "tools/dnevnik-sim/sim_school.hpp"

namespace jb::dnevnik_sim {

struct HarCounts {
    std::int64_t entries = 0, lessons = 0, marks = 0, bytes = 0;
};

// The data set as the HAR a full export with one window per class year would give, written class
// by class so that memory stays that of one class however large the school. `on_class` (if set)
// is told after each class.
HarCounts write_whole_year_har(int year, std::uint64_t seed, int quarters, const SimScale& scale, const std::string& path,
                               const std::function<void(int done, int classes)>& on_class = {});

}  // namespace jb::dnevnik_sim
