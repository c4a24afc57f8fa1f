#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace jb {

// Progress on long work, on stderr, at most a few times a second; silent when stderr is not a
// terminal or when quiet.
class Progress {
public:
    // Without a total, tick() shows "what: N unit, R/s".
    Progress(std::string what, bool enabled, std::string unit = "records");
    ~Progress();
    void tick(std::int64_t done, std::int64_t total = 0);
    void finish();

private:
    std::string what_;
    std::string unit_;
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

bool stderr_is_terminal();

}  // namespace jb
