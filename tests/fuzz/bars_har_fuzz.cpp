// libFuzzer target for the bars adapter's JSON paths. The first byte picks a БАРС endpoint and the
// rest becomes that response's body inside a HAR (after a fixed GetPersonData or /rest/login
// answer, so the body is read as a pupil's data); the last choice reads the bytes as a whole HAR.
// Any input must end in success or a jb::Error: never a crash, a hang or another exception.
//   CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DJBRIDGE_FUZZ=ON -DJBRIDGE_TESTS=OFF && ninja -C build-fuzz bars_har_fuzz
//   nice -n 10 build-fuzz/tests/fuzz/bars_har_fuzz -max_total_time=600 -jobs=1 corpus/ fixtures/bars  (docs/bars.md)
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/bars/bars_reader.hpp"
#include "core/error.hpp"
#include "core/har.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "core/unknown_values.hpp"

namespace {

struct Target {
    const char* method;
    const char* path;
    const char* form;
    bool rest;
};

constexpr Target targets[] = {
    {"GET", "/api/ProfileService/GetPersonData", "", false},
    {"GET", "/api/ScheduleService/GetDiary?date=2024-02-12", "", false},
    {"GET", "/api/MarkService/GetSummaryMarks", "", false},
    {"GET", "/api/MarkService/GetTotalMarks", "", false},
    {"GET", "/api/SchoolService/getClassYearInfo", "", false},
    {"GET", "/api/SchoolService/getSchoolInfo", "", false},
    {"GET", "/api/HomeworkService/GetHomeworkFromRange", "", false},
    {"POST", "/api/ProfileService/SetChild", "selected=2", false},
    {"POST", "/rest/login", "", true},
    {"POST", "/rest/diary", "pupil_id=1", true},
    {"POST", "/rest/totals", "pupil_id=1", true},
};
constexpr std::size_t target_count = sizeof targets / sizeof targets[0];

nlohmann::json har_entry(const char* method, const std::string& path, const std::string& form, std::string body) {
    nlohmann::json request = {{"method", method}, {"url", "https://school.07.edu.o7.com" + path}, {"headers", nlohmann::json::array()}};
    if (!form.empty()) request["postData"] = {{"mimeType", "application/x-www-form-urlencoded"}, {"text", form}};
    return {{"startedDateTime", "2024-02-14T15:00:00.000+03:00"},
            {"request", request},
            {"response", {{"status", 200}, {"content", {{"mimeType", "application/json"}, {"text", std::move(body)}}}}}};
}

std::string wrap(const Target& target, std::string body) {
    nlohmann::json entries = nlohmann::json::array();
    if (target.rest) {
        entries.push_back(har_entry("POST", "/rest/login", "",
                                    R"({"success":true,"fio":"Родитель Ольга Ивановна","id":9,"childs":[[1,"Ученик Иван Петрович","Школа"],[2,"Ученица Анна Петровна","Школа"]]})"));
    } else {
        entries.push_back(har_entry("GET", "/api/ProfileService/GetPersonData", "",
                                    R"({"auth_user_profile_id":9,"user_fullname":"Родитель Ольга Ивановна","selected_pupil_id":1,)"
                                    R"("children_persons":[{"person_id":1,"fullname":"Ученик Иван Петрович","school":"Школа","classyear":"7А"},)"
                                    R"({"person_id":2,"fullname":"Ученица Анна Петровна","school":"Школа","classyear":"3Б"}]})"));
    }
    entries.push_back(har_entry(target.method, target.path, target.form, std::move(body)));
    return nlohmann::json{{"log", {{"version", "1.2"}, {"entries", entries}}}}.dump(-1, ' ', false,
                                                                                   nlohmann::json::error_handler_t::replace);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static jb::sql::Db* db = [] {
        auto* created = new jb::sql::Db(":memory:", jb::sql::Db::Mode::create);
        created->exec("PRAGMA foreign_keys = ON");
        jb::migrate(*created);
        return created;
    }();
    if (size == 0) return 0;
    const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::size_t choice = data[0] % (target_count + 1);
    const std::string text = choice < target_count ? wrap(targets[choice], rest) : rest;
    db->exec("BEGIN");
    try {
        jb::Store store(*db);
        jb::UnknownValues unknowns;
        jb::ReadContext context;
        context.unknowns = &unknowns;
        const jb::bars::EntryWalk walk = [&](const std::function<void(const jb::har::Entry&)>& on_entry) {
            jb::har::read_entries_from_text(text, "fuzz.har", on_entry);
        };
        jb::bars::read_capture(walk, "fuzz.har", context, store);
    } catch (const jb::Error&) {
    }
    db->exec("ROLLBACK");
    return 0;
}
