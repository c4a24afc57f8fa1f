// `jbridge diff OLD NEW`: merge-join of two archives by natural-key ids, mark.changed findings.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <nlohmann/json.hpp>

#include "core/archive.hpp"
#include "core/diff/archive_diff.hpp"
#include "core/diff/diff_output.hpp"
#include "core/error.hpp"
#include "core/record.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "tests/support/mini_school.hpp"
#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using diff::ChangeKind;
using diff::Fact;
using test::quote;
using test::run_jbridge;
using test::TempDir;
using R = RecordBuilder;

// The mini school one week later, as a new capture would give it: Орлов's «5» became «4», his «4-»
// disappeared, Зайцева's debt was closed with «3», a new lesson has a mark «4» for her, the first
// lesson's topic was reworded and Орлов got an absence.
void make_later_archive(const std::string& path) {
    test::MiniSchool s = test::make_mini_archive(path);
    Archive archive = Archive::open_write(path);
    sql::Db& db = archive.db();
    sql::Transaction transaction(db);
    Store store(db);
    namespace t = tables;
    R(t::mark).set("work_id", s.work).set("student_id", s.student).set("position", 0).set("raw", "4").set("value", "4")
        .set("numeric", Value(4.0)).put(store);
    Id removed = R(t::mark).set("work_id", s.work).set("student_id", s.student).set("position", 1).id();
    sql::Stmt erase(db, "DELETE FROM mark WHERE id = ?");
    erase.bind(1, removed).run();
    R(t::mark).set("work_id", s.work).set("student_id", s.second_student).set("position", 0).set("raw", "3")
        .set("value", "3").set("numeric", Value(3.0)).set("debt", false).put(store);
    sql::Stmt close_debt(db, "UPDATE mark SET debt = 0 WHERE work_id = ? AND student_id = ?");
    close_debt.bind(1, s.work).bind(2, s.second_student).run();
    R(t::lesson).set("class_id", s.school_class).set("subject_id", s.subject).set("date", "2024-09-03").set("number", 2)
        .set("start_time", "09:25").set("topic", "Звуки и буквы. Алфавит").put(store);
    Id lesson = R(t::lesson).set("class_id", s.school_class).set("subject_id", s.subject).set("date", "2024-09-05")
                    .set("number", 1).set("start_time", "08:30").set("end_time", "09:15").set("topic", "Гласные звуки")
                    .put(store);
    Id work = R(t::work).set("class_id", s.school_class).set("subject_id", s.subject).set("lesson_id", lesson)
                  .set("date", "2024-09-05").set("type_raw", "Самостоятельная работа").put(store);
    R(t::mark).set("work_id", work).set("student_id", s.second_student).set("position", 0).set("raw", "4")
        .set("value", "4").set("numeric", Value(4.0)).put(store);
    R(t::attendance).set("lesson_id", s.lesson).set("student_id", s.student).set("reason", "absent-unexcused")
        .set("raw_code", "Н").put(store);
    transaction.commit();
}

const diff::Change* find(const diff::DiffResult& result, Fact fact, ChangeKind kind) {
    for (const diff::Change& change : result.changes)
        if (change.fact == fact && change.kind == kind) return &change;
    return nullptr;
}

class Diff : public ::testing::Test {
protected:
    TempDir dir;
    std::string old_path = dir.path("old.sqlite"), new_path = dir.path("new.sqlite");
};

