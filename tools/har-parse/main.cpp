// har-parse: the parse-only pass of bench/run.sh's baseline B. Walks a HAR entry by entry and
// reads every JSON body with jbridge's streaming scanner, building nothing, and prints what it
// read: the floor under any import of the same capture.
#include <chrono>
#include <cstdio>
#include <string>

#include "core/error.hpp"
#include "core/har.hpp"
#include "core/json_scanner.hpp"

namespace {

struct CountingHandler {
    long long values = 0;
    bool null() { return ++values, true; }
    bool boolean(bool) { return ++values, true; }
    bool number_integer(long long) { return ++values, true; }
    bool number_unsigned(unsigned long long) { return ++values, true; }
    bool number_float(double, const std::string&) { return ++values, true; }
    bool string(std::string&) { return ++values, true; }
    bool key(std::string&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool end_object() { return ++values, true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return ++values, true; }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: har-parse CAPTURE.har\n  Reads every entry and every JSON body, builds nothing; "
                             "prints entries, body bytes, JSON values and seconds.\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    long long entries = 0, bodies = 0, body_bytes = 0;
    CountingHandler counter;
    try {
        jb::har::read_entries(argv[1], [&](const jb::har::Entry& entry) {
            ++entries;
            if (!entry.succeeded() || entry.body.empty() || (entry.body[0] != '{' && entry.body[0] != '[')) return;
            ++bodies;
            body_bytes += static_cast<long long>(entry.body.size());
            jb::json_scan::TextSource source(entry.body);
            jb::json_scan::Scanner<CountingHandler> scanner(source, counter, entry.url);
            scanner.run();
        });
    } catch (const jb::Error& e) {
        std::fprintf(stderr, "har-parse: %s\n", e.what());
        return 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("entries %lld, JSON bodies %lld (%lld bytes), values %lld, %.2f s\n", entries, bodies, body_bytes,
                counter.values, seconds);
    return 0;
}
