// Profiles as data files, the contract's JSON shape and exit codes of `jbridge validate`, and the
// deputy director's text report.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "core/error.hpp"
#include "core/validate/finding.hpp"
#include "core/validate/profile.hpp"
#include "core/validate/rule.hpp"
#include "core/validate/text_checks.hpp"
#include "tests/support/mini_school.hpp"
#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb::validate {
namespace {

using test::quote;
using test::run_jbridge;

std::string error_of(const std::string& text) {
    try {
        parse_profile(text, "my-school.toml", "my-school");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST(Profiles, EveryShippedProfileLoadsAndSetsEveryRuleExceptRetention) {
    for (const std::string& name : shipped_profile_names()) {
        Profile profile = load_profile(name);
        EXPECT_EQ(profile.name, name);
        EXPECT_FALSE(profile.description.empty()) << name;
        for (const RuleSpec& rule : all_rules()) {
            auto it = profile.rules.find(rule.id);
            ASSERT_NE(it, profile.rules.end()) << name << " does not set " << rule.id;
            for (const ParamSpec& p : rule.params)
                EXPECT_TRUE(it->second.values.count(p.name) || it->second.lists.count(p.name))
                    << name << ": " << rule.id << "." << p.name << " is not written out";
        }
    }
}

TEST(Profiles, RegionalDifferencesAreData) {
    Profile mosreg = load_profile("ru-mosreg"), base = load_profile("base"), tatarstan = load_profile("ru-tatarstan");
    Profile samara = load_profile("ru-samara"), kbr = load_profile("ru-kbr");
    ASSERT_NE(mosreg.settings("mark.symbol"), nullptr);
    EXPECT_EQ(mosreg.settings("mark.symbol")->lists.at("allowed"), (std::vector<std::string>{"2", "3", "4", "5"}));
    EXPECT_EQ(mosreg.settings("mark.symbol")->severity, Severity::error);
    EXPECT_EQ(base.settings("mark.symbol"), nullptr) << "off outside ru-mosreg";
    EXPECT_EQ(tatarstan.settings("final.na")->severity, Severity::error);
    EXPECT_EQ(samara.settings("final.na")->severity, Severity::warning);
    EXPECT_EQ(tatarstan.settings("final.deadline")->values.at("latest_days_after_end"), "-2");
    EXPECT_EQ(samara.settings("final.deadline")->values.at("latest_days_after_end"), "4");
    EXPECT_EQ(mosreg.settings("final.deadline")->values.at("earliest_days_before_end"), "6");
    EXPECT_EQ(kbr.settings("mark.written-late")->values.at("written_days"), "5");
    EXPECT_EQ(kbr.settings("mark.written-late")->values.at("senior_written_days"), "7");
    EXPECT_EQ(mosreg.settings("mark.written-late")->values.at("control_days"), "3");
    EXPECT_EQ(samara.settings("mark.first-grade")->severity, Severity::error);
    EXPECT_EQ(base.settings("mark.first-grade")->severity, Severity::warning);
    EXPECT_EQ(mosreg.settings("teacher.name-abbreviated")->severity, Severity::warning);
}

TEST(Profiles, AnUnknownRuleIsRefusedWithFileAndLine) {
    std::string e = error_of("name = \"x\"\n\n[rules.\"mark.symbl\"]\nenabled = true\n");
    EXPECT_NE(e.find("my-school.toml:3"), std::string::npos) << e;
    EXPECT_NE(e.find("unknown rule \"mark.symbl\""), std::string::npos) << e;
}

TEST(Profiles, BadParametersAreRefusedWithFileAndLine) {
    std::string e = error_of("[rules.\"final.deadline\"]\nlatest_days_after_end = \"four\"\n");
    EXPECT_NE(e.find("my-school.toml:2"), std::string::npos) << e;
    EXPECT_NE(e.find("latest_days_after_end"), std::string::npos) << e;
    e = error_of("[rules.\"mark.symbol\"]\n\nallowed = \"5\"\n");
    EXPECT_NE(e.find("my-school.toml:3"), std::string::npos) << e;
    e = error_of("[rules.\"mark.symbol\"]\nseverity = \"fatal\"\n");
    EXPECT_NE(e.find("my-school.toml:2"), std::string::npos) << e;
    e = error_of("[rules.\"mark.symbol\"]\nallowd = [\"5\"]\n");
    EXPECT_NE(e.find("my-school.toml:2"), std::string::npos) << e;
    EXPECT_NE(e.find("unknown parameter \"allowd\""), std::string::npos) << e;
    e = error_of("[rules.\"mark.first-grade\"]\ngrades = [1, \"first\"]\n");
    EXPECT_NE(e.find("my-school.toml:2"), std::string::npos) << e;
    EXPECT_NE(e.find("\"first\""), std::string::npos) << e;
    e = error_of("nmae = \"x\"\n");
    EXPECT_NE(e.find("my-school.toml:1"), std::string::npos) << e;
    e = error_of("[rules.\"mark.symbol\"\n");
    EXPECT_NE(e.find("my-school.toml:1"), std::string::npos) << "TOML syntax: " << e;
}

TEST(Profiles, UnquotedDottedRuleIdsWorkToo) {
    Profile p = parse_profile("[rules.mark.symbol]\nallowed = [\"5\"]\n", "p.toml", "p");
    ASSERT_NE(p.settings("mark.symbol"), nullptr);
    EXPECT_EQ(p.settings("mark.symbol")->lists.at("allowed"), std::vector<std::string>{"5"});
}

TEST(Results, JsonHasExactlyTheContractsShape) {
    ValidationResult r;
    r.profile = "ru-mosreg";
    Finding f;
    f.rule = "final.na";
    f.severity = Severity::error;
    f.message = "Отметка «н/а»";
    f.where.school_class = {0x1234, "5А"};
    f.where.student = {0x42, "Орлов Пётр Ильич"};
    f.where.date = "2024-10-25";
    r.findings.push_back(f);
    r.not_applicable = {"mark.backdated"};
    auto json = nlohmann::json::parse(r.to_json());
    std::set<std::string> keys;
    for (const auto& [k, v] : json.items()) keys.insert(k);
    EXPECT_EQ(keys, (std::set<std::string>{"profile", "findings", "not_applicable", "summary"}));
    EXPECT_EQ(json["summary"], nlohmann::json::parse(R"({"error":1,"warning":0,"info":0})"));
    const auto& item = json["findings"][0];
    EXPECT_EQ(item["rule"], "final.na");
    EXPECT_EQ(item["severity"], "error");
    EXPECT_EQ(item["where"]["class_id"], "0000000000001234");
    EXPECT_EQ(item["where"]["class"], "5А");
    EXPECT_EQ(item["where"]["student_id"], "0000000000000042");
    EXPECT_EQ(item["where"]["date"], "2024-10-25");
    EXPECT_EQ(json["not_applicable"], nlohmann::json::parse(R"(["mark.backdated"])"));
}

TEST(TextChecks, CyrillicInitialsAndGenericKeys) {
    EXPECT_TRUE(has_cyrillic_letter("Ёж"));
    EXPECT_FALSE(has_cyrillic_letter("Present Simple"));
    EXPECT_TRUE(is_initials("И.И."));
    EXPECT_TRUE(is_initials("А"));
    EXPECT_FALSE(is_initials("Ян"));
    EXPECT_EQ(topic_key("  Контрольная работа № 2. "), "контрольная работа");
}

class ValidateCli : public ::testing::Test {
protected:
    std::string archive() const { return dir.path("school.sqlite"); }
    test::TempDir dir;
};

TEST_F(ValidateCli, JsonOnStdoutAndExitOneWhenErrorsAreFound) {
    test::make_mini_archive(archive());
    auto r = run_jbridge("validate " + quote(archive()) + " --profile ru-mosreg --format json --as-of 2025-01-15");
    EXPECT_EQ(r.exit_code, 1) << r.err;  // «4-» is not a ru-mosreg symbol
    auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["profile"], "ru-mosreg");
    EXPECT_GE(json["summary"]["error"].get<int>(), 1);
    bool symbol = false;
    for (const auto& f : json["findings"]) symbol = symbol || f["rule"] == "mark.symbol";
    EXPECT_TRUE(symbol);
    std::set<std::string> na;
    for (const auto& id : json["not_applicable"]) na.insert(id.get<std::string>());
    EXPECT_TRUE(na.count("mark.changed"));
    EXPECT_TRUE(na.count("homework.late")) << "the mini school has no homework entry times";
}

TEST_F(ValidateCli, ExitZeroWithoutErrorsAndASchoolsEditedCopy) {
    test::make_mini_archive(archive());
    // A school's copy of ru-mosreg allowing «+»/«-» and switching off the rules that find errors here.
    std::string profile = test::read_file(std::string(JBRIDGE_SOURCE_DIR) + "/mappings/profiles/ru-mosreg.toml");
    auto set = [&](const std::string& from, const std::string& to) {
        auto at = profile.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        profile.replace(at, from.size(), to);
    };
    set("name = \"ru-mosreg\"", "name = \"школа-7\"");
    set("allow_modifiers = false", "allow_modifiers = true");
    set("[rules.\"attendance.code\"]\nenabled = true", "[rules.\"attendance.code\"]\nenabled = false");
    test::write_file(dir.path("school-7.toml"), profile);
    auto r = run_jbridge("validate " + quote(archive()) + " --profile " + quote(dir.path("school-7.toml")) +
                         " --format json --as-of 2025-01-15");
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["profile"], "школа-7");
    EXPECT_EQ(json["summary"]["error"], 0);
}

TEST_F(ValidateCli, TextIsGroupedByClassSubjectAndTeacher) {
    test::make_mini_archive(archive());
    auto r = run_jbridge("validate " + quote(archive()) + " --profile base --format text --as-of 2025-01-15");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("по профилю «base»"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("== Класс 5А =="), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  Русский язык — учитель Белова Анна Сергеевна"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Зайцева Мария Олеговна: Нет отметки за «1 четверть»"), std::string::npos) << r.out;
}

