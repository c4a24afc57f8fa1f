#include "core/background_sink.hpp"

namespace jb {

BackgroundSink::BackgroundSink(Sink& target, std::size_t batch_size)
    : target_(target), batch_size_(batch_size), filling_(batch_size), writing_(batch_size) {
    writer_ = std::thread([this] { write_loop(); });
}

BackgroundSink::~BackgroundSink() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        pending_ = false;
    }
    changed_.notify_all();
    if (writer_.joinable()) writer_.join();
}

void BackgroundSink::put(const TableSpec& spec, const Row& row) {
    auto& slot = filling_[filled_++];
    slot.first = &spec;
    slot.second = row;  // copies into the slot's old row: its strings keep their capacity
    if (filled_ == batch_size_) hand_over();
}

void BackgroundSink::hand_over() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !pending_ || error_; });
    if (error_) std::rethrow_exception(error_);
    std::swap(filling_, writing_);
    to_write_ = std::exchange(filled_, 0);
    pending_ = true;
    changed_.notify_all();
}

void BackgroundSink::finish() {
    if (filled_ > 0) hand_over();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !pending_ || error_; });
    stop_ = true;
    changed_.notify_all();
    lock.unlock();
    writer_.join();
    if (error_) std::rethrow_exception(error_);
}

void BackgroundSink::write_loop() {
    for (;;) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return pending_ || stop_; });
        if (!pending_) return;
        lock.unlock();
        try {
            for (std::size_t i = 0; i < to_write_; ++i) target_.put(*writing_[i].first, writing_[i].second);
        } catch (...) {
            lock.lock();
            error_ = std::current_exception();
            pending_ = false;
            changed_.notify_all();
            return;
        }
        lock.lock();
        pending_ = false;
        changed_.notify_all();
    }
}

}  // namespace jb
