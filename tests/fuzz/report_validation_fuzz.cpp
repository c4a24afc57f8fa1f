// libFuzzer target: arbitrary bytes as a saved validation result (`jbridge report --validation`),
// rendered into the HTML page. Any input must end in a page or a jb::Error: never a crash or
// another exception; and the page never lets markup from the input through unescaped.
//   build-fuzz/tests/fuzz/report_validation_fuzz -max_total_time=60 -jobs=1
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/error.hpp"
#include "core/report/html_report.hpp"
#include "core/report/report_data.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static jb::sql::Db* db = [] {
        auto* created = new jb::sql::Db(":memory:", jb::sql::Db::Mode::create);
        jb::migrate(*created);
        return created;
    }();
    try {
        jb::report::ReportInput input = jb::report::gather_report_input(*db, "fuzz.sqlite", "2024-10-01");
        input.validation = jb::report::validation_from_json(std::string(reinterpret_cast<const char*>(data), size),
                                                            "fuzz.json");
        jb::report::attribute_teachers(*db, input.validation);
        input.validated = true;
        std::string html = jb::report::render_html_report(input);
        if (html.find("<script") != std::string::npos || html.find("<img") != std::string::npos) std::abort();
    } catch (const jb::Error&) {
    }
    return 0;
}
