// `jbridge pull --from edutatar` against the loopback simulator (tools/edutatar-sim): sign-in with a
// password or a pasted DNSID, each failure page, fault switches, a SIGKILL mid-way, and no secret in
// the capture.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "core/capture.hpp"
#include "core/sqlite.hpp"
#include "tests/support/archive_text.hpp"
#include "tests/support/run.hpp"
#include "tests/support/simulator.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb::test {
namespace {

const std::string kLogin = "1000000077";
const std::string kPassword = "invented-Passw0rd-7731";
const std::string kDnsid = "inventeddnsid4f2a9c0b1e7d";
// stats --json of the simulator's pupil, counted by hand from tools/edutatar-sim/sim_pupil.cpp:
// 4 days × 3 lessons; marks 7 dated (5, 4/5, 5, 4, 3, 5) + 4 of term 1 + 5 of term 2 (term 3's
// табель marks are the diary's, term 4 has none); н and б; two homework texts; final marks 3 + 2 +
// 3 period marks and 3 year marks.
const std::string kStats =
    R"({"schools":1,"classes":1,"students":1,"teachers":0,"subjects":3,"lessons":12,"marks":16,"debts":0,)"
    R"("absences":2,"homework":2,"final_marks":11})";
constexpr int kExchanges = 12;  // profile, diary.xml, term, year sheet, 4 terms, 4 day pages

class Simulator : public LoopbackSimulator {
public:
    explicit Simulator(const std::vector<std::string>& switches)
        : LoopbackSimulator(JBRIDGE_EDUTATAR_SIM, with({"--login", kLogin}, switches),
                            {{"EDUTATAR_SIM_PASSWORD", kPassword}, {"EDUTATAR_SIM_DNSID", kDnsid}}) {}
};

std::string pull_args(const Simulator& sim, const std::string& archive, const std::string& extra = "") {
    return "pull --from edutatar --host " + sim.url() + " --year 2022 -o " + quote(archive) +
           " --rate 0 --backoff-ms 5 " + extra;
}
std::string with_login() { return "--login " + kLogin; }
std::string password_env(const std::string& password = kPassword) { return "JBRIDGE_PASSWORD=" + quote(password); }
std::string dnsid_env() { return "JBRIDGE_TOKEN=" + quote(kDnsid); }

void expect_no_secret(const std::string& text) {
    EXPECT_EQ(text.find(kPassword), std::string::npos);
    EXPECT_EQ(text.find(kDnsid), std::string::npos);
    EXPECT_EQ(text.find("simdnsid"), std::string::npos);  // the DNSID the sign-in was given
    EXPECT_EQ(text.find("main_password"), std::string::npos);
}

struct Clean {
    std::string stats, contents;
};
const Clean& clean_pull() {
    static const Clean clean = [] {
        Simulator sim({});
        TempDir dir;
        std::string archive = dir.path("a.sqlite");
        RunResult pulled = run_jbridge(pull_args(sim, archive, with_login()), password_env());
        EXPECT_EQ(pulled.exit_code, 0) << pulled.err;
        return Clean{stats_of(archive), contents(archive, sim.instance())};
    }();
    return clean;
}

TEST(EdutatarPull, PasswordSignInPullsEverythingAndLeavesNoSecretBehind) {
    Simulator sim({});
    TempDir dir;
    std::string archive = dir.path("a.sqlite"), har = dir.path("capture.har");
    RunResult pulled = run_jbridge(pull_args(sim, archive, with_login() + " --har " + quote(har)), password_env());
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_NE(pulled.out.find("pulled " + std::to_string(kExchanges) + " exchanges"), std::string::npos) << pulled.out;
    EXPECT_EQ(stats_of(archive), kStats);
    std::string capture = read_file(har);
    expect_no_secret(capture);
    EXPECT_EQ(capture.find("/logon"), std::string::npos);  // the sign-in exchange is not in the capture
    EXPECT_NE(capture.find("/user/diary.xml"), std::string::npos);
    std::string stored = stored_captures(archive);
    EXPECT_FALSE(stored.empty());
    expect_no_secret(stored);
    expect_no_secret(pulled.out + pulled.err);
    EXPECT_FALSE(std::filesystem::exists(archive + ".pull-journal"));
}

TEST(EdutatarPull, PastedDnsidFromAPrivateFileGivesTheSameArchive) {
    Simulator sim({});
    TempDir dir;
    std::string archive = dir.path("a.sqlite"), har = dir.path("capture.har"), cookie = dir.path("dnsid");
    std::ofstream(cookie) << kDnsid << "\n";
    ::chmod(cookie.c_str(), 0644);
    RunResult readable = run_jbridge(pull_args(sim, archive, "--token-file " + quote(cookie)));
    EXPECT_EQ(readable.exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(archive));
    ::chmod(cookie.c_str(), 0600);
    RunResult pulled = run_jbridge(pull_args(sim, archive, "--token-file " + quote(cookie) + " --har " + quote(har)));
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_EQ(stats_of(archive), kStats);
    EXPECT_EQ(contents(archive, sim.instance()), clean_pull().contents);
    std::string capture = read_file(har);
    expect_no_secret(capture);
    EXPECT_NE(capture.find("\"name\":\"Cookie\",\"value\":\"[scrubbed]\""), std::string::npos);
    expect_no_secret(stored_captures(archive));
}

TEST(EdutatarPull, OldSignInFormAndWindows1251PagesIn2019Layout) {
    Simulator sim({"--old-login-form", "--charset", "windows-1251", "--layout", "2019"});
    TempDir dir;
    std::string archive = dir.path("a.sqlite");
    std::string har = dir.path("capture.har");
    RunResult pulled = run_jbridge(pull_args(sim, archive, with_login() + " --har " + quote(har)), password_env());
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_EQ(stats_of(archive), kStats);
    EXPECT_EQ(contents(archive, sim.instance()), clean_pull().contents);
    EXPECT_NE(read_file(har).find("text/html; charset=windows-1251"), std::string::npos);
    expect_no_secret(read_file(har));
}

struct Failure {
    std::vector<std::string> switches;
    std::string env, extra, message;
};

TEST(EdutatarPull, EachFailurePageGivesItsMessageWithoutRetrying) {
    const std::vector<Failure> failures{
        {{}, password_env("wrong-password"), with_login(), "«Неверный логин или пароль»"},
        {{"--charset", "windows-1251"}, password_env("wrong-password"), with_login(), "«Неверный логин или пароль»"},
        {{"--locked-out"}, password_env(), with_login(), "временно заблокирован"},
        {{"--restricted-ip"}, password_env(), with_login(), "Restricted IP"},
        {{"--restricted-ip"}, dnsid_env(), "", "Restricted IP"},
        {{}, "JBRIDGE_TOKEN=someotherdnsid", "", "the session has ended"},
    };
    for (const auto& failure : failures) {
        Simulator sim(failure.switches);
        TempDir dir;
        std::string archive = dir.path("a.sqlite");
        RunResult pulled = run_jbridge(pull_args(sim, archive, failure.extra + " --max-attempts 3"), failure.env);
        EXPECT_EQ(pulled.exit_code, 2) << failure.message;
        EXPECT_NE(pulled.err.find(failure.message), std::string::npos) << pulled.err;
        EXPECT_EQ(pulled.err.find("gave up after"), std::string::npos) << pulled.err;  // not retried
        EXPECT_FALSE(std::filesystem::exists(archive));
        expect_no_secret(pulled.err);
        EXPECT_LE(sim.stats()["logins"].get<int>(), 1) << failure.message;  // one sign-in, never repeated
    }
}

TEST(EdutatarPull, FaultsEndWithTheSameArchiveAsACleanPull) {
    const std::vector<std::vector<std::string>> faults{
        {"--every-502", "3"}, {"--every-truncate", "4"}, {"--every-drop", "5"}, {"--latency-ms", "20"}};
    for (const auto& switches : faults) {
        Simulator sim(switches);
        TempDir dir;
        std::string archive = dir.path("a.sqlite");
        RunResult pulled = run_jbridge(pull_args(sim, archive, with_login()), password_env());
        ASSERT_EQ(pulled.exit_code, 0) << switches[0] << ": " << pulled.err;
        if (switches[0] != "--latency-ms") {
            EXPECT_EQ(pulled.out.find(" 0 retried"), std::string::npos) << pulled.out;
        }
        EXPECT_EQ(contents(archive, sim.instance()), clean_pull().contents) << switches[0];
    }
}

TEST(EdutatarPull, AnEndedSessionStopsWithAMessageAndARerunFinishes) {
    Simulator sim({"--expire-after", "6"});
    TempDir dir;
    std::string archive = dir.path("a.sqlite");
    RunResult first = run_jbridge(pull_args(sim, archive, with_login() + " --concurrency 1"), password_env());
    EXPECT_EQ(first.exit_code, 2);
    EXPECT_NE(first.err.find("the session has ended"), std::string::npos) << first.err;
    EXPECT_FALSE(std::filesystem::exists(archive));
    RunResult second = run_jbridge(pull_args(sim, archive, with_login() + " --concurrency 1"), password_env());
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("taken from an interrupted run"), std::string::npos);
    EXPECT_EQ(contents(archive, sim.instance()), clean_pull().contents);
}

