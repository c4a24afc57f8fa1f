// libFuzzer target for the netschool adapter's JSON and report-HTML paths. The input is split at
// "\n--8<--\n" into response bodies, handed in turn to the endpoints below as one HAR capture;
// the whole capture is then read into a real in-memory archive. Any input must end in success or
// a jb::Error: never a crash, a hang, another exception or a record pointing at nothing.
//   CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DJBRIDGE_FUZZ=ON -DJBRIDGE_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
//   ninja -C build-fuzz netschool_fuzz
//   tools/netschool-fuzz-seeds.py build-fuzz/netschool-seeds   # corpus from fixtures/netschool
//   nice -n 10 build-fuzz/tests/fuzz/netschool_fuzz -max_total_time=600 -jobs=1 build-fuzz/netschool-seeds
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/netschool/netschool_capture.hpp"
#include "core/adapter.hpp"
#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "core/unknown_values.hpp"
#include "core/url.hpp"

namespace {

constexpr const char* kEndpoints[] = {
    "/webapi/context",
    "/webapi/grade/assignment/types?all=false",
    "/webapi/grade/attendance/reasons",
    "/webapi/classes",
    "/webapi/subjectgroups?classId=301",
    "/webapi/terms/search",
    "/webapi/grade/studentList?sgid=702",
    "/webapi/grade/journal?yearId=5001&classId=301&sgId=701&termId=1102",
    "/webapi/student/diary/init",
    "/webapi/student/diary?studentId=901&weekStart=2024-11-11",
    "/webapi/student/diary/assigns/6003?studentId=901",
    "/webapi/files/7001",
};
constexpr std::string_view kSeparator = "\n--8<--\n";

std::vector<jb::har::Entry> entries_of(std::string_view input) {
    std::vector<jb::har::Entry> entries;
    std::size_t at = 0;
    while (at <= input.size() && entries.size() < 64) {
        std::size_t end = input.find(kSeparator, at);
        if (end == std::string_view::npos) end = input.size();
        jb::har::Entry entry;
        entry.index = entries.size();
        entry.started = "2024-11-20T10:00:00.000+04:00";
        entry.method = "GET";
        entry.url = std::string("https://sgo.example.test") + kEndpoints[entries.size() % std::size(kEndpoints)];
        entry.parsed_url = jb::parse_url(entry.url);
        entry.status = 200;
        entry.body = std::string(input.substr(at, end - at));
        entry.has_body = true;
        bool html = entry.url.find("/files/") != std::string::npos;
        entry.response_mime = html ? "text/html; charset=windows-1251" : "application/json";
        entry.response_headers.emplace_back("Content-Type", entry.response_mime);
        entries.push_back(std::move(entry));
        at = end + kSeparator.size();
    }
    return entries;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static jb::sql::Db* db = [] {
        auto* created = new jb::sql::Db(":memory:", jb::sql::Db::Mode::create);
        created->exec("PRAGMA foreign_keys = ON");
        created->exec("PRAGMA defer_foreign_keys = ON");
        jb::migrate(*created);
        return created;
    }();
    std::string_view input(reinterpret_cast<const char*>(data), size);
    auto entries = entries_of(input);
    jb::UnknownValues unknowns;
    jb::ReadContext context{std::nullopt, &unknowns, {}};
    db->exec("BEGIN");
    try {
        jb::Store store(*db);
        jb::netschool::read_capture(
            [&](const auto& on_entry) {
                for (const auto& entry : entries) on_entry(entry);
            },
            "fuzz.har", context, store);
        if (db->scalar("SELECT count(*) FROM pragma_foreign_key_check") != 0) __builtin_trap();
    } catch (const jb::Error&) {
    }
    db->exec("ROLLBACK");
    db->exec("BEGIN");
    try {  // the same bytes as a saved report page
        jb::Store store(*db);
        context.school_year = 2024;
        jb::netschool::read_report_page(input, "fuzz.html", context, store);
        if (db->scalar("SELECT count(*) FROM pragma_foreign_key_check") != 0) __builtin_trap();
    } catch (const jb::Error&) {
    }
    db->exec("ROLLBACK");
    return 0;
}
