#include "cli/cmd_export.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <CLI/CLI.hpp>

#include "core/adapter.hpp"
#include "core/archive.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"

namespace jb::cli {
namespace {

struct ExportOptions {
    std::string format;
    std::string archive;
    std::string output;
    bool quiet = false;
};

int run_export(const ExportOptions& options) {
    const Adapter* adapter = find_adapter(options.format);
    if (!adapter || !adapter->info().writes) throw Error("adapter " + options.format + " cannot write");
    std::error_code ec;
    if (options.output != "-" && std::filesystem::equivalent(options.archive, options.output, ec))
        throw Error(options.output + ": is the archive being exported; choose another output file");
    Archive archive = Archive::open_read(options.archive);
    Progress progress("exporting", !options.quiet && stderr_is_terminal());
    if (options.output == "-") {
        adapter->write(archive.db(), std::cout, &progress);
        std::cout.flush();
        if (!std::cout) throw Error("standard output: write failed");
        return 0;
    }
    AtomicFile file(options.output);
    try {
        adapter->write(archive.db(), file.stream(), &progress);
    } catch (const Error& e) {
        throw Error(options.output + ": " + e.what());
    }
    progress.finish();
    file.commit();
    if (!options.quiet) std::printf("wrote %s (%s)\n", options.output.c_str(), options.format.c_str());
    return 0;
}

}  // namespace

void add_export_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand("export", "Write an archive out in another format");
    cmd->add_option("--to", options->format, "Output format (an adapter that writes)")
        ->required()
        ->check(CLI::IsMember(adapter_names(true)));
    cmd->add_option("archive", options->archive, "Archive to read")->required();
    cmd->add_option("-o,--output", options->output, "Output file, or - for standard output")->required();
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing but errors");
    cmd->footer("Example:\n  jbridge export --to native school.sqlite -o school.jsonl\n"
                "The output is written under a temporary name and renamed when complete.");
    cmd->callback([&action, options] { action = [options] { return run_export(*options); }; });
}

}  // namespace jb::cli
