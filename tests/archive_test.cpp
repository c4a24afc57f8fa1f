// The SQLite archive: schema, migrations, idempotent upserts, atomic creation, raw captures.
#include <gtest/gtest.h>

#include "core/archive.hpp"
#include "core/capture.hpp"
#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/record.hpp"
#include "core/schema.hpp"
#include "core/sha256.hpp"
#include "core/sqlite.hpp"
#include "core/stats.hpp"
#include "core/store.hpp"
#include "tests/support/mini_school.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using test::TempDir;

std::int64_t count(sql::Db& db, const std::string& table) { return db.scalar("SELECT count(*) FROM \"" + table + "\""); }

TEST(Archive, NewArchiveHasCurrentSchemaStrictTablesAndForeignKeys) {
    TempDir dir;
    test::make_mini_archive(dir.path("a.sqlite"));
    Archive archive = Archive::open_read(dir.path("a.sqlite"));
    sql::Db& db = archive.db();
    EXPECT_EQ(schema_version(db), kSchemaVersion);
    EXPECT_TRUE(is_jbridge_archive(db));
    EXPECT_EQ(db.scalar("PRAGMA foreign_keys"), 1);
    for (const TableSpec* spec : all_tables()) {
        sql::Stmt ddl(db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
        ddl.bind(1, spec->table);
        ASSERT_TRUE(ddl.step()) << spec->table;
        EXPECT_NE(ddl.column_text(0).find("STRICT"), std::string::npos) << spec->table;
        // The table's columns are exactly the spec's, in order.
        sql::Stmt info(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
        info.bind(1, spec->table);
        for (const Column& column : spec->columns) {
            ASSERT_TRUE(info.step()) << spec->table;
            EXPECT_EQ(info.column_text(0), column.name) << spec->table;
        }
        EXPECT_FALSE(info.step()) << spec->table << " has columns the spec lacks";
    }
}

TEST(Archive, StrictTablesRejectWrongTypesAndEnumerationsAreChecked) {
    TempDir dir;
    test::make_mini_archive(dir.path("a.sqlite"));
    Archive archive = Archive::open_write(dir.path("a.sqlite"));
    EXPECT_THROW(archive.db().exec("INSERT INTO subject(id, school_id, name) VALUES('x', 1, 'y')"), Error);
    EXPECT_THROW(archive.db().exec("UPDATE person_role SET role = 'janitor'"), Error);
}

TEST(Archive, ImportingTheSameRecordsTwiceChangesNothing) {
    TempDir dir;
    test::make_mini_archive(dir.path("a.sqlite"));
    Archive archive = Archive::open_write(dir.path("a.sqlite"));
    sql::Db& db = archive.db();
    auto before = compute_stats(db);
    std::int64_t marks = count(db, "mark");
    sql::Transaction transaction(db);
    Store store(db);
    test::put_mini_school(store);
    transaction.commit();
    EXPECT_GT(store.records(), 20);
    EXPECT_EQ(store.written(), 0) << "an identical re-import writes nothing";
    EXPECT_EQ(compute_stats(db), before);
    EXPECT_EQ(count(db, "mark"), marks);
}

TEST(Archive, AChangedValueUpdatesTheSameEntity) {
    TempDir dir;
    test::MiniSchool school = test::make_mini_archive(dir.path("a.sqlite"));
    Archive archive = Archive::open_write(dir.path("a.sqlite"));
    sql::Db& db = archive.db();
    std::int64_t lessons = count(db, "lesson");
    sql::Transaction transaction(db);
    Store store(db);
    RecordBuilder(tables::lesson).set("class_id", Value(school.school_class)).set("subject_id", Value(school.subject))
        .set("date", "2024-09-03").set("number", 2).set("start_time", "09:25").set("topic", "Гласные звуки").put(store);
    transaction.commit();
    EXPECT_EQ(store.written(), 1);
    EXPECT_EQ(count(db, "lesson"), lessons);
    sql::Stmt topic(db, "SELECT topic, homework, end_time FROM lesson WHERE id = ?");
    topic.bind(1, school.lesson);
    ASSERT_TRUE(topic.step());
    EXPECT_EQ(topic.column_text(0), "Гласные звуки");
    EXPECT_EQ(topic.column_text(1), "упр. 12") << "a source without homework must not erase it";
    EXPECT_EQ(topic.column_text(2), "10:10");
}

TEST(Archive, TheStoreRefusesMalformedDatesAndUnknownEnumerations) {
    TempDir dir;
    test::MiniSchool school = test::make_mini_archive(dir.path("a.sqlite"));
    Archive archive = Archive::open_write(dir.path("a.sqlite"));
    sql::Transaction transaction(archive.db());
    Store store(archive.db());
    RecordBuilder lesson(tables::lesson);
    lesson.set("class_id", school.school_class).set("subject_id", school.subject).set("date", "03.09.2024");
    try {
        lesson.put(store);
        FAIL() << "a malformed date reached the archive";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "lesson.date: '03.09.2024' is not a valid date (YYYY-MM-DD)");
    }
    RecordBuilder role(tables::person_role);
    role.set("person_id", school.teacher).set("role", "janitor");
    EXPECT_THROW(role.put(store), Error);
}

TEST(Archive, StatsCountTheContractsFacts) {
    TempDir dir;
    test::make_mini_archive(dir.path("a.sqlite"));
    Archive archive = Archive::open_read(dir.path("a.sqlite"));
    std::vector<std::pair<std::string, std::int64_t>> expected{
        {"schools", 1}, {"classes", 1}, {"students", 2}, {"teachers", 1}, {"subjects", 1}, {"lessons", 1},
        {"marks", 2},   {"debts", 1},   {"absences", 1}, {"homework", 1}, {"final_marks", 1}};
    EXPECT_EQ(compute_stats(archive.db()), expected);
}

TEST(Archive, ANewArchiveAppearsOnlyWhenPublished) {
    TempDir dir;
    std::string path = dir.path("a.sqlite");
    {
        Archive archive = Archive::create(path);
        sql::Transaction transaction(archive.db());
        migrate(archive.db());
        Store store(archive.db());
        test::put_mini_school(store);
        EXPECT_FALSE(file_exists(path));
        // Dropped without publish(), as after an exception.
    }
    EXPECT_FALSE(file_exists(path));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.root()), {}), 0) << "temporary file left behind";
}

