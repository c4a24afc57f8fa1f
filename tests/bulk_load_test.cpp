// The import's fast paths (issue 8): records written on a second thread, a new archive's indexes
// built after its load, captures compressed beside the read; and the benchmark's data set tools.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/background_sink.hpp"
#include "core/capture.hpp"
#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/temp_files.hpp"
#include "tests/support/run.hpp"
#include "tests/support/simulator.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using jb::test::quote;
using jb::test::run_jbridge;
using jb::test::RunResult;

// Remembers what it was given; fails on the record numbered `fail_at` (1-based).
class RecordingSink : public jb::Sink {
public:
    explicit RecordingSink(std::int64_t fail_at = 0) : fail_at_(fail_at) {}
    void put(const jb::TableSpec& spec, const jb::Row& row) override {
        if (++count_ == fail_at_) throw jb::Error("record " + std::to_string(count_) + " refused");
        tables.emplace_back(spec.table);
        rows.push_back(row);
    }
    std::vector<std::string> tables;
    std::vector<jb::Row> rows;

private:
    std::int64_t fail_at_;
    std::int64_t count_ = 0;
};

jb::Row row_numbered(std::int64_t n) { return {jb::Value(n), jb::Value(std::string(static_cast<std::size_t>(n % 50), 'x'))}; }

TEST(BackgroundSink, PassesEveryRecordOnInOrder) {
    RecordingSink target;
    {
        jb::BackgroundSink sink(target, 7);  // a batch size that does not divide the count
        for (std::int64_t n = 0; n < 1000; ++n)
            sink.put(n % 3 ? jb::tables::mark : jb::tables::lesson, row_numbered(n));
        sink.finish();
    }
    ASSERT_EQ(target.rows.size(), 1000u);
    for (std::int64_t n = 0; n < 1000; ++n) {
        EXPECT_EQ(target.rows[static_cast<std::size_t>(n)], row_numbered(n)) << n;
        EXPECT_EQ(target.tables[static_cast<std::size_t>(n)], n % 3 ? "mark" : "lesson");
    }
}

TEST(BackgroundSink, TheWritersErrorReachesTheReader) {
    RecordingSink target(/*fail_at=*/5);
    jb::BackgroundSink sink(target, 4);
    auto feed = [&] {
        for (std::int64_t n = 0; n < 100; ++n) sink.put(jb::tables::mark, row_numbered(n));
        sink.finish();
    };
    try {
        feed();
        FAIL() << "the refusal was lost";
    } catch (const jb::Error& e) {
        EXPECT_STREQ(e.what(), "record 5 refused");
    }
    EXPECT_EQ(target.rows.size(), 4u);  // nothing after the failed record was written
}

TEST(BackgroundSink, DroppedWithoutFinishStopsCleanly) {
    RecordingSink target;
    {
        jb::BackgroundSink sink(target, 4);
        for (std::int64_t n = 0; n < 10; ++n) sink.put(jb::tables::mark, row_numbered(n));
    }  // an import that failed half-way: no hang, no crash
    EXPECT_LE(target.rows.size(), 10u);
}

std::vector<std::string> index_statements(const std::string& archive) {
    jb::sql::Db db(archive, jb::sql::Db::Mode::read_only);
    jb::sql::Stmt list(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
    std::vector<std::string> statements;
    while (list.step()) statements.push_back(list.column_text(0));
    return statements;
}

TEST(BulkLoad, ANewArchiveGetsEveryIndexBackAndStaysConsistent) {
    jb::test::TempDir dir;
    const std::string archive = dir.path("fresh.sqlite");
    {
        jb::sql::Db db(dir.path("empty.sqlite"), jb::sql::Db::Mode::create);
        jb::migrate(db);
    }
    const std::vector<std::string> expected = index_statements(dir.path("empty.sqlite"));
    ASSERT_GE(expected.size(), 6u);

    const std::string har = jb::test::fixture("dnevnik/capture.har");
    ASSERT_EQ(run_jbridge("import --from dnevnik " + quote(har) + " -o " + quote(archive)).exit_code, 0);
    EXPECT_EQ(index_statements(archive), expected);
    // The update path (indexes kept, every record upserted) over the bulk-loaded archive.
    RunResult again = run_jbridge("import --from dnevnik " + quote(har) + " -o " + quote(archive));
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("0 new, 0 changed"), std::string::npos) << again.out;
    EXPECT_EQ(index_statements(archive), expected);
    jb::sql::Db db(archive, jb::sql::Db::Mode::read_only);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST(Capture, CompressedBesideTheReadThenStoredGivesTheInputBack) {
    jb::test::TempDir dir;
    std::string input_text;
    for (int i = 0; i < 200000; ++i) input_text += "строка " + std::to_string(i) + "\n";
    jb::test::write_file(dir.path("input.txt"), input_text);
    jb::sql::Db db(dir.path("a.sqlite"), jb::sql::Db::Mode::create);
    jb::migrate(db);
    jb::CompressedCapture compressed;
    {
        jb::TempFileGuard file(dir.path("input.zst"));
        compressed = jb::compress_capture(dir.path("input.txt"), file.path());
        EXPECT_EQ(compressed.size, static_cast<std::int64_t>(input_text.size()));
        EXPECT_LT(std::filesystem::file_size(file.path()), input_text.size() / 4);
        jb::StoredCapture stored = jb::store_compressed(db, compressed, "input.txt");
        EXPECT_FALSE(stored.already_present);
        EXPECT_TRUE(jb::store_compressed(db, compressed, "again.txt").already_present);
        std::string back;
        jb::read_capture(db, stored.id, [&back](std::string_view piece) { back += piece; });
        EXPECT_EQ(back, input_text);
        EXPECT_EQ(compressed.sha256, jb::hash_file(dir.path("input.txt")).sha256);
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path("input.zst")));  // the guard removed it
}

