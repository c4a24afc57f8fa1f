#include "cli/cmd_validate.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <CLI/CLI.hpp>

#include "core/archive.hpp"
#include "core/report/html_report.hpp"
#include "core/report/report_file.hpp"
#include "core/validate/engine.hpp"
#include "core/validate/profile.hpp"
#include "core/validate/text_report.hpp"

namespace jb::cli {
namespace {

using Renderer = std::string (*)(const validate::ValidationResult&);

std::string render_json(const validate::ValidationResult& result) { return result.to_json() + "\n"; }

// The output formats of `validate`: a new format (e.g. html) is one more entry here.
const std::map<std::string, Renderer>& formats() {
    static const std::map<std::string, Renderer> all{{"json", render_json}, {"text", validate::render_text}};
    return all;
}

struct ValidateArgs {
    std::string archive, profile, format = "text", as_of, output;
    bool timings = false;
};

// The «Анализ работы с классными журналами» page: the result (read back in the contract's JSON
// shape, as `jbridge report --validation` reads a saved one) with the archive's completeness.
std::string render_html(sql::Db& db, const ValidateArgs& args, const validate::ValidationResult& result) {
    std::string as_of = args.as_of.empty() ? report::default_as_of(db) : args.as_of;
    report::ReportInput input = report::gather_report_input(db, args.archive, as_of);
    input.validation = report::validation_from_json(result.to_json(), args.archive);
    report::attribute_teachers(db, input.validation);
    input.validated = true;
    return report::render_html_report(input);
}

}  // namespace

void add_validate_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<ValidateArgs>();
    auto* cmd = app.add_subcommand("validate", "Check a journal archive against a regulation profile");
    cmd->add_option("archive", args->archive, "Archive to check")->required();
    std::string names;
    for (const auto& name : validate::shipped_profile_names()) names += (names.empty() ? "" : ", ") + name;
    cmd->add_option("--profile", args->profile, "Profile: a shipped name (" + names + ") or the path of a school's copy")
        ->required();
    std::vector<std::string> format_names;
    for (const auto& [name, renderer] : formats()) format_names.push_back(name);
    format_names.push_back("html");
    cmd->add_option("--format", args->format,
                    "Output: text (for people), json (docs/contract.md) or html (the «Анализ работы с классными "
                    "журналами» page, docs/report.md)")
        ->check(CLI::IsMember(format_names));
    cmd->add_option("-o,--output", args->output, "Write the output to this file (atomically) instead of standard output");
    cmd->add_option("--as-of", args->as_of,
                    "Judge the journal as on this day (YYYY-MM-DD); default: the day of the latest import");
    cmd->add_flag("--timings", args->timings, "Print how long each rule took (standard error)");
    cmd->footer("Examples:\n  jbridge validate school.sqlite --profile ru-mosreg --format text\n"
                "  jbridge validate school.sqlite --profile ./my-school.toml --format json\n"
                "  jbridge validate school.sqlite --profile ru-municipal --format html -o analysis.html\n"
                "Exit codes: 0 no finding of severity error; 1 errors found; 2 bad usage, unreadable archive or profile.");
    cmd->callback([&action, args] {
        action = [args] {
            validate::Profile profile = validate::load_profile(args->profile);
            Archive archive = Archive::open_read(args->archive);
            validate::ValidateOptions options;
            if (!args->as_of.empty()) options.as_of = args->as_of;
            validate::ValidationResult result = validate::run_validation(archive.db(), profile, options);
            const std::string text = args->format == "html" ? render_html(archive.db(), *args, result)
                                                            : formats().at(args->format)(result);
            report::write_page(text, args->output);
            if (args->timings)
                for (const auto& [rule, seconds] : result.rule_seconds) std::fprintf(stderr, "%8.2f s  %s\n", seconds, rule.c_str());
            return result.has_errors() ? 1 : 0;
        };
    });
}

}  // namespace jb::cli
