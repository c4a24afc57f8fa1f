// `jbridge pull --from bars` against the loopback simulator (tools/bars-sim): a parent account with
// two children, sign-in with a password or a pasted sessionid, each refusal, fault switches, ended
// sessions, a SIGKILL mid-way, and no secret in what is kept.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
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

const std::string kLogin = "hezheva.l";
const std::string kPassword = "invented-Passw0rd-5150";
const std::string kPasted = "inventedsessionid7f3a91c2", kFreshPasted = "inventedsessionid0b55d7e4";
// Counted by hand from tools/bars-sim/sim_account.cpp: per child 4 quarters × 10 school days × 2
// lessons; lesson 1 marks 5, 4, —, 4-, 3 by day (8 a quarter), lesson 2 «5/4» on Wednesdays (4 a
// quarter) and one summary-only «4» per subject and quarter (2) → 56; a «•» per quarter; «Н» on
// Fridays' lesson 2; homework on every lesson 1 (40) and Tuesdays' lesson 2 from HomeworkService
// (8); quarter marks 1–3 of two subjects (quarter 4 is «0»). Two classes of the child and two
// classmates; three teachers (one teaches both children); four subjects.
const std::string kStats =
    R"({"schools":1,"classes":2,"students":6,"teachers":3,"subjects":4,"lessons":160,"marks":112,"debts":8,)"
    R"("absences":16,"homework":96,"final_marks":12})";
// GetPersonData; per child SetChild, class, school, total marks, 44 weeks × (diary, homework) and
// 10 summary-mark requests (4 quarters, then weekly to the end of June on the last one).
constexpr int kExchanges = 1 + 2 * (1 + 3 + 88 + 10);

class Simulator : public LoopbackSimulator {
public:
    explicit Simulator(const std::vector<std::string>& switches)
        : LoopbackSimulator(JBRIDGE_BARS_SIM, with({"--login", kLogin, "--year", "2023"}, switches),
                            {{"BARS_SIM_PASSWORD", kPassword}, {"BARS_SIM_SESSIONIDS", kPasted + "," + kFreshPasted}}) {}
    int count(const std::string& key) const { return stats().value(key, 0); }
    int asked(const std::string& method) const { return stats()["requests"].value(method, 0); }
};

std::string pull_args(const Simulator& sim, const std::string& archive, const std::string& extra = "") {
    return "pull --from bars --host " + sim.url() + " --year 2023 -o " + quote(archive) + " --rate 0 --backoff-ms 5 " + extra;
}
std::string with_login() { return "--login " + kLogin; }
std::string password_env(const std::string& password = kPassword) { return "JBRIDGE_PASSWORD=" + quote(password); }
std::string pasted_env(const std::string& id = kPasted) { return "JBRIDGE_TOKEN=" + quote(id); }

// The simulator's data set imported offline from its --dump-har.
std::string dumped_contents(const std::string& switches) {
    TempDir dir;
    const std::string har = dir.path("sim.har"), archive = dir.path("ref.sqlite");
    EXPECT_EQ(std::system((quote(JBRIDGE_BARS_SIM) + " --year 2023 " + switches + " --dump-har " + quote(har)).c_str()), 0);
    RunResult imported = run_jbridge("import --from bars " + quote(har) + " -o " + quote(archive) + " --school-year 2023");
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    return contents(archive, "school.07.edu.o7.com");
}
const std::string& reference_contents() {
    static const std::string reference = dumped_contents("");
    return reference;
}

void expect_no_secret(const std::string& text) {
    EXPECT_EQ(text.find(kPassword), std::string::npos);
    EXPECT_EQ(text.find(kPasted), std::string::npos);
    EXPECT_EQ(text.find(kFreshPasted), std::string::npos);
    EXPECT_EQ(text.find("simsession"), std::string::npos);  // the sessionid a sign-in was given
    EXPECT_EQ(text.find("login_password"), std::string::npos);
}

// Marks per child and subject, straight from the archive.
std::string marks_by_child(const std::string& archive) {
    sql::Db db(archive, sql::Db::Mode::read_only);
    sql::Stmt select(db,
                     "SELECT p.first_name || ' ' || s.name || ' ' || count(*) FROM mark m JOIN person p ON p.id = "
                     "m.student_id JOIN work w ON w.id = m.work_id JOIN subject s ON s.id = w.subject_id GROUP BY "
                     "p.first_name, s.name ORDER BY p.first_name, s.name");
    std::string all;
    while (select.step()) all += select.column_text(0) + "; ";
    return all;
}

const std::string& clean_contents() {
    static const std::string clean = [] {
        Simulator sim({});
        TempDir dir;
        const std::string archive = dir.path("a.sqlite");
        RunResult pulled = run_jbridge(pull_args(sim, archive, with_login()), password_env());
        EXPECT_EQ(pulled.exit_code, 0) << pulled.err;
        return contents(archive, sim.instance());
    }();
    return clean;
}