TEST(EdutatarPull, KilledMidWayAndRerunGivesTheSameArchive) {
    Simulator sim({"--latency-ms", "60"});
    TempDir dir;
    std::string archive = dir.path("a.sqlite");
    pid_t child = ::fork();
    if (child == 0) {
        ::setenv("JBRIDGE_PASSWORD", kPassword.c_str(), 1);
        std::string host = sim.url();
        ::execl(JBRIDGE_EXE, JBRIDGE_EXE, "pull", "--from", "edutatar", "--host", host.c_str(), "--year", "2022", "-o",
                archive.c_str(), "--login", kLogin.c_str(), "--rate", "0", "--concurrency", "1", "-q", nullptr);
        ::_exit(127);
    }
    // Killed once a few pages have been answered (polled, so a loaded machine does not matter).
    for (int i = 0; i < 1000 && sim.stats().value("pages", 0) < 4; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_TRUE(std::filesystem::exists(archive + ".pull-journal"));
    EXPECT_FALSE(std::filesystem::exists(archive));
    expect_no_secret(read_file(archive + ".pull-journal"));
    int asked_before_kill = sim.stats()["pages"].get<int>();
    EXPECT_GT(asked_before_kill, 0);
    EXPECT_LT(asked_before_kill, kExchanges);
    RunResult rerun = run_jbridge(pull_args(sim, archive, with_login()), password_env());
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_LE(sim.stats()["pages"].get<int>(), kExchanges + 1);  // finished pages were not asked again
    EXPECT_EQ(contents(archive, sim.instance()), clean_pull().contents);
}

}  // namespace
}  // namespace jb::test
