// A new archive's first load goes through temporary stage tables and is merged in id order
// (issue 8); the archive must come out exactly as if every record had been put one by one.
#include <gtest/gtest.h>

#include "core/archive.hpp"
#include "core/entities.hpp"
#include "core/record.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "tests/support/archive_text.hpp"
#include "tests/support/mini_school.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using test::TempDir;

// The mini school, then the same lesson again twice: once with a new topic and no homework (which
// must not erase the homework), then with a third topic; and a mark sent twice unchanged.
void put_school_with_repeats(Sink& sink) {
    test::MiniSchool school = test::put_mini_school(sink);
    auto lesson = [&](const char* topic, const char* homework) {
        RecordBuilder(tables::lesson).set("class_id", Value(school.school_class)).set("subject_id", Value(school.subject))
            .set("date", "2024-09-03").set("number", 2).set("start_time", "09:25").set("topic", topic)
            .set("homework", homework).put(sink);
    };
    lesson("Гласные звуки", "");
    lesson("Твёрдые и мягкие согласные", "");
    for (int i = 0; i < 2; ++i)
        RecordBuilder(tables::mark).set("work_id", Value(school.work)).set("student_id", Value(school.second_student))
            .set("position", 7).set("raw", "4").set("value", "4").put(sink);
}

struct Loaded {
    std::int64_t records = 0, written = 0;
    std::size_t stage_tables_left = 0;
};

Loaded load(const std::string& path, bool staged) {
    Archive archive = Archive::create(path);
    sql::Db& db = archive.db();
    sql::Transaction transaction(db);
    migrate(db);
    Store store(db);
    if (staged) store.stage_in_temporary_tables();
    put_school_with_repeats(store);
    std::int64_t tables_merged = 0, tables_to_merge = 0;
    store.merge_staged([&](std::int64_t done, std::int64_t total) {
        tables_merged = done;
        tables_to_merge = total;
    });
    if (staged) {
        EXPECT_GT(tables_to_merge, 10);
        EXPECT_EQ(tables_merged, tables_to_merge);
    }
    Loaded loaded{store.records(), store.written(),
                  static_cast<std::size_t>(db.scalar("SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'stage_%'"))};
    transaction.commit();
    archive.publish();
    return loaded;
}

TEST(StagedStore, MergedLoadEqualsRecordByRecordLoad) {
    TempDir dir;
    Loaded direct = load(dir.path("direct.sqlite"), false);
    Loaded staged = load(dir.path("staged.sqlite"), true);
    EXPECT_EQ(staged.records, direct.records);
    EXPECT_EQ(staged.written, direct.written) << "inserted or changed counts the same rows";
    EXPECT_LT(direct.written, direct.records) << "the repeats must have been told apart";
    EXPECT_EQ(staged.stage_tables_left, 0u);
    EXPECT_TRUE(test::same_contents(test::contents(dir.path("staged.sqlite"), "instance.invalid"), test::contents(dir.path("direct.sqlite"), "instance.invalid")));

    Archive archive = Archive::open_read(dir.path("staged.sqlite"));
    sql::Stmt lesson(archive.db(), "SELECT topic, homework FROM lesson WHERE number = 2");
    ASSERT_TRUE(lesson.step());
    EXPECT_EQ(lesson.column_text(0), "Твёрдые и мягкие согласные") << "the last record of an id wins";
    EXPECT_EQ(lesson.column_text(1), "упр. 12") << "an empty homework must not erase the one sent before";
}

TEST(StagedStore, StagedRecordsReachTheArchiveOnlyWhenMerged) {
    TempDir dir;
    Archive archive = Archive::create(dir.path("a.sqlite"));
    sql::Db& db = archive.db();
    sql::Transaction transaction(db);
    migrate(db);
    Store store(db);
    store.stage_in_temporary_tables();
    test::put_mini_school(store);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM mark"), 0);
    EXPECT_GT(db.scalar("SELECT count(*) FROM temp.stage_mark"), 0);
    std::int64_t staged_marks = db.scalar("SELECT count(*) FROM temp.stage_mark");
    store.merge_staged();
    EXPECT_EQ(db.scalar("SELECT count(*) FROM mark"), staged_marks);
    // Records put after the merge are upserted directly again.
    std::int64_t written = store.written();
    test::put_mini_school(store);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM sqlite_temp_master"), 0);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM mark"), staged_marks);
    EXPECT_EQ(store.written(), written) << "the same records again change nothing";
}

}  // namespace
}  // namespace jb
