#include "tests/support/archive_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "core/capture.hpp"
#include "core/sqlite.hpp"
#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb::test {

std::string stats_of(const std::string& archive) {
    RunResult stats = run_jbridge("stats --json " + quote(archive));
    EXPECT_EQ(stats.exit_code, 0) << stats.err;
    std::string out = stats.out;
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

std::string contents(const std::string& archive, const std::string& instance) {
    TempDir dir;
    RunResult exported = run_jbridge("export --to native " + quote(archive) + " -o " + quote(dir.path("a.jsonl")));
    EXPECT_EQ(exported.exit_code, 0) << exported.err;
    std::string text = read_file(dir.path("a.jsonl"));
    for (std::size_t at = text.find(instance); at != std::string::npos; at = text.find(instance, at))
        text.replace(at, instance.size(), "HOST");
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.find("\"record\":\"source_id\"") != std::string::npos) {  // its id derives from the instance
            std::size_t id = line.find("\"id\":\"");
            if (id != std::string::npos) line.erase(id + 6, line.find('"', id + 6) - id - 6);
        }
        lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    std::string joined;
    for (const auto& line : lines) joined += line + "\n";
    return joined;
}

testing::AssertionResult same_contents(const std::string& actual, const std::string& expected) {
    if (actual == expected) return testing::AssertionSuccess();
    std::istringstream a(actual), b(expected);
    std::string left, right, first;
    int line = 0, differing = 0;
    for (;;) {
        bool more_a = static_cast<bool>(std::getline(a, left)), more_b = static_cast<bool>(std::getline(b, right));
        if (!more_a && !more_b) break;
        ++line;
        if (left != right && ++differing == 1)
            first = "line " + std::to_string(line) + ":\n  pulled:   " + left + "\n  expected: " + right;
    }
    return testing::AssertionFailure() << differing << " line(s) differ; first " << first;
}

std::string stored_captures(const std::string& archive) {
    sql::Db db(archive, sql::Db::Mode::read_only);
    std::vector<Id> ids;
    sql::Stmt select(db, "SELECT id FROM capture");
    while (select.step()) ids.push_back(select.column_int(0));
    std::string all;
    for (Id id : ids) read_capture(db, id, [&](std::string_view chunk) { all.append(chunk); });
    return all;
}

}  // namespace jb::test
