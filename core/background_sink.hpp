#pragma once
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "core/sink.hpp"

namespace jb {

// Hands records to a thread that puts them into `target` (the archive's Store), so that reading
// and parsing the input overlap with SQLite's writes. Records keep their order. Two batches
// alternate, their rows reused, so a steady stream allocates nothing new. The target must not be
// touched by anyone else until finish() returns.
class BackgroundSink : public Sink {
public:
    explicit BackgroundSink(Sink& target, std::size_t batch_size = 2048);
    ~BackgroundSink() override;  // without finish(): drops what is pending and stops the thread
    BackgroundSink(const BackgroundSink&) = delete;
    BackgroundSink& operator=(const BackgroundSink&) = delete;

    // Rethrows the writer's error, if it failed on an earlier record.
    void put(const TableSpec& spec, const Row& row) override;
    // Writes what is left and waits for it; rethrows the writer's error.
    void finish();

private:
    using Batch = std::vector<std::pair<const TableSpec*, Row>>;
    void hand_over();
    void write_loop();

    Sink& target_;
    std::size_t batch_size_;
    Batch filling_, writing_;
    std::size_t filled_ = 0, to_write_ = 0;
    bool pending_ = false, stop_ = false;
    std::exception_ptr error_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread writer_;
};

}  // namespace jb
