// The native bundle: canonical export, lossless round trips, and a clear error for every bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "adapters/native/native_format.hpp"
#include "core/archive.hpp"
#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "tests/support/mini_school.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using test::TempDir;

std::string export_archive(const std::string& path) {
    Archive archive = Archive::open_read(path);
    std::ostringstream out;
    native::write_bundle(archive.db(), out, nullptr);
    return out.str();
}

void import_bundle(const std::string& bundle, const std::string& path) {
    Archive archive = Archive::create(path);
    sql::Transaction transaction(archive.db());
    migrate(archive.db());
    Store store(archive.db());
    std::istringstream in(bundle);
    native::read_bundle(in, "bundle.jsonl", store);
    transaction.commit();
    archive.publish();
}

// Every row of every model table, as text, in id order.
std::string dump_tables(const std::string& path) {
    Archive archive = Archive::open_read(path);
    std::string dump;
    for (const TableSpec* spec : all_tables()) {
        sql::Stmt rows(archive.db(), "SELECT * FROM \"" + std::string(spec->table) + "\" ORDER BY id");
        while (rows.step()) {
            dump += spec->table;
            for (int i = 0; i < rows.columns(); ++i) dump += "|" + (rows.column_is_null(i) ? "∅" : rows.column_text(i));
            dump += "\n";
        }
    }
    return dump;
}

