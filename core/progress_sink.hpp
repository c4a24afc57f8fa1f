#pragma once
#include <cstdint>

#include "core/progress.hpp"
#include "core/sink.hpp"

namespace jb {

// Passes records on to the next sink, counting them and reporting progress.
class ProgressSink : public Sink {
public:
    ProgressSink(Sink& next, Progress& progress) : next_(next), progress_(progress) {}
    void put(const TableSpec& spec, const Row& row) override {
        next_.put(spec, row);
        if ((++records_ & 0x3ff) == 0) progress_.tick(records_);
    }
    std::int64_t records() const { return records_; }

private:
    Sink& next_;
    Progress& progress_;
    std::int64_t records_ = 0;
};

}  // namespace jb
