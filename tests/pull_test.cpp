// `jbridge pull --from dnevnik` end to end against the loopback simulator (tools/dnevnik-sim):
// a clean pull, every fault switch, a SIGKILL mid-way, tokens from the environment and from files.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "tests/support/archive_text.hpp"
#include "tests/support/run.hpp"
#include "tests/support/simulator.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb::test {
namespace {

const std::string kToken = "invented-token-0123456789abcdef0";  // 32 characters, like the platform's
const std::string kSchool = "1000000000042";
constexpr int kExchanges = 130;  // what a pull of the simulator's school (--quarters 1) asks

// The simulator as a child process on 127.0.0.1 and a free port; stopped with SIGTERM at scope exit.
class Simulator : public LoopbackSimulator {
public:
    explicit Simulator(const std::vector<std::string>& switches, const std::string& token = kToken)
        : LoopbackSimulator(JBRIDGE_DNEVNIK_SIM, with({"--quarters", "1"}, switches), {{"DNEVNIK_SIM_TOKEN", token}}) {}
};

std::string pull_args(const Simulator& sim, const std::string& archive, const std::string& extra = "", int concurrency = 3,
                      int backoff_ms = 5) {
    return "pull --from dnevnik --host " + sim.url() + " --school " + kSchool + " --year 2023 -o " + quote(archive) +
           " --rate 0 --concurrency " + std::to_string(concurrency) + " --backoff-ms " + std::to_string(backoff_ms) + " " + extra;
}

std::string with_token(const std::string& token = kToken) { return "JBRIDGE_TOKEN=" + quote(token); }

// The archive as a native bundle, lines sorted, with what depends on the instance (host and port
// of the capture: a source id's instance and so its own id) neutralised.
std::string contents(const std::string& archive, const std::string& instance) {
    TempDir dir;
    RunResult exported = run_jbridge("export --to native " + quote(archive) + " -o " + quote(dir.path("a.jsonl")));
    EXPECT_EQ(exported.exit_code, 0) << exported.err;
    std::istringstream text(read_file(dir.path("a.jsonl")));
    std::vector<std::string> lines;
    for (std::string line; std::getline(text, line);) {
        if (line.find("\"record\":\"source_id\"") != std::string::npos) {
            nlohmann::json record = nlohmann::json::parse(line);
            EXPECT_EQ(record["instance"], instance);
            record["instance"] = "HOST";
            record["id"] = "";
            line = record.dump();
        }
        lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    std::string joined;
    for (const auto& line : lines) joined += line + "\n";
    return joined;
}

// What importing the simulator's own data set gives (one window per class year, no network).
const std::string& reference_contents() {
    static const std::string reference = [] {
        TempDir dir;
        std::string har = dir.path("dump.har"), archive = dir.path("dump.sqlite");
        EXPECT_EQ(std::system((quote(JBRIDGE_DNEVNIK_SIM) + " --quarters 1 --dump-har " + quote(har)).c_str()), 0);
        RunResult imported = run_jbridge("import --from dnevnik " + quote(har) + " -o " + quote(archive) + " --school-year 2023");
        EXPECT_EQ(imported.exit_code, 0) << imported.err;
        return contents(archive, "api.school.mosreg.ru");
    }();
    return reference;
}

TEST(Pull, CleanPullEqualsImportingTheSimulatorsDataSet) {
    Simulator sim({});
    TempDir dir;
    std::string archive = dir.path("school.sqlite"), har = dir.path("capture.har");
    RunResult pulled = run_jbridge(pull_args(sim, archive, "--har " + quote(har)), with_token());
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_NE(pulled.out.find("pulled " + std::to_string(kExchanges) + " exchanges"), std::string::npos) << pulled.out;
    EXPECT_EQ(pulled.err, "");  // no progress: stderr is not a terminal
    // Counted from the simulator's data set by hand (a separate script over --dump-har): 12 pupils
    // (one archived), 4 teachers and subjects, 279 lessons, 688 marks, 62 log entries other than
    // Attend, 139 lessons with homework, 11 pupils × 4 subjects quarter marks.
    RunResult stats = run_jbridge("stats " + quote(archive) + " --json");
    EXPECT_EQ(stats.out,
              R"({"schools":1,"classes":2,"students":12,"teachers":4,"subjects":4,"lessons":279,"marks":688,"debts":0,)"
              R"("absences":62,"homework":139,"final_marks":44})" "\n");
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents()));