// Reads a bundle into a throwaway sink and returns the error message ("" when it reads cleanly).
std::string read_error(const std::string& bundle) {
    struct NullSink : Sink {
        void put(const TableSpec&, const Row&) override {}
    } sink;
    std::istringstream in(bundle);
    try {
        native::read_bundle(in, "bundle.jsonl", sink);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

class NativeBundle : public ::testing::Test {
protected:
    void SetUp() override {
        test::make_mini_archive(dir.path("mini.sqlite"));
        bundle = export_archive(dir.path("mini.sqlite"));
    }
    // The bundle with line `number` (1-based) replaced.
    std::string with_line(std::size_t number, const std::string& replacement) const {
        std::istringstream in(bundle);
        std::string line, result;
        for (std::size_t i = 1; std::getline(in, line); ++i) result += (i == number ? replacement : line) + "\n";
        return result;
    }
    std::string line(std::size_t number) const {
        std::istringstream in(bundle);
        std::string text;
        for (std::size_t i = 0; i < number; ++i) std::getline(in, text);
        return text;
    }
    // 1-based number of the first line holding a record of `table`, 0 when there is none.
    std::size_t first_line_of(const std::string& table) const {
        std::istringstream in(bundle);
        std::string text;
        for (std::size_t i = 1; std::getline(in, text); ++i)
            if (text.starts_with("{\"record\":\"" + table + "\"")) return i;
        return 0;
    }
    TempDir dir;
    std::string bundle;
};

TEST_F(NativeBundle, ExportIsCanonicalHeaderRecordsEnd) {
    EXPECT_TRUE(bundle.starts_with("{\"record\":\"header\",\"format\":\"jbridge-native\",\"version\":1}\n"));
    EXPECT_NE(bundle.find("{\"record\":\"end\",\"records\":"), std::string::npos);
    EXPECT_EQ(bundle, export_archive(dir.path("mini.sqlite"))) << "two exports of one archive differ";
}

TEST_F(NativeBundle, ImportThenExportIsByteIdentical) {
    import_bundle(bundle, dir.path("copy.sqlite"));
    EXPECT_EQ(export_archive(dir.path("copy.sqlite")), bundle);
}

TEST_F(NativeBundle, ArchiveToNativeToArchiveLosesNothing) {
    import_bundle(bundle, dir.path("copy.sqlite"));
    std::string original = dump_tables(dir.path("mini.sqlite"));
    EXPECT_GT(original.size(), 1000u);
    EXPECT_EQ(dump_tables(dir.path("copy.sqlite")), original);
}

TEST_F(NativeBundle, TruncatedJsonNamesLineAndColumn) {
    std::string record = line(5);
    std::string message = read_error(with_line(5, record.substr(0, record.size() / 2)));
    EXPECT_NE(message.find("bundle.jsonl:5:"), std::string::npos) << message;
    EXPECT_NE(message.find("malformed JSON"), std::string::npos) << message;
}

TEST_F(NativeBundle, TruncatedAtALineBoundaryIsCaughtByTheMissingEndRecord) {
    std::string cut = bundle.substr(0, bundle.rfind("{\"record\":\"end\""));
    cut = cut.substr(0, cut.rfind('\n', cut.size() - 2) + 1);
    std::string message = read_error(cut);
    EXPECT_NE(message.find("truncated"), std::string::npos) << message;
}

TEST_F(NativeBundle, EndRecordCountMustMatch) {
    std::string message = read_error(bundle.substr(0, bundle.rfind("{\"record\":\"end\"")) + "{\"record\":\"end\",\"records\":3}\n");
    EXPECT_NE(message.find("promises 3 records"), std::string::npos) << message;
}

TEST_F(NativeBundle, NewerFormatVersionIsRefused) {
    std::string message = read_error(with_line(1, "{\"record\":\"header\",\"format\":\"jbridge-native\",\"version\":9}"));
    EXPECT_NE(message.find("bundle.jsonl:1: native format version 9 was written by a newer jbridge"), std::string::npos)
        << message;
}

TEST_F(NativeBundle, NotABundleAtAll) {
    EXPECT_NE(read_error("").find("empty file"), std::string::npos);
    EXPECT_NE(read_error("{\"students\":[]}\n").find("not a jbridge native bundle"), std::string::npos);
    std::string html = read_error("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>\n");
    EXPECT_NE(html.find("an HTML page"), std::string::npos) << html;
}

TEST_F(NativeBundle, WrongTypesInTheHeaderAreErrorsNotCrashes) {
    // Found by tests/fuzz/native_reader_fuzz: a non-string "record" in the first line.
    EXPECT_NE(read_error(with_line(1, "{\"record\":1}")).find("bundle.jsonl:1: not a jbridge native bundle"),
              std::string::npos);
    EXPECT_NE(read_error(with_line(1, "{\"record\":\"header\",\"format\":[],\"version\":1}")).find("not a jbridge"),
              std::string::npos);
    EXPECT_NE(read_error(with_line(1, "{\"record\":\"header\",\"format\":\"jbridge-native\",\"version\":\"1\"}"))
                  .find("/version: missing or not an integer"),
              std::string::npos);
}

TEST_F(NativeBundle, NumbersBeyondDoubleAreErrorsNotCrashes) {
    // Found by tests/fuzz/native_reader_fuzz: nlohmann throws out_of_range, not parse_error.
    std::string message = read_error(with_line(3, "8e5895"));
    EXPECT_NE(message.find("bundle.jsonl:3: malformed JSON: number overflow"), std::string::npos) << message;
}

TEST_F(NativeBundle, IntegersBeyondInt64AreRefused) {
    std::size_t line_number = first_line_of("school_year");
    std::string record = line(line_number);
    record.replace(record.find("\"start_year\":") + 13, 4, "18446744073709551615");
    EXPECT_NE(read_error(with_line(line_number, record)).find("/start_year: integer out of range"), std::string::npos);
}

TEST_F(NativeBundle, InvalidUtf8IsRejectedWithItsPlace) {
    std::string record = line(2);  // the school, whose name is Cyrillic
    std::size_t name = record.find("\"name\":\"") + 8;
    std::string cp1251 = record.substr(0, name) + "\xD8\xEA\xEE\xEB\xE0" + record.substr(name);  // «Школа» in windows-1251
    std::string message = read_error(with_line(2, cp1251));
    EXPECT_NE(message.find("bundle.jsonl:2:"), std::string::npos) << message;
    EXPECT_NE(message.find("not valid UTF-8"), std::string::npos) << message;
}

TEST_F(NativeBundle, AUtf8ByteOrderMarkIsAccepted) { EXPECT_EQ(read_error("\xEF\xBB\xBF" + bundle), ""); }

TEST_F(NativeBundle, FieldErrorsNameTheFieldAsAJsonPointer) {
    std::size_t mark_line = first_line_of("mark");
    ASSERT_GT(mark_line, 0u);
    std::string record = line(mark_line);
    auto replace = [&](const std::string& from, const std::string& to) {
        std::string changed = record;
        changed.replace(changed.find(from), from.size(), to);
        return read_error(with_line(mark_line, changed));
    };
    std::string at = "bundle.jsonl:" + std::to_string(mark_line) + ": ";
    EXPECT_NE(replace("\"position\":", "\"position\":\"x\",\"was\":").find(at + "/position: expected an integer"),
              std::string::npos);
    EXPECT_NE(replace("\"debt\":", "\"colour\":1,\"debt\":").find(at + "/colour: unknown field"), std::string::npos);
    EXPECT_NE(replace("\"id\":\"", "\"id\":\"0").find(at + "/id: expected a 16-digit"), std::string::npos);
    EXPECT_NE(replace("\"position\":", "\"position\":7,\"was\":").find(at + "/was: unknown field"), std::string::npos);
    std::string moved = record;
    moved.replace(moved.find("\"position\":") + 11, 1, "5");
    EXPECT_NE(read_error(with_line(mark_line, moved)).find(at + "/id: does not match the record's natural key"),
              std::string::npos);
    std::string no_field = record;
    no_field.erase(no_field.find(",\"comment\":\"\""), 13);
    EXPECT_NE(read_error(with_line(mark_line, no_field)).find(at + "/comment: missing"), std::string::npos);
    EXPECT_NE(read_error(with_line(mark_line, "{\"record\":\"grade\"}")).find("unknown record type 'grade'"),
              std::string::npos);
    EXPECT_NE(read_error(with_line(mark_line, "[1,2]")).find("expected a JSON object"), std::string::npos);
}

TEST_F(NativeBundle, DatesAndEnumerationsAreChecked) {
    std::size_t lesson_line = first_line_of("lesson"), role_line = first_line_of("person_role");
    ASSERT_GT(lesson_line, 0u);
    ASSERT_GT(role_line, 0u);
    std::string lesson = line(lesson_line);
    lesson.replace(lesson.find("2024-09-03"), 10, "03.09.2024");
    EXPECT_NE(read_error(with_line(lesson_line, lesson)).find("/date: '03.09.2024' is not a valid date"),
              std::string::npos);
    std::string role = line(role_line);
    role.replace(role.find("\"role\":\"") + 8, 0, "x");
    EXPECT_NE(read_error(with_line(role_line, role)).find("/role: 'x"), std::string::npos);
}

TEST(NativeSchema, DocumentedSchemaMatchesTheModel) {
    std::string documented = test::read_file(std::string(JBRIDGE_SOURCE_DIR) + "/docs/native-bundle.schema.json");
    EXPECT_EQ(documented, native::json_schema().dump(2) + "\n")
        << "docs/native-bundle.schema.json is out of date: regenerate it with "
           "`build/tools/native-schema > docs/native-bundle.schema.json`";
}

}  // namespace
}  // namespace jb
