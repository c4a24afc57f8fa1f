#include "core/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace jb {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string what, bool enabled, std::string unit)
    : what_(std::move(what)), unit_(std::move(unit)), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::tick(std::int64_t done, std::int64_t total) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    if (total > 0)
        std::fprintf(stderr, "\r%s: %lld of %lld (%.0f%%), %.0f/s   ", what_.c_str(), static_cast<long long>(done),
                     static_cast<long long>(total), 100.0 * static_cast<double>(done) / static_cast<double>(total), rate);
    else
        std::fprintf(stderr, "\r%s: %lld %s, %.0f/s   ", what_.c_str(), static_cast<long long>(done), unit_.c_str(), rate);
    shown_ = true;
}

void Progress::finish() {
    if (shown_) std::fputs("\r\033[K", stderr);
    shown_ = false;
}

}  // namespace jb