TEST_F(ValidateCli, EveryShippedProfileRunsOnTheDemoSchool) {
    auto imported = run_jbridge("import --from native " + quote(test::fixture("native/school-demo.jsonl")) + " -o " +
                                quote(archive()));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    for (const std::string& name : shipped_profile_names()) {
        auto r = run_jbridge("validate " + quote(archive()) + " --profile " + name + " --format json");
        auto json = nlohmann::json::parse(r.out);
        const int errors = json["summary"]["error"].get<int>();
        EXPECT_EQ(r.exit_code, errors > 0 ? 1 : 0) << name << r.err;
        EXPECT_EQ(json["profile"], name);
        int counted = 0;
        for (const auto& f : json["findings"]) {
            EXPECT_NE(find_rule(f["rule"].get<std::string>()), nullptr) << f.dump();
            EXPECT_FALSE(f["message"].get<std::string>().empty());
            counted += f["severity"] == "error";
        }
        EXPECT_EQ(counted, errors) << name;
        for (const auto& id : json["not_applicable"]) EXPECT_NE(find_rule(id.get<std::string>()), nullptr) << name;
        auto text = run_jbridge("validate " + quote(archive()) + " --profile " + name + " --format text");
        EXPECT_EQ(text.exit_code, r.exit_code) << name;
        EXPECT_NE(text.out.find("Итого: ошибок " + std::to_string(errors)), std::string::npos) << text.out.substr(0, 400);
    }
}

TEST_F(ValidateCli, BadProfileOrArchiveExitsTwoNamingTheFileAndLine) {
    test::make_mini_archive(archive());
    test::write_file(dir.path("bad.toml"), "name = \"bad\"\n[rules.\"no.such-rule\"]\n");
    auto r = run_jbridge("validate " + quote(archive()) + " --profile " + quote(dir.path("bad.toml")) + " --format json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("bad.toml:2"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
    r = run_jbridge("validate " + quote(archive()) + " --profile ru-nowhere --format json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("profiles/ru-nowhere.toml"), std::string::npos) << r.err;
    r = run_jbridge("validate " + quote(dir.path("missing.sqlite")) + " --profile base --format json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("missing.sqlite"), std::string::npos) << r.err;
    r = run_jbridge("validate " + quote(archive()) + " --profile base --format pdf");
    EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace jb::validate