// gen-synthetic --dnevnik-har: the data set of the benchmarks, importable, deterministic, the same
// data the simulator serves; har-parse reads it.
TEST(GenSynthetic, DnevnikHarIsTheSimulatorsDataSetAndImports) {
    jb::test::TempDir dir;
    const std::string har = dir.path("school.har"), again = dir.path("again.har"), sim = dir.path("sim.har");
    const std::string options = " -q --classes 3 --students 6 --subjects 5 --quarters 1 --lessons-per-day 4 --seed 9";
    ASSERT_EQ(std::system((quote(JBRIDGE_GEN_SYNTHETIC) + options + " --dnevnik-har " + quote(har)).c_str()), 0);
    ASSERT_EQ(std::system((quote(JBRIDGE_GEN_SYNTHETIC) + options + " --dnevnik-har " + quote(again)).c_str()), 0);
    ASSERT_EQ(std::system((quote(JBRIDGE_DNEVNIK_SIM) + " --classes 3 --pupils 6 --subjects 5 --quarters 1 "
                           "--lessons-per-day 4 --seed 9 --year 2024 --dump-har " + quote(sim)).c_str()), 0);
    EXPECT_EQ(jb::test::read_file(har), jb::test::read_file(again));
    EXPECT_EQ(jb::test::read_file(har), jb::test::read_file(sim));

    const std::string archive = dir.path("school.sqlite");
    RunResult imported = run_jbridge("import --from dnevnik " + quote(har) + " -o " + quote(archive));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    RunResult stats = run_jbridge("stats --json " + quote(archive));
    auto counts = nlohmann::json::parse(stats.out);
    EXPECT_EQ(counts["classes"], 3);
    EXPECT_EQ(counts["students"], 18);
    EXPECT_EQ(counts["subjects"], 5);
    EXPECT_GT(counts["marks"].get<int>(), 18 * 5 * 5);  // several marks per pupil and subject in a quarter

    const std::string command = quote(JBRIDGE_HAR_PARSE) + " " + quote(har) + " > " + quote(dir.path("parse.txt"));
    ASSERT_EQ(std::system(command.c_str()), 0);
    EXPECT_NE(jb::test::read_file(dir.path("parse.txt")).find("entries "), std::string::npos);
    const std::string broken = dir.path("broken.har");
    jb::test::write_file(broken, jb::test::read_file(har).substr(0, 5000));
    EXPECT_NE(std::system((quote(JBRIDGE_HAR_PARSE) + " " + quote(broken) + " 2>/dev/null").c_str()), 0);
}

TEST(DnevnikSim, NoAuthAcceptsAnyToken) {
    jb::test::LoopbackSimulator sim(JBRIDGE_DNEVNIK_SIM, {"--no-auth", "--quarters", "1"}, {});
    jb::test::TempDir dir;
    RunResult pulled = run_jbridge("pull --from dnevnik --host " + sim.url() + " --school 1000000000042 --year 2023 --rate 0 -q -o " +
                                       quote(dir.path("a.sqlite")),
                                   "JBRIDGE_TOKEN=whatever");
    EXPECT_EQ(pulled.exit_code, 0) << pulled.err;
}

}  // namespace