TEST(Archive, MigratesAnArchiveOfThePreviousSchemaVersion) {
    TempDir dir;
    std::string path = dir.path("v1.sqlite");
    {
        sql::Db db(path, sql::Db::Mode::create);
        db.exec("PRAGMA foreign_keys = ON");
        sql::Transaction transaction(db);
        migrate(db, 1);
        db.exec("INSERT INTO school(id, code, name) VALUES(7, 'old', 'Старая школа')");
        transaction.commit();
    }
    EXPECT_THROW(Archive::open_read(path), Error) << "reading an old archive asks for `jbridge upgrade`";
    {
        Archive archive = Archive::open_write(path);
        EXPECT_EQ(schema_version(archive.db()), 1);
        EXPECT_EQ(archive.db().scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'curriculum'"), 0);
        sql::Transaction transaction(archive.db());
        migrate(archive.db());
        transaction.commit();
    }
    Archive archive = Archive::open_read(path);
    EXPECT_EQ(schema_version(archive.db()), kSchemaVersion);
    EXPECT_EQ(archive.db().scalar("SELECT count(*) FROM school WHERE code = 'old'"), 1);
    EXPECT_EQ(archive.db().scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'curriculum'"), 1);
}

TEST(Archive, RefusesArchivesFromANewerJbridgeAndForeignFiles) {
    TempDir dir;
    std::string newer = dir.path("newer.sqlite");
    test::make_mini_archive(newer);
    {
        sql::Db db(newer, sql::Db::Mode::read_write);
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
    }
    try {
        Archive::open_read(newer);
        FAIL() << "a newer archive was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("newer jbridge"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(newer), std::string::npos) << e.what();
    }
    std::string other = dir.path("other.sqlite");
    {
        sql::Db db(other, sql::Db::Mode::create);
        db.exec("CREATE TABLE t(x)");
    }
    EXPECT_THROW(Archive::open_read(other), Error);
    std::string text = dir.path("text.sqlite");
    test::write_file(text, "this is not a database, just some text that is long enough to have a header.....");
    EXPECT_THROW(Archive::open_read(text), Error);
    EXPECT_THROW(Archive::open_read(dir.path("missing.sqlite")), Error);
}

TEST(Captures, StoredCompressedReadBackVerifiedAndNeverTwice) {
    TempDir dir;
    std::string input = dir.path("capture.har");
    std::string content;
    for (int i = 0; i < 200000; ++i) content += "{\"line\":" + std::to_string(i) + ",\"text\":\"Домашнее задание\"}\n";
    test::write_file(input, content);
    test::make_mini_archive(dir.path("a.sqlite"));
    Archive archive = Archive::open_write(dir.path("a.sqlite"));
    sql::Db& db = archive.db();
    StoredCapture first = store_capture(db, input, "capture.har");
    EXPECT_FALSE(first.already_present);
    EXPECT_EQ(first.sha256, sha256_hex(content));
    EXPECT_EQ(first.size, static_cast<std::int64_t>(content.size()));
    EXPECT_GT(db.scalar("SELECT count(*) FROM capture_chunk WHERE capture_id = " + std::to_string(first.id)), 0);
    EXPECT_LT(db.scalar("SELECT compressed_size FROM capture"), first.size / 5);
    StoredCapture again = store_capture(db, input, "capture.har");
    EXPECT_TRUE(again.already_present);
    EXPECT_EQ(again.id, first.id);
    std::string back;
    read_capture(db, first.id, [&back](std::string_view piece) { back += piece; });
    EXPECT_EQ(back, content);

    db.exec("UPDATE capture SET sha256 = 'bad' WHERE id = " + std::to_string(first.id));
    EXPECT_THROW(read_capture(db, first.id, [](std::string_view) {}), Error);
}

}  // namespace
}  // namespace jb