    // The kept capture is a HAR with the token scrubbed; nothing was asked twice.
    std::string capture = read_file(har);
    EXPECT_EQ(capture.find(kToken), std::string::npos);
    EXPECT_NE(capture.find("\"name\":\"Access-Token\",\"value\":\"[scrubbed]\""), std::string::npos);
    nlohmann::json counts = sim.stats();
    EXPECT_EQ(counts["total"], kExchanges);
    for (const auto& [target, count] : counts["requests"].items()) EXPECT_EQ(count, 1) << target;
    EXPECT_FALSE(std::filesystem::exists(archive + ".pull-journal"));
    EXPECT_FALSE(std::filesystem::exists(archive + ".pull.har"));

    // Pulling again into the same archive changes nothing.
    RunResult again = run_jbridge(pull_args(sim, archive), with_token());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find(" 0 new, 0 changed"), std::string::npos) << again.out;
}

// Each switch of the simulator in turn: retried until the capture, and so the archive, is exactly
// what a clean pull gives. (One test, so the reference is built once.)
TEST(Pull, EveryFaultSwitchEndsWithTheSameArchive) {
    const std::vector<std::vector<std::string>> switches{
        {"--every-429", "10", "--burst-429", "3"}, {"--every-502", "4"},      {"--every-html200", "5"},
        {"--every-550", "6"},                      {"--every-limit", "7"},    {"--every-truncate", "4"},
        {"--every-drop", "5"},                     {"--latency-ms", "15"},    {"--every-stall", "60", "--stall-ms", "1500"}};
    for (const auto& fault : switches) {
        SCOPED_TRACE(fault.front());
        Simulator sim(fault);
        TempDir dir;
        std::string archive = dir.path("school.sqlite");
        // A stalled answer is given up after --timeout and asked again.
        RunResult pulled = run_jbridge(pull_args(sim, archive, fault.front() == "--every-stall" ? "--timeout 1" : "", 3, 20),
                                       with_token());
        ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
        EXPECT_NE(pulled.out.find("pulled " + std::to_string(kExchanges) + " exchanges"), std::string::npos) << pulled.out;
        if (fault.front() != "--latency-ms") {
            EXPECT_GT(sim.stats()["total"].get<int>(), kExchanges);  // the faults did happen and were retried
            EXPECT_EQ(pulled.out.find(" 0 retried"), std::string::npos) << pulled.out;
        }
        EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents()));
    }
}

// Targets (path?query) of the exchanges a journal holds.
std::set<std::string> journal_targets(const std::string& path, const std::string& base) {
    std::set<std::string> targets;
    std::istringstream lines(read_file(path));
    std::string line;
    std::getline(lines, line);  // the identity
    while (std::getline(lines, line)) {
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        nlohmann::json entry = nlohmann::json::parse(line.substr(tab + 1), nullptr, false);
        if (entry.is_discarded()) continue;  // cut by the kill
        std::string url = entry["request"]["url"];
        targets.insert(url.substr(base.size()));
    }
    return targets;
}

