// `jbridge pull --from netschool` against the loopback simulator (tools/netschool-sim): the salted
// windows-1251 login with a Cyrillic password, a refused password, an ЕСИА-only server, the
// multi-role and SecurityWarning logins, expiry, fault switches, a SIGKILL mid-way, and no secret in
// the kept capture, the archive or the journal.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "adapters/netschool/netschool_password.hpp"
#include "core/capture.hpp"
#include "core/error.hpp"
#include "core/sqlite.hpp"
#include "tests/support/archive_text.hpp"
#include "tests/support/run.hpp"
#include "tests/support/simulator.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb::test {
namespace {

const std::string kLogin = "sokolova.ea";
const std::string kSchool = "1077";
const std::string kPassword = "Пароль-Ёлка7";  // Cyrillic: the proof must hash its windows-1251 bytes
// Counted from tools/netschool-sim/sim_school.cpp by a separate script: 2 pupils (6в: Алгебра,
// Русский язык, Физическая культура; 3а: Математика, Литературное чтение) × 3 weeks × 5 days →
// 75 lessons; 33 marks (one of them the string «4-»), 2 debts («точка»), 30 homework texts; 3
// teachers named by assigns/{id}.
const std::string kStats =
    R"({"schools":1,"classes":2,"students":2,"teachers":3,"subjects":5,"lessons":75,"marks":33,"debts":2,)"
    R"("absences":0,"homework":30,"final_marks":0})";
// context, years/current, assignment types, diary init; 40 weeks × 2 pupils; 65 assignment details.
constexpr int kExchanges = 149;

class Simulator : public LoopbackSimulator {
public:
    explicit Simulator(const std::vector<std::string>& switches)
        : LoopbackSimulator(JBRIDGE_NETSCHOOL_SIM, with({"--login", kLogin, "--school", kSchool}, switches),
                            {{"NETSCHOOL_SIM_PASSWORD", kPassword}}) {}
};

std::string pull_args(const Simulator& sim, const std::string& archive, const std::string& extra = "") {
    return "pull --from netschool --host " + sim.url() + " --school " + kSchool + " --login " + kLogin +
           " --year 2024 -o " + quote(archive) + " --rate 0 --backoff-ms 5 " + extra;
}
std::string password_env(const std::string& password = kPassword) { return "JBRIDGE_PASSWORD=" + quote(password); }

// What importing the simulator's own data set (--dump-har, no network) gives.
std::string dump_contents(const std::string& switches) {
    TempDir dir;
    std::string har = dir.path("dump.har"), archive = dir.path("dump.sqlite");
    EXPECT_EQ(std::system((quote(JBRIDGE_NETSCHOOL_SIM) + " " + switches + " --dump-har " + quote(har)).c_str()), 0);
    RunResult imported = run_jbridge("import --from netschool " + quote(har) + " -o " + quote(archive) + " --school-year 2024");
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    return contents(archive, "asurso.ru");
}
const std::string& reference_contents() {
    static const std::string reference = dump_contents("");
    return reference;
}
const std::string& staff_reference_contents() {
    static const std::string reference = dump_contents("--staff");
    return reference;
}

// The password, and the session's secrets the simulator handed out last: the login proof (pw2),
// the at token, the NSSESSIONID and ESRNSec cookies; also their recognisable prefixes.
void expect_no_secret(const std::string& text, const nlohmann::json& sim_stats) {
    EXPECT_EQ(text.find(kPassword), std::string::npos);
    for (const char* key : {"last_pw2", "last_at", "last_nssessionid", "last_esrnsec"}) {
        std::string secret = sim_stats.value(key, "");
        if (!secret.empty()) {
            EXPECT_EQ(text.find(secret), std::string::npos) << key;
        }
    }
    EXPECT_EQ(text.find("913755"), std::string::npos);  // every at the simulator issues starts so
    EXPECT_EQ(text.find("simsess"), std::string::npos);
    EXPECT_EQ(text.find("simesrn"), std::string::npos);
    EXPECT_EQ(text.find("pw2="), std::string::npos);
}

TEST(NetschoolPull, PasswordProofHashesTheWindows1251Bytes) {
    // Expected values computed apart from jbridge (Python: hashlib.md5(p.encode("cp1251"))).
    auto cyrillic = netschool::password_proof(kPassword, "1234567890");
    EXPECT_EQ(cyrillic.pw2, "a1fd3a66b5320801250f283d6c5f7e9b");
    EXPECT_EQ(cyrillic.pw, "a1fd3a66b532");  // 12 characters, not 20 UTF-8 bytes
    auto ascii = netschool::password_proof("abc", "1234567890");
    EXPECT_EQ(ascii.pw2, "d1270348d92823aa64833a2d7bb027ca");
    EXPECT_EQ(ascii.pw, "d12");
    EXPECT_THROW(netschool::password_proof("пароль✓", "1"), Error);  // ✓ has no windows-1251 byte
}

TEST(NetschoolPull, CyrillicPasswordLogsInAndThePullEqualsImportingTheSimulatorsData) {
    Simulator sim({});
    TempDir dir;
    std::string archive = dir.path("a.sqlite"), har = dir.path("capture.har");
    RunResult pulled = run_jbridge(pull_args(sim, archive, "--har " + quote(har)), password_env());
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_NE(pulled.out.find("pulled " + std::to_string(kExchanges) + " exchanges"), std::string::npos) << pulled.out;
    EXPECT_EQ(stats_of(archive), kStats);
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents()));

    nlohmann::json counts = sim.stats();
    EXPECT_EQ(counts["logins"], 1);
    EXPECT_EQ(counts["logouts"], 1);
    EXPECT_EQ(counts["data"], kExchanges);
    for (const auto& [target, count] : counts["requests"].items()) EXPECT_EQ(count, 1) << target;

    std::string capture = read_file(har);
    expect_no_secret(capture, counts);
    EXPECT_EQ(capture.find("/webapi/login"), std::string::npos);  // the login exchanges are not captured
    EXPECT_EQ(capture.find("auth/getdata"), std::string::npos);
    EXPECT_NE(capture.find("\"name\":\"at\",\"value\":\"[scrubbed]\""), std::string::npos);
    EXPECT_NE(capture.find("\\\"at\\\":\\\"[scrubbed]\\\""), std::string::npos);  // context repeats the token
    std::string stored = stored_captures(archive);
    EXPECT_FALSE(stored.empty());
    expect_no_secret(stored, counts);
    expect_no_secret(pulled.out + pulled.err, counts);
    EXPECT_FALSE(std::filesystem::exists(archive + ".pull-journal"));
}

