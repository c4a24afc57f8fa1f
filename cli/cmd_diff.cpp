#include "cli/cmd_diff.hpp"

#include <iostream>
#include <memory>
#include <CLI/CLI.hpp>

#include "core/diff/archive_diff.hpp"
#include "core/diff/diff_output.hpp"
#include "core/error.hpp"

namespace jb::cli {
namespace {

struct DiffOptions {
    std::string old_archive;
    std::string new_archive;
    std::string format = "text";
};

int run_diff(const DiffOptions& options) {
    diff::DiffResult result = diff::diff_archives(options.old_archive, options.new_archive);
    if (result.looks_swapped())
        std::cerr << "jbridge: note: " << options.old_archive << " was last imported into at " << result.old_last_import
                  << ", after " << options.new_archive << " (" << result.new_last_import
                  << "); did you mean `jbridge diff " << options.new_archive << " " << options.old_archive << "`?\n";
    if (options.format == "json") diff::write_json(result, std::cout);
    else diff::write_text(result, std::cout);
    std::cout.flush();
    if (!std::cout) throw Error("standard output: write failed");
    return result.errors > 0 ? 1 : 0;
}

}  // namespace

void add_diff_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<DiffOptions>();
    auto* cmd = app.add_subcommand(
        "diff", "What changed between two archives of one school: marks, absences, final marks, topics, homework");
    cmd->add_option("old", options->old_archive, "The older archive (e.g. last month's backup)")->required();
    cmd->add_option("new", options->new_archive, "The newer archive")->required();
    cmd->add_option("--format", options->format, "text (Russian, for an admin) or json")
        ->check(CLI::IsMember({"text", "json"}));
    cmd->footer("Example:\n  jbridge diff backup-2024-10-01.sqlite backup-2024-11-01.sqlite --format text\n"
                "A current mark that was changed or removed is an error (rule mark.changed, 001 §4.2).\n"
                "Exit codes: 0 no such error; 1 marks were changed or removed; 2 bad input "
                "(e.g. archives of different schools).");
    cmd->callback([&action, options] { action = [options] { return run_diff(*options); }; });
}

}  // namespace jb::cli