TEST_F(Diff, FindsChangedRemovedAndAddedMarksTopicsAndAbsences) {
    test::make_mini_archive(old_path);
    make_later_archive(new_path);
    diff::DiffResult result = diff::diff_archives(old_path, new_path);

    EXPECT_EQ(result.count(Fact::mark).changed, 2);  // «5»→«4» and the debt closed with «3»
    EXPECT_EQ(result.count(Fact::mark).removed, 1);
    EXPECT_EQ(result.count(Fact::mark).added, 1);
    EXPECT_EQ(result.count(Fact::attendance).added, 1);
    EXPECT_EQ(result.count(Fact::attendance).removed + result.count(Fact::attendance).changed, 0);
    EXPECT_EQ(result.count(Fact::topic).changed, 1);
    EXPECT_EQ(result.count(Fact::topic).added, 1);  // the new lesson's topic
    EXPECT_EQ(result.count(Fact::homework).added + result.count(Fact::homework).changed +
                  result.count(Fact::homework).removed, 0);
    EXPECT_EQ(result.count(Fact::final_mark).added + result.count(Fact::final_mark).changed, 0);
    EXPECT_EQ(result.changes.size(), 7u);
    EXPECT_EQ(result.errors, 2) << "the changed «5» and the removed «4-»; closing a debt is no correction";

    const diff::Change* removed = find(result, Fact::mark, ChangeKind::removed);
    ASSERT_NE(removed, nullptr);
    EXPECT_EQ(removed->old_value, "4-");
    EXPECT_EQ(removed->context.student_name, "Орлов Пётр Ильич");
    EXPECT_EQ(removed->context.date, "2024-09-03");
    EXPECT_EQ(removed->context.detail, "Диктант");
    const diff::Change* topic = find(result, Fact::topic, ChangeKind::changed);
    ASSERT_NE(topic, nullptr);
    EXPECT_EQ(topic->old_value, "Звуки и буквы");
    EXPECT_EQ(topic->new_value, "Звуки и буквы. Алфавит");
    const diff::Change* absence = find(result, Fact::attendance, ChangeKind::added);
    ASSERT_NE(absence, nullptr);
    EXPECT_EQ(absence->new_value, "без уважительной причины, код Н");
    int debt_closed = 0;
    for (const diff::Change& change : result.changes)
        if (change.fact == Fact::mark && change.kind == ChangeKind::changed && change.old_value == "долг") {
            ++debt_closed;
            EXPECT_EQ(change.new_value, "3");
            EXPECT_FALSE(diff::breaks_mark_changed(change));
        }
    EXPECT_EQ(debt_closed, 1);
}

TEST_F(Diff, TextGroupsByClassSubjectAndStudentInRussian) {
    test::make_mini_archive(old_path);
    make_later_archive(new_path);
    std::ostringstream text;
    diff::write_text(diff::diff_archives(old_path, new_path), text);
    std::string out = text.str();
    EXPECT_NE(out.find("Текущие отметки: добавлено 1, удалено 1, изменено 2"), std::string::npos) << out;
    EXPECT_NE(out.find("Нарушения mark.changed (исправление или удаление отметок, положение 001 п. 4.2): 2"),
              std::string::npos) << out;
    EXPECT_NE(out.find("\n5А · Русский язык\n"), std::string::npos) << out;
    EXPECT_NE(out.find("    03.09.2024, Диктант — отметка изменена: «5» → «4»  [ошибка: mark.changed]\n"),
              std::string::npos) << out;
    EXPECT_NE(out.find("    03.09.2024, Диктант — отметка удалена (было «4-»)  [ошибка: mark.changed]\n"),
              std::string::npos) << out;
    EXPECT_NE(out.find("    03.09.2024, урок 2 — тема урока изменена: «Звуки и буквы» → «Звуки и буквы. Алфавит»\n"),
              std::string::npos) << out;
    EXPECT_NE(out.find("    03.09.2024, урок 2 — пропуск добавлен: «без уважительной причины, код Н»\n"), std::string::npos)
        << out;
    // Орлов's lines come under his name, after the lessons of the class-subject.
    std::size_t lessons = out.find("  Уроки\n"), orlov = out.find("  Орлов Пётр Ильич\n");
    ASSERT_NE(lessons, std::string::npos);
    ASSERT_NE(orlov, std::string::npos);
    EXPECT_LT(lessons, orlov);
}

