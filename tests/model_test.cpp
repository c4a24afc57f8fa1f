// The common journal model: table specs, deterministic ids, text formats, mark values.
#include <gtest/gtest.h>

#include <set>

#include "core/entities.hpp"
#include "core/mark_value.hpp"
#include "core/record.hpp"
#include "core/text_format.hpp"

namespace jb {
namespace {

TEST(Model, EveryTableStartsWithItsIdAndHasAtLeastOneKeyColumn) {
    for (const TableSpec* spec : all_tables()) {
        ASSERT_FALSE(spec->columns.empty()) << spec->table;
        EXPECT_EQ(spec->columns[0].name, "id") << spec->table;
        EXPECT_EQ(spec->columns[0].type, ColumnType::id) << spec->table;
        bool has_key = false;
        for (const Column& column : spec->columns) has_key = has_key || column.key;
        EXPECT_TRUE(has_key) << spec->table;
        EXPECT_LT(spec->index_of("record"), 0) << spec->table << ": 'record' names a native bundle line's type";
    }
}

TEST(Model, ReferencesPointToTablesExportedEarlier) {
    std::set<std::string_view> seen;
    for (const TableSpec* spec : all_tables()) {
        for (const Column& column : spec->columns) {
            if (column.type == ColumnType::ref || column.type == ColumnType::opt_ref) {
                EXPECT_TRUE(seen.count(column.ref_table)) << spec->table << "." << column.name << " → " << column.ref_table;
            }
        }
        seen.insert(spec->table);
    }
}

TEST(Model, IdDependsOnTheNaturalKeyOnly) {
    RecordBuilder a(tables::subject);
    a.set("school_id", Value(std::int64_t{42})).set("name", "Математика");
    RecordBuilder b(tables::subject);
    b.set("school_id", Value(std::int64_t{42})).set("name", "Математика");
    EXPECT_EQ(a.id(), b.id());
    RecordBuilder other(tables::subject);
    other.set("school_id", Value(std::int64_t{42})).set("name", "Алгебра");
    EXPECT_NE(a.id(), other.id());

    RecordBuilder mark1(tables::mark);
    mark1.set("work_id", Value(std::int64_t{1})).set("student_id", Value(std::int64_t{2})).set("raw", "5");
    RecordBuilder mark2(tables::mark);
    mark2.set("work_id", Value(std::int64_t{1})).set("student_id", Value(std::int64_t{2})).set("raw", "3");
    EXPECT_EQ(mark1.id(), mark2.id()) << "a changed value is the same mark, changed";
    mark2.set("position", 1);
    EXPECT_NE(mark1.id(), mark2.id()) << "the second half of a double mark is another mark";
}

TEST(Model, IdsAreStableAcrossBuilds) {
    // Changing this value breaks every archive and bundle ever written: only change it with a new
    // native format version and a migration.
    RecordBuilder school(tables::school);
    school.set("code", "test-1");
    EXPECT_EQ(id_to_hex(school.id()), "06f57720940d8e3f");
}

TEST(Model, HexIdsRoundTripAndRejectGarbage) {
    Id out = 0;
    EXPECT_TRUE(id_from_hex(id_to_hex(0x1234abcd5678ef0LL), out));
    EXPECT_EQ(out, 0x1234abcd5678ef0LL);
    EXPECT_FALSE(id_from_hex("123", out));
    EXPECT_FALSE(id_from_hex("ffffffffffffffff", out)) << "ids are 63-bit";
    EXPECT_FALSE(id_from_hex("0123456789ABCDEF", out)) << "upper case is not canonical";
    EXPECT_FALSE(id_from_hex("0123456789abcdeg", out));
}

TEST(Model, UnknownColumnIsAProgrammingError) {
    RecordBuilder builder(tables::lesson);
    EXPECT_THROW(builder.set("no_such_column", 1), std::logic_error);
}

TEST(TextFormat, DatesTimesAndTimestamps) {
    EXPECT_TRUE(is_valid_date("2024-02-29"));
    EXPECT_FALSE(is_valid_date("2023-02-29"));
    EXPECT_FALSE(is_valid_date("2024-13-01"));
    EXPECT_FALSE(is_valid_date("01.09.2024"));
    EXPECT_TRUE(is_valid_time("08:30"));
    EXPECT_TRUE(is_valid_time("08:30:15"));
    EXPECT_FALSE(is_valid_time("24:00"));
    EXPECT_TRUE(is_valid_timestamp("2024-09-03T15:00:00+03:00"));
    EXPECT_TRUE(is_valid_timestamp("2024-09-03T15:00:00.1234567"));
    EXPECT_TRUE(is_valid_timestamp("2024-09-03T12:00Z"));
    EXPECT_FALSE(is_valid_timestamp("2024-09-03 15:00:00"));
    EXPECT_FALSE(is_valid_timestamp("2024-09-03T15:00:00+3"));
}

TEST(MarkValue, DigitsModifiersAndWords) {
    MarkValue five_minus = parse_mark("5-");
    EXPECT_EQ(five_minus.raw, "5-");
    EXPECT_EQ(five_minus.value, "5");
    EXPECT_EQ(five_minus.numeric, 5.0);
    EXPECT_EQ(five_minus.modifier, "-");

    MarkValue pass = parse_mark("зачёт");
    EXPECT_EQ(pass.value, "зачет");
    EXPECT_FALSE(pass.numeric.has_value());

    MarkValue unknown = parse_mark(" х ");
    EXPECT_EQ(unknown.raw, " х ");
    EXPECT_EQ(unknown.value, "х");
    EXPECT_FALSE(unknown.numeric.has_value()) << "unknown values never become 0";
}

TEST(MarkValue, DoubleMarksSplitButNaDoesNot) {
    auto pair = split_double_mark("5/4");
    ASSERT_EQ(pair.size(), 2u);
    EXPECT_EQ(pair[0].value, "5");
    EXPECT_EQ(pair[1].value, "4");
    auto na = split_double_mark("н/а");
    ASSERT_EQ(na.size(), 1u);
    EXPECT_EQ(na[0].value, "н/а");
}

}  // namespace
}  // namespace jb
