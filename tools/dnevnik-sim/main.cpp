// dnevnik-sim: a loopback simulator of the Dnevnik.ru v2 API serving an invented school, with
// switches for the faults a real instance shows. Tests start it on 127.0.0.1 and pull from it.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <thread>
#include <CLI/CLI.hpp>

#include "core/error.hpp"
#include "core/net/secrets.hpp"
#include "tools/dnevnik-sim/sim_har.hpp"
#include "tools/dnevnik-sim/sim_school.hpp"
#include "tools/dnevnik-sim/sim_server.hpp"
#include "tools/sim-common/serve.hpp"

using namespace jb::dnevnik_sim;

int main(int argc, char** argv) {
    CLI::App app{"dnevnik-sim: a loopback Dnevnik.ru v2 API serving an invented school (for tests)"};
    int port = 0, year = 2023, quarters = 2;
    std::uint64_t seed = 1;
    std::string host = "127.0.0.1", port_file, dump, token_file;
    bool no_auth = false;
    Faults faults;
    SimScale scale;
    app.add_option("--host", host, "Address to listen on")->capture_default_str();
    app.add_option("--port", port, "Port (0: any free port)")->capture_default_str();
    app.add_option("--port-file", port_file, "Write the port here once listening");
    app.add_option("--year", year, "School year (its starting calendar year)")->capture_default_str();
    app.add_option("--quarters", quarters, "Quarters that get lessons and marks (1-4)")->capture_default_str()->check(CLI::Range(1, 4));
    app.add_option("--classes", scale.classes, "Classes (the first learns English in two subgroups)")
        ->capture_default_str()->check(CLI::Range(1, kMaxSimClasses));
    app.add_option("--pupils", scale.pupils, "Pupils per class")->capture_default_str()->check(CLI::Range(5, 40));
    app.add_option("--subjects", scale.subjects, "Subjects")->capture_default_str()->check(CLI::Range(1, 12));
    app.add_option("--lessons-per-day", scale.lessons_per_day, "Lessons per class and school day")
        ->capture_default_str()->check(CLI::Range(1, 8));
    app.add_option("--seed", seed, "Seed of the invented school")->capture_default_str();
    app.add_option("--token-file", token_file, "File (mode 0600) with the accepted token; default: $DNEVNIK_SIM_TOKEN");
    app.add_flag("--no-auth", no_auth, "Accept any token");
    app.add_option("--latency-ms", faults.latency_ms, "Delay of every answer");
    app.add_option("--every-429", faults.every_429, "A burst of 429 answers every N requests");
    app.add_option("--burst-429", faults.burst_429, "Length of each 429 burst")->capture_default_str();
    app.add_option("--every-502", faults.every_502, "An HTML 502 gateway page every N requests");
    app.add_option("--every-html200", faults.every_html200, "An HTML maintenance page with status 200 every N requests");
    app.add_option("--every-550", faults.every_550, "A 550 «Server Work» every N requests");
    app.add_option("--every-limit", faults.every_limit, "An apiRequestLimit error body every N requests");
    app.add_option("--every-truncate", faults.every_truncate, "A JSON body cut in half every N requests");
    app.add_option("--every-drop", faults.every_drop, "A connection dropped after the headers every N requests");
    app.add_option("--every-stall", faults.every_stall, "No answer for --stall-ms every N requests (client timeouts)");
    app.add_option("--stall-ms", faults.stall_ms, "Length of a stall")->capture_default_str();
    app.add_option("--expire-after", faults.expire_after, "The token expires (401) after N requests");
    app.add_option("--dump-har", dump, "Write the data set as a HAR (one window per class year) and exit");
    CLI11_PARSE(app, argc, argv);

    try {
        if (!dump.empty()) {
            write_whole_year_har(year, seed, quarters, scale, dump);
            return 0;
        }
        SimSchool school = make_sim_school(year, seed, quarters, scale);
        std::string token = no_auth ? "" : jb::net::load_secret(token_file, "DNEVNIK_SIM_TOKEN", "simulator token");
        if (no_auth) faults.expire_after = 0;

        const sigset_t signals = jb::sim::block_stop_signals();
        SimServer server(school, faults, token);
        jb::sim::serve(server, signals, "dnevnik-sim", host, port, port_file,
                       " (school " + school.id + ", year " + std::to_string(year) + ")");
        return 0;
    } catch (const jb::Error& e) {
        std::fprintf(stderr, "dnevnik-sim: %s\n", e.what());
        return 2;
    }
}