TEST_F(Diff, CliExitsOneOnChangedMarksAndJsonHasValidateShapedFindings) {
    test::make_mini_archive(old_path);
    make_later_archive(new_path);
    auto result = run_jbridge("diff " + quote(old_path) + " " + quote(new_path) + " --format json");
    EXPECT_EQ(result.exit_code, 1) << result.err;
    auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["summary"]["error"], 2);
    EXPECT_EQ(json["counts"]["marks"]["removed"], 1);
    EXPECT_EQ(json["counts"]["attendance"]["added"], 1);
    EXPECT_EQ(json["changes"].size(), 7u);
    ASSERT_EQ(json["findings"].size(), 2u);
    for (const auto& finding : json["findings"]) {
        EXPECT_EQ(finding["rule"], "mark.changed");
        EXPECT_EQ(finding["severity"], "error");
        EXPECT_EQ(finding["where"]["student"], "Орлов Пётр Ильич");
        EXPECT_EQ(finding["where"]["class"], "5А");
        EXPECT_EQ(finding["where"]["subject"], "Русский язык");
        EXPECT_EQ(finding["where"]["mark_id"].get<std::string>().size(), 16u);
        EXPECT_EQ(finding["where"]["date"], "2024-09-03");
    }
    EXPECT_EQ(json["findings"][0]["message"].get<std::string>().rfind("Отметка «", 0), 0u);
    std::set<std::string> marks{json["findings"][0]["where"]["mark"], json["findings"][1]["where"]["mark"]};
    EXPECT_EQ(marks, (std::set<std::string>{"5", "4-"})) << "the mark as the older archive held it";
    auto text = run_jbridge("diff " + quote(old_path) + " " + quote(new_path));
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_NE(text.out.find("[ошибка: mark.changed]"), std::string::npos);
}

TEST_F(Diff, ReimportingTheSameDataGivesAnEmptyDiffAndExitZero) {
    test::make_mini_archive(old_path);
    test::make_mini_archive(new_path);
    {
        Archive archive = Archive::open_write(new_path);
        sql::Transaction transaction(archive.db());
        Store store(archive.db());
        test::put_mini_school(store);  // the same capture imported again
        transaction.commit();
    }
    diff::DiffResult result = diff::diff_archives(old_path, new_path);
    EXPECT_TRUE(result.changes.empty());
    EXPECT_EQ(result.errors, 0);
    auto cli = run_jbridge("diff " + quote(old_path) + " " + quote(new_path));
    EXPECT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_NE(cli.out.find("Различий нет"), std::string::npos) << cli.out;
    auto json = run_jbridge("diff " + quote(old_path) + " " + quote(new_path) + " --format json");
    EXPECT_EQ(json.exit_code, 0);
    EXPECT_TRUE(nlohmann::json::parse(json.out)["findings"].empty());
}

TEST_F(Diff, ARemovedDebtMarkerOrAnAddedMarkIsNoError) {
    test::MiniSchool s = test::make_mini_archive(old_path);
    test::make_mini_archive(new_path);
    {
        Archive archive = Archive::open_write(new_path);
        sql::Stmt erase(archive.db(), "DELETE FROM mark WHERE debt = 1");
        erase.run();
        sql::Transaction transaction(archive.db());
        Store store(archive.db());
        R(tables::mark).set("work_id", s.work).set("student_id", s.second_student).set("position", 1).set("raw", "5")
            .set("value", "5").put(store);
        transaction.commit();
    }
    diff::DiffResult result = diff::diff_archives(old_path, new_path);
    EXPECT_EQ(result.count(Fact::mark).removed, 1);
    EXPECT_EQ(result.count(Fact::mark).added, 1);
    EXPECT_EQ(result.errors, 0);
    EXPECT_EQ(run_jbridge("diff " + quote(old_path) + " " + quote(new_path)).exit_code, 0);
}

