#pragma once
#include "tools/gen-synthetic/plan.hpp"

namespace jb {
class Sink;
}

namespace jb::synth {

// Streams one class's journal for the school's generated quarters: lessons with topics and
// homework, their teachers and platform ids, works and marks, absences and quarter marks. Only
// a few counters per pupil and subject are kept, so the memory use does not grow with the output.
void write_journal(SchoolPlan& school, ClassPlan& cls, Sink& sink);

}  // namespace jb::synth