// A teacher's account has no diary (diary/init: 403): the class journal of every group and term.
// Counted from tools/netschool-sim/sim_staff.cpp by hand: 2 classes (4 and 3 pupils) × 2 subject
// groups × 2 terms × 4 class meetings = 32 lessons; per group and term 6 works, results cycling
// over k = 1…6·pupils with every 4th missing and every 9th a debt: 7б 16 marks + 2 debts, 9а 12 + 2
// → 112 marks, 16 debts; one absence per meeting (32, every code); a total per pupil per group and
// term (28, −1 and −2 among them).
const std::string kStaffStats =
    R"({"schools":1,"classes":2,"students":7,"teachers":4,"subjects":4,"lessons":32,"marks":112,"debts":16,)"
    R"("absences":32,"homework":0,"final_marks":28})";
constexpr int kStaffExchanges = 17;  // 4 first (diary/init answers 403), reasons, classes, terms, 2 group lists, 8 journals

TEST(NetschoolPull, StaffAccountPullsTheClassJournalAndEqualsImportingTheSimulatorsData) {
    for (const std::vector<std::string>& switches :
         {std::vector<std::string>{"--staff"}, {"--staff", "--every-truncate", "3", "--every-429", "5", "--expire-after", "9",
                                                "--expiry-html"}}) {
        Simulator sim(switches);
        TempDir dir;
        std::string archive = dir.path("a.sqlite"), har = dir.path("capture.har");
        RunResult pulled = run_jbridge(pull_args(sim, archive, "--har " + quote(har)), password_env());
        ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
        EXPECT_NE(pulled.out.find("pulled " + std::to_string(kStaffExchanges) + " exchanges"), std::string::npos) << pulled.out;
        EXPECT_EQ(stats_of(archive), kStaffStats);
        EXPECT_TRUE(same_contents(contents(archive, sim.instance()), staff_reference_contents())) << switches.size();
        nlohmann::json counts = sim.stats();
        EXPECT_EQ(counts["logins"], switches.size() == 1 ? 1 : 2);  // the faulty run logged in again once
        if (switches.size() > 1) {
            EXPECT_EQ(pulled.out.find(" 0 retried"), std::string::npos) << pulled.out;
        }
        for (const auto& [target, count] : counts["requests"].items()) EXPECT_EQ(count, 1) << target;
        expect_no_secret(read_file(har), counts);
        expect_no_secret(stored_captures(archive), counts);
    }
}

