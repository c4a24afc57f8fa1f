// The scrubber every imported HAR goes through: for any bytes it refuses with jb::Error or writes
// valid JSON, and scrubbing its own output again changes nothing (no secret left to find).
// Run: build-fuzz/tests/fuzz/har_scrub_fuzz -max_total_time=600 corpus/
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/har_scrub.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string once;
    try {
        once = jb::har::scrub_har_text(text, "fuzz.har");
    } catch (const jb::Error&) {
        return 0;
    }
    if (!nlohmann::json::accept(once)) std::abort();
    std::size_t replaced = 0;
    const std::string twice = jb::har::scrub_har_text(once, "fuzz.har", &replaced);
    if (replaced != 0 || twice != once) std::abort();
    return 0;
}
