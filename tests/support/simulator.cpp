#include "tests/support/simulator.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

namespace jb::test {

std::vector<std::string> with(std::vector<std::string> first, const std::vector<std::string>& rest) {
    first.insert(first.end(), rest.begin(), rest.end());
    return first;
}

LoopbackSimulator::LoopbackSimulator(const std::string& executable, std::vector<std::string> arguments,
                                     const std::vector<std::pair<std::string, std::string>>& environment) {
    const std::string port_file = dir_.path("port");
    std::vector<std::string> args{executable, "--port-file", port_file};
    args.insert(args.end(), arguments.begin(), arguments.end());
    pid_ = ::fork();
    if (pid_ == 0) {
        for (const auto& [name, value] : environment) ::setenv(name.c_str(), value.c_str(), 1);
        std::FILE* log = std::freopen(dir_.path("log").c_str(), "w", stdout);
        (void)log;
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    for (int i = 0; i < 500 && !std::filesystem::exists(port_file); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::ifstream(port_file) >> port_;
    if (port_ <= 0) ADD_FAILURE() << executable << " did not start";
}

LoopbackSimulator::~LoopbackSimulator() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
}

nlohmann::json LoopbackSimulator::stats() const {
    httplib::Client client("127.0.0.1", port_);
    auto result = client.Get("/sim/stats");
    return result ? nlohmann::json::parse(result->body) : nlohmann::json();
}

}  // namespace jb::test