TEST(BarsPull, PasswordSignInPullsBothChildrenAsTheOfflineImportOfTheirData) {
    Simulator sim({});
    TempDir dir;
    const std::string archive = dir.path("a.sqlite"), har = dir.path("capture.har");
    RunResult pulled = run_jbridge(pull_args(sim, archive, with_login() + " --har " + quote(har)), password_env());
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_NE(pulled.out.find("pulled " + std::to_string(kExchanges) + " exchanges"), std::string::npos) << pulled.out;
    EXPECT_EQ(stats_of(archive), kStats);
    EXPECT_EQ(marks_by_child(archive), "Аслан Алгебра 36; Аслан История 24; Мадина Математика 36; Мадина Русский язык 24; ");
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), reference_contents()));
    EXPECT_EQ(sim.count("logins"), 1);
    EXPECT_EQ(sim.asked("ProfileService/SetChild"), 4);  // per child: live, then the capture's own

    // Each child's requests follow its SetChild in the capture; the sign-in is not in it.
    const std::string capture = read_file(har);
    const std::size_t first = capture.find("selected=6101"), second = capture.find("selected=6102");
    ASSERT_NE(first, std::string::npos);
    ASSERT_NE(second, std::string::npos);
    EXPECT_LT(first, capture.find("ScheduleService/GetDiary"));
    EXPECT_LT(first, second);
    EXPECT_NE(capture.find("ScheduleService/GetDiary", second), std::string::npos);
    EXPECT_EQ(capture.find("/auth/login"), std::string::npos);
    expect_no_secret(capture);
    expect_no_secret(stored_captures(archive));
    expect_no_secret(pulled.out + pulled.err);
    EXPECT_FALSE(std::filesystem::exists(archive + ".pull-journal"));
}

TEST(BarsPull, APupilsOwnAccountIsPulledWithoutSetChild) {
    Simulator sim({"--pupil-account"});
    TempDir dir;
    const std::string archive = dir.path("a.sqlite");
    RunResult pulled = run_jbridge(pull_args(sim, archive, with_login()), password_env());
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_NE(pulled.out.find("pulled " + std::to_string(1 + 3 + 88 + 10) + " exchanges"), std::string::npos) << pulled.out;
    EXPECT_EQ(sim.asked("ProfileService/SetChild"), 0);
    EXPECT_EQ(marks_by_child(archive), "Мадина Математика 36; Мадина Русский язык 24; ");
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), dumped_contents("--pupil-account")));
}

TEST(BarsPull, PastedSessionidFromAPrivateFileGivesTheSameArchive) {
    Simulator sim({});
    TempDir dir;
    const std::string archive = dir.path("a.sqlite"), har = dir.path("capture.har"), cookie = dir.path("sessionid");
    std::ofstream(cookie) << "sessionid=" << kPasted << "\n";
    ::chmod(cookie.c_str(), 0644);
    RunResult readable = run_jbridge(pull_args(sim, archive, "--token-file " + quote(cookie)));
    EXPECT_EQ(readable.exit_code, 2);
    EXPECT_EQ(sim.count("total"), 0);
    ::chmod(cookie.c_str(), 0600);
    // The simulator sends the session cookie again after every SetChild and refuses a request that
    // carries two: the pasted cookie must live in the cookie jar, not beside it.
    RunResult pulled = run_jbridge(pull_args(sim, archive, "--token-file " + quote(cookie) + " --har " + quote(har)));
    ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
    EXPECT_EQ(stats_of(archive), kStats);
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), clean_contents()));
    EXPECT_EQ(sim.count("logins"), 0);
    expect_no_secret(read_file(har));
    expect_no_secret(stored_captures(archive));
}

struct Failure {
    std::vector<std::string> switches;
    std::string env, extra, message;
};

TEST(BarsPull, EachRefusalGivesItsMessageWithoutRetrying) {
    const std::vector<Failure> failures{
        {{}, password_env("wrong-password"), with_login(), "refused the login hezheva.l or its password"},
        {{"--locked-out"}, password_env(), with_login(), "the account is locked after too many sign-in attempts"},
        {{"--finish-registration"}, password_env(), with_login(), "must first finish its registration"},
        {{}, pasted_env("someothersessionid"), "", "Copy a fresh sessionid from the browser"},
    };
    for (const auto& failure : failures) {
        Simulator sim(failure.switches);
        TempDir dir;
        const std::string archive = dir.path("a.sqlite");
        RunResult pulled = run_jbridge(pull_args(sim, archive, failure.extra + " --max-attempts 3"), failure.env);
        EXPECT_EQ(pulled.exit_code, 2) << failure.message;
        EXPECT_NE(pulled.err.find(failure.message), std::string::npos) << pulled.err;
        EXPECT_EQ(pulled.err.find("gave up after"), std::string::npos) << pulled.err;
        EXPECT_FALSE(std::filesystem::exists(archive));
        expect_no_secret(pulled.err);
        EXPECT_LE(sim.count("logins"), 1) << failure.message;  // one sign-in, never repeated
        EXPECT_EQ(sim.count("api"), 0) << failure.message;
    }
}

