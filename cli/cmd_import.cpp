#include "cli/cmd_import.hpp"

#include <cstdio>
#include <memory>
#include <CLI/CLI.hpp>

#include "core/importer.hpp"
#include "core/progress.hpp"

namespace jb::cli {

void add_import_command(CLI::App& app, Action& action) {
    auto request = std::make_shared<ImportRequest>();
    auto quiet = std::make_shared<bool>(false);
    auto year = std::make_shared<int>(0);
    auto* cmd = app.add_subcommand("import", "Read platform data or a native bundle into an archive");
    std::vector<std::string> from = adapter_names(false);
    from.push_back("auto");
    cmd->add_option("--from", request->adapter, "Adapter that reads the inputs, or auto to detect it")
        ->required()
        ->check(CLI::IsMember(from));
    cmd->add_option("inputs", request->inputs, "Input files (HAR, saved pages, bundles) or folders")->required();
    cmd->add_option("-o,--output", request->archive,
                    "Archive to create, or to add to (importing the same input twice changes nothing)")
        ->required();
    cmd->add_option("--school-year", *year, "Calendar year in which the school year starts (default: from the capture date)")
        ->check(CLI::Range(2000, 2100));
    cmd->add_flag("-q,--quiet", *quiet, "Print nothing but errors");
    cmd->footer("Example:\n  jbridge import --from native fixtures/native/school-demo.jsonl -o school.sqlite\n"
                "A new archive appears only when the import is complete; an existing one is changed in a\n"
                "single transaction, so a failed import leaves it exactly as it was.");
    cmd->callback([&action, request, quiet, year] {
        action = [request, quiet, year] {
            if (*year != 0) request->school_year = *year;
            request->show_progress = !*quiet && stderr_is_terminal();
            ImportReport report = run_import(*request);
            if (!*quiet)
                std::printf("%s %s: %lld records via %s: %lld new, %lld changed, %lld unchanged\n",
                            report.created ? "created" : "updated", request->archive.c_str(),
                            static_cast<long long>(report.records), report.adapter.c_str(),
                            static_cast<long long>(report.inserted), static_cast<long long>(report.updated),
                            static_cast<long long>(report.unchanged));
            // Unmapped values are stored verbatim; the admin learns of them even with --quiet.
            if (!report.unknown_values.empty())
                std::fprintf(stderr, "jbridge: warning: values no mapping file knows:\n%s",
                             report.unknown_values.c_str());
            return 0;
        };
    });
}

}  // namespace jb::cli
