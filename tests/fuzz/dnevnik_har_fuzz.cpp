// libFuzzer target: arbitrary bytes as a HAR of Dnevnik v2 traffic, through the HAR reader and the
// dnevnik adapter's two passes into a sink that checks each record as the store would and drops it.
// Any input must end in success or a jb::Error: never a crash, a hang or another exception.
// How to build and run it: docs/dnevnik.md ("Fuzzing").
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/dnevnik/dnevnik_reader.hpp"
#include "core/adapter.hpp"
#include "core/error.hpp"
#include "core/sink.hpp"
#include "core/store.hpp"
#include "core/unknown_values.hpp"

namespace {

class CheckingSink : public jb::Sink {
public:
    void put(const jb::TableSpec& spec, const jb::Row& row) override { jb::check_row(spec, row); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    jb::UnknownValues unknowns;
    jb::ReadContext context;
    context.unknowns = &unknowns;
    CheckingSink sink;
    try {
        jb::dnevnik::read_har_text(text, "fuzz.har", context, sink);
    } catch (const jb::Error&) {
    }
    return 0;
}