TEST(Pull, KilledMidWayContinuesWithoutAskingFinishedWindowsAgain) {
    Simulator sim({"--latency-ms", "30"});
    TempDir dir;
    std::string archive = dir.path("school.sqlite"), journal = archive + ".pull-journal";
    pid_t child = ::fork();
    if (child == 0) {
        ::setenv("JBRIDGE_TOKEN", kToken.c_str(), 1);
        std::FILE* quiet = std::freopen("/dev/null", "w", stdout);
        (void)quiet;
        std::string host = sim.url();
        ::execl(JBRIDGE_EXE, JBRIDGE_EXE, "pull", "--from", "dnevnik", "--host", host.c_str(), "--school", kSchool.c_str(),
                "--year", "2023", "-o", archive.c_str(), "--rate", "0", "--concurrency", "2", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Kill it once about 60 exchanges are journalled (of 130).
    for (int i = 0; i < 1000; ++i) {
        std::string text = std::filesystem::exists(journal) ? read_file(journal) : "";
        if (std::count(text.begin(), text.end(), '\n') > 60) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_FALSE(std::filesystem::exists(archive));  // nothing half-written
    std::set<std::string> finished = journal_targets(journal, sim.url());
    ASSERT_GE(finished.size(), 60u);
    ASSERT_LT(finished.size(), static_cast<std::size_t>(kExchanges));

    RunResult resumed = run_jbridge(pull_args(sim, archive), with_token());
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_NE(resumed.out.find(std::to_string(finished.size()) + " taken from an interrupted run"), std::string::npos)
        << resumed.out;
    nlohmann::json counts = sim.stats();
    for (const std::string& target : finished) EXPECT_EQ(counts["requests"][target], 1) << target;  // never asked again
    EXPECT_EQ(counts["requests"].size(), static_cast<std::size_t>(kExchanges));
    EXPECT_LE(counts["total"].get<int>(), kExchanges + 2);  // at most the two in flight at the kill
    EXPECT_FALSE(std::filesystem::exists(journal));
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents()));
}

TEST(Pull, TokenFromAPrivateFileButNeverFromAReadableOne) {
    Simulator sim({});
    TempDir dir;
    std::string token_file = dir.path("token"), har = dir.path("capture.har");
    write_file(token_file, kToken + "\n");
    ::chmod(token_file.c_str(), 0644);
    RunResult refused = run_jbridge(pull_args(sim, dir.path("a.sqlite"), "--token-file " + quote(token_file)), "env -u JBRIDGE_TOKEN");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.err, "jbridge: " + token_file + ": the access token file has mode 0644, so other users can read or "
                           "change it; refusing to use it. Run `chmod 600 " + token_file + "` and try again\n");
    EXPECT_EQ(sim.stats()["total"], 0);  // refused before any request

    ::chmod(token_file.c_str(), 0600);
    RunResult pulled = run_jbridge("pull --from dnevnik --host " + sim.url() + " --school " + kSchool +
                                       " --year 2023 --rate 0 --concurrency 3 --capture-only --har " + quote(har) +
                                       " --token-file " + quote(token_file),
                                   "env -u JBRIDGE_TOKEN");
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_NE(pulled.out.find("pulled " + std::to_string(kExchanges) + " exchanges"), std::string::npos);
    EXPECT_EQ(read_file(har).find(kToken), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.path("a.sqlite")));

    RunResult none = run_jbridge(pull_args(sim, dir.path("b.sqlite")), "env -u JBRIDGE_TOKEN");
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_EQ(none.err, "jbridge: no access token: put it in the environment variable JBRIDGE_TOKEN or in a file only you "
                        "can read (chmod 600) given with --token-file\n");
    RunResult other_env = run_jbridge(pull_args(sim, dir.path("c.sqlite"), "--token-env MY_TOKEN --capture-only --har " +
                                                                               quote(dir.path("c.har"))),
                                      "env -u JBRIDGE_TOKEN MY_TOKEN=" + quote(kToken));
    EXPECT_EQ(other_env.exit_code, 0) << other_env.err;
}

TEST(Pull, ARefusedTokenAsksForANewOne) {
    Simulator sim({});
    TempDir dir;
    std::string archive = dir.path("school.sqlite");
    RunResult refused = run_jbridge(pull_args(sim, archive), with_token("expired-token-000000000000000000"));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.err, "jbridge: HTTP 401 from " + sim.url() +
                               "/v2/users/me/context: the server refused the credentials; the access token has expired or "
                               "is wrong. Get a new one (docs/pull.md) and run the same command again: the 0 finished "
                               "requests kept in " + archive + ".pull-journal will not be asked again\n");
    EXPECT_EQ(sim.stats()["total"], 1);  // a 401 is not retried
    EXPECT_FALSE(std::filesystem::exists(archive));
}

