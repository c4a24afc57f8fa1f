// The simulator's own JSON and HAR writers (tools/dnevnik-sim) against the library ones they stand
// in for: byte for byte what nlohmann::json::dump and net::har_entry_line give.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/net/har_writer.hpp"
#include "tools/dnevnik-sim/json_object.hpp"
#include "tools/dnevnik-sim/json_text.hpp"
#include "tools/dnevnik-sim/sim_api.hpp"
#include "tools/dnevnik-sim/sim_har_entry.hpp"
#include "tools/dnevnik-sim/sim_school.hpp"

namespace jb::dnevnik_sim {
namespace {

TEST(DnevnikSimJson, StringsAreEscapedAsNlohmannDumps) {
    for (std::string text : {std::string(""), std::string("plain"), std::string("«5-» § упр. 3"),
                             std::string("quote \" backslash \\ slash /"), std::string("\b\f\n\r\t\x01\x1f\x7f"),
                             std::string("nul \0 inside", 12)}) {
        std::string written = "prefix:";
        append_json_string(written, text);
        EXPECT_EQ(written, "prefix:" + json(text).dump()) << text;
    }
}

TEST(DnevnikSimJson, ObjectsAreWrittenWithMembersSortedAsNlohmannDumps) {
    std::string object = JsonObject()
                             .string("type", "x")
                             .id("work", 1905000000000000001)
                             .number("workType", -7)
                             .boolean("isImportant", true)
                             .null("lesson")
                             .raw("tasks", R"([{"a":1}])")
                             .string("text", "Тема \"1\"\n")
                             .boolean("displayInJournal", false)
                             .text();
    json expected = {{"type", "x"}, {"work_str", "1905000000000000001"}, {"work", 1905000000000000001}, {"workType", -7},
                     {"isImportant", true}, {"lesson", nullptr}, {"tasks", json::parse(R"([{"a":1}])")},
                     {"text", "Тема \"1\"\n"}, {"displayInJournal", false}};
    EXPECT_EQ(object, expected.dump());
    EXPECT_EQ(JsonObject().text(), json::object().dump());
    EXPECT_EQ(json_array({}), "[]");
    EXPECT_EQ(json_array({"1", R"({"a":null})"}), R"([1,{"a":null}])");
}

// Every entry of a small school's export as the capture writer would record it.
TEST(DnevnikSimHar, EntriesAreThoseOfTheCaptureWriter) {
    SimSchool school = make_sim_school(2024, 11, 2, {3, 6, 5, 3});
    std::string started = "2025-06-15T10:00:00.000Z";
    std::vector<std::string> targets = whole_year_paths(school);
    targets.push_back("/v2/no/such/method");
    targets.push_back("/v2/edu-groups/1/lessons/bad/2025-01-01");
    for (const std::string& target : targets) {
        Answer answer = answer_to_target(school, target);

        net::Request request;
        request.url = "https://api.school.mosreg.ru" + target;
        request.headers = {{"Accept", "application/json"}, {"Access-Token", "invented"}};
        net::Response response;
        response.status = answer.status;
        response.status_text = answer.status == 200 ? "OK" : "Error";
        response.headers = {{"Content-Type", answer.content_type}};
        response.body = answer.body;
        response.started = started;

        std::string line = "kept:";
        append_har_entry(line, target, answer, started);
        EXPECT_EQ(line, "kept:" + net::har_entry_line(request, response)) << target;
    }
}

}  // namespace
}  // namespace jb::dnevnik_sim
