#pragma once
#include <chrono>
#include <mutex>

namespace jb::net {

// Spaces requests evenly: at most `per_second` starts per second over all threads (0: no limit).
class RateLimiter {
public:
    explicit RateLimiter(double per_second);
    void acquire();  // blocks until this caller may start a request

private:
    std::mutex mutex_;
    std::chrono::steady_clock::duration interval_{};
    std::chrono::steady_clock::time_point next_{};
};

}  // namespace jb::net
