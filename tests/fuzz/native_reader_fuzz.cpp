// libFuzzer target: arbitrary bytes as a native bundle, read into a real (in-memory) archive.
// Any input must end in success or a jb::Error: never a crash, a hang or another exception.
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DJBRIDGE_FUZZ=ON && ninja -C build-fuzz
//   build-fuzz/tests/fuzz/native_reader_fuzz -max_total_time=60 fixtures/native
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "adapters/native/native_format.hpp"
#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static jb::sql::Db* db = [] {
        auto* created = new jb::sql::Db(":memory:", jb::sql::Db::Mode::create);
        created->exec("PRAGMA foreign_keys = ON");
        jb::migrate(*created);
        return created;
    }();
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    db->exec("BEGIN");
    try {
        jb::Store store(*db);
        jb::native::read_bundle(in, "fuzz.jsonl", store);
    } catch (const jb::Error&) {
    }
    db->exec("ROLLBACK");
    return 0;
}