TEST(NetschoolPull, WrongPasswordGivesThe409MessageWithoutRetrying) {
    Simulator sim({});
    TempDir dir;
    std::string archive = dir.path("a.sqlite");
    // A wrong Cyrillic password and a wrong ASCII one.
    for (const std::string& password : {std::string("Пароль-Ёлка8"), std::string("invented-Bad-Pass-9")}) {
        RunResult pulled = run_jbridge(pull_args(sim, archive, "--max-attempts 3"), password_env(password));
        EXPECT_EQ(pulled.exit_code, 2);
        EXPECT_NE(pulled.err.find("HTTP 409 «Неправильный пароль или имя пользователя»"), std::string::npos) << pulled.err;
        EXPECT_NE(pulled.err.find("No retries were made"), std::string::npos) << pulled.err;
        EXPECT_EQ(pulled.err.find("gave up after"), std::string::npos);
        EXPECT_FALSE(std::filesystem::exists(archive));
        EXPECT_FALSE(std::filesystem::exists(archive + ".pull-journal"));  // nothing fetched, nothing to resume
        EXPECT_EQ(pulled.err.find(password), std::string::npos);
    }
    EXPECT_EQ(sim.stats()["logins"], 2);  // one per run, never repeated
    EXPECT_EQ(sim.stats()["data"], 0);
}

TEST(NetschoolPull, WithoutRateTheDefaultIsAboutOneRequestASecond) {
    Simulator sim({});
    TempDir dir;
    auto started = std::chrono::steady_clock::now();
    // logindata, auth/getdata and the refused login: three request starts one second apart.
    RunResult pulled = run_jbridge("pull --from netschool --host " + sim.url() + " --school " + kSchool + " --login " + kLogin +
                                       " --year 2024 -o " + quote(dir.path("a.sqlite")),
                                   password_env("invented-Bad-Pass-9"));
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_EQ(pulled.exit_code, 2);
    EXPECT_EQ(sim.stats()["total"], 3);
    EXPECT_GE(seconds, 1.8);  // at the generic default of 4 a second it would take 0.5 s
}

TEST(NetschoolPull, EsiaOnlyServerGivesTheHarAdvice) {
    Simulator sim({"--esia-only"});
    TempDir dir;
    std::string archive = dir.path("a.sqlite");
    RunResult pulled = run_jbridge(pull_args(sim, archive), password_env());
    EXPECT_EQ(pulled.exit_code, 2);
    EXPECT_NE(pulled.err.find("does not allow password login"), std::string::npos) << pulled.err;
    EXPECT_NE(pulled.err.find("Госуслуги"), std::string::npos) << pulled.err;
    EXPECT_NE(pulled.err.find("jbridge import --from netschool capture.har"), std::string::npos) << pulled.err;
    EXPECT_NE(pulled.err.find("Capturing a HAR when password login is off"), std::string::npos) << pulled.err;
    EXPECT_EQ(sim.stats()["logins"], 0);  // the password was never sent
    EXPECT_FALSE(std::filesystem::exists(archive));
}

TEST(NetschoolPull, MultiRoleAccountAndSecurityWarningGiveTheSameArchive) {
    Simulator sim({"--multi-role", "--security-warning"});
    TempDir dir;
    std::string archive = dir.path("a.sqlite");
    RunResult pulled = run_jbridge(pull_args(sim, archive), password_env());
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents()));
    nlohmann::json counts = sim.stats();
    EXPECT_EQ(counts["logins"], 2);        // the teacher-or-parent choice, then the parent role
    EXPECT_EQ(counts["logouts"], 2);       // the first login, and the end of the pull
    EXPECT_GE(counts["acknowledged"], 1);  // SecurityWarning answered
    EXPECT_EQ(counts["data"], kExchanges);
}

