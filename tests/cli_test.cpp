// The jbridge executable end to end on the bundled fixture: the contract's verbs, keys and exit
// codes, and every bad-input case of the Foundation issue (exit 2, one clear message, nothing
// half-written, an existing archive unchanged).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using test::fixture;
using test::quote;
using test::read_file;
using test::run_jbridge;
using test::TempDir;

const std::string demo = fixture("native/school-demo.jsonl");

std::size_t entries(const TempDir& dir) { return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir.root()), {})); }

class Cli : public ::testing::Test {
protected:
    std::string archive() const { return dir.path("school.sqlite"); }
    void import_demo() {
        auto result = run_jbridge("import --from native " + quote(demo) + " -o " + quote(archive()));
        ASSERT_EQ(result.exit_code, 0) << result.err;
    }
    // A failed run: exit 2, the message names `names`, and the directory holds exactly `files` entries.
    void expect_failure(const test::RunResult& result, const std::string& names, std::size_t files) {
        EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
        EXPECT_NE(result.err.find(names), std::string::npos) << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << "one message: " << result.err;
        EXPECT_EQ(entries(dir), files) << "something half-written was left behind";
    }
    TempDir dir;
};

TEST_F(Cli, EveryVerbHasHelpWithAnExample) {
    for (std::string verb : {"import", "export", "stats", "info", "adapters", "upgrade"}) {
        auto result = run_jbridge(verb + " --help");
        EXPECT_EQ(result.exit_code, 0) << verb;
        EXPECT_NE(result.out.find("Example:"), std::string::npos) << verb;
    }
    EXPECT_EQ(run_jbridge("frobnicate").exit_code, 2);
    EXPECT_EQ(run_jbridge("").exit_code, 2);
    EXPECT_EQ(run_jbridge("import --from nosuch x -o y").exit_code, 2);
}

TEST_F(Cli, AdaptersAreListedFromTheirDeclarations) {
    auto result = run_jbridge("adapters --json");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    auto list = nlohmann::json::parse(result.out);
    auto native = std::find_if(list.begin(), list.end(), [](const auto& a) { return a["name"] == "native"; });
    ASSERT_NE(native, list.end());
    EXPECT_TRUE((*native)["read"].get<bool>());
    EXPECT_TRUE((*native)["write"].get<bool>());
    EXPECT_FALSE((*native)["entities"].empty());
}

TEST_F(Cli, StatsJsonHasEveryContractKeyAsAnInteger) {
    import_demo();
    auto result = run_jbridge("stats " + quote(archive()) + " --json");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    auto stats = nlohmann::json::parse(result.out);
    for (const char* key : {"schools", "classes", "students", "teachers", "subjects", "lessons", "marks", "debts",
                            "absences", "homework", "final_marks"}) {
        ASSERT_TRUE(stats.contains(key)) << key;
        EXPECT_TRUE(stats[key].is_number_integer()) << key;
        EXPECT_GT(stats[key].get<std::int64_t>(), 0) << key;
    }
    EXPECT_EQ(stats["schools"], 1);
    EXPECT_EQ(stats["classes"], 2) << "subgroups are not classes";
}

TEST_F(Cli, ImportThenExportReproducesTheFixtureByteForByte) {
    import_demo();
    std::string out = dir.path("out.jsonl");
    auto result = run_jbridge("export --to native " + quote(archive()) + " -o " + quote(out));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(read_file(out) == read_file(demo)) << "export differs from the imported bundle";
    auto to_stdout = run_jbridge("export --to native " + quote(archive()) + " -o -");
    EXPECT_TRUE(to_stdout.out == read_file(demo));
}

