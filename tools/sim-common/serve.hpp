#pragma once
// What every loopback platform simulator (tools/*-sim) does around its server: stop cleanly on
// SIGTERM/SIGINT, listen on 127.0.0.1 (port 0: any free port) and tell the tests the port through a
// file written atomically.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "core/error.hpp"

namespace jb::sim {

// Call before the server exists: its threads inherit the mask, so only serve()'s waiter sees them.
inline sigset_t block_stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

// Server: bind(host, port) → bound port or ≤ 0, run() until stop().
template <typename Server>
void serve(Server& server, sigset_t signals, const std::string& name, const std::string& host, int port,
           const std::string& port_file, const std::string& banner) {
    const int bound = server.bind(host, port);
    if (bound <= 0) throw Error("cannot listen on " + host + ":" + std::to_string(port));
    std::thread stopper([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
    });
    stopper.detach();
    if (!port_file.empty()) {
        const std::string temp = port_file + ".tmp";
        std::ofstream(temp) << bound << "\n";
        std::rename(temp.c_str(), port_file.c_str());
    }
    std::printf("%s listening on http://%s:%d%s\n", name.c_str(), host.c_str(), bound, banner.c_str());
    std::fflush(stdout);
    server.run();
}

}  // namespace jb::sim