TEST_F(Diff, RefusesArchivesOfDifferentSchools) {
    test::make_mini_archive(old_path);
    {
        Archive archive = Archive::create(new_path);
        sql::Transaction transaction(archive.db());
        migrate(archive.db());
        Store store(archive.db());
        R(tables::school).set("code", "test-2").set("name", "Гимназия № 2").put(store);
        transaction.commit();
        archive.publish();
    }
    EXPECT_THROW(diff::diff_archives(old_path, new_path), Error);
    auto result = run_jbridge("diff " + quote(old_path) + " " + quote(new_path));
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("different schools"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("«Школа № 1» (code test-1)"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("«Гимназия № 2» (code test-2)"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());
}

TEST_F(Diff, BadInputIsExitTwoNamingTheFile) {
    test::make_mini_archive(old_path);
    test::write_file(new_path, "not an archive");
    auto result = run_jbridge("diff " + quote(old_path) + " " + quote(new_path));
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find(new_path), std::string::npos) << result.err;
    auto missing = run_jbridge("diff " + quote(old_path) + " " + quote(dir.path("nosuch.sqlite")));
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("no such archive"), std::string::npos) << missing.err;
}

TEST_F(Diff, NotesArchivesGivenInTheWrongOrder) {
    std::string demo = test::fixture("native/school-demo.jsonl");
    ASSERT_EQ(run_jbridge("import --from native " + quote(demo) + " -o " + quote(old_path)).exit_code, 0);
    ASSERT_EQ(run_jbridge("import --from native " + quote(demo) + " -o " + quote(new_path)).exit_code, 0);
    {  // both imports may finish within one second: date the older one a month back
        Archive archive = Archive::open_write(old_path);
        archive.db().exec("UPDATE import_run SET started_at = '2024-10-01T10:00:00Z', finished_at = '2024-10-01T10:00:05Z'");
    }
    diff::DiffResult in_order = diff::diff_archives(old_path, new_path);
    EXPECT_TRUE(in_order.changes.empty());
    EXPECT_FALSE(in_order.looks_swapped());
    auto swapped = run_jbridge("diff " + quote(new_path) + " " + quote(old_path));
    EXPECT_EQ(swapped.exit_code, 0);
    EXPECT_NE(swapped.err.find("did you mean `jbridge diff " + old_path + " " + new_path + "`?"), std::string::npos)
        << swapped.err;
    EXPECT_NE(swapped.out.find("возможно, архивы указаны в обратном порядке"), std::string::npos);
    EXPECT_TRUE(run_jbridge("diff " + quote(old_path) + " " + quote(new_path)).err.empty());
}

TEST(DiffQueries, StreamInIdOrderWithoutSorting) {
    TempDir dir;
    test::make_mini_archive(dir.path("a.sqlite"));
    Archive archive = Archive::open_read(dir.path("a.sqlite"));
    for (Fact fact : diff::all_facts) {
        sql::Stmt plan(archive.db(), "EXPLAIN QUERY PLAN " + std::string(diff::fact_query(fact)));
        std::string steps;
        while (plan.step()) steps += plan.column_text(3) + "\n";
        EXPECT_EQ(steps.find("TEMP B-TREE"), std::string::npos) << steps;
        EXPECT_NE(steps.find("SCAN"), std::string::npos) << steps;
    }
}

TEST(DiffCli, HelpHasAnExample) {
    auto help = run_jbridge("diff --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("Example:"), std::string::npos);
    EXPECT_EQ(run_jbridge("diff only-one.sqlite").exit_code, 2);
    EXPECT_EQ(run_jbridge("diff a b --format xml").exit_code, 2);
}

TEST(DiffOutput, RussianDate) {
    EXPECT_EQ(diff::russian_date("2024-09-03"), "03.09.2024");
    EXPECT_EQ(diff::russian_date(""), "");
}

}  // namespace
}  // namespace jb