TEST_F(Cli, ImportingTheSameInputTwiceChangesNothing) {
    import_demo();
    auto stats = run_jbridge("stats " + quote(archive()) + " --json").out;
    auto first_export = run_jbridge("export --to native " + quote(archive()) + " -o -").out;
    auto again = run_jbridge("import --from auto " + quote(demo) + " -o " + quote(archive()));
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find(" 0 new, 0 changed"), std::string::npos) << again.out;
    EXPECT_EQ(run_jbridge("stats " + quote(archive()) + " --json").out, stats);
    EXPECT_TRUE(run_jbridge("export --to native " + quote(archive()) + " -o -").out == first_export);
    auto info = run_jbridge("info " + quote(archive()) + " --json");
    auto parsed = nlohmann::json::parse(info.out);
    EXPECT_EQ(parsed["import_runs"].size(), 2u) << "both runs are recorded";
    EXPECT_EQ(parsed["captures"].size(), 1u) << "the same input is stored once";
}

TEST_F(Cli, InfoShowsSchoolPeriodsRunsAndCaptures) {
    import_demo();
    auto result = run_jbridge("info " + quote(archive()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* expected : {"school ", "quarter", "import runs", "native", "school-demo.jsonl", "sha256"})
        EXPECT_NE(result.out.find(expected), std::string::npos) << expected << "\n" << result.out;
}

TEST_F(Cli, MalformedJsonFailsWithLineAndColumnAndLeavesNoArchive) {
    std::string bundle = read_file(demo);
    std::size_t third = bundle.find('\n', bundle.find('\n') + 1);
    test::write_file(dir.path("bad.jsonl"), bundle.substr(0, third + 20) + "\n" + bundle.substr(third + 1));
    auto result = run_jbridge("import --from native " + quote(dir.path("bad.jsonl")) + " -o " + quote(archive()));
    expect_failure(result, dir.path("bad.jsonl") + ":3:", 1);
}

TEST_F(Cli, ATruncatedBundleIntoAnExistingArchiveLeavesItUnchanged) {
    import_demo();
    std::string before = read_file(archive());
    std::string bundle = read_file(demo);
    test::write_file(dir.path("cut.jsonl"), bundle.substr(0, bundle.size() / 2));
    auto result = run_jbridge("import --from native " + quote(dir.path("cut.jsonl")) + " -o " + quote(archive()));
    expect_failure(result, dir.path("cut.jsonl") + ":", 2);
    EXPECT_TRUE(read_file(archive()) == before) << "the existing archive was changed";
}

TEST_F(Cli, UnknownBundleVersionIsRefused) {
    std::string bundle = read_file(demo);
    bundle.replace(bundle.find("\"version\":1"), 11, "\"version\":2");
    test::write_file(dir.path("v2.jsonl"), bundle);
    auto result = run_jbridge("import --from native " + quote(dir.path("v2.jsonl")) + " -o " + quote(archive()));
    expect_failure(result, "v2.jsonl:1: native format version 2 was written by a newer jbridge", 1);
}

TEST_F(Cli, MissingInputFile) {
    auto result = run_jbridge("import --from native " + quote(dir.path("nope.jsonl")) + " -o " + quote(archive()));
    expect_failure(result, dir.path("nope.jsonl") + ": no such file", 0);
    expect_failure(run_jbridge("stats " + quote(archive()) + " --json"), archive() + ": no such archive", 0);
}

TEST_F(Cli, UnrecognisedInputForAuto) {
    test::write_file(dir.path("page.html"), "<html><body>Ошибка 502</body></html>");
    auto result = run_jbridge("import --from auto " + quote(dir.path("page.html")) + " -o " + quote(archive()));
    expect_failure(result, "page.html: no adapter recognises this input", 1);
}

TEST_F(Cli, UnwritableOutputs) {
    test::write_file(dir.path("file"), "x");
    std::string impossible = dir.path("file") + "/school.sqlite";
    auto result = run_jbridge("import --from native " + quote(demo) + " -o " + quote(impossible));
    expect_failure(result, "school.sqlite", 1);
    import_demo();
    auto exported = run_jbridge("export --to native " + quote(archive()) + " -o " + quote(dir.path("file") + "/x.jsonl"));
    expect_failure(exported, "x.jsonl: cannot write here", 2);
}

TEST_F(Cli, ExportNeverOverwritesItsOwnArchive) {
    import_demo();
    std::string before = read_file(archive());
    expect_failure(run_jbridge("export --to native " + quote(archive()) + " -o " + quote(archive())),
                   "is the archive being exported", 1);
    EXPECT_TRUE(read_file(archive()) == before);
}

TEST_F(Cli, AnArchiveFromANewerJbridgeIsRefusedAndLeftAlone) {
    import_demo();
    std::string archive_path = archive();
    ASSERT_EQ(std::system(("sqlite3 " + quote(archive_path) + " 'PRAGMA user_version = 99'").c_str()), 0);
    std::string before = read_file(archive_path);
    expect_failure(run_jbridge("stats " + quote(archive_path) + " --json"), "newer jbridge", 1);
    expect_failure(run_jbridge("import --from native " + quote(demo) + " -o " + quote(archive_path)), "newer jbridge", 1);
    EXPECT_TRUE(read_file(archive_path) == before);
}

TEST_F(Cli, NotAnArchive) {
    test::write_file(archive(), "{\"record\":\"header\"}\n");
    expect_failure(run_jbridge("stats " + quote(archive()) + " --json"), "not a jbridge archive", 1);
}

// A file-size limit (RLIMIT_FSIZE) makes every write past it fail, as a full disk does.
TEST_F(Cli, DiskFullDuringANewImportLeavesNothing) {
    auto result = run_jbridge("import --from native " + quote(demo) + " -o " + quote(archive()), "prlimit --fsize=300000");
    expect_failure(result, "school.sqlite", 0);
}

TEST_F(Cli, DiskFullDuringAnImportIntoAnExistingArchiveLeavesItUnchanged) {
    std::string bundle = read_file(demo);
    // The first half of the school: a valid, smaller bundle.
    auto small = run_jbridge("import --from native " + quote(demo) + " -o " + quote(archive()));
    ASSERT_EQ(small.exit_code, 0);
    ASSERT_EQ(std::system(("sqlite3 " + quote(archive()) + " 'DELETE FROM attendance; DELETE FROM mark; "
                           "DELETE FROM capture_chunk; DELETE FROM run_input; DELETE FROM capture; VACUUM'").c_str()), 0);
    std::string before = read_file(archive());
    auto size = static_cast<long>(before.size());
    auto result = run_jbridge("import --from native " + quote(demo) + " -o " + quote(archive()),
                              "prlimit --fsize=" + std::to_string(size + 100000));
    expect_failure(result, archive(), 1);
    EXPECT_TRUE(read_file(archive()) == before) << "the existing archive was changed";
}

TEST_F(Cli, DiskFullDuringExportLeavesNoPartialFile) {
    import_demo();
    auto result = run_jbridge("export --to native " + quote(archive()) + " -o " + quote(dir.path("out.jsonl")),
                              "prlimit --fsize=100000");
    expect_failure(result, "out.jsonl", 1);
}

TEST_F(Cli, AnInterruptedImportLeavesNothingBehind) {
    std::string big = dir.path("big.jsonl");
    ASSERT_EQ(std::system((quote(JBRIDGE_GEN_SYNTHETIC) + " -q --classes 16 --quarters 4 --native " + quote(big)).c_str()), 0);
    // The import of this bundle takes seconds; SIGTERM arrives after half a second.
    auto result = run_jbridge("import --from native " + quote(big) + " -o " + quote(archive()), "timeout -s TERM 0.5");
    EXPECT_EQ(result.exit_code, 124) << "the import was not interrupted: " << result.out << result.err;
    EXPECT_EQ(entries(dir), 1u) << "a killed import left a file behind";
}

}  // namespace
}  // namespace jb
