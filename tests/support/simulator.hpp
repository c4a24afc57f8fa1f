#pragma once
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "tests/support/temp_dir.hpp"

namespace jb::test {

// A loopback platform simulator (tools/*-sim) as a child process on 127.0.0.1 and a free port,
// which it writes to --port-file; stopped with SIGTERM at scope exit. `environment` is set in the
// child only (the simulator's secrets), standard output goes to a log file.
// A simulator's fixed arguments followed by a test's switches.
std::vector<std::string> with(std::vector<std::string> first, const std::vector<std::string>& rest);

class LoopbackSimulator {
public:
    LoopbackSimulator(const std::string& executable, std::vector<std::string> arguments,
                      const std::vector<std::pair<std::string, std::string>>& environment);
    ~LoopbackSimulator();
    LoopbackSimulator(const LoopbackSimulator&) = delete;
    LoopbackSimulator& operator=(const LoopbackSimulator&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string instance() const { return "127.0.0.1:" + std::to_string(port_); }
    // The simulator's own counters (GET /sim/stats); null when it does not answer.
    nlohmann::json stats() const;

private:
    TempDir dir_;
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace jb::test