TEST(NetschoolPull, EveryFaultEndsWithTheSameArchiveAsACleanPull) {
    const std::vector<std::vector<std::string>> faults{
        {"--every-429", "3"},       {"--every-500", "4"},
        {"--every-truncate", "5"},  {"--every-waf", "6"},
        {"--latency-ms", "3"},      {"--expire-after", "40"},
        {"--expire-after", "100", "--expiry-html"}};
    for (const auto& switches : faults) {
        Simulator sim(switches);
        TempDir dir;
        std::string archive = dir.path("a.sqlite");
        RunResult pulled = run_jbridge(pull_args(sim, archive), password_env());
        ASSERT_EQ(pulled.exit_code, 0) << switches[0] << ": " << pulled.err;
        EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents())) << switches[0];
        nlohmann::json counts = sim.stats();
        if (switches[0] == "--expire-after") {
            EXPECT_EQ(counts["logins"], 2) << switches.back();  // logged in again once
        } else if (switches[0] != "--latency-ms") {
            EXPECT_EQ(pulled.out.find(" 0 retried"), std::string::npos) << switches[0] << ": " << pulled.out;
        }
        for (const auto& [target, count] : counts["requests"].items()) EXPECT_EQ(count, 1) << switches[0] << " " << target;
        expect_no_secret(pulled.out + pulled.err, counts);
    }
}

TEST(NetschoolPull, ALoginEndingAgainRightAfterLoggingInAnewStopsWithAMessage) {
    // Every login ends after 1 ms of idleness and every answer takes 5 ms: no data request succeeds.
    Simulator sim({"--time-out-ms", "1", "--latency-ms", "5"});
    TempDir dir;
    std::string archive = dir.path("a.sqlite");
    RunResult pulled = run_jbridge(pull_args(sim, archive), password_env());
    EXPECT_EQ(pulled.exit_code, 2);
    EXPECT_NE(pulled.err.find("The login ended again right after logging in anew"), std::string::npos) << pulled.err;
    EXPECT_NE(pulled.err.find("run the same command again"), std::string::npos) << pulled.err;
    nlohmann::json counts = sim.stats();
    EXPECT_EQ(counts["logins"], 2);  // the first login and one renewal, no loop
    EXPECT_EQ(counts["data"], 0);
    EXPECT_FALSE(std::filesystem::exists(archive));
    expect_no_secret(pulled.err, counts);
}

TEST(NetschoolPull, KilledMidWayAndRerunGivesTheSameArchive) {
    Simulator sim({"--latency-ms", "15"});
    TempDir dir;
    std::string archive = dir.path("a.sqlite");
    pid_t child = ::fork();
    if (child == 0) {
        ::setenv("JBRIDGE_PASSWORD", kPassword.c_str(), 1);
        std::string host = sim.url();
        ::execl(JBRIDGE_EXE, JBRIDGE_EXE, "pull", "--from", "netschool", "--host", host.c_str(), "--school", kSchool.c_str(),
                "--login", kLogin.c_str(), "--year", "2024", "-o", archive.c_str(), "--rate", "0", "--concurrency", "1", "-q",
                nullptr);
        ::_exit(127);
    }
    for (int i = 0; i < 1000 && sim.stats().value("data", 0) < 30; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_TRUE(std::filesystem::exists(archive + ".pull-journal"));
    EXPECT_FALSE(std::filesystem::exists(archive));
    nlohmann::json before = sim.stats();
    expect_no_secret(read_file(archive + ".pull-journal"), before);
    int asked_before_kill = before["data"].get<int>();
    EXPECT_GE(asked_before_kill, 30);
    EXPECT_LT(asked_before_kill, kExchanges);

    RunResult rerun = run_jbridge(pull_args(sim, archive), password_env());
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_NE(rerun.out.find("taken from an interrupted run"), std::string::npos);
    nlohmann::json after = sim.stats();
    EXPECT_LE(after["data"].get<int>(), kExchanges + 1);  // finished requests were not asked again
    EXPECT_EQ(after["logins"], 2);
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents()));
    expect_no_secret(stored_captures(archive), after);
}

TEST(NetschoolPull, WithoutALoginItRefusesBeforeAnyRequest) {
    Simulator sim({});
    TempDir dir;
    RunResult pulled = run_jbridge("pull --from netschool --host " + sim.url() + " --school 1077 --year 2024 -o " +
                                       quote(dir.path("a.sqlite")),
                                   "JBRIDGE_TOKEN=x");
    EXPECT_EQ(pulled.exit_code, 2);
    EXPECT_NE(pulled.err.find("needs --login NAME"), std::string::npos) << pulled.err;
    EXPECT_EQ(sim.stats()["total"], 0);
}

}  // namespace
}  // namespace jb::test
