#pragma once
#include <cstdint>

#include "core/progress.hpp"
#include "core/sink.hpp"

namespace jb::synth {

// Passes records on after checking what the archive would not: enumeration values and the date,
// time and timestamp formats (so a generator bug fails here, not in a later import). Shows progress.
class CheckedSink : public Sink {
public:
    CheckedSink(Sink& next, bool show_progress) : next_(next), progress_("generating", show_progress) {}
    void put(const TableSpec& spec, const Row& row) override;
    void finish() { progress_.finish(); }
    std::int64_t records() const { return records_; }

private:
    Sink& next_;
    Progress progress_;
    std::int64_t records_ = 0;
};

}  // namespace jb::synth