TEST(BarsPull, AValidationFaultStopsWithTheServersWords) {
    Simulator sim({"--validation-error", "MarkService/GetTotalMarks"});
    TempDir dir;
    const std::string archive = dir.path("a.sqlite");
    RunResult pulled = run_jbridge(pull_args(sim, archive, with_login() + " --concurrency 1"), password_env());
    EXPECT_EQ(pulled.exit_code, 2);
    EXPECT_NE(pulled.err.find("Client.ValidationError «Некорректная дата»"), std::string::npos) << pulled.err;
    EXPECT_EQ(sim.asked("MarkService/GetTotalMarks"), 1);
    EXPECT_EQ(sim.count("logins"), 1);
    EXPECT_FALSE(std::filesystem::exists(archive));
}

TEST(BarsPull, FaultsEndWithTheSameArchiveAsACleanPull) {
    const std::vector<std::vector<std::string>> faults{
        {"--every-5xx", "3"}, {"--every-html-200", "7"}, {"--every-truncate", "4"}, {"--every-drop", "5"}, {"--latency-ms", "3"}};
    for (const auto& switches : faults) {
        Simulator sim(switches);
        TempDir dir;
        const std::string archive = dir.path("a.sqlite");
        RunResult pulled = run_jbridge(pull_args(sim, archive, with_login()), password_env());
        ASSERT_EQ(pulled.exit_code, 0) << switches[0] << ": " << pulled.err;
        if (switches[0] != "--latency-ms") {
            EXPECT_EQ(pulled.out.find(" 0 retried"), std::string::npos) << pulled.out;
        }
        EXPECT_TRUE(same_contents(contents(archive, sim.instance()), clean_contents())) << switches[0];
    }
}

TEST(BarsPull, AnEndedSessionSignsInAgainWithThePassword) {
    for (const std::string expiry : {"403", "fault", "login-page", "redirect"}) {
        Simulator sim({"--expire-after", "120", "--expiry", expiry});
        TempDir dir;
        const std::string archive = dir.path("a.sqlite");
        RunResult pulled = run_jbridge(pull_args(sim, archive, with_login()), password_env());
        ASSERT_EQ(pulled.exit_code, 0) << expiry << ": " << pulled.err;
        EXPECT_EQ(sim.count("logins"), 2) << expiry;
        EXPECT_TRUE(same_contents(contents(archive, sim.instance()), clean_contents())) << expiry;
    }
}

TEST(BarsPull, AnEndedPastedSessionStopsAndARerunWithAFreshOneFinishes) {
    Simulator sim({"--expire-after", "150", "--expiry", "fault"});
    TempDir dir;
    const std::string archive = dir.path("a.sqlite");
    RunResult first = run_jbridge(pull_args(sim, archive, "--concurrency 1"), pasted_env());
    EXPECT_EQ(first.exit_code, 2);
    EXPECT_NE(first.err.find("Server.UserNotAuthenticated"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("Copy a fresh sessionid"), std::string::npos) << first.err;
    EXPECT_FALSE(std::filesystem::exists(archive));
    expect_no_secret(read_file(archive + ".pull-journal"));
    RunResult second = run_jbridge(pull_args(sim, archive, "--concurrency 1"), pasted_env(kFreshPasted));
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("taken from an interrupted run"), std::string::npos);
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), clean_contents()));
}

TEST(BarsPull, KilledDuringTheSecondChildAndRerunGivesTheSameArchive) {
    Simulator sim({"--latency-ms", "5"});
    TempDir dir;
    const std::string archive = dir.path("a.sqlite");
    pid_t child = ::fork();
    if (child == 0) {
        ::setenv("JBRIDGE_PASSWORD", kPassword.c_str(), 1);
        const std::string host = sim.url();
        ::execl(JBRIDGE_EXE, JBRIDGE_EXE, "pull", "--from", "bars", "--host", host.c_str(), "--year", "2023", "-o",
                archive.c_str(), "--login", kLogin.c_str(), "--rate", "0", "--concurrency", "1", "-q", nullptr);
        ::_exit(127);
    }
    // Killed once the second child's requests have begun (polled, so a loaded machine does not matter).
    const int second_child_started = kExchanges / 2 + 20;
    for (int i = 0; i < 3000 && sim.count("api") < second_child_started; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_TRUE(std::filesystem::exists(archive + ".pull-journal"));
    EXPECT_FALSE(std::filesystem::exists(archive));
    expect_no_secret(read_file(archive + ".pull-journal"));
    const int asked_before_kill = sim.count("api");
    EXPECT_GE(asked_before_kill, second_child_started);
    EXPECT_LT(asked_before_kill, kExchanges - 2);
    RunResult rerun = run_jbridge(pull_args(sim, archive, with_login()), password_env());
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    // Data requests (SetChild aside) finished before the kill were not asked again.
    EXPECT_LE(sim.count("api"), kExchanges - 2 + 1);
    EXPECT_TRUE(same_contents(contents(archive, sim.instance()), clean_contents()));
}

}  // namespace
}  // namespace jb::test
