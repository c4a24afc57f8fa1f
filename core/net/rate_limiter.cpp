#include "core/net/rate_limiter.hpp"

#include <thread>

namespace jb::net {

RateLimiter::RateLimiter(double per_second) {
    if (per_second > 0)
        interval_ = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(1.0 / per_second));
}

void RateLimiter::acquire() {
    if (interval_.count() == 0) return;
    std::chrono::steady_clock::time_point slot;
    {
        std::lock_guard lock(mutex_);
        auto now = std::chrono::steady_clock::now();
        slot = std::max(now, next_);
        next_ = slot + interval_;
    }
    std::this_thread::sleep_until(slot);
}

}  // namespace jb::net
