#pragma once
#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "tools/dnevnik-sim/sim_school.hpp"

namespace httplib {
class Server;
}

namespace jb::dnevnik_sim {

// Injected trouble, by position in the stream of API requests (1, 2, 3, …): "every N" hits
// requests N, 2N, 3N…; a 429 burst answers `burst_429` requests in a row with 429.
struct Faults {
    int latency_ms = 0;
    int every_429 = 0, burst_429 = 2;
    int every_502 = 0;       // an HTML gateway page with status 502
    int every_html200 = 0;   // an HTML maintenance page with status 200
    int every_550 = 0;       // «Server Work»
    int every_limit = 0;     // {"type":"apiRequestLimit"} with status 400
    int every_truncate = 0;  // the JSON body cut in half (Content-Length of the cut body)
    int every_drop = 0;      // headers sent, then the connection is closed
    int every_stall = 0;     // no answer for stall_ms (longer than the client's timeout)
    int stall_ms = 2500;
    int expire_after = 0;    // the token stops working after this many requests (401)
};

// Serves the data set on the v2 paths, checks the Access-Token header (or ?access_token=), injects
// the faults and counts requests per target; GET /sim/stats returns the counts as JSON.
class SimServer {
public:
    SimServer(const SimSchool& school, Faults faults, std::string token);
    ~SimServer();
    int bind(const std::string& host, int port);  // port 0: any free one; returns it
    void run();                                    // until stop()
    void stop();

private:
    const SimSchool& school_;
    Faults faults_;
    std::string token_;
    std::unique_ptr<httplib::Server> server_;
    std::atomic<long> count_{0};
    std::mutex mutex_;
    std::map<std::string, long> per_target_;
};

}  // namespace jb::dnevnik_sim