TEST(Pull, ATokenThatExpiresMidWayKeepsWhatWasFetched) {
    Simulator sim({"--expire-after", "50"});
    TempDir dir;
    std::string archive = dir.path("school.sqlite");
    RunResult expired = run_jbridge(pull_args(sim, archive, "", 1), with_token());
    EXPECT_EQ(expired.exit_code, 2);
    EXPECT_NE(expired.err.find("the 50 finished requests kept in " + archive + ".pull-journal will not be asked again"),
              std::string::npos)
        << expired.err;
    EXPECT_EQ(journal_targets(archive + ".pull-journal", sim.url()).size(), 50u);
    EXPECT_FALSE(std::filesystem::exists(archive));
    EXPECT_EQ(sim.stats()["total"], 51);
    // Run again (the simulator's token stays expired): the 50 are replayed, only the 51st is asked.
    RunResult again = run_jbridge(pull_args(sim, archive, "", 1), with_token());
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_EQ(sim.stats()["total"], 52);
}

TEST(Pull, WeekWindowsGiveTheSameArchive) {
    Simulator sim({});
    TempDir dir;
    std::string archive = dir.path("school.sqlite");
    RunResult pulled = run_jbridge(pull_args(sim, archive, "--window week", 4), with_token());
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_GT(sim.stats()["total"].get<int>(), 2 * kExchanges);  // many more, smaller windows
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents()));
}

TEST(Pull, AdaptersWithAPullerAreListedAsOnline) {
    RunResult listed = run_jbridge("adapters --json");
    ASSERT_EQ(listed.exit_code, 0);
    for (const auto& adapter : nlohmann::json::parse(listed.out))
        EXPECT_EQ(adapter["online"], adapter["name"] == "bars" || adapter["name"] == "dnevnik" ||
                                          adapter["name"] == "edutatar" || adapter["name"] == "netschool")
            << adapter["name"];
    RunResult unknown = run_jbridge("pull --from native --host h --school 1 --year 2023 -o x.sqlite");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("--from: native not in {bars,dnevnik,edutatar,netschool}"), std::string::npos) << unknown.err;
}

TEST(Pull, BadUsageIsRefusedBeforeAnyRequest) {
    Simulator sim({});
    TempDir dir;
    RunResult no_output = run_jbridge("pull --from dnevnik --host " + sim.url() + " --school " + kSchool + " --year 2023",
                                      with_token());
    EXPECT_EQ(no_output.exit_code, 2);
    EXPECT_EQ(no_output.err, "jbridge: pull: no archive given (-o ARCHIVE)\n");
    RunResult bad_school = run_jbridge(pull_args(sim, dir.path("a.sqlite")).replace(
                                           pull_args(sim, dir.path("a.sqlite")).find(kSchool), kSchool.size(), "school42"),
                                       with_token());
    EXPECT_EQ(bad_school.exit_code, 2);
    EXPECT_NE(bad_school.err.find("--school must be the numeric school id"), std::string::npos) << bad_school.err;
    RunResult wrong_year = run_jbridge(pull_args(sim, dir.path("b.sqlite")).replace(
                                           pull_args(sim, dir.path("b.sqlite")).find("2023"), 4, "2019"),
                                       with_token());
    EXPECT_EQ(wrong_year.exit_code, 2);
    EXPECT_NE(wrong_year.err.find("has no classes for the school year 2019/2020 (it has classes for 2023)"), std::string::npos)
        << wrong_year.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("b.sqlite")));
    RunResult unknown_school = run_jbridge(pull_args(sim, dir.path("c.sqlite")).replace(
                                               pull_args(sim, dir.path("c.sqlite")).find(kSchool), kSchool.size(), "1000000000999"),
                                           with_token());
    EXPECT_EQ(unknown_school.exit_code, 2);
    EXPECT_EQ(unknown_school.err,
              "jbridge: " + sim.url() + "/v2/schools/1000000000999: HTTP 404 resourceUnavailable: School not found\n");
}

}  // namespace
}  // namespace jb::test
