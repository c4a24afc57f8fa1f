#include "cli/cmd_report.hpp"

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <CLI/CLI.hpp>

#include "core/archive.hpp"
#include "core/error.hpp"
#include "core/report/html_report.hpp"
#include "core/report/report_file.hpp"
#include "core/text_format.hpp"

namespace jb::cli {
namespace {

struct ReportOptions {
    std::string archive;
    std::string validation;
    std::string as_of;
    std::string output;
};

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read the validation result");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int run_report(const ReportOptions& options) {
    if (!options.as_of.empty() && !is_valid_date(options.as_of))
        throw Error("--as-of " + options.as_of + ": expected a date YYYY-MM-DD");
    Archive archive = Archive::open_read(options.archive);
    std::string as_of = options.as_of.empty() ? report::default_as_of(archive.db()) : options.as_of;
    report::ReportInput input = report::gather_report_input(archive.db(), options.archive, as_of);
    if (!options.validation.empty()) {
        input.validation = report::validation_from_json(read_whole(options.validation), options.validation);
        report::attribute_teachers(archive.db(), input.validation);
        input.validated = true;
    }
    report::write_page(report::render_html_report(input), options.output);
    return 0;
}

}  // namespace

void add_report_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report", "The «Анализ работы с классными журналами» page (HTML) for an archive");
    cmd->add_option("archive", options->archive, "Archive to read")->required();
    cmd->add_option("--validation", options->validation,
                    "A saved result of `jbridge validate --format json` to show findings per teacher and class");
    cmd->add_option("--as-of", options->as_of, "Count lessons and periods up to this date (YYYY-MM-DD; default: the last lesson in the archive, at most today)");
    cmd->add_option("-o,--output", options->output, "HTML file to write, or - for standard output")->required();
    cmd->footer("Example:\n  jbridge validate school.sqlite --profile ru-municipal --format json > check.json\n"
                "  jbridge report school.sqlite --validation check.json -o analysis.html\n"
                "One self-contained page: no scripts, no external files; open it in any browser or print it.");
    cmd->callback([&action, options] { action = [options] { return run_report(*options); }; });
}

}  // namespace jb::cli
