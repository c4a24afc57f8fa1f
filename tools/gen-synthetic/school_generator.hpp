#pragma once
#include <cstdint>

namespace jb {
class Sink;
}

namespace jb::synth {

struct Options {
    std::uint64_t seed = 1;
    int schools = 1;
    int classes = 2;      // per school, at most kMaxClasses
    int students = 12;    // per class; one class per school also gets a pupil who joins late
    int subjects = 6;     // the first N of the catalogue
    int quarters = 1;     // 1…4: quarters that get lessons, marks and attendance
    int start_year = 2024;
};

inline constexpr int kMaxClasses = 84;  // grades 5–11, letters А…Н

// Streams one or more invented schools into the sink. The same options give the same records.
void generate(const Options& options, Sink& sink);

}  // namespace jb::synth
