#include <csignal>
#include <cstdio>
#include <CLI/CLI.hpp>

#include "cli/cmd_adapters.hpp"
#include "cli/cmd_diff.hpp"
#include "cli/cmd_export.hpp"
#include "cli/cmd_import.hpp"
#include "cli/cmd_info.hpp"
#include "cli/cmd_pull.hpp"
#include "cli/cmd_report.hpp"
#include "cli/cmd_stats.hpp"
#include "cli/cmd_upgrade.hpp"
#include "cli/cmd_validate.hpp"
#include "core/adapter.hpp"
#include "core/error.hpp"
#include "core/temp_files.hpp"
#include "core/version.hpp"

namespace jb::cli {

std::vector<std::string> adapter_names(bool for_writing) {
    std::vector<std::string> names;
    for (const Adapter* adapter : registered_adapters())
        if (for_writing ? adapter->info().writes : adapter->info().reads) names.push_back(adapter->info().name);
    return names;
}

}  // namespace jb::cli

int main(int argc, char** argv) {
    // A file-size limit must surface as a write error (exit 2, archive untouched), not kill us.
    std::signal(SIGXFSZ, SIG_IGN);
    jb::install_interrupt_cleanup();

    CLI::App app{"jbridge: moves, backs up and checks Russian school journals (ЭО РТ, АСУ РСО, "
                 "school.mosreg.ru, БАРС/О7) through one archive."};
    app.set_version_flag("--version", std::string("jbridge ") + jb::kJbridgeVersion);
    app.require_subcommand(1);
    app.footer("Run `jbridge VERB --help` for a verb's options and an example.\n"
               "Exit codes: 0 done; 1 validate found errors; 2 bad usage, bad input or a failed run.");

    jb::cli::Action action;
    const jb::cli::CommandSetup commands[] = {jb::cli::add_import_command, jb::cli::add_export_command,
                                              jb::cli::add_stats_command,  jb::cli::add_info_command,
                                              jb::cli::add_adapters_command, jb::cli::add_upgrade_command,
                                              jb::cli::add_pull_command,     jb::cli::add_validate_command,
                                              jb::cli::add_diff_command,     jb::cli::add_report_command};
    for (auto setup : commands) setup(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        return action ? action() : 2;
    } catch (const jb::Error& e) {
        std::fprintf(stderr, "jbridge: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "jbridge: internal error: %s\n", e.what());
        return 2;
    }
}
