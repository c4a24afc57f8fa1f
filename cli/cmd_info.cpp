#include "cli/cmd_info.hpp"

#include <cstdio>
#include <memory>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/archive.hpp"
#include "core/archive_info.hpp"

namespace jb::cli {
namespace {

std::string text(const nlohmann::json& value) {
    if (value.is_null()) return "?";
    return value.is_string() ? value.get<std::string>() : value.dump();
}

void print_info(const std::string& path, const nlohmann::json& info) {
    std::printf("archive %s (schema version %d)\n", path.c_str(), info["schema_version"].get<int>());
    for (const auto& school : info["schools"]) {
        std::printf("\nschool  %s [%s]\n", text(school["name"]).c_str(), text(school["code"]).c_str());
        for (const auto& year : school["years"]) {
            std::printf("  year %d/%d  %s … %s, %s classes\n", year["start_year"].get<int>(),
                        year["start_year"].get<int>() + 1, text(year["start_date"]).c_str(),
                        text(year["end_date"]).c_str(), text(year["classes"]).c_str());
            for (const auto& period : year["periods"])
                std::printf("    %-9s %s  %s … %s\n", text(period["kind"]).c_str(), text(period["name"]).c_str(),
                            text(period["start_date"]).c_str(), text(period["end_date"]).c_str());
        }
    }
    std::printf("\nimport runs\n");
    for (const auto& run : info["import_runs"]) {
        std::printf("  #%s %s  jbridge %s, adapter %s %s: %s records, %s new, %s changed, %s unchanged\n",
                    text(run["run"]).c_str(), text(run["finished_at"]).c_str(), text(run["jbridge_version"]).c_str(),
                    text(run["adapter"]).c_str(), text(run["adapter_version"]).c_str(), text(run["records"]).c_str(),
                    text(run["inserted"]).c_str(),
                    text(run["updated"]).c_str(), text(run["unchanged"]).c_str());
        for (const auto& input : run["inputs"])
            std::printf("      %s  sha256 %s\n", text(input["path"]).c_str(), text(input["sha256"]).c_str());
    }
    std::printf("\nraw captures\n");
    for (const auto& capture : info["captures"])
        std::printf("  %s  %s bytes (%s stored, %s)  sha256 %s\n", text(capture["name"]).c_str(),
                    text(capture["size"]).c_str(), text(capture["compressed_size"]).c_str(),
                    text(capture["compression"]).c_str(), text(capture["sha256"]).c_str());
}

}  // namespace

void add_info_command(CLI::App& app, Action& action) {
    auto archive_path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("info", "Show what is inside an archive: school, years, periods, imports, captures");
    cmd->add_option("archive", *archive_path, "Archive to read")->required();
    cmd->add_flag("--json", *json, "Machine-readable output");
    cmd->footer("Example:\n  jbridge info school.sqlite");
    cmd->callback([&action, archive_path, json] {
        action = [archive_path, json] {
            Archive archive = Archive::open_read(*archive_path);
            nlohmann::json info = archive_info(archive.db());
            if (*json) std::printf("%s\n", info.dump(2).c_str());
            else print_info(*archive_path, info);
            return 0;
        };
    });
}

}  // namespace jb::cli
